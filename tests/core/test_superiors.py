"""Superior committee members: directory, assignments over time, notices, directions carried
from meeting to meeting, and the tally against the yearly target."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import factories
import pytest
from factories import TODAY
from meeting_helpers import complete

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import Guest, MeetingKind
from cellsec.entities.superiors import DirectionStatus
from cellsec.errors import ValidationError
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.superior_tally import superior_tally
from cellsec.services.superiors import (
    add_direction,
    assign_follower,
    assigned_on,
    follow_up,
    open_directions,
    overdue_directions,
    record_notice,
    save_superior,
)


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    a, _ = save_superior(
        store,
        {
            "name": "hoàng minh tuấn",
            "position": "Đảng ủy viên",
            "level": "commune",
            "committee": "Đảng ủy xã Thanh Sơn",
        },
    )
    b, _ = save_superior(store, {"name": "Đỗ Văn Bình", "position": "Phó Bí thư Đảng ủy", "level": "commune"})
    c, _ = save_superior(store, {"name": "Trịnh Thu Hà", "position": "Tỉnh ủy viên", "level": "province"})
    return store, a, b, c


def meeting(store, when, *guests):
    return factories.meeting(store, when, end_time="09:45", recorder="Lê Thị Hằng", guests=tuple(guests))


def guest(store, superior_id):
    s = store.superiors.get(superior_id)
    return Guest(s.name, s.position, True, "", superior_id)


def test_directory_validates_and_normalises(cell):
    store, a, *_ = cell
    assert store.superiors.get(a).name == "Hoàng Minh Tuấn"
    with pytest.raises(ValidationError, match="Họ và tên"):
        save_superior(store, {"name": "Tuấn", "level": "commune"})
    with pytest.raises(ValidationError, match="Cấp"):
        save_superior(store, {"name": "Lê Văn Tám", "level": "huyện"})
    with pytest.raises(ValidationError, match="Điện thoại"):
        save_superior(store, {"name": "Lê Văn Tám", "level": "commune", "phone": "abc"})


def test_assignment_changes_keep_history(cell):
    store, a, b, _ = cell
    assign_follower(store, a, "01/01/2025")
    assign_follower(store, b, "01/07/2026")
    assert [s.name for s in assigned_on(store, date(2026, 6, 30))] == ["Hoàng Minh Tuấn"]
    assert [s.name for s in assigned_on(store, date(2026, 7, 1))] == ["Đỗ Văn Bình"]
    history = store.superiors.assignments()
    assert history[0].end == date(2026, 6, 30) and history[1].end is None


def test_tally_across_assignment_change_and_a_guest_who_is_not_the_follower(cell):
    # GIVEN Tuấn follows the cell until June, Bình from July; Hà (province) comes once
    store, a, b, c = cell
    assign_follower(store, a, "01/01/2026")
    assign_follower(store, b, "01/07/2026")
    m1 = meeting(store, date(2026, 3, 5), guest(store, a))
    meeting(store, date(2026, 5, 5), guest(store, c))
    meeting(store, date(2026, 8, 5), guest(store, a))
    meeting(store, date(2026, 9, 5), guest(store, b))
    record_notice(store, m1, a, "03/03/2026", "Sổ tay đảng viên")
    # WHEN the year is tallied
    t = superior_tally(store, date(2026, 1, 1), date(2026, 12, 31), today=date(2027, 1, 10))
    # THEN
    assert (t.held, t.with_superior) == (4, 4)
    came = [(line.meeting.date.month, line.follower_came) for line in t.meetings]
    assert came == [(3, True), (5, False), (8, False), (9, True)]
    assert t.meetings[0].notified == ("Hoàng Minh Tuấn",)
    people = {p.superior.name: p for p in t.people}
    assert people["Hoàng Minh Tuấn"].attended == 2 and people["Hoàng Minh Tuấn"].target == 6
    assert "Chưa đạt" in people["Hoàng Minh Tuấn"].warning
    assert people["Trịnh Thu Hà"].attended == 1 and people["Trịnh Thu Hà"].target == 2
    quarter = superior_tally(store, date(2026, 7, 1), date(2026, 9, 30), today=date(2027, 1, 10))
    assert {p.superior.name: p.attended for p in quarter.people} == {"Hoàng Minh Tuấn": 1, "Đỗ Văn Bình": 1}


def test_running_year_warns_when_off_course(cell):
    store, a, *_ = cell
    assign_follower(store, a, "01/01/2026")
    meeting(store, date(2026, 3, 5), guest(store, a))
    t = superior_tally(store, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 11, 22))
    assert t.people[0].warning.startswith("Có nguy cơ không đạt")


def test_direction_carries_over_until_reported_done(cell):
    # GIVEN a direction given in October with a November deadline
    store, a, *_ = cell
    october = meeting(store, date(2026, 10, 5), guest(store, a))
    add_direction(
        store, october, {"superior_id": str(a), "text": "Rà soát hộ nghèo", "deadline": "05/11/2026"}
    )
    # THEN it shows up for review at the next meeting and is overdue after its deadline
    assert [d.text for d in open_directions(store, before=date(2026, 11, 5))] == ["Rà soát hộ nghèo"]
    assert [d.text for d in overdue_directions(store, today=TODAY)] == ["Rà soát hộ nghèo"]
    november = meeting(store, date(2026, 11, 5))
    d = open_directions(store)[0]
    follow_up(store, d.id, DirectionStatus.IN_PROGRESS, "Đang rà soát", november)
    assert open_directions(store)[0].status is DirectionStatus.IN_PROGRESS
    december = meeting(store, date(2026, 12, 5))
    follow_up(store, d.id, DirectionStatus.DONE, "Đã rà soát xong", december)
    assert open_directions(store) == []
    done = store.superiors.get_direction(d.id)
    assert done.closed_meeting_id == december and done.result == "Đã rà soát xong"


def test_bad_direction_and_notice_are_refused(cell):
    store, a, *_ = cell
    m = meeting(store, date(2026, 10, 5))
    with pytest.raises(ValidationError, match="Nội dung chỉ đạo"):
        add_direction(store, m, {"superior_id": str(a), "text": ""})
    with pytest.raises(ValidationError, match="Thời hạn"):
        add_direction(store, m, {"superior_id": str(a), "text": "X", "deadline": "01/10/2026"})
    with pytest.raises(ValidationError, match="Ngày thông báo: sau ngày sinh hoạt"):
        record_notice(store, m, a, "06/10/2026", "Điện thoại")
    assert store.superiors.directions() == [] and store.superiors.notices() == []


def test_demo_year_end_tally_matches_a_count_by_hand(store):
    create_demo(store, today=TODAY)
    t = superior_tally(store, date(2026, 1, 1), date(2026, 12, 31), today=TODAY)
    by_hand = sum(1 for line in t.meetings for g in line.meeting.guests if g.superior_id)
    assert sum(p.attended for p in t.people) == by_hand
    assert t.held == len(store.meetings.list_between(date(2026, 1, 1), date(2026, 12, 31)))


def test_report_pdf_and_excel_show_the_same_figures(store, tmp_path):
    from openpyxl import load_workbook
    from test_reports import pdf_text

    from cellsec.reports.catalogue import build_document
    from cellsec.reports.superior_xlsx import write_superior_xlsx
    from cellsec.reports.template import render

    create_demo(store, today=TODAY)
    t = superior_tally(store, date(2026, 1, 1), date(2026, 12, 31), today=TODAY)
    text, reader = pdf_text(render(build_document(store, "superiors", year=2026)))
    assert "Kết quả cấp ủy viên cấp trên dự sinh hoạt chi bộ" in text
    assert f"Số buổi sinh hoạt chi bộ đã tổ chức: {t.held}" in text
    assert f"Số buổi có cấp ủy viên cấp trên dự: {t.with_superior}" in text
    assert "Hoàng Minh Tuấn" in text and "Trịnh Thu Hà" in text
    path = tmp_path / "tally.xlsx"
    write_superior_xlsx(t, path)
    wb = load_workbook(path)
    people = {row[0]: row[3] for row in wb["Cấp ủy viên"].iter_rows(min_row=2, values_only=True)}
    assert people == {p.superior.name: p.attended for p in t.people}
    first_date = wb["Buổi sinh hoạt"]["A2"].value
    assert first_date.date() == t.meetings[0].meeting.date


def test_next_regular_meeting_is_prefilled_with_open_directions(cell):
    store, a, *_ = cell
    october = meeting(store, date(2026, 10, 5), guest(store, a))
    add_direction(
        store, october, {"superior_id": str(a), "text": "Rà soát hộ nghèo", "deadline": "05/11/2026"}
    )
    nxt = new_meeting(store, MeetingKind.REGULAR, date(2026, 11, 5))
    # the item is there; its list is printed from the directions records (test_minutes_record)
    assert any(i.title == "Kiểm điểm thực hiện ý kiến chỉ đạo của cấp trên" for i in nxt.items)


def test_directions_given_at_a_meeting_are_printed_in_its_minutes(cell):
    from test_reports import pdf_text

    from cellsec.reports.catalogue import build_document
    from cellsec.reports.template import render

    store, a, *_ = cell
    october = meeting(store, date(2026, 10, 5), guest(store, a))
    add_direction(
        store,
        october,
        {
            "superior_id": str(a),
            "text": "Rà soát hộ nghèo",
            "owner": "Đồng chí Hằng",
            "deadline": "05/11/2026",
        },
    )
    text, _ = pdf_text(render(build_document(store, "minutes", meeting_id=october)))
    assert "Ý kiến phát biểu, chỉ đạo của đại biểu" in text
    assert (
        "Rà soát hộ nghèo (đồng chí Hoàng Minh Tuấn; phụ trách: Đồng chí Hằng; thời hạn: 05/11/2026)" in text
    )


def test_no_direction_on_approved_minutes_and_guests_from_the_directory_are_superiors(cell):
    from cellsec.services.meetings import approve_meeting

    store, a, *_ = cell
    plain_guest = replace(guest(store, a), is_superior=False)
    m = meeting(store, date(2026, 10, 5), plain_guest)
    assert store.meetings.get(m).guests[0].is_superior
    store_meeting = store.meetings.get(m)
    save_meeting(store, complete(store_meeting, place="Nhà văn hóa"))
    approve_meeting(store, m)
    with pytest.raises(ValidationError, match="đã thông qua"):
        add_direction(store, m, {"superior_id": str(a), "text": "Rà soát hộ nghèo"})


def test_changes_combine():
    from cellsec.entities.changes import Changes

    both = Changes(members=True, member_ids=frozenset({1})) | Changes(liaison=True)
    assert both.members and both.liaison and both.member_ids == {1} and not both.meetings
