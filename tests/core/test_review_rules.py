"""The year-end rating rules as data and the statistics as the superiors publish them."""

from __future__ import annotations

from datetime import date

from cellsec.entities.members import EventKind, MemberEvent, MemberState, Presence, Standing
from cellsec.entities.review import Level
from cellsec.rules.review import (
    automatic_conditions,
    cap_for,
    excellent_cap_warning,
    exclusion,
    level_for_score,
    level_label,
    suggested_level,
)
from cellsec.rules.review_stats import count_text, percent_text, published_text, statistics
from cellsec.rules.settings import Rules

RULES = Rules.defaults()
ON_ROLL = MemberState(Standing.FULL, Presence.IN)


def test_the_review_rules_are_settings_with_their_source_and_the_unverified_ones_flagged():
    settings = RULES.settings
    assert settings["review_levels"].verified
    assert "366-QĐ/TW" in settings["review_levels"].source
    # the cap and the rules for members admitted during the year are unverified under QĐ 366
    assert not settings["review_excellent_cap_percent"].verified
    assert RULES["review_excellent_cap_percent"] == 20
    assert not settings["review_rate_admitted_in_year"].verified
    assert not settings["review_disqualifying"].verified
    assert sum(c["max"] for c in RULES["review_score_criteria"]) == 100
    assert [c["max"] for c in RULES["review_score_criteria"]] == [30, 70]


def test_a_score_reaches_the_level_of_its_band():
    assert level_for_score(RULES, 95) is Level.EXCELLENT
    assert level_for_score(RULES, 90) is Level.EXCELLENT
    assert level_for_score(RULES, 89) is Level.GOOD
    assert level_for_score(RULES, 70) is Level.GOOD
    assert level_for_score(RULES, 69) is Level.COMPLETED
    assert level_for_score(RULES, 50) is Level.COMPLETED
    assert level_for_score(RULES, 49) is Level.NOT_COMPLETED
    assert level_for_score(RULES, None) is None
    assert level_label(RULES, Level.GOOD) == "Hoàn thành tốt nhiệm vụ"


def test_a_disqualifying_condition_caps_the_level():
    # GIVEN a member scoring 92 who was disciplined in the year
    events = [MemberEvent(kind=EventKind.DISCIPLINED, date=date(2026, 5, 4), detail="Khiển trách")]
    ticked = automatic_conditions(events, 2026)
    # THEN the register alone shows the condition, and it caps the level at "Hoàn thành"
    assert ticked == ("disciplined",)
    assert suggested_level(RULES, 92, ticked) is Level.COMPLETED
    # a discipline of an earlier year caps nothing; the worst of two caps wins
    assert automatic_conditions(events, 2027) == ()
    assert cap_for(RULES, ["disciplined", "violations"]) is Level.NOT_COMPLETED
    assert suggested_level(RULES, 40, ticked) is Level.NOT_COMPLETED


def test_who_is_rated():
    assert exclusion(RULES, ON_ROLL, date(2010, 3, 1), 2026) is None
    exempted = MemberState(Standing.FULL, Presence.IN, exempted=True)
    assert "miễn công tác" in (exclusion(RULES, exempted, date(1970, 3, 1), 2026) or "")
    guest = MemberState(Standing.FULL, Presence.GUEST)
    assert "chi bộ chính thức" in (exclusion(RULES, guest, None, 2026) or "")
    left = MemberState(Standing.FULL, Presence.LEFT)
    assert "Không còn trong đảng số" in (exclusion(RULES, left, None, 2026) or "")
    # members admitted during the year: rated by default; a setting turns it off
    new = MemberState(Standing.PROBATIONARY, Presence.IN)
    assert exclusion(RULES, new, date(2026, 6, 1), 2026) is None
    strict = Rules.with_overrides({"review_rate_admitted_in_year": False})
    assert "Kết nạp trong năm 2026" in (exclusion(strict, new, date(2026, 6, 1), 2026) or "")


def test_the_excellent_cap_is_a_warning_with_a_configurable_share():
    assert excellent_cap_warning(RULES, {Level.EXCELLENT: 2, Level.GOOD: 8}) is None  # 2 of 10
    warning = excellent_cap_warning(RULES, {Level.EXCELLENT: 3, Level.GOOD: 7})  # 3 of 10
    assert warning and "vượt 20 %" in warning and "tối đa 2 đồng chí" in warning
    lenient = Rules.with_overrides({"review_excellent_cap_percent": 30})
    assert excellent_cap_warning(lenient, {Level.EXCELLENT: 3, Level.GOOD: 7}) is None


def test_the_statistics_reproduce_the_published_figures_of_tan_hong():
    # GIVEN the counts behind the article on Tân Hồng (2022): 2.816 members rated, 2.682 "good"
    # of whom 392 excellent, 105 "hoàn thành", the rest (29) not completed
    stats = statistics(
        {Level.EXCELLENT: 392, Level.GOOD: 2682 - 392, Level.COMPLETED: 105, Level.NOT_COMPLETED: 29}
    )
    # THEN the figures read exactly as published
    assert count_text(stats.rated) == "2.816"
    assert count_text(stats.good_or_better) == "2.682"
    assert percent_text(stats.good_or_better_share) == "95,24 %"
    assert percent_text(stats.excellent_of_good) == "14,62 %"
    assert percent_text(stats.figure(Level.COMPLETED).share) == "3,73 %"
    assert percent_text(stats.figure(Level.NOT_COMPLETED).share) == "1,03 %"
    text = published_text(stats, {lv: level_label(RULES, lv) for lv in Level})
    assert "Hoàn thành tốt nhiệm vụ 2.682 đồng chí (chiếm 95,24 %)" in text
    assert "hoàn thành xuất sắc nhiệm vụ 392 đồng chí (chiếm 14,62 % số đảng viên hoàn thành tốt" in text
    assert "hoàn thành nhiệm vụ 105 đồng chí (chiếm 3,73 %)" in text
    # and the four printed shares add up to 100 %, so no rounding note
    assert stats.rounding_note == ""


def test_rounding_is_half_up_and_a_total_off_100_is_said():
    # GIVEN three members, one in each of three levels: 33,33 % each prints 99,99 %
    stats = statistics({Level.GOOD: 1, Level.COMPLETED: 1, Level.NOT_COMPLETED: 1})
    assert percent_text(stats.figure(Level.GOOD).share) == "33,33 %"
    assert "99,99 %" in stats.rounding_note
    # half up: 1/800 = 0,125 % → 0,13 %
    assert (
        percent_text(statistics({Level.GOOD: 1, Level.COMPLETED: 799}).figure(Level.GOOD).share) == "0,13 %"
    )
    assert percent_text(statistics({}).good_or_better_share) == "—"
