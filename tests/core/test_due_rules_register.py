"""Due rules of the register, of residence liaison and of keeping the data safe, each on the
days around its boundary."""

from __future__ import annotations

from datetime import date

from due_helpers import run, states

from cellsec.entities.liaison import Arrangement, CommentSheet, Contact, LiaisonMember, WorkingAway
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.rules.due import DueFacts, MemberFacts

K = EventKind


def _member(*events: MemberEvent, mid: int = 1) -> MemberFacts:
    return MemberFacts(mid, "Nguyễn Văn An", tuple(events))


ADMITTED = MemberEvent(id=1, member_id=1, kind=K.ADMITTED, date=date(2026, 1, 15))


def test_probation_warns_from_the_eleventh_month():
    facts = DueFacts(members=(_member(ADMITTED),))
    # THEN nothing on 14/12/2026; from 15/12 (11 months) an item due on 15/01/2027
    assert run("probation_end", facts, date(2026, 12, 14)) == []
    items = run("probation_end", facts, date(2026, 12, 15))
    assert [(i.who, i.due, i.state.value) for i in items] == [("Nguyễn Văn An", date(2027, 1, 15), "later")]
    assert (items[0].target.page, items[0].target.part) == ("growth", "probation:1")
    # AND it gives way to the recognition review on the day the 12 months are over
    assert run("probation_end", facts, date(2027, 1, 15)) == []


def test_recognition_review_due_within_thirty_working_days():
    facts = DueFacts(members=(_member(ADMITTED),))
    assert run("recognition_review", facts, date(2027, 1, 14)) == []
    items = run("recognition_review", facts, date(2027, 1, 15))
    # THEN 30 working days after 15/01/2027, Tết skipped: 05/03/2027
    assert items[0].due == date(2027, 3, 5)
    assert "06-HD/TW" in items[0].citation
    assert states("recognition_review", facts, date(2027, 3, 5)) == ["soon"]
    assert states("recognition_review", facts, date(2027, 3, 6)) == ["overdue"]
    # AND once recognised, nothing more is asked
    done = _member(ADMITTED, MemberEvent(id=2, member_id=1, kind=K.RECOGNISED, date=date(2027, 2, 20)))
    assert run("recognition_review", DueFacts(members=(done,)), date(2027, 3, 6)) == []


def test_an_exemption_whose_period_ends():
    entry = MemberEvent(id=1, member_id=1, kind=K.TRANSFERRED_IN, date=date(2010, 1, 1))
    exempt = MemberEvent(
        id=2, member_id=1, kind=K.EXEMPTED, date=date(2026, 1, 1), end_date=date(2026, 12, 31)
    )
    facts = DueFacts(members=(_member(entry, exempt),))
    # THEN shown 30 days before the end (01/12), overdue after it
    assert run("period_end", facts, date(2026, 11, 30)) == []
    assert states("period_end", facts, date(2026, 12, 1)) == ["later"]
    assert states("period_end", facts, date(2027, 1, 1)) == ["overdue"]
    # AND a recorded end of the exemption closes it
    ended = MemberEvent(id=3, member_id=1, kind=K.EXEMPTION_END, date=date(2026, 12, 20))
    assert run("period_end", DueFacts(members=(_member(entry, exempt, ended),)), date(2027, 1, 1)) == []


WORK = WorkingAway(
    member_id=1,
    arrangement=Arrangement.EXEMPTION,
    application_date=date(2026, 5, 1),
    start=date(2026, 6, 1),
    end=date(2027, 5, 31),
    id=5,
    member_name="Hồ Xuân Việt",
    contacts=(Contact(date(2026, 9, 10)),),
)


def test_working_away_period_ending_and_a_silent_contact_log():
    facts = DueFacts(working_away=(WORK,))
    # THEN the end is asked for from 30 days before it (working_away_reminder_days)
    assert run("working_away_end", facts, date(2027, 4, 30)) == []
    assert states("working_away_end", facts, date(2027, 5, 1)) == ["later"]
    assert states("working_away_end", facts, date(2027, 6, 1)) == ["overdue"]
    # AND 3 months after the last contact (10/09/2026) a contact is due: 10/12/2026
    assert run("working_away_silent", facts, date(2026, 11, 25)) == []
    items = run("working_away_silent", facts, date(2026, 11, 26))
    assert items[0].due == date(2026, 12, 10) and items[0].target.part == "working_away:5"
    assert states("working_away_silent", facts, date(2026, 12, 11)) == ["overdue"]


LIAISON = LiaisonMember(
    id=4, full_name="Lê Thu Trang", workplace="Trường THCS", received_date=date(2025, 3, 1)
)


def test_comment_sheet_due_by_the_yearly_deadline():
    facts = DueFacts(liaison=(LIAISON,))
    # THEN the routine sheet (deadline 15/12) shows from 15/11, overdue from 16/12
    assert run("comment_sheet", facts, date(2026, 11, 14)) == []
    assert states("comment_sheet", facts, date(2026, 11, 15)) == ["later"]
    assert states("comment_sheet", facts, date(2026, 12, 16)) == ["overdue"]
    # AND a sheet sent takes it off
    sent = CommentSheet(liaison_id=4, year=2026, sent_date=date(2026, 12, 1))
    assert run("comment_sheet", DueFacts(liaison=(LIAISON,), sheets={4: sent}), date(2026, 12, 16)) == []


def test_the_six_monthly_liaison_gathering():
    facts = DueFacts(liaison=(LIAISON,), gatherings=(date(2026, 6, 20),))
    # THEN due 6 months after the last one (20/12/2026), shown 30 days before
    assert run("liaison_gathering", facts, date(2026, 11, 19)) == []
    items = run("liaison_gathering", facts, date(2026, 11, 20))
    assert items[0].due == date(2026, 12, 20)
    assert states("liaison_gathering", facts, date(2026, 12, 21)) == ["overdue"]
    # AND with nobody in the register there is nothing to gather
    assert run("liaison_gathering", DueFacts(gatherings=(date(2026, 1, 1),)), date(2026, 12, 21)) == []


def test_backup_and_usb_copy_reminders():
    facts = DueFacts(last_verified_backup=date(2026, 12, 1), started=date(2026, 1, 1))
    # THEN a verified backup is asked for 7 days after the last one, not before
    assert run("backup_verified", facts, date(2026, 12, 7)) == []
    assert [(i.due, i.state.value) for i in run("backup_verified", facts, date(2026, 12, 8))] == [
        (date(2026, 12, 8), "soon")
    ]
    assert states("backup_verified", facts, date(2026, 12, 9)) == ["overdue"]
    # AND a USB copy 30 days after the last one recorded (never: from the first use)
    assert states("usb_copy", facts, date(2026, 1, 31)) == ["soon"]
    assert states("usb_copy", facts, date(2026, 2, 1)) == ["overdue"]
    copied = DueFacts(last_done={"usb_copy": date(2026, 12, 1)}, started=date(2026, 1, 1))
    assert run("usb_copy", copied, date(2026, 12, 16)) == []
    assert states("usb_copy", copied, date(2026, 12, 17)) == ["soon"]
