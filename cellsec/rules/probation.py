"""Probation (DOMAIN.md §8): when it ends, when the to-do list warns, when the cell's recognition
review is due (working days after the 12 months), and the outcome of a failed review."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from cellsec.dates import add_months
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.rules.lifecycle import ordered
from cellsec.rules.settings import Rules


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (Monday–Friday).
    TODO(merge, issue 14): helper T adds the working-days function with public holidays (Tết,
    30/4, 1/5, 2/9 …); swap this body for a call to it — every growth deadline goes through here."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


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
        warn_on=add_months(start, int(rules["probation_warning_months"])),
        review_due=add_working_days(ends, int(rules["recognition_review_working_days"])),
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
