"""The due-items engine: pure rules over the cell's facts (see registry.py for the list)."""

from __future__ import annotations

from cellsec.rules.due.engine import context, evaluate, state_of
from cellsec.rules.due.facts import BadgeRoundFact, DueContext, DueFacts, MemberFacts, NoticeFact, TaskFact
from cellsec.rules.due.registry import RULES, DueRule

__all__ = [
    "RULES",
    "BadgeRoundFact",
    "DueContext",
    "DueFacts",
    "DueRule",
    "MemberFacts",
    "NoticeFact",
    "TaskFact",
    "context",
    "evaluate",
    "state_of",
]
