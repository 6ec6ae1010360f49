"""Rule settings: shipped defaults with their source, changed per cell, used by the rules."""

from __future__ import annotations

from datetime import date

import pytest
from factories import TODAY, entry_form, member_form

from cellsec.errors import ValidationError
from cellsec.services.members import add_event, add_member, rules_of
from cellsec.services.rule_settings import editable, list_rules, reset_rule, set_rule, show_value


def test_every_rule_has_a_label_and_a_source(store):
    rules = list_rules(store)
    assert len(rules) >= 15
    assert all(r.label and r.source for r in rules)
    unverified = [r.key for r in rules if not r.verified]
    assert "attached_out_present_votes" in unverified and "exemption_age_male" in unverified
    by_key = {r.key: r for r in rules}
    # the lists the Đảng ủy xã sets are editable too, and are shown by their labels, not codes
    for key in (
        "meeting_quality_criteria",
        "meeting_quality_bands",
        "comment_criteria",
        "comment_short_criteria",
        "badge_milestones_years",
    ):
        assert editable(by_key[key]), key
    short = by_key["comment_short_criteria"]
    shown = show_value(short.value, short.key, rules_of(store))
    assert "civic" not in shown and shown.startswith("Gương mẫu thực hiện nghĩa vụ công dân")


def test_a_changed_rule_is_used_and_can_be_reset(store):
    # GIVEN the cell's Đảng ủy set probation to 18 months (a made-up change, for the test)
    member_id, _ = add_member(
        store, member_form(), entry_form(admission_date="01/01/2025", official_date=""), today=TODAY
    )
    set_rule(store, "probation_months", "18")
    with pytest.raises(ValidationError, match="chưa hết 18 tháng dự bị"):
        add_event(store, member_id, {"kind": "recognised", "date": "05/02/2026"}, today=TODAY)
    reset_rule(store, "probation_months")
    add_event(store, member_id, {"kind": "recognised", "date": "05/02/2026"}, today=TODAY)
    assert store.members.events_of(member_id)[-1].date == date(2026, 2, 5)


@pytest.mark.parametrize(
    "key,text,fragment",
    [
        ("probation_months", "mười hai", "số nguyên"),
        ("probation_months", "0", "không hợp lý"),
        ("attached_out_present_votes", "có lẽ", "Có"),
        ("comment_routine_deadline", "31/13", "15/12"),
        ("comment_criteria", "x", "Sửa danh sách"),
        ("badge_milestones_years", "30, 25", "lớn hơn"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(store, key, text, fragment):
    with pytest.raises(ValidationError, match=fragment):
        set_rule(store, key, text)
    assert store.settings.overrides() == {}


def test_yes_no_and_day_month_values(store):
    set_rule(store, "attached_out_present_votes", "Không")
    set_rule(store, "comment_routine_deadline", "5/12")
    assert store.settings.overrides() == {
        "attached_out_present_votes": False,
        "comment_routine_deadline": "05/12",
    }


@pytest.mark.parametrize("text", ["1/1", "3/2", "0/2", "1,5", "một nửa", "1/2/3", "-1/2", "1/0", "1.5/3"])
def test_a_majority_must_be_a_fraction_between_0_and_1_of_whole_numbers(store, text):
    with pytest.raises(ValidationError, match=r"^Biểu quyết thông qua nghị quyết.*tỷ lệ"):
        set_rule(store, "vote_majority_more_than", text)
    assert store.settings.overrides() == {}


def test_a_majority_typed_as_a_fraction_decides_the_votes(store):
    # GIVEN the majorities shown as fractions, not "1; 2"
    by_key = {r.key: r for r in list_rules(store)}
    majority = by_key["vote_majority_more_than"]
    assert editable(majority) and show_value(majority.value, majority.key) == "1/2"
    # WHEN the special majority is set to " 3 / 4 "
    set_rule(store, "vote_special_majority_at_least", " 3 / 4 ")
    # THEN it is stored as the counting rules read it, and a vote needs three quarters
    from cellsec.rules.counting import majority_words, threshold, votes_needed

    rules = rules_of(store)
    assert rules["vote_special_majority_at_least"] == [3, 4]
    assert votes_needed(16, threshold(rules, "vote_special_majority_at_least"), at_least=True) == 12
    assert majority_words(rules, True) == "từ ba phần tư trở lên"
    # and "Về mặc định" brings back two thirds
    reset_rule(store, "vote_special_majority_at_least")
    assert rules_of(store)["vote_special_majority_at_least"] == [2, 3]
