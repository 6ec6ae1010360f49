"""Party badges (Huy hiệu Đảng, DOMAIN.md §10): award dates, who reaches a milestone for a round,
who is held back by a reprimand, early and posthumous awards — pure functions over the settings."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.members import EventKind, MemberEvent, Presence, Standing
from cellsec.rules.lifecycle import first_admission, ordered, party_age_months, state_on
from cellsec.rules.settings import Rules
from cellsec.text import fold

AWARD_DATE_KEYS = ("badge_award_date_1", "badge_award_date_2", "badge_award_date_3", "badge_award_date_4")

# The discipline levels that hold a badge back, with the setting of the months to wait.
REPRIMAND_WAIT = (
    ("khien trach", "Khiển trách", "badge_wait_months_khien_trach"),
    ("canh cao", "Cảnh cáo", "badge_wait_months_canh_cao"),
    ("cach chuc", "Cách chức", "badge_wait_months_cach_chuc"),
)


class Basis:
    """Why a member is on a round's list: the milestone itself, or a recorded choice."""

    MILESTONE = ""
    ILLNESS = "illness"  # early award for serious illness
    POSTHUMOUS = "posthumous"


BASIS_LABELS = {
    Basis.MILESTONE: "Đủ tuổi đảng",
    Basis.ILLNESS: "Tặng sớm do ốm nặng",
    Basis.POSTHUMOUS: "Truy tặng",
}


@dataclass(frozen=True)
class BadgeLine:
    """One member on a round's list: proposed, or held back with the reason."""

    member_id: int
    milestone: int  # years
    reached_on: date  # the day party age reaches the milestone (if the member stays in the Party)
    proposed: bool
    basis: str = Basis.MILESTONE
    reason: str = ""  # why held back, or what the early / posthumous award rests on


def award_dates(rules: Rules) -> list[tuple[int, int]]:
    """(day, month) of each award date, from the settings ("03/02" …)."""
    return list(_parsed_award_dates(tuple(str(rules[key]) for key in AWARD_DATE_KEYS)))


