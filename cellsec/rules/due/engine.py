"""From facts to the list: run every registered rule, apply the secretary's marks (done items
leave the list; a postponed one moves to its new day, with the reason), colour by urgency."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from cellsec.dates import format_date
from cellsec.entities.due import DueItem, DueMark, DueState, MarkKind
from cellsec.rules.due.facts import DueContext, DueFacts
from cellsec.rules.due.registry import RULES, DueRule
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import work_calendar

_ORDER = {DueState.OVERDUE: 0, DueState.SOON: 1, DueState.LATER: 2}


def context(today: date, rules: Rules, registry: Iterable[DueRule] = RULES) -> DueContext:
    calendar = work_calendar(rules)
    citations = {r.key: rules.settings[r.setting].source for r in registry if r.setting in rules.settings}
    return DueContext(today, rules, calendar, citations)


def state_of(due: date, today: date, soon_days: int) -> DueState:
    """Red once the day has passed, amber within `soon_days` of it, grey before."""
    if today > due:
        return DueState.OVERDUE
    return DueState.SOON if (due - today).days <= soon_days else DueState.LATER


def _marked(item: DueItem, mark: DueMark | None) -> DueItem | None:
    if mark is None:
        return item
    if mark.kind is MarkKind.DONE:
        return None
    until = mark.until or item.due
    note = f"Hoãn đến {format_date(until)}" + (f": {mark.reason}" if mark.reason else "")
    return replace(item, due=max(item.due, until), note=note)


def evaluate(
    facts: DueFacts,
    ctx: DueContext,
    marks: Iterable[DueMark] = (),
    registry: Iterable[DueRule] = RULES,
) -> list[DueItem]:
    """Every item of every rule, marks applied (the newest mark of an item counts), the most
    urgent first, then by date."""
    latest: dict[str, DueMark] = {}
    for mark in sorted(marks, key=lambda m: m.id or 0):
        latest[mark.item_key] = mark
    soon = ctx.setting("due_soon_days")
    out = []
    for rule in registry:
        for raw in rule.function(facts, ctx):
            item = _marked(raw, latest.get(raw.key))
            if item is not None:
                out.append(replace(item, state=state_of(item.due, ctx.today, soon)))
    return sorted(out, key=lambda i: (_ORDER[i.state], i.due, i.rule, i.who, i.key))
