"""The deadlines of growing the cell read from the file, for the to-do list (issue 14): the
candidates, the probationers and the next badge rounds handed to the pure rule."""

from __future__ import annotations

from datetime import date

from cellsec.rules.badges import previous_award_date
from cellsec.rules.growth_deadlines import GrowthDeadline, deadlines
from cellsec.services.badges import badge_rounds
from cellsec.services.members import rules_of
from cellsec.services.probation import probationers
from cellsec.store import Store


def growth_deadlines(store: Store, on: date | None = None) -> list[GrowthDeadline]:
    """Every deadline of growing the cell on `on` (today), by due date."""
    on = on or date.today()
    rules = rules_of(store)
    probations = [(r.member.full_name, r.member.id or 0, r.probation) for r in probationers(store, on)]
    rounds = [
        (r.award_date, r.proposal_due, previous_award_date(r.award_date, rules), len(r.proposed))
        for r in badge_rounds(store, on)
    ]
    return deadlines(store.growth.candidates(), probations, rounds, rules, on)
