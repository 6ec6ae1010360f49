"""What the minutes say: the directions section comes from the directions records until approval
and is then frozen (issue 10, item 3); month and day wording follows one rule (item 6); the
demo cell obeys every rule the app enforces (item 12)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY
from meeting_helpers import complete
from test_reports import pdf_text

from cellsec.codec.sealed_minutes import MinutesRecord
from cellsec.dates import document_date, document_month, long_date, month_year
from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import Guest, Mark, MeetingKind
from cellsec.entities.superiors import DirectionStatus
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.rules.counting import count_meeting
from cellsec.services.meeting_checks import approval_check, link_speakers, roll_differences, validate_meeting
from cellsec.services.meetings import (
    DIRECTIONS_ITEM,
    approve_meeting,
    check_record,
    expected_roll_for,
    new_meeting,
    save_meeting,
)
from cellsec.services.members import rules_of
from cellsec.services.minutes_record import sealed_record
from cellsec.services.superiors import add_direction, follow_up, save_superior


def _text(store, meeting_id, name="minutes"):
    return pdf_text(render(build_document(store, name, meeting_id=meeting_id)))[0]


def test_the_directions_section_follows_the_records_until_approval_then_stays(store):
    # GIVEN a direction given at the October meeting, and a November draft reporting on it
    create_demo(store, today=TODAY, meetings=False)
    superior, _ = save_superior(store, {"name": "Hoàng Minh Tuấn", "level": "commune"})
    october, _ = save_meeting(store, new_meeting(store, MeetingKind.REGULAR, date(2026, 10, 5)))
    add_direction(store, october, {"superior_id": str(superior), "text": "Rà soát hộ nghèo"})
    direction = store.superiors.directions(meeting_id=october)[0]
    november = new_meeting(store, MeetingKind.REGULAR, date(2026, 11, 5))
    assert any(i.title == DIRECTIONS_ITEM and not i.content for i in november.items)
    november_id, _ = save_meeting(store, complete(november))
    assert (
        "Rà soát hộ nghèo (đồng chí Hoàng Minh Tuấn chỉ đạo ngày 05/10/2026; phụ trách: Chi "
        "ủy) — chưa thực hiện." in _text(store, november_id)
    )
    # WHEN it is marked done at the November meeting THEN the draft's minutes say so at once
    follow_up(store, direction.id, DirectionStatus.DONE, "Đã rà soát 12 hộ", november_id)
    done = (
        "Rà soát hộ nghèo (đồng chí Hoàng Minh Tuấn chỉ đạo ngày 05/10/2026; phụ trách: Chi "
        "ủy) — đã hoàn thành (báo cáo tại buổi sinh hoạt này): Đã rà soát 12 hộ."
    )
    assert done in _text(store, november_id)
    # WHEN November is approved and the direction's record later changes
    approve_meeting(store, november_id)
    with pytest.raises(ValidationError, match="đã thông qua"):  # not reported at it any more
        follow_up(store, direction.id, DirectionStatus.IN_PROGRESS, "", november_id)
    follow_up(store, direction.id, DirectionStatus.DROPPED, "Thôi", None)
    # THEN the approved minutes still say what was reported at that meeting
    assert done in _text(store, november_id)
    assert check_record(store, november_id).ok is True


@pytest.mark.parametrize("month,expected", [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (12, "12")])
def test_months_are_written_as_hd36_says(month, expected):
    assert document_month(month) == expected
    day = date(2026, month, 5)
    assert long_date(day) == f"ngày 05 tháng {expected} năm 2026"
    assert document_date("Thanh Sơn", day) == f"Thanh Sơn, ngày 05 tháng {expected} năm 2026"
    assert month_year(month, 2026) == f"tháng {expected} năm 2026"


@pytest.mark.parametrize("when", [date(2026, 1, 5), date(2026, 3, 5)])
def test_minutes_and_resolution_write_the_month_as_the_date_line_does(store, when):
    create_demo(store, today=TODAY, meetings=False)
    meeting_id, _ = save_meeting(store, complete(new_meeting(store, MeetingKind.REGULAR, when)))
    approve_meeting(store, meeting_id)
    month = document_month(when.month)
    minutes = _text(store, meeting_id)
    assert f"Thanh Sơn, ngày 05 tháng {month} năm 2026" in minutes  # the date line
    assert f"THƯỜNG KỲ THÁNG {month} NĂM 2026" in minutes  # the title
    assert f"vào lúc 08 giờ 00 phút, ngày 05 tháng {month} năm 2026" in minutes  # the body
    nxt = document_month(when.month + 1)
    assert f"nhiệm vụ tháng {nxt} năm 2026" in _text(store, meeting_id, "resolution")


def test_the_demo_cell_obeys_every_rule_the_app_enforces(store):
    """Rolls are the register (or the committee) on each date, chair and recorder present,
    figures consistent with the roll, every approval passes the completeness check, every
    speaker is on the roll or a guest, every record verifies."""
    create_demo(store, today=TODAY)
    rules = rules_of(store)
    ids = store.meetings.all_ids()
    assert len(ids) == 13 and any(store.meetings.get(i).kind is MeetingKind.COMMITTEE for i in ids)
    for meeting_id in ids:
        m = store.meetings.get(meeting_id)
        record: MinutesRecord = sealed_record(store, meeting_id)
        where = f"{m.kind.label} {m.date}"
        assert m.approved and check_record(store, meeting_id).ok is True, where
        assert roll_differences(m.roll, expected_roll_for(store, m.kind, m.date)) == [], where
        present = {e.name for e in m.roll if e.mark is Mark.PRESENT}
        assert m.chair in present and m.recorder in present, where
        assert record.count == count_meeting(m.roll, rules), where
        draft = replace(
            m,
            status="draft",
            approved_at=None,
            digest=None,
            corrections=(),
            resolution_number="",
            resolution_issuer="",
        )
        validate_meeting(draft, rules)
        assert approval_check(draft, rules).errors == (), where
        assert link_speakers(draft) == draft, where  # every opinion already names its person
        for v in record.votes:
            assert v.vote.in_favour + v.vote.against + v.vote.other <= v.present, where
        assert all(isinstance(g, Guest) for g in m.guests)


def test_generated_sentences_end_with_one_full_stop(store):
    # GIVEN demo minutes whose task results were typed with their own full stop
    create_demo(store, today=TODAY)
    last = store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 10))[0]
    assert store.meetings.get(last.id).reviews[0].result.endswith(".")
    # THEN the printed lines do not double it
    text = _text(store, last.id)
    assert "Đã thực hiện xong." in text and ".." not in text.replace("…", "")


def test_approval_lists_every_missing_essential_and_only_warns_about_weaker_gaps(store):
    # GIVEN a draft with no place, no times, an absent recorder, an empty item, no resolution
    # and a vote without results
    from cellsec.entities.meetings import Vote, VoteKind

    create_demo(store, today=TODAY, meetings=False)
    m = new_meeting(store, MeetingKind.REGULAR, date(2026, 11, 5))
    absent = replace(m.roll[1], mark=Mark.ABSENT_NO_REASON)
    items = (replace(m.items[0], content="Đã báo cáo."),) + m.items[1:]
    meeting_id, _ = save_meeting(
        store,
        replace(
            m,
            place="",
            start_time="",
            end_time="",
            recorder=absent.name,
            items=items,
            roll=(m.roll[0], absent) + m.roll[2:],
            votes=(Vote("Kết nạp", VoteKind.ADMISSION),),
        ),
    )
    check = approval_check(store.meetings.get(meeting_id), rules_of(store))
    # THEN each essential is listed
    assert "Chưa ghi địa điểm." in check.errors and "Chưa ghi giờ kết thúc." in check.errors
    assert "Chưa ghi giờ bắt đầu." in check.errors
    assert f"Thư ký ({absent.name}) phải có mặt trong danh sách điểm danh." in check.errors
    assert "Sinh hoạt thường kỳ cần có nội dung nghị quyết (kết luận)." in check.errors
    assert "Biểu quyết “Kết nạp” chưa ghi kết quả." in check.errors
    assert sum("chưa ghi nội dung" in e for e in check.errors) == len(m.items) - 1
    # AND approval is refused with the whole list, nothing locked
    with pytest.raises(ValidationError) as err:
        approve_meeting(store, meeting_id)
    assert all(e in str(err.value) for e in check.errors)
    assert not store.meetings.get(meeting_id).approved
    # WHEN the essentials are there THEN only warnings remain (short, no opinions, no scores)
    done = complete(store.meetings.get(meeting_id), end_time="09:00", votes=())
    save_meeting(store, done)
    check = approval_check(store.meetings.get(meeting_id), rules_of(store))
    assert check.errors == ()
    assert any("ít hơn 90 phút" in w for w in check.warnings)
    assert "Không có ý kiến phát biểu nào được ghi." in check.warnings
    approve_meeting(store, meeting_id)
    assert store.meetings.get(meeting_id).approved
