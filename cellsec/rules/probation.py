"""Probation (DOMAIN.md §8): when it ends, when the to-do list warns, when the cell's recognition
review is due (working days after the 12 months), and the outcome of a failed review."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from cellsec.dates import add_months
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.rules.lifecycle import ordered
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import WorkCalendar, work_calendar


@dataclass(frozen=True)
class Probation:
    """One probation period: from the admission (or re-admission) decision."""

    admitted: date
    ends: date  # the day the probation months are complete
    warn_on: date  # the to-do list's warning (11 months: a setting)
    review_days: int  # working days after `ends` for the cell's review (a setting)
    calendar: WorkCalendar = field(compare=False, repr=False)

    @functools.cached_property
    def review_due(self) -> date:
        """The last day of the cell's review (counted when asked: a walk over working days)."""
        return self.calendar.add_working_days(self.ends, self.review_days)


# A probation this cell no longer follows: recognised, or the member left the cell's roll.
_CLOSES = (
    EventKind.RECOGNISED,
    EventKind.REMOVED,
    EventKind.EXPELLED,
    EventKind.DECEASED,
    EventKind.TRANSFERRED_OUT,
    EventKind.ATTACHED_IN_END,
)


def probation_of(
    events: Iterable[MemberEvent], rules: Rules, calendar: WorkCalendar | None = None
) -> Probation | None:
    """The member's current probation, None when they were recognised, never admitted or left
    the cell — THE dates of a probation for the growth page and the to-do list alike
    (`calendar`: the to-do list's, already built; else one from the rules)."""
    start: date | None = None
    for e in ordered(events):
        if e.kind in (EventKind.ADMITTED, EventKind.READMITTED):
            start = e.date
        elif e.kind in _CLOSES:
            start = None
    if start is None:
        return None
    return Probation(
        admitted=start,
        ends=add_months(start, int(rules["probation_months"])),
        warn_on=add_months(start, int(rules["due_probation_warn_months"])),
        review_days=int(rules["recognition_review_working_days"]),
        calendar=calendar or work_calendar(rules),
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
