"""The growth deadlines handed to the to-do list: what, for whom, by when, with the rule's source."""

from __future__ import annotations

from datetime import date

from factories import member

from cellsec.services.candidates import save_candidate
from cellsec.services.growth_deadlines import growth_deadlines
from cellsec.services.members import add_member

LATER = date(2040, 1, 1)


def test_the_deadlines_of_a_cell_growing(store):
    # GIVEN two full members, a probationer admitted 15/01/2026, a member reaching 30 years on
    # 3/2/2027, and a candidate with the Đảng ủy's decision of Friday 20/11/2026
    a = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1997", official="03/02/1998")
    b = member(store, "Lê Văn Bình", "01/01/1971", admitted="03/02/2000", official="03/02/2001")
    add_member(
        store,
        {"full_name": "Hoàng Thị Giang", "sex": "Nữ", "birth_date": "02/03/1998"},
        {"entry_kind": "admitted", "admission_date": "15/01/2026"},
        today=LATER,
    )
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
    save_candidate(store, form, today=LATER)
    # WHEN the to-do list asks on 22/11/2026
    found = {(d.kind, d.who): d for d in growth_deadlines(store, date(2026, 11, 22))}
    # THEN the ceremony is due 30 working days after the decision: weekends and the holidays
    # between (24/11/2026, 01/01/2027) skipped, 05/01/2027
    ceremony = found[("ceremony", "Nguyễn Thị Hạnh")]
    assert ceremony.due == date(2027, 1, 5) and "Quy định 294-QĐ/TW" in ceremony.citation
    # AND the probationer is warned at 11 months and reviewed within 30 working days of 12
    assert found[("probation_warning", "Hoàng Thị Giang")].due == date(2026, 12, 15)
    assert found[("recognition_review", "Hoàng Thị Giang")].due == date(2027, 3, 5)
    # AND the badge round of 3/2/2027 must be proposed 90 days ahead, shown 30 days before that
    badge = found[("badge_proposal", "")]
    assert (badge.due, badge.warn_from) == (date(2026, 11, 5), date(2026, 10, 6))
    assert "03/02/2027 (1 đồng chí)" in badge.what
