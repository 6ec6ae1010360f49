"""The year-end rating rules (QĐ 366-QĐ/TW, HD 43-HD/BTCTW) over the settings: the level a
score reaches, the caps of disqualifying conditions, who is rated, and the excellent cap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from cellsec.entities.members import EventKind, MemberEvent, MemberState, Presence
from cellsec.entities.review import Level
from cellsec.rules.settings import Rules

LEVELS_KEY = "review_levels"
CRITERIA_KEY = "review_score_criteria"
CONDITIONS_KEY = "review_disqualifying"
CAP_KEY = "review_excellent_cap_percent"
DISCIPLINED = "disciplined"  # the condition the register itself shows (a discipline event)


@dataclass(frozen=True)
class Condition:
    key: str
    label: str
    cap: Level


def level_label(rules: Rules, level: Level | None) -> str:
    """The level's wording as the settings give it ("Hoàn thành tốt nhiệm vụ"); "" for none."""
    if level is None:
        return ""
    for row in rules[LEVELS_KEY]:
        if row["key"] == level.value:
            return str(row["label"])
    return level.value


def level_labels(rules: Rules) -> dict[Level, str]:
    return {level: level_label(rules, level) for level in Level}


def criteria(rules: Rules) -> list[dict[str, Any]]:
    """The scoring criteria: key, label, max (they add up to 100)."""
    return [dict(row) for row in rules[CRITERIA_KEY]]


def conditions(rules: Rules) -> list[Condition]:
    return [Condition(row["key"], row["label"], Level(row["cap"])) for row in rules[CONDITIONS_KEY]]


def level_for_score(rules: Rules, score: int | None) -> Level | None:
    """The best level whose minimum the score reaches (90 → excellent, 70 → good …)."""
    if score is None:
        return None
    floors = sorted(((int(r["min_score"]), Level(r["key"])) for r in rules[LEVELS_KEY]), reverse=True)
    for floor, level in floors:
        if score >= floor:
            return level
    return Level.NOT_COMPLETED


def cap_for(rules: Rules, keys: Iterable[str]) -> Level | None:
    """The highest level the ticked conditions still allow; None when nothing caps."""
    caps = [c.cap for c in conditions(rules) if c.key in set(keys)]
    return max(caps, key=lambda lv: lv.rank) if caps else None


def capped(level: Level | None, cap: Level | None) -> Level | None:
    """A level no better than the cap."""
    if level is None or cap is None:
        return level
    return level if level.rank >= cap.rank else cap


def suggested_level(rules: Rules, score: int | None, keys: Iterable[str]) -> Level | None:
    """What the score and the conditions allow: the cell's proposal starts from it."""
    return capped(level_for_score(rules, score), cap_for(rules, keys))


def disciplined_in(events: Iterable[MemberEvent], year: int) -> bool:
    return any(e.kind is EventKind.DISCIPLINED and e.date.year == year for e in events)


def automatic_conditions(events: Iterable[MemberEvent], year: int) -> tuple[str, ...]:
    """The conditions the register shows by itself (a discipline dated in the year)."""
    return (DISCIPLINED,) if disciplined_in(events, year) else ()


def exclusion(rules: Rules, state: MemberState, admitted: date | None, year: int) -> str | None:
    """Why a member is not rated this year (Vietnamese), or None when they are.

    `state` is the member's state at the end of the year; `admitted` their admission date.
    """
    if state.presence is Presence.GUEST:
        return "Sinh hoạt tạm thời đến: chi bộ chính thức đánh giá, xếp loại"
    if not state.on_roll:
        return f"Không còn trong đảng số cuối năm ({state.label})"
    if state.exempted and not rules["review_rate_exempted"]:
        return "Được miễn công tác và sinh hoạt đảng: không xếp loại"
    if admitted is not None and admitted.year == year and not rules["review_rate_admitted_in_year"]:
        return f"Kết nạp trong năm {year}: theo thiết lập, không xếp loại"
    return None


def excellent_cap_warning(rules: Rules, counts: Mapping[Level, int]) -> str | None:
    """A warning when the excellent ones pass the configured share of the "good" ones (the
    published "good" count includes the excellent ones)."""
    good = counts.get(Level.EXCELLENT, 0) + counts.get(Level.GOOD, 0)
    excellent = counts.get(Level.EXCELLENT, 0)
    cap = Fraction(int(rules[CAP_KEY]), 100)
    if excellent == 0 or Fraction(excellent, good) <= cap:
        return None
    allowed = int(cap * good)
    return (
        f"Số “{level_label(rules, Level.EXCELLENT)}” ({excellent}) vượt {rules[CAP_KEY]} % số "
        f"“{level_label(rules, Level.GOOD)}” ({good}): tối đa {allowed} đồng chí. "
        f"({rules.settings[CAP_KEY].source})"
    )
