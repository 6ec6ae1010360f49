"""The register of candidates (DOMAIN.md §8): stages in order, the introducers' rule, age and the
certificate at review, the cell's 2/3 vote, and the ceremony creating the member."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member

from cellsec.entities.members import EventKind, Standing
from cellsec.errors import ValidationError
from cellsec.rules import lifecycle
from cellsec.services.candidates import candidate_rows, record_ceremony, save_candidate

LATER = date(2040, 1, 1)


def _introducers(store):
    a = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1996", official="03/02/1997")
    b = member(store, "Lê Văn Bình", "01/01/1971", admitted="03/02/2000", official="03/02/2001")
    return a, b


def _form(a, b, **overrides):
    form = {
        "full_name": "Nguyễn Thị Hạnh",
        "sex": "Nữ",
        "birth_date": "12/04/2000",
        "citizen_id": "025300001111",
        "phone": "0987 000 111",
        "occupation": "Giáo viên",
        "course_date": "15/09/2025",
        "course_certificate_no": "125/GCN",
        "application_date": "10/01/2026",
        "cv_date": "01/02/2026",
        "verification_date": "15/03/2026",
        "introducer_1_id": str(a),
        "introducer_1_since": "01/01/2024",
        "introducer_2_id": str(b),
        "introducer_2_since": "01/06/2023",
        "resolution_date": "05/04/2026",
        "resolution_ref": "03-NQ/CB",
        "votes_entitled": "12",
        "votes_for": "8",
        "decision_date": "20/05/2026",
        "decision_ref": "145-QĐ/ĐU",
    }
    form.update(overrides)
    return form


def test_a_candidate_carried_to_the_ceremony_becomes_a_probationary_member(store):
    # GIVEN a candidate with every stage up to the Đảng ủy's decision on 20/05/2026
    a, b = _introducers(store)
    cid, _ = save_candidate(store, _form(a, b), today=LATER)
    (row,) = candidate_rows(store, date(2026, 5, 21))
    assert row.stage == "Quyết định kết nạp của Đảng ủy" and row.missing == ("Lễ kết nạp",)
    assert any("lễ kết nạp chậm nhất" in w for w in row.warnings)
    # WHEN the ceremony is recorded
    member_id, changes = record_ceremony(store, cid, {"ceremony_date": "02/06/2026"}, today=LATER)
    # THEN the member exists with what was typed, admitted from the decision date (not the ceremony)
    m = store.members.get(member_id)
    assert (m.full_name, m.citizen_id, m.occupation) == ("Nguyễn Thị Hạnh", "025300001111", "Giáo viên")
    assert m.ceremony_date == date(2026, 6, 2) and (m.introducer_1, m.introducer_2) == (
        "Trần Văn An",
        "Lê Văn Bình",
    )
    (admitted,) = store.members.events_of(member_id)
    assert (admitted.kind, admitted.date, admitted.decision_ref) == (
        EventKind.ADMITTED,
        date(2026, 5, 20),
        "145-QĐ/ĐU",
    )
    state = lifecycle.state_on(store.members.events_of(member_id), date(2026, 6, 3))
    assert state.standing is Standing.PROBATIONARY and state.on_roll
    # AND the candidate leaves the register of those being developed, and cannot be admitted twice
    assert candidate_rows(store, date(2026, 6, 3)) == []
    assert candidate_rows(store, date(2026, 6, 3), closed=True)[0].stage == "Đã kết nạp"
    with pytest.raises(ValidationError, match="đã được kết nạp"):
        record_ceremony(store, cid, {"ceremony_date": "03/06/2026"}, today=LATER)
    assert changes.members and changes.growth


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"votes_for": "7"}, "votes_for", "cần ít nhất 8"),
        ({"birth_date": "01/01/1965"}, "resolution_date", "61 tuổi"),
        ({"birth_date": "10/04/2008"}, "resolution_date", "17 tuổi"),
        ({"course_date": "01/03/2021"}, "course_date", "đã hết hạn ngày 01/03/2026"),
        ({"introducer_1_since": "01/02/2025"}, "introducer_1_id", "chưa đủ 12 tháng"),
        ({"introducer_2_id": "", "introducer_2_since": ""}, "introducer_1_id", "Ban Chấp hành Đoàn"),
        ({"cv_date": "01/01/2026"}, "cv_date", "trước ngày làm đơn"),
        ({"verification_date": ""}, "verification_date", "chưa nhập"),
    ],
)
def test_a_candidate_against_the_rules_is_refused_naming_the_field(store, overrides, field, words):
    a, b = _introducers(store)
    with pytest.raises(ValidationError) as err:
        save_candidate(store, _form(a, b, **overrides), today=LATER)
    assert err.value.key == field and words in str(err.value)
    assert store.growth.candidates() == []


def test_one_member_and_the_youth_union_may_introduce(store):
    a, _b = _introducers(store)
    form = _form(a, None, introducer_2_id="", introducer_2_since="", youth_union_introduces="Có")
    cid, _ = save_candidate(store, form, today=LATER)
    member_id, _ = record_ceremony(store, cid, {"ceremony_date": "02/06/2026"}, today=LATER)
    assert "Đoàn" in store.members.get(member_id).introducer_2  # the name field title-cases it


def test_a_probationer_cannot_introduce(store):
    a, _b = _introducers(store)
    p = member(store, "Đinh Văn Khoa", "01/01/1990", admitted="01/10/2025", official="")
    with pytest.raises(ValidationError, match="không phải đảng viên chính thức"):
        save_candidate(store, _form(a, p), today=LATER)


def test_an_early_candidate_shows_its_stage_and_the_certificate_warning(store):
    # GIVEN a candidate who only attended the course on 01/03/2021 (valid 60 months)
    save_candidate(
        store,
        {"full_name": "Bùi Văn Long", "sex": "Nam", "birth_date": "01/01/1999", "course_date": "01/03/2021"},
        today=LATER,
    )
    # THEN two months before expiry the page warns, and lists what is missing next
    (row,) = candidate_rows(store, date(2026, 1, 5))
    assert row.stage == "Học lớp bồi dưỡng nhận thức về Đảng"
    assert row.missing[0] == "Đơn xin vào Đảng"
    assert row.warnings == ("Giấy chứng nhận lớp nhận thức về Đảng hết hạn ngày 01/03/2026",)
