"""Grandfather-father-son retention: the pure plan across simulated dates, and applying it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from test_backup_helpers import demo_file

from cellsec.backup import (
    Candidate,
    RetentionPolicy,
    apply_retention,
    list_backups,
    make_backup,
    plan_retention,
)

NOW = datetime(2026, 11, 22, 18, 0)
NO_LAST = RetentionPolicy(last=0)


def auto(t: datetime, kind: str = "auto", good: bool = True) -> Candidate:
    return Candidate(t.isoformat(), t, kind, good)


def kept(items, policy=NO_LAST, now=NOW) -> list[str]:
    keys = plan_retention(items, now, policy)
    return sorted(k for k in keys)


def test_one_backup_a_day_for_a_year_keeps_10_days_8_weeks_12_months():
    # GIVEN one automatic backup every evening for 400 days
    items = [auto(NOW - timedelta(days=d)) for d in range(400)]
    keep = {datetime.fromisoformat(k) for k in kept(items)}
    days = {NOW - timedelta(days=d) for d in range(10)}
    assert days <= keep
    # THEN the newest of each of the last 8 ISO weeks and of the last 12 months
    weeks = {}
    months = {}
    for c in sorted(items, key=lambda c: c.created, reverse=True):
        weeks.setdefault(c.created.isocalendar()[:2], c.created)
        months.setdefault((c.created.year, c.created.month), c.created)
    assert set(list(weeks.values())[:8]) <= keep
    assert set(list(months.values())[:12]) <= keep
    assert keep == days | set(list(weeks.values())[:8]) | set(list(months.values())[:12])
    assert len(keep) < 30


def test_days_count_only_days_with_changes():
    # GIVEN a cell that works one day a month (a backup only when something changed)
    items = [auto(datetime(2026, m, 5, 20, 0)) for m in range(1, 12)]
    # THEN all 11 are kept: each is the newest of a "day with changes" among the last 10,
    # or of one of the last 12 months
    assert len(kept(items)) == 11


def test_several_backups_in_a_day_keep_the_newest_of_the_day():
    day = NOW.replace(hour=8)
    items = [auto(day + timedelta(hours=h)) for h in range(0, 10, 2)]
    assert kept(items) == [(day + timedelta(hours=8)).isoformat()]
    # with the default policy the three most recent stay, for an afternoon's mistake
    assert len(kept(items, RetentionPolicy())) == 3


@pytest.mark.parametrize(
    "days, weeks, months", [(1, 0, 0), (3, 0, 0), (0, 2, 0), (0, 0, 2), (10, 8, 12), (0, 0, 0)]
)
def test_numbers_are_parameters(days, weeks, months):
    items = [auto(NOW - timedelta(days=d)) for d in range(200)]
    policy = RetentionPolicy(days=days, weeks=weeks, months=months, last=0)
    keep = kept(items, policy)
    # the newest good backup is always kept, even with every number at zero
    assert (NOW).isoformat() in keep
    if (days, weeks, months) == (0, 0, 0):
        assert keep == [NOW.isoformat()]
    if (days, weeks, months) == (3, 0, 0):
        assert len(keep) == 3


def test_never_deletes_the_newest_good_backup_even_if_it_is_special():
    items = [auto(NOW - timedelta(days=d)) for d in range(1, 30)]
    newest = auto(NOW, kind="before_restore")
    assert newest.key in kept([*items, newest], RetentionPolicy(days=0, weeks=0, months=0, last=0))


def test_the_newest_good_backup_is_kept_when_newer_ones_are_bad():
    good = auto(NOW - timedelta(days=40))
    bad = [auto(NOW - timedelta(hours=h), good=False) for h in range(1, 5)]
    keep = kept([good, *bad], RetentionPolicy(days=0, weeks=0, months=0, last=0))
    assert keep == [good.key]


def test_pre_migration_and_pre_restore_backups_are_kept_five_of_each():
    migrations = [auto(NOW - timedelta(days=100 * i), kind="before_migration") for i in range(7)]
    restores = [
        auto(NOW - timedelta(days=30 * i + 1), kind="before_restore", good=i % 2 == 0) for i in range(7)
    ]
    regular = [auto(NOW - timedelta(days=d)) for d in range(3)]
    keep = set(kept([*migrations, *restores, *regular]))
    assert {c.key for c in migrations[:5]} <= keep
    assert not {c.key for c in migrations[5:]} & keep
    # a damaged file kept aside before a restore is kept like the others (not "good")
    assert {c.key for c in restores[:5]} <= keep
    assert not {c.key for c in restores[5:]} & keep


def test_unknown_kinds_and_future_dates_are_never_deleted():
    odd = auto(NOW - timedelta(days=900), kind="from_a_newer_version")
    future = auto(NOW + timedelta(days=3000))
    items = [odd, future, *[auto(NOW - timedelta(days=d)) for d in range(1, 100)]]
    keep = set(kept(items, RetentionPolicy(days=1, weeks=0, months=0, last=0)))
    assert {odd.key, future.key} <= keep


def test_retention_over_simulated_dates_settles_on_the_expected_set():
    # GIVEN a year of daily backups, pruned every day as the app would
    kept_items: list[Candidate] = []
    day0 = datetime(2026, 1, 1, 17, 0)
    for d in range(365):
        now = day0 + timedelta(days=d)
        kept_items.append(auto(now))
        keys = plan_retention(kept_items, now)
        kept_items = [c for c in kept_items if c.key in keys]
        # THEN at every point the last 10 days are all there
        recent = {c.created for c in kept_items if now - c.created < timedelta(days=10)}
        assert len(recent) == min(d + 1, 10)
    # AND at the end: 10 days, 8 weeks, 12 months (overlapping), never more than ~30 files
    months = {(c.created.year, c.created.month) for c in kept_items}
    assert len(months) == 12 and len(kept_items) <= 30


def test_apply_retention_deletes_files_and_leaves_strangers_alone(tmp_path):
    path = demo_file(tmp_path)
    start = datetime(2026, 10, 1, 20, 0)
    made = [make_backup(path, now=start + timedelta(hours=6 * i), kind="auto") for i in range(12)]
    before_migration = make_backup(path, now=start - timedelta(days=300), kind="before_migration")
    stranger = tmp_path / "chibo-backups" / "ban-chep-tay.cellsec"
    stranger.write_bytes(path.read_bytes())
    deleted = apply_retention(path, now=start + timedelta(days=3), policy=RetentionPolicy(last=0))
    left = {i.path for i in list_backups(path)}
    assert stranger in left and before_migration.path in left
    # 12 backups over 4 days (one ISO week, one month) -> the newest of each day
    assert {p for p in left if p in {m.path for m in made}} == {made[i].path for i in (11, 8, 4, 0)}
    assert set(deleted) == {m.path for m in made} - left
    for p in deleted:
        assert not p.exists() and not (p.parent / (p.name + ".json")).exists()
