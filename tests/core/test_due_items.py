"""The "Việc cần làm" list on a real file: the demo cell through a year, marks that survive a
restart and show in the history, refusals that write nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from factories import TODAY

from cellsec.demo.cell import create_demo
from cellsec.errors import ValidationError
from cellsec.rules.due import RULES
from cellsec.rules.due.meetings import month_end
from cellsec.services.due import counts_by_page, due_items, mark_done, postpone
from cellsec.services.history import recent_history
from cellsec.store import Store


@pytest.fixture
def demo(store):
    create_demo(store, today=TODAY)
    return store


def test_every_rule_has_a_cited_setting_and_a_unique_key():
    from cellsec.rules.settings import Rules

    rules = Rules.defaults()
    assert len({r.key for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.setting in rules.settings, rule.key
        assert rules.settings[rule.setting].source, rule.key


def test_the_demo_cell_through_a_year(demo):
    # GIVEN the demo cell, left alone for a year after TODAY (no meeting held any more)
    first_seen: dict[str, date] = {}
    for offset in range(0, 366, 1):
        day = TODAY + timedelta(days=offset)
        for item in due_items(demo, day):
            first_seen.setdefault(item.key, day)
            # THEN every item is red exactly once its day has passed, never before
            assert (item.state.value == "overdue") == (day > item.due), (day, item)
    # AND each month's regular meeting is asked for 30 days before the month's end (from the
    # month's first day at the earliest), not before
    for month in range(1, 12):
        key = f"regular_meeting:2027-{month:02d}"
        lead = month_end(2027, month) - timedelta(days=30)
        assert first_seen[key] == max(lead, date(2027, month, 1)), key
    # AND the data-safety reminders fire (no backup was ever made of this file)
    fired = {key.split(":")[0] for key in first_seen}
    assert {"regular_meeting", "thematic_meeting", "backup_verified", "usb_copy"} <= fired
    assert {"comment_sheet", "working_away_end", "direction_deadline", "liaison_gathering"} <= fired


def test_done_and_postponed_survive_a_restart_and_are_in_the_history(demo, tmp_path):
    day = date(2026, 12, 20)
    items = due_items(demo, day)
    first, second = items[0], items[1]
    # WHEN the secretary marks one done and postpones the other with a reason
    mark_done(demo, first.key, day)
    postpone(demo, second.key, "10/01/2027", "Chờ ý kiến Đảng ủy xã", day)
    path = demo.path
    demo.close()
    # THEN after a restart the first is gone and the second waits for its new day, with the reason
    with Store.open(path) as again:
        after = {i.key: i for i in due_items(again, day)}
        assert first.key not in after
        moved = after[second.key]
        assert moved.due == date(2027, 1, 10) and moved.state.value == "later"
        assert moved.note == "Hoãn đến 10/01/2027: Chờ ý kiến Đảng ủy xã"
        # AND the history says what was decided
        history = recent_history(again, entity="due_marks")
        assert [e.what for e in history] == ["Thêm việc cần làm", "Thêm việc cần làm"]
        text = " ".join(" ".join(e.lines) for e in history)
        assert "Hoãn đến ngày: 10/01/2027" in text and "Lý do: Chờ ý kiến Đảng ủy xã" in text
        assert "Tình trạng" not in text and "Đã làm" in text


def test_a_postponement_needs_a_reason_and_a_later_day(demo):
    day = date(2026, 12, 20)
    key = due_items(demo, day)[0].key
    with pytest.raises(ValidationError, match="Lý do hoãn"):
        postpone(demo, key, "10/01/2027", "  ", day)
    with pytest.raises(ValidationError, match="phải sau hôm nay"):
        postpone(demo, key, "20/12/2026", "Bận", day)
    with pytest.raises(ValidationError, match="Hoãn đến ngày"):
        postpone(demo, key, "31/02/2027", "Bận", day)
    with pytest.raises(ValidationError, match="không còn trong danh sách"):
        mark_done(demo, "regular_meeting:1999-01", day)
    # THEN nothing was written
    assert demo.due.marks() == []


def test_counts_by_page_count_what_is_red_or_amber(demo):
    items = due_items(demo, date(2026, 12, 20))
    counts = counts_by_page(items)
    assert counts and all(n > 0 for n in counts.values())
    assert sum(counts.values()) == sum(1 for i in items if i.state.value != "later")
