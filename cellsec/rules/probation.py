"""Probation (DOMAIN.md §8): when it ends, when the to-do list warns, when the cell's recognition
review is due (working days after the 12 months), and the outcome of a failed review."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cellsec.dates import add_months
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.rules.lifecycle import ordered
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import EXTRA_DAYS_OFF_KEY, WorkCalendar, parse_days_off


def add_working_days(start: date, days: int, rules: Rules) -> date:
    """The day `days` working days after `start`: weekends, Vietnam's public holidays and the
    cell's extra days off skipped — the to-do list's one calendar (cellsec.rules.workdays)."""
    calendar = WorkCalendar(parse_days_off(rules[EXTRA_DAYS_OFF_KEY]))
    return calendar.add_working_days(start, days)


@dataclass(frozen=True)
class Probation:
    """One probation period: from the admission (or re-admission) decision."""

    admitted: date
    ends: date  # the day the probation months are complete
    warn_on: date  # the to-do list's warning (11 months: a setting)
    review_due: date  # the last day of the cell's review (30 working days: a setting)


def probation_of(events: Iterable[MemberEvent], rules: Rules) -> Probation | None:
    """The member's current probation, None when they were recognised or never admitted."""
    start: date | None = None
    for e in ordered(events):
        if e.kind in (EventKind.ADMITTED, EventKind.READMITTED):
            start = e.date
        elif e.kind in (EventKind.RECOGNISED, EventKind.REMOVED, EventKind.EXPELLED, EventKind.DECEASED):
            start = None
    if start is None:
        return None
    ends = add_months(start, int(rules["probation_months"]))
    return Probation(
        admitted=start,
        ends=ends,
        warn_on=add_months(start, int(rules["due_probation_warn_months"])),
        review_due=add_working_days(ends, int(rules["recognition_review_working_days"]), rules),
    )


def failed_review_event(
    member_id: int, when: date, decision_ref: str, note: str, rules: Rules
) -> MemberEvent:
    """The event the rule prescribes when a probationer is not recognised: removal (xóa tên),
    with the rule's wording and source — not a free choice."""
    setting = rules.settings["probation_failed_outcome"]
    return MemberEvent(
        member_id=member_id,
        kind=EventKind.REMOVED,
        date=when,
        decision_ref=decision_ref,
        detail=str(setting.value),
        note=" — ".join(x for x in (note, f"Theo {setting.source}") if x),
    )
