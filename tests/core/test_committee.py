"""A cell-committee meeting (họp chi ủy) has the committee as its roll, as of its date, and its
own counts; a cell without a committee cannot prepare one (issue 10, item 9)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY
from meeting_helpers import complete
from test_reports import pdf_text

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import Mark, MeetingKind
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.committee import add_committee_role, committee_on, end_committee_role
from cellsec.services.meetings import approve_meeting, expected_roll, new_meeting, save_meeting
from cellsec.services.minutes_record import meeting_counts

ELECTED, MEETING = date(2025, 6, 15), date(2026, 10, 25)


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def _full(store, on):
    return [e for e in expected_roll(store, on) if e.category == "full" and e.expected]


def _elect(store):
    """GIVEN a committee elected on 15/06/2025: secretary, deputy and two members."""
    members = _full(store, ELECTED)
    for entry, post in zip(
        members, ("secretary", "deputy_secretary", "committee_member", "committee_member")
    ):
        add_committee_role(
            store, {"member_id": str(entry.member_id), "post": post, "start": "15/06/2025"}, today=TODAY
        )
    return members[:4]


def test_a_cell_without_a_committee_cannot_prepare_a_committee_meeting(cell):
    with pytest.raises(ValidationError, match="Chi bộ chưa có chi ủy vào ngày 25/10/2026"):
        new_meeting(cell, MeetingKind.COMMITTEE, MEETING)


def test_the_committee_is_the_roll_and_has_its_own_counts(cell, tmp_path):
    seats = _elect(cell)
    m = new_meeting(cell, MeetingKind.COMMITTEE, MEETING)
    # THEN the roll is the four committee members, secretary first
    assert [e.member_id for e in m.roll][0] == seats[0].member_id
    assert {e.member_id for e in m.roll} == {e.member_id for e in seats}
    c = meeting_counts(cell, m)
    assert (c.total, c.present) == (4, 4)
    # WHEN one of them is absent and the minutes are approved
    roll = (m.roll[0], m.roll[1], replace(m.roll[2], mark=Mark.ABSENT_NO_REASON), m.roll[3])
    meeting_id, _ = save_meeting(
        cell, complete(replace(m, roll=roll), chair=roll[0].name, recorder=roll[1].name, votes=())
    )
    approve_meeting(cell, meeting_id)
    # THEN the minutes count the committee, not the cell
    text = pdf_text(render(build_document(cell, "minutes", meeting_id=meeting_id)))[0]
    assert "Tổng số chi ủy viên: 4 đồng chí." in text and "Có mặt: 3 đồng chí." in text
    assert "Tổng số đảng viên của chi bộ" not in text


def test_the_committee_is_taken_as_of_the_meeting_date(cell):
    seats = _elect(cell)
    role = next(r for r in cell.meetings.committee.roles() if r.member_id == seats[3].member_id)
    end_committee_role(cell, role.id, "30/06/2026", today=TODAY)
    assert len(committee_on(cell, date(2026, 6, 30))) == 4
    assert len(committee_on(cell, MEETING)) == 3
    # a committee roll that is the whole cell is refused
    m = new_meeting(cell, MeetingKind.COMMITTEE, MEETING)
    with pytest.raises(ValidationError, match="không khớp danh sách chi ủy"):
        save_meeting(cell, replace(m, roll=expected_roll(cell, MEETING)))


def test_seats_are_checked(cell):
    seats = _elect(cell)
    other = _full(cell, ELECTED)[5]
    with pytest.raises(ValidationError, match="đã có bí thư"):
        add_committee_role(
            cell, {"member_id": str(other.member_id), "post": "secretary", "start": "01/01/2026"}, today=TODAY
        )
    with pytest.raises(ValidationError, match="đã ở trong chi ủy"):
        add_committee_role(
            cell,
            {"member_id": str(seats[2].member_id), "post": "committee_member", "start": "01/01/2026"},
            today=TODAY,
        )
    probationary = next(e for e in expected_roll(cell, TODAY) if e.category == "probationary")
    with pytest.raises(ValidationError, match="không phải đảng viên chính thức"):
        add_committee_role(
            cell,
            {"member_id": str(probationary.member_id), "post": "committee_member", "start": "01/11/2026"},
            today=TODAY,
        )
    with pytest.raises(ValidationError, match="Chức vụ trong chi ủy"):
        add_committee_role(
            cell, {"member_id": str(other.member_id), "post": "boss", "start": "01/01/2026"}, today=TODAY
        )
