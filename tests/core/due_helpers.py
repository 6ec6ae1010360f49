"""Builders for the pure due-rule tests: a context on a day, facts from plain values."""

from __future__ import annotations

from datetime import date
from typing import Any

from cellsec.entities.due import DueItem
from cellsec.rules.due import RULES, DueFacts, context, evaluate
from cellsec.rules.settings import Rules


def run(rule: str, facts: DueFacts, today: date, **settings: Any) -> list[DueItem]:
    """The items one registered rule gives on `today` (state applied, as the list shows them)."""
    rules = Rules.with_overrides(settings)
    chosen = [r for r in RULES if r.key == rule]
    assert chosen, rule
    return evaluate(facts, context(today, rules), (), chosen)


def states(rule: str, facts: DueFacts, today: date, **settings: Any) -> list[str]:
    return [i.state.value for i in run(rule, facts, today, **settings)]
