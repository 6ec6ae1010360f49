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


def test_a_probationer_and_an_ending_exemption_among_full_members(store):
    from factories import member

    from cellsec.services.members import add_event

    # GIVEN two full members (one exempted until 31/12/2026) and a member admitted 15/01/2026
    member(store, "Nguyễn Văn Đức")
    exempted = member(store, "Trần Thị Bình", sex="Nữ", citizen_id="001188000123")
    add_event(
        store,
        exempted,
        {"kind": "exempted", "date": "01/06/2026", "end_date": "31/12/2026", "detail": "Ốm dài ngày"},
        today=TODAY,
    )
    member(store, "Lê Văn Cường", "02/02/1995", admitted="15/01/2026", official="", citizen_id="001195000456")
    # WHEN the list is made on 15/12/2026
    items = due_items(store, date(2026, 12, 15))
    # THEN the probation ending and the exemption ending are there, for the right people
    found = {(i.rule, i.who) for i in items}
    assert ("probation_end", "Lê Văn Cường") in found
    assert ("period_end", "Trần Thị Bình") in found
    assert not any(i.who == "Nguyễn Văn Đức" for i in items)


def test_the_list_reads_a_backup_opened_read_only(demo):
    from cellsec.backup.create import make_backup
    from cellsec.backup.opening import open_store

    # GIVEN a verified backup of the file, opened to be looked at (read-only)
    backup = make_backup(demo)
    day = date(2026, 12, 20)
    expected = [i.key for i in due_items(demo, day) if i.target.page != "safety"]
    with open_store(backup.path) as copy:
        assert copy.read_only is not None
        # THEN it lists the same things to do (the backups' own reminders aside)
        assert [i.key for i in due_items(copy, day) if i.target.page != "safety"] == expected
    # AND the backup just made is the newest verified one: no backup is asked for now
    assert not [i for i in due_items(demo, backup.created.date()) if i.rule == "backup_verified"]


def test_cli_todo_prints_the_list_and_refuses_a_wrong_date(demo, capsys):
    import json

    from cellsec.cli.main import main as cli_main

    path = str(demo.path)
    expected = [i.key for i in due_items(demo, date(2026, 12, 20))]
    demo.close()
    assert cli_main(["--data", path, "todo", "--as-of", "20/12/2026"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [i["key"] for i in out["items"]] == expected
    assert out["as_of"] == "20/12/2026" and sum(out["counts"].values()) == len(expected)
    assert cli_main(["--data", path, "todo", "--as-of", "32/12/2026"]) == 1
    assert "--as-of" in capsys.readouterr().err
