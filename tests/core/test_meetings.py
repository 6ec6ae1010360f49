"""Meetings: the roll from the register as of the meeting date, saving, approval lock, digest,
numbering per term, corrections, and the year's calendar."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY, entry_form, member_form

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import AgendaItem, Guest, Mark, MeetingKind, Opinion, Task, Vote, VoteKind
from cellsec.errors import ValidationError
from cellsec.rules.counting import count_roll
from cellsec.services.meeting_checks import link_speakers
from cellsec.services.meetings import (
    add_correction,
    approve_meeting,
    check_record,
    delete_meeting,
    duration_warning,
    expected_roll,
    new_meeting,
    save_meeting,
    year_calendar,
)
from cellsec.services.members import add_event, add_member, rules_of

MEETING_DAY = date(2026, 11, 5)


@pytest.fixture
def demo(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def filled(store, when=MEETING_DAY, kind=MeetingKind.REGULAR):
    m = new_meeting(store, kind, when)
    roll = list(m.roll)
    roll[0] = replace(roll[0], mark=Mark.ABSENT_REASON, reason="Ốm")
    roll[1] = replace(roll[1], mark=Mark.ABSENT_NO_REASON)
    items = [replace(item, content="Đồng chí Bí thư trình bày.") for item in m.items]
    items[2] = replace(
        items[2],
        opinions=(
            Opinion("Lê Thị Hằng", "Đề nghị làm đường bê tông."),
            Opinion("Nguyễn Văn Đức", "Nhất trí, góp 2 ngày công.", member_id=None),
        ),
        conclusion="Chi bộ thống nhất vận động nhân dân góp công.",
    )
    return replace(
        m,
        end_time="10:00",
        place="Nhà văn hóa thôn Tân Hồng",
        recorder="Lê Thị Hằng",
        items=tuple(items),
        roll=tuple(roll),
        guests=(Guest("Hoàng Minh Tuấn", "Đảng ủy viên, Phó Chủ tịch UBND xã", True),),
        votes=(
            Vote("Nghị quyết tháng 11", VoteKind.RESOLUTION, count_roll(roll).eligible_present - 1, 0, 1),
        ),
        tasks=(Task("Hoàn thành thu đảng phí quý IV", "Đồng chí Hằng", date(2026, 12, 15)),),
        dues_status="Đã thu đủ đảng phí tháng 10.",
        resolution="Chi bộ thống nhất các nhiệm vụ tháng tới.",
    )


def test_roll_is_the_register_as_of_the_meeting_date(demo):
    roll = expected_roll(demo, MEETING_DAY)
    c = count_roll(roll)
    assert (c.total, c.full, c.probationary, c.exempted, c.attached_out, c.guests) == (41, 37, 4, 3, 1, 2)
    not_called = [e for e in roll if e.mark is Mark.NOT_EXPECTED]
    assert len(not_called) == 4 and all(e.exempted or e.attached_out for e in not_called)


def test_a_member_admitted_or_exempted_on_the_meeting_date_counts_as_of_that_day(store):
    member_id, _ = add_member(
        store, member_form(), entry_form(admission_date="05/11/2025", official_date=""), today=TODAY
    )
    other, _ = add_member(
        store,
        member_form(full_name="Trần Thị Mai", sex="Nữ", citizen_id="", party_card_no=""),
        entry_form(admission_date="05/11/2026", official_date=""),
        today=TODAY,
    )
    add_event(store, member_id, {"kind": "exempted", "date": "05/11/2026"}, today=TODAY)
    roll = {e.member_id: e for e in expected_roll(store, MEETING_DAY)}
    assert roll[other].category == "probationary"
    assert roll[member_id].exempted and roll[member_id].mark is Mark.NOT_EXPECTED
    assert other not in {e.member_id for e in expected_roll(store, date(2026, 11, 4))}


def test_save_then_load_gives_the_same_minutes(demo):
    meeting_id, changes = save_meeting(demo, filled(demo))
    assert changes.meetings and meeting_id in changes.meeting_ids
    loaded = demo.meetings.get(meeting_id)
    assert loaded.items[2].opinions[0].speaker == "Lê Thị Hằng"
    assert loaded.roll[0].mark is Mark.ABSENT_REASON and loaded.roll[0].reason == "Ốm"
    assert loaded.guests[0].is_superior
    assert loaded.tasks[0].deadline == date(2026, 12, 15)
    unsaved_ids = tuple(replace(t, id=None) for t in loaded.tasks)
    # opinions now point at the members who spoke (found by their names on the roll)
    assert replace(loaded, id=None, tasks=unsaved_ids) == link_speakers(filled(demo))
    speaker = loaded.items[2].opinions[0]
    assert next(e.name for e in loaded.roll if e.member_id == speaker.member_id) == "Lê Thị Hằng"


def test_next_regular_meeting_is_prefilled_with_last_months_tasks(demo):
    first, _ = save_meeting(demo, filled(demo))
    nxt = new_meeting(demo, MeetingKind.REGULAR, date(2026, 12, 5))
    assert [r.task.content for r in nxt.reviews] == ["Hoàn thành thu đảng phí quý IV"]
    saved, _ = save_meeting(demo, replace(nxt, reviews=(replace(nxt.reviews[0], result="Xong"),)))
    assert demo.meetings.get(saved).reviews[0].result == "Xong"


@pytest.mark.parametrize(
    "change,fragment",
    [
        (dict(end_time="07:30"), "Giờ kết thúc: phải sau giờ bắt đầu"),
        (dict(start_time="25:00"), "Giờ bắt đầu"),
        (dict(votes=(Vote("Nghị quyết", VoteKind.RESOLUTION, 40, 0, 0),)), "vượt số đảng viên"),
        (dict(guests=(Guest(""),)), "Khách mời"),
        (dict(items=(AgendaItem("Thảo luận", opinions=(Opinion("", "Ý kiến"),)),)), "tên người phát biểu"),
    ],
)
def test_bad_minutes_are_refused_and_nothing_is_written(demo, change, fragment):
    with pytest.raises(ValidationError, match=fragment):
        save_meeting(demo, replace(filled(demo), **change))
    assert demo.meetings.list_between(date(2026, 1, 1), date(2026, 12, 31)) == []


def test_absent_with_reason_needs_the_reason(demo):
    m = filled(demo)
    roll = list(m.roll)
    roll[0] = replace(roll[0], reason="")
    with pytest.raises(ValidationError, match="chưa ghi lý do"):
        save_meeting(demo, replace(m, roll=tuple(roll)))


def test_short_meeting_gets_a_warning_not_a_refusal(demo):
    m = replace(filled(demo), end_time="09:00")
    assert "60 phút, ít hơn 90 phút" in duration_warning(m, rules_of(demo))
    save_meeting(demo, m)
    combined = replace(
        m,
        kind=MeetingKind.COMBINED,
        topic="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        end_time="09:50",
    )
    assert "ít hơn 120 phút" in duration_warning(combined, rules_of(demo))


def test_approval_locks_numbers_and_keeps_a_digest(demo):
    meeting_id, _ = save_meeting(demo, filled(demo))
    approve_meeting(demo, meeting_id)
    m = demo.meetings.get(meeting_id)
    assert m.approved and m.resolution_number == "01-NQ"
    assert check_record(demo, meeting_id).ok is True
    with pytest.raises(ValidationError, match="khóa"):
        save_meeting(demo, replace(m, place="Nơi khác"))
    with pytest.raises(ValidationError, match="không xóa được"):
        delete_meeting(demo, meeting_id)
    second, _ = save_meeting(demo, filled(demo, date(2026, 12, 5)))
    approve_meeting(demo, second)
    assert demo.meetings.get(second).resolution_number == "02-NQ"


def test_numbers_restart_at_01_for_a_new_term(demo):
    from cellsec.services.profile import profile_form, save_profile

    first, _ = save_meeting(demo, filled(demo))
    approve_meeting(demo, first)
    form = profile_form(demo.profile.get())
    form["term_label"] = "2030 – 2035"
    save_profile(demo, form)
    second, _ = save_meeting(demo, filled(demo, date(2026, 12, 5)))
    approve_meeting(demo, second)
    assert demo.meetings.get(second).resolution_number == "01-NQ"


def test_approval_needs_recorder_and_end_time(demo):
    meeting_id, _ = save_meeting(demo, replace(filled(demo), recorder=""))
    with pytest.raises(ValidationError, match="Chưa ghi thư ký"):
        approve_meeting(demo, meeting_id)
    assert not demo.meetings.get(meeting_id).approved


def test_corrections_are_added_under_approved_minutes(demo):
    meeting_id, _ = save_meeting(demo, filled(demo))
    with pytest.raises(ValidationError, match="chưa thông qua"):
        add_correction(demo, meeting_id, "Sửa tên")
    approve_meeting(demo, meeting_id)
    add_correction(demo, meeting_id, "Đính chính: đồng chí Đức góp 3 ngày công.", today=date(2026, 11, 20))
    m = demo.meetings.get(meeting_id)
    assert [(c.date, c.text) for c in m.corrections] == [
        (date(2026, 11, 20), "Đính chính: đồng chí Đức góp 3 ngày công.")
    ]
    assert check_record(demo, meeting_id).ok is True  # the correction is sealed with it


def test_tampering_with_approved_minutes_is_detected(demo):
    meeting_id, _ = save_meeting(demo, filled(demo))
    approve_meeting(demo, meeting_id)
    conn = sqlite3.connect(demo.path)
    conn.execute("UPDATE opinions SET content = 'Không nhất trí.' WHERE speaker = 'Nguyễn Văn Đức'")
    conn.commit()
    conn.close()
    assert check_record(demo, meeting_id).ok is False


def test_year_calendar_shows_months_without_regular_and_quarters_without_thematic(demo):
    save_meeting(demo, filled(demo, date(2026, 10, 5)))
    save_meeting(
        demo, replace(filled(demo, date(2026, 8, 20), MeetingKind.THEMATIC), topic="Chuyển đổi số ở thôn")
    )
    cal = year_calendar(demo, 2026, today=TODAY)
    missing = [r.month for r in cal.months if r.missing_regular]
    assert missing == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert cal.quarters_without_thematic == (1, 2)
    assert [r.month for r in cal.months if r.regular_pending] == [11]


def test_a_number_keeps_the_issuer_code_it_was_issued_with(demo):
    from cellsec.services.rule_settings import set_rule

    first, _ = save_meeting(demo, filled(demo))
    approve_meeting(demo, first)
    set_rule(demo, "document_type_code_cell", "CBT")
    second, _ = save_meeting(demo, filled(demo, date(2026, 12, 5)))
    approve_meeting(demo, second)
    assert demo.meetings.get(first).full_resolution_number == "01-NQ/CB"
    assert demo.meetings.get(second).full_resolution_number == "02-NQ/CBT"
    assert check_record(demo, first).ok is True
