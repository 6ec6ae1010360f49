"""The exemption age (issue 10.4): `exemption_age_male` / `exemption_age_female` are used where
their rule applies — recording an exemption for old age is checked against the member's age and
sex, and the register shows who is past the age."""

from __future__ import annotations

from datetime import date

from factories import TODAY, member

from cellsec.entities.members import Sex
from cellsec.rules.exemption import over_exemption_age
from cellsec.rules.settings import Rules
from cellsec.services.members import add_event
from cellsec.services.register import event_warning, member_detail
from cellsec.services.rule_settings import set_rule


def test_over_the_age_means_from_the_day_after_that_birthday():
    rules = Rules.defaults()
    born = date(1966, 5, 10)
    assert not over_exemption_age(born, Sex.MALE, date(2026, 5, 10), rules)
    assert over_exemption_age(born, Sex.MALE, date(2026, 5, 11), rules)
    # a woman born the same day is past 55 five years earlier
    assert over_exemption_age(born, Sex.FEMALE, date(2021, 5, 11), rules)
    assert not over_exemption_age(born, Sex.FEMALE, date(2021, 5, 10), rules)
    assert not over_exemption_age(None, Sex.MALE, TODAY, rules)


def _member(store, born: str, sex: str = "Nam") -> int:
    return member(store, born=born, sex=sex, admitted="03/02/1990", official="03/02/1991")


def test_an_old_age_exemption_for_a_younger_member_is_questioned_by_the_setting(store):
    # GIVEN a man born 01/03/1968 (58 on 01/11/2026)
    member_id = _member(store, "01/03/1968")
    form = {"kind": "exempted", "date": "01/11/2026", "detail": "Tuổi cao"}
    # WHEN an exemption for old age from 01/11/2026 is about to be recorded
    warning = event_warning(store, member_id, form, today=TODAY)
    # THEN the secretary is told his age and the rule with its source
    assert "khi đó đồng chí mới 58 tuổi" in warning
    assert "nam trên 60 tuổi (Hướng dẫn 27-HD/BTCTW (2009)" in warning
    # an exemption for ill health is not an age question
    assert event_warning(store, member_id, {**form, "detail": "Sức khỏe yếu"}, today=TODAY) == ""
    # WHEN the Đảng ủy's rule is 57 for men THEN there is nothing to question
    set_rule(store, "exemption_age_male", "57")
    assert event_warning(store, member_id, form, today=TODAY) == ""


def test_a_woman_over_55_is_not_questioned(store):
    member_id = _member(store, "01/03/1968", sex="Nữ")
    form = {"kind": "exempted", "date": "01/11/2026", "detail": "tuổi cao, sức khỏe yếu"}
    assert event_warning(store, member_id, form, today=TODAY) == ""


def test_the_register_shows_who_is_past_the_age_and_a_doubtful_exemption(store):
    # GIVEN a man of 66 and a man of 58 exempted for old age (recorded anyway, as decided)
    old = _member(store, "10/05/1960")
    young = _member(store, "01/03/1968")
    add_event(store, young, {"kind": "exempted", "date": "01/11/2026", "detail": "Tuổi cao"}, today=TODAY)
    # WHEN their records are opened on 22/11/2026
    old_detail = member_detail(store, old, TODAY)
    young_detail = member_detail(store, young, TODAY)
    assert old_detail is not None and young_detail is not None
    # THEN the first shows he is past the exemption age; the second is 58 and flagged
    assert old_detail.age_note == "66 tuổi, trên tuổi được xét miễn sinh hoạt đảng"
    assert young_detail.age_note == "58 tuổi"
    assert any("khi đó đồng chí mới 58 tuổi" in w for w in young_detail.warnings)
    # WHEN the cell's rule says "over 55" for men THEN neither note nor warning says otherwise
    set_rule(store, "exemption_age_male", "55")
    young_detail = member_detail(store, young, TODAY)
    assert young_detail is not None
    assert young_detail.age_note == "58 tuổi, trên tuổi được xét miễn sinh hoạt đảng"
    assert not any("tuổi" in w for w in young_detail.warnings)
