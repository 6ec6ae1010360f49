"""Due rules of the meetings book, each on the days around its boundary."""

from __future__ import annotations

from datetime import date

from due_helpers import run, states

from cellsec.entities.meetings import Meeting, MeetingKind
from cellsec.entities.superiors import Direction
from cellsec.rules.due import DueFacts, NoticeFact, TaskFact

OLD = Meeting(id=1, kind=MeetingKind.REGULAR, date=date(2026, 9, 5), status="approved")


def test_the_months_regular_meeting_is_asked_for_until_held():
    # GIVEN a cell whose last regular meeting was in September
    facts = DueFacts(meetings=(OLD,))
    # WHEN the list is made on 15/12/2026 (look-back 3 months)
    items = run("regular_meeting", facts, date(2026, 12, 15))
    # THEN October and November are overdue, December is due by 31/12 (amber from 17/12)
    assert [(i.what, i.state.value) for i in items] == [
        ("Sinh hoạt chi bộ thường kỳ tháng 10/2026", "overdue"),
        ("Sinh hoạt chi bộ thường kỳ tháng 11/2026", "overdue"),
        ("Sinh hoạt chi bộ thường kỳ tháng 12/2026", "later"),
    ]
    assert items[-1].due == date(2026, 12, 31)
    assert items[-1].target.page == "meetings"
    assert "42-HD/BTCTW" in items[-1].citation
    assert states("regular_meeting", facts, date(2026, 12, 17))[-1] == "soon"
    # AND once December's meeting is in the book, December is no longer asked for
    held = DueFacts(meetings=(OLD, Meeting(id=2, date=date(2026, 12, 20), status="approved")))
    assert "12/2026" not in " ".join(i.what for i in run("regular_meeting", held, date(2026, 12, 21)))


def test_no_meeting_is_asked_for_before_the_first_one_in_the_book():
    assert run("regular_meeting", DueFacts(), date(2026, 12, 15)) == []
    facts = DueFacts(meetings=(Meeting(id=1, date=date(2026, 11, 20), status="approved"),))
    assert [i.what for i in run("regular_meeting", facts, date(2026, 12, 1))] == [
        "Sinh hoạt chi bộ thường kỳ tháng 12/2026"
    ]


def test_the_regular_meeting_lead_time_is_a_setting():
    facts = DueFacts(meetings=(Meeting(id=1, date=date(2026, 11, 20), status="approved"),))
    # GIVEN a lead of 10 days: December's item appears on 21/12, not on 20/12
    assert run("regular_meeting", facts, date(2026, 12, 20), due_regular_meeting_lead_days=10) == []
    assert len(run("regular_meeting", facts, date(2026, 12, 21), due_regular_meeting_lead_days=10)) == 1


def test_thematic_meeting_per_quarter():
    facts = DueFacts(
        meetings=(Meeting(id=1, kind=MeetingKind.COMBINED, date=date(2026, 8, 5), status="approved"),)
    )
    # WHEN nothing thematic since Q3: Q4 is asked for from 01/12 (lead 30 days), due 31/12
    assert run("thematic_meeting", facts, date(2026, 11, 30)) == []
    items = run("thematic_meeting", facts, date(2026, 12, 1))
    assert [(i.what, i.due) for i in items] == [
        ("Sinh hoạt chuyên đề (tháng 10–12/2026)", date(2026, 12, 31))
    ]
    # AND the next day after the quarter, it is overdue
    assert states("thematic_meeting", facts, date(2027, 1, 1)) == ["overdue"]


def test_thematic_frequency_follows_the_setting():
    facts = DueFacts(
        meetings=(Meeting(id=1, kind=MeetingKind.THEMATIC, date=date(2026, 9, 5), status="approved"),)
    )
    # GIVEN a thematic meeting every 2 months: November–December is the period
    items = run("thematic_meeting", facts, date(2026, 12, 15), thematic_every_months=2)
    assert [i.what for i in items] == ["Sinh hoạt chuyên đề (tháng 11–12/2026)"]


def test_minutes_left_unapproved_after_n_days():
    draft = Meeting(id=7, date=date(2026, 12, 5), status="draft")
    facts = DueFacts(meetings=(OLD, draft))
    # THEN not before the meeting day; due 7 days after (12/12), overdue on 13/12
    assert run("minutes_unapproved", facts, date(2026, 12, 4)) == []
    items = run("minutes_unapproved", facts, date(2026, 12, 5))
    assert items[0].due == date(2026, 12, 12) and items[0].target.part == "meeting:7"
    assert states("minutes_unapproved", facts, date(2026, 12, 12)) == ["soon"]
    assert states("minutes_unapproved", facts, date(2026, 12, 13)) == ["overdue"]


def test_tasks_and_directions_past_their_deadline():
    task = TaskFact(3, 2, date(2026, 11, 5), "Vận động nộp đảng phí", "Đ/c Sơn", date(2026, 12, 20))
    direction = Direction(
        meeting_id=2, given_by="Hoàng Minh Tuấn", text="Rà soát hộ nghèo", deadline=date(2026, 12, 20), id=4
    )
    facts = DueFacts(tasks=(task,), directions=(direction,))
    for rule in ("task_deadline", "direction_deadline"):
        # THEN shown from 14 days before (06/12), amber; red the day after the deadline
        assert run(rule, facts, date(2026, 12, 5)) == []
        assert states(rule, facts, date(2026, 12, 6)) == ["soon"]
        assert states(rule, facts, date(2026, 12, 20)) == ["soon"]
        assert states(rule, facts, date(2026, 12, 21)) == ["overdue"]
    assert run("task_deadline", facts, date(2026, 12, 6))[0].who == "Đ/c Sơn"
    assert run("direction_deadline", facts, date(2026, 12, 6))[0].target.page == "superiors"


def test_superior_to_notify_before_the_meeting():
    notice = NoticeFact(
        9, date(2026, 12, 20), "sinh hoạt thường kỳ", 1, "Hoàng Minh Tuấn", date(2026, 12, 19)
    )
    facts = DueFacts(notices=(notice,))
    assert run("superior_notice", facts, date(2026, 12, 11)) == []
    items = run("superior_notice", facts, date(2026, 12, 12))
    assert items[0].who == "đồng chí Hoàng Minh Tuấn" and items[0].state.value == "soon"
    assert states("superior_notice", facts, date(2026, 12, 20)) == ["overdue"]