@functools.lru_cache(maxsize=8)
def _parsed_award_dates(texts: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Parsed once per set of settings: a round asks for every member."""
    result = []
    for text in texts:
        day, month = (int(x) for x in text.split("/"))
        result.append((day, month))
    return tuple(sorted(result, key=lambda dm: (dm[1], dm[0])))


def next_award_dates(on: date, rules: Rules, count: int = 4) -> list[date]:
    """The next `count` award dates on or after `on`."""
    found: list[date] = []
    year = on.year
    while len(found) < count:
        found += [d for d in (date(year, m, dd) for dd, m in award_dates(rules)) if d >= on]
        year += 1
    return found[:count]


def previous_award_date(award: date, rules: Rules) -> date:
    """The award date before `award`: a round covers milestones reached after it."""
    candidates = [date(y, m, d) for y in (award.year - 1, award.year) for d, m in award_dates(rules)]
    return max(d for d in candidates if d < award)


def proposal_due(award: date, rules: Rules) -> date:
    """The day the cell's proposal is due: the lead time (a setting) before the award date."""
    return award - timedelta(days=int(rules["badge_lead_days"]))


def badge_milestone(detail: str) -> int | None:
    """The milestone (years) written in a badge event's detail ("30 năm", "Huy hiệu 30 năm")."""
    found = re.search(r"\d+", detail or "")
    return int(found[0]) if found else None


def awarded(events: Iterable[MemberEvent]) -> list[int]:
    return sorted(
        m
        for e in events
        if e.kind is EventKind.BADGE_AWARDED and (m := badge_milestone(e.detail)) is not None
    )


def reaching_date(events: Sequence[MemberEvent], months: int, start: date, limit: date) -> date | None:
    """The first day in [start, limit] on which party age reaches `months`; None if it does not."""
    if party_age_months(events, limit) < months:
        return None
    if party_age_months(events, start) >= months:
        return start
    low, high = start, limit
    while (high - low).days > 1:  # party age never falls
        middle = date.fromordinal((low.toordinal() + high.toordinal()) // 2)
        if party_age_months(events, middle) >= months:
            high = middle
        else:
            low = middle
    return high


def held_back(events: Iterable[MemberEvent], award: date, rules: Rules) -> str:
    """Why a reprimand holds the badge back on the award date ("" when it does not): eligible
    again 6 / 9 / 12 months (settings) after khiển trách / cảnh cáo / cách chức."""
    reasons = []
    for e in ordered(events):
        if e.kind is not EventKind.DISCIPLINED or e.date > award:
            continue
        for word, label, key in REPRIMAND_WAIT:
            if word in fold(e.detail):
                eligible = add_months(e.date, int(rules[key]))
                if award < eligible:
                    reasons.append(
                        f"Kỷ luật {label.lower()} ngày {format_date(e.date)}: được xét từ "
                        f"{format_date(eligible)}"
                    )
                break
    return "; ".join(reasons)


def _early_months(milestone: int, rules: Rules) -> int:
    if milestone >= int(rules["badge_early_illness_high_from_years"]):
        return int(rules["badge_early_illness_months_high"])
    return int(rules["badge_early_illness_months"])


def _milestones_after(events: Sequence[MemberEvent], rules: Rules) -> list[int]:
    done = awarded(events)
    top = max(done) if done else 0
    return [int(m) for m in rules["badge_milestones_years"] if int(m) > top]


def _may_reach(events: Sequence[MemberEvent], award: date, rules: Rules) -> bool:
    """Whether the time since the first admission reaches a milestone not yet awarded by
    `award` (party age is never longer: a quick test before the full count)."""
    start = first_admission(events)
    upcoming = _milestones_after(events, rules)
    return start is not None and bool(upcoming) and add_months(start, upcoming[0] * 12) <= award


def round_line(
    member_id: int, events: Sequence[MemberEvent], award: date, rules: Rules, choices: Iterable[str] = ()
) -> BadgeLine | None:
    """The member's line on the round of `award`, or None when they are not on it. `choices`
    are the bases the secretary recorded for this member (Basis.ILLNESS, Basis.POSTHUMOUS)."""
    events = ordered(events)
    if not choices and not _may_reach(events, award, rules):
        return None  # party age never exceeds the time since admission: no milestone by `award`
    state = state_on(events, award)
    if state.standing is Standing.DECEASED:
        return _posthumous(member_id, events, award, rules) if Basis.POSTHUMOUS in choices else None
    if state.presence is not Presence.IN:
        return None
    upcoming = _milestones_after(events, rules)
    if not upcoming:
        return None
    line = _on_time(member_id, events, award, rules, upcoming)
    if line is None and Basis.ILLNESS in choices:
        line = _early(member_id, events, award, rules, upcoming[0])
    if line is None:
        return None
    reason = held_back(events, award, rules)
    if reason:
        return BadgeLine(member_id, line.milestone, line.reached_on, False, line.basis, reason)
    return line


def _on_time(
    member_id: int, events: Sequence[MemberEvent], award: date, rules: Rules, upcoming: list[int]
) -> BadgeLine | None:
    """A milestone reached after the previous award date and by this one."""
    previous = previous_award_date(award, rules)
    age = party_age_months(events, award)
    reached = [m for m in upcoming if m * 12 <= age]
    if not reached:
        return None
    milestone = reached[-1]
    if party_age_months(events, previous) >= milestone * 12:
        return None  # reached by the previous round
    on = reaching_date(events, milestone * 12, previous + timedelta(days=1), award)
    return BadgeLine(member_id, milestone, on, True) if on is not None else None


def _early(
    member_id: int, events: Sequence[MemberEvent], award: date, rules: Rules, milestone: int
) -> BadgeLine | None:
    months = _early_months(milestone, rules)
    limit = add_months(award, months)
    on = reaching_date(events, milestone * 12, award, limit)
    if on is None:
        return None
    return BadgeLine(
        member_id,
        milestone,
        on,
        True,
        Basis.ILLNESS,
        f"Ốm nặng: tặng sớm (đủ {milestone} năm ngày {format_date(on)}, sớm tối đa {months} tháng)",
    )


def _posthumous(member_id: int, events: Sequence[MemberEvent], award: date, rules: Rules) -> BadgeLine | None:
    death = next(e.date for e in events if e.kind is EventKind.DECEASED)
    age = party_age_months(events, death)
    early = int(rules["badge_posthumous_early_months"])
    upcoming = [m for m in _milestones_after(events, rules) if m * 12 - early <= age]
    if not upcoming:
        return None
    milestone = upcoming[-1]
    admitted = min(e.date for e in events if e.kind is EventKind.ADMITTED)
    reached = reaching_date(events, milestone * 12, admitted, death) if milestone * 12 <= age else None
    return BadgeLine(
        member_id,
        milestone,
        reached or death,
        True,
        Basis.POSTHUMOUS,
        f"Truy tặng: từ trần ngày {format_date(death)} khi có {age // 12} năm {age % 12} tháng tuổi đảng",
    )
