"""The year-end review (kiểm điểm, đánh giá, xếp loại đảng viên; QĐ 366-QĐ/TW, HD 43-HD/BTCTW):
the four levels, one member's review in a year and the cell's review year."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Level(str, Enum):
    """The four rating levels, best first. Values are stored in the file: never rename. Their
    wording and score thresholds are rule settings (review_levels)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"

    @property
    def rank(self) -> int:
        """0 for the best level; a cap keeps the worse (higher) rank."""
        return list(Level).index(self)


@dataclass(frozen=True)
class MemberReview:
    """One member's review in one year: the self-review (Mẫu 2C), the score, the levels."""

    member_id: int
    strengths: str = ""
    shortcomings: str = ""
    self_level: Level | None = None
    scores: dict[str, int] = field(default_factory=dict)  # criterion key -> points
    conditions: tuple[str, ...] = ()  # disqualifying conditions the secretary ticked
    proposed_level: Level | None = None
    decided_level: Level | None = None
    notes: str = ""
    id: int | None = None

    @property
    def score(self) -> int | None:
        return sum(self.scores.values()) if self.scores else None


@dataclass(frozen=True)
class ReviewYear:
    """The cell's review of one year; locked once the Đảng ủy's decision is entered."""

    year: int
    meeting_date: date | None = None
    cell_proposed_level: Level | None = None
    cell_decided_level: Level | None = None
    decision_ref: str = ""
    decision_date: date | None = None
    notes: str = ""
    id: int | None = None

    @property
    def locked(self) -> bool:
        return self.decision_date is not None
