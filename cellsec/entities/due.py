"""Things the secretary must do by a date (the "Việc cần làm" list) and what was decided about
them: done elsewhere, or postponed with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class DueState(str, Enum):
    """How urgent an item is on the day the list is made (red / amber / grey on screen)."""

    OVERDUE = "overdue"
    SOON = "soon"
    LATER = "later"

    @property
    def label(self) -> str:
        return {DueState.OVERDUE: "Quá hạn", DueState.SOON: "Sắp đến hạn", DueState.LATER: "Sắp tới"}[self]


class MarkKind(str, Enum):
    """What the secretary recorded about an item. Values are stored in the file: never rename."""

    DONE = "done"
    POSTPONED = "postponed"

    @property
    def label(self) -> str:
        return {MarkKind.DONE: "Đã làm", MarkKind.POSTPONED: "Hoãn"}[self]


@dataclass(frozen=True)
class Target:
    """Where the item is done: a page key and a part of it the page understands."""

    page: str
    part: str = ""


@dataclass(frozen=True)
class DueItem:
    """One thing to do. `key` names it for good (rule, record, period): a mark made on it
    today still applies when the list is made again tomorrow."""

    key: str  # e.g. "regular_meeting:2026-12", "probation_end:member:12"
    rule: str  # the rule's key in the registry
    what: str  # Vietnamese: what must be done
    who: str  # for whom / about whom ("" when it is the cell's own)
    due: date  # by when
    citation: str  # the rule's source (the setting's `source`)
    target: Target
    state: DueState = DueState.LATER
    note: str = ""  # e.g. "Hoãn đến 20/12/2026: chờ ý kiến Đảng ủy xã"


@dataclass(frozen=True)
class DueMark:
    """The secretary's decision on one item: done elsewhere, or postponed until a day."""

    item_key: str
    rule: str
    kind: MarkKind
    on: date  # the day it was recorded
    until: date | None = None  # for a postponement
    reason: str = ""
    id: int | None = None
