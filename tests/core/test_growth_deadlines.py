"""The deadlines of growing the cell on the to-do list: what, for whom, by when, with the rule's
source, and where the secretary does it (the growth page's candidate, probationer or round)."""

from __future__ import annotations

from datetime import date

from factories import member

from cellsec.services.candidates import save_candidate
from cellsec.services.due import due_items
from cellsec.services.members import add_member
from cellsec.services.probation import probationers

LATER = date(2040, 1, 1)


def _cell(store):
    # two full members, a probationer admitted 15/01/2026, a member reaching 30 years on
    # 3/2/2027, and a candidate with the Đảng ủy's decision of Friday 20/11/2026
    a = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1997", official="03/02/1998")
    b = member(store, "Lê Văn Bình", "01/01/1971", admitted="03/02/2000", official="03/02/2001")
    probationer = add_member(
        store,
        {"full_name": "Hoàng Thị Giang", "sex": "Nữ", "birth_date": "02/03/1998"},
        {"entry_kind": "admitted", "admission_date": "15/01/2026"},
        today=LATER,
    )[0]
    form = {
        "full_name": "Nguyễn Thị Hạnh",
        "sex": "Nữ",
        "birth_date": "12/04/2000",
        "course_date": "15/09/2025",
        "application_date": "10/01/2026",
        "cv_date": "01/02/2026",
        "verification_date": "15/03/2026",
        "introducer_1_id": str(a),
        "introducer_1_since": "01/01/2024",
        "introducer_2_id": str(b),
        "introducer_2_since": "01/06/2023",
        "resolution_date": "05/04/2026",
        "votes_entitled": "12",
        "votes_for": "9",
        "decision_date": "20/11/2026",
    }
    candidate, _ = save_candidate(store, form, today=LATER)
    return candidate, probationer


def test_the_deadlines_of_a_cell_growing_are_on_the_to_do_list(store):
    candidate, probationer = _cell(store)
    # WHEN the to-do list is made on 22/11/2026
    found = {(i.rule, i.who): i for i in due_items(store, date(2026, 11, 22))}
    # THEN the ceremony is due 30 working days after the decision: weekends and the holidays
    # between (24/11/2026, 01/01/2027) skipped, 05/01/2027, done on the candidate's row
    ceremony = found[("admission_ceremony", "Nguyễn Thị Hạnh")]
    assert ceremony.due == date(2027, 1, 5) and "Quy định 294-QĐ/TW" in ceremony.citation
    assert (ceremony.target.page, ceremony.target.part) == ("growth", f"candidate:{candidate}")
    # AND the badge round of 3/2/2027 must be proposed 90 days ahead (05/11/2026: overdue)
    badge = found[("badge_proposal", "")]
    assert badge.due == date(2026, 11, 5) and badge.state.value == "overdue"
    assert badge.what == "Gửi danh sách đề nghị tặng Huy hiệu Đảng đợt 03/02/2027"
    assert badge.target.part == "round:2027-02-03"
    # AND the probationer is not due yet (warned from 15/12/2026)
    assert ("probation_end", "Hoàng Thị Giang") not in found


def test_the_probation_reads_the_same_dates_on_the_list_and_the_growth_page(store):
    _, probationer = _cell(store)
    # WHEN the list is made at 11 months and after the 12
    warned = {(i.rule, i.who): i for i in due_items(store, date(2026, 12, 15))}
    review = {(i.rule, i.who): i for i in due_items(store, date(2027, 1, 15))}
    [row] = probationers(store, date(2027, 1, 15))
    # THEN the list's dates are the page's: end of probation, and the review 30 working days on
    assert warned[("probation_end", "Hoàng Thị Giang")].due == row.probation.ends == date(2027, 1, 15)
    item = review[("recognition_review", "Hoàng Thị Giang")]
    assert item.due == row.probation.review_due == date(2027, 3, 5)
    assert item.target.part == f"probation:{probationer}"


def test_a_badge_round_outside_its_window_is_not_on_the_list(store):
    _cell(store)
    # 3/2/2027's round (due 05/11/2026) is shown from 30 days before its due date, 06/10/2026
    assert not [i for i in due_items(store, date(2026, 10, 5)) if i.rule == "badge_proposal"]
    assert [i.due for i in due_items(store, date(2026, 10, 6)) if i.rule == "badge_proposal"] == [
        date(2026, 11, 5)
    ]
