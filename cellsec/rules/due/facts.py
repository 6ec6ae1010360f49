"""What the due rules read (gathered once per list by cellsec.services.due) and the context they
run in: the day, the cell's rule settings, the working-day calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cellsec.entities.due import DueItem, Target
from cellsec.entities.growth import Candidate
from cellsec.entities.liaison import CommentSheet, LiaisonMember, WorkingAway
from cellsec.entities.meetings import Meeting
from cellsec.entities.members import MemberEvent
from cellsec.entities.superiors import Direction
from cellsec.rules.review_deadlines import ReviewFacts
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import WorkCalendar


@dataclass(frozen=True)
class MemberFacts:
    """One member of the register: the name and the events in date order."""

    id: int
    name: str
    events: tuple[MemberEvent, ...]


@dataclass(frozen=True)
class TaskFact:
    """A task a meeting gave with a deadline, not yet reviewed as done."""

    id: int
    meeting_id: int
    meeting_date: date
    content: str
    owner: str
    deadline: date


@dataclass(frozen=True)
class NoticeFact:
    """A superior assigned to follow the cell, not yet told of a prepared meeting."""

    meeting_id: int
    meeting_date: date
    meeting_label: str  # "sinh hoạt thường kỳ"
    superior_id: int
    superior_name: str
    due: date


@dataclass(frozen=True)
class BadgeRoundFact:
    """A coming award date, in its window, whose round proposes at least one member."""

    award: date


@dataclass(frozen=True)
class DueFacts:
    members: tuple[MemberFacts, ...] = ()
    meetings: tuple[Meeting, ...] = ()  # headers, the look-back window and after
    tasks: tuple[TaskFact, ...] = ()
    directions: tuple[Direction, ...] = ()  # open ones
    notices: tuple[NoticeFact, ...] = ()
    liaison: tuple[LiaisonMember, ...] = ()
    sheets: dict[int, CommentSheet] = field(default_factory=dict)  # this year's, by liaison id
    gatherings: tuple[date, ...] = ()
    working_away: tuple[WorkingAway, ...] = ()
    last_verified_backup: date | None = None
    last_usb_copy: date | None = None  # the newest copy to a USB stick made through the app
    last_done: dict[str, date] = field(default_factory=dict)  # rule key -> last "done" mark
    started: date | None = None  # the day the file was first used (no backup expected before)
    candidates: tuple[Candidate, ...] = ()  # still being developed (not admitted, not dropped)
    badge_rounds: tuple[BadgeRoundFact, ...] = ()  # the coming rounds already in their window
    reviews: tuple[ReviewFacts, ...] = ()  # the year-end reviews of last year and this year


@dataclass(frozen=True)
class DueContext:
    today: date
    rules: Rules
    calendar: WorkCalendar
    citations: dict[str, str] = field(default_factory=dict)  # rule key -> its source

    def setting(self, key: str) -> int:
        """A whole-number setting (a wrong value in the file counts as 0, never a failure)."""
        value = self.rules[key]
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def item(self, rule: str, key: str, what: str, who: str, due: date, target: Target) -> DueItem:
        """An item of `rule`, cited with the source of the rule's setting."""
        return DueItem(f"{rule}:{key}", rule, what, who, due, self.citations.get(rule, ""), target)
