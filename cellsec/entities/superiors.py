"""Superior committee members who follow the cell: directory, assignments, notices, directions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class Level(str, Enum):
    COMMUNE = "commune"
    PROVINCE = "province"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            Level.COMMUNE: "Đảng ủy xã/phường",
            Level.PROVINCE: "Tỉnh ủy/Thành ủy",
            Level.OTHER: "Cấp khác",
        }[self]


class DirectionStatus(str, Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return {
            DirectionStatus.OPEN: "Chưa thực hiện",
            DirectionStatus.IN_PROGRESS: "Đang thực hiện",
            DirectionStatus.DONE: "Đã hoàn thành",
            DirectionStatus.DROPPED: "Không thực hiện nữa",
        }[self]

    @property
    def is_open(self) -> bool:
        return self in (DirectionStatus.OPEN, DirectionStatus.IN_PROGRESS)


@dataclass(frozen=True)
class Superior:
    id: int | None = None
    name: str = ""
    position: str = ""
    level: Level = Level.COMMUNE
    committee: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Assignment:
    """A superior assigned to follow the cell from start to end (inclusive; None = ongoing)."""

    superior_id: int
    start: date
    end: date | None = None
    note: str = ""
    id: int | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Notice:
    meeting_id: int
    superior_id: int
    sent: date
    method: str = ""
    note: str = ""


@dataclass(frozen=True)
class Direction:
    """A direction given by a superior at a meeting, followed up until done or dropped."""

    meeting_id: int
    given_by: str
    text: str
    owner: str = ""
    deadline: date | None = None
    status: DirectionStatus = DirectionStatus.OPEN
    superior_id: int | None = None
    closed_meeting_id: int | None = None
    result: str = ""
    id: int | None = None
    meeting_date: date | None = None  # filled when loaded, for display
