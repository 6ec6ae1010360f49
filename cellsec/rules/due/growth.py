"""Due rules of growing the cell (DOMAIN.md §8, §10): a candidate's awareness certificate
expiring before the cell's resolution, a candidate stalled at a stage, the admission ceremony
within its working days, a badge round's proposal. The dates are cellsec.rules.growth_deadlines'
(the growth page shows the same); the probation's are the register's rules (members.py)."""

from __future__ import annotations

from collections.abc import Iterator

from cellsec.entities.due import DueItem, Target
from cellsec.rules.due.facts import DueContext, DueFacts
from cellsec.rules.growth_deadlines import badge_proposal_deadline, candidate_deadlines


def _candidate_items(rule: str, kind: str, facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    for c in facts.candidates:
        for d in candidate_deadlines(c, ctx.rules, ctx.calendar):
            if d.kind == kind and d.warn_from <= ctx.today:
                yield ctx.item(
                    rule, f"candidate:{c.id}", d.what, d.who, d.due, Target("growth", f"candidate:{c.id}")
                )


def candidate_certificate(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """The awareness certificate runs out before the cell's resolution: shown N days before."""
    yield from _candidate_items("candidate_certificate", "certificate_expiry", facts, ctx)


def candidate_stalled(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A candidate left at one stage longer than the setting: the next step is due."""
    yield from _candidate_items("candidate_stalled", "candidate_stalled", facts, ctx)


def admission_ceremony(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """The ceremony within its working days of the Đảng ủy's decision (shown from the decision)."""
    yield from _candidate_items("admission_ceremony", "ceremony", facts, ctx)


def badge_proposal(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A round with members to propose: the cell's list is due the lead days before the award."""
    for r in facts.badge_rounds:
        d = badge_proposal_deadline(r.award, ctx.rules)
        if d.warn_from <= ctx.today <= r.award:
            yield ctx.item(
                "badge_proposal",
                f"round:{r.award.isoformat()}",
                d.what,
                d.who,
                d.due,
                Target("growth", f"round:{r.award.isoformat()}"),
            )
