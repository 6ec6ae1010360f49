"""Probation (DOMAIN.md §8): the helper, the warning and review dates, a failed review's outcome."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member

from cellsec.entities.members import EventKind
from cellsec.errors import ValidationError
from cellsec.rules.probation import probation_of
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import work_calendar
from cellsec.services.members import add_member
from cellsec.services.probation import assign_helper, probationers, record_failed_review, record_recognition
from cellsec.services.register import load_register

LATER = date(2040, 1, 1)


def _probationer(store, admitted="15/01/2026"):
    mid, _ = add_member(
        store,
        {"full_name": "Hoàng Thị Giang", "sex": "Nữ", "birth_date": "02/03/1998"},
        {"entry_kind": "admitted", "admission_date": admitted},
        today=LATER,
    )
    return mid


def test_probation_dates_from_the_admission_decision(store):
    # GIVEN a member admitted on Friday 15/01/2026
    mid = _probationer(store)
    p = probation_of(store.members.events_of(mid), Rules.defaults())
    # THEN probation ends 15/01/2027, the warning comes at 11 months, and the review is due
    # 30 working days after the 12 months: the to-do list's one calendar skips the Tết holidays
    # of 2027, so it is 05/03/2027, not the 26/02/2027 of six bare weeks of Monday–Friday
    assert (p.admitted, p.ends, p.warn_on) == (date(2026, 1, 15), date(2027, 1, 15), date(2026, 12, 15))
    assert p.review_due == date(2027, 3, 5)
    assert work_calendar(Rules.defaults()).add_working_days(date(2027, 1, 15), 1) == date(
        2027, 1, 18
    )  # Fri -> Mon


def test_a_probationer_gets_a_full_member_as_helper(store):
    # GIVEN a probationer and a full member
    mid = _probationer(store)
    helper = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1996", official="03/02/1997")
    # WHEN the secretary assigns the helper
    assign_helper(store, mid, {"helper_id": str(helper), "assigned_on": "20/01/2026"}, today=LATER)
    # THEN the probation list shows the helper next to the probationer
    (row,) = probationers(store, date(2026, 6, 1))
    assert row.member.id == mid and row.helper is not None and row.helper.full_name == "Trần Văn An"
    # AND a probationer cannot help another, nor anyone help a full member
    other = _probationer(store, "01/02/2026")
    with pytest.raises(ValidationError, match="đảng viên chính thức"):
        assign_helper(store, other, {"helper_id": str(mid), "assigned_on": "02/02/2026"}, today=LATER)
    with pytest.raises(ValidationError, match="đảng viên dự bị"):
        assign_helper(store, helper, {"helper_id": str(mid), "assigned_on": "02/02/2026"}, today=LATER)


def test_a_failed_review_records_the_removal_the_rule_prescribes(store):
    # GIVEN a probationer admitted 15/01/2026
    mid = _probationer(store)
    # WHEN the review fails before the 12 months are over, it is refused, nothing written
    with pytest.raises(ValidationError, match="chưa hết thời gian dự bị"):
        record_failed_review(store, mid, {"date": "10/01/2027"}, today=LATER)
    assert len(store.members.events_of(mid)) == 1
    # WHEN it fails after them
    record_failed_review(store, mid, {"date": "20/02/2027", "decision_ref": "QĐ 45-QĐ/ĐU"}, today=LATER)
    # THEN the member is removed with the rule's wording and its source, and leaves the roll
    removal = [e for e in store.members.events_of(mid) if e.kind is EventKind.REMOVED][0]
    assert removal.detail.startswith("Xóa tên trong danh sách đảng viên dự bị")
    assert "Điều lệ Đảng, Điều 5" in removal.note and removal.decision_ref == "QĐ 45-QĐ/ĐU"
    rows = {r.member.id: r for r in load_register(store, date(2027, 3, 1))}
    assert mid not in rows or not rows[mid].state.on_roll


def test_recognition_needs_two_thirds_and_twelve_months(store):
    # GIVEN a probationer admitted 15/01/2026 in a cell of 12 full members
    mid = _probationer(store)
    form = {"date": "20/01/2027", "decision_ref": "QĐ 51", "votes_entitled": "12", "votes_for": "7"}
    # WHEN only 7 of 12 vote for, it is refused naming the field
    with pytest.raises(ValidationError) as err:
        record_recognition(store, mid, form, today=LATER)
    assert err.value.key == "votes_for" and "cần ít nhất 8" in str(err.value)
    # WHEN 8 vote for, but the decision is dated before the 12 months are over, it is refused
    with pytest.raises(ValidationError, match="chưa hết 12 tháng"):
        record_recognition(store, mid, {**form, "votes_for": "8", "date": "10/01/2027"}, today=LATER)
    # THEN with 8 votes after 12 months the member is a full member from the decision
    record_recognition(store, mid, {**form, "votes_for": "8"}, today=LATER)
    (recognised,) = [e for e in store.members.events_of(mid) if e.kind is EventKind.RECOGNISED]
    assert recognised.date == date(2027, 1, 20) and "8/12" in recognised.note
    assert probationers(store, date(2027, 2, 1)) == []
