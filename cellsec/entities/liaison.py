"""Residence liaison (QĐ 213, HD 33): working members living in the village, their gatherings
and yearly comment sheets; and the cell's own members who work far away."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from cellsec.entities.members import Sex


class LiaisonCategory(str, Enum):
    """HD 33-HD/BTCTW: the exempted categories get no routine yearly comment."""

    REGULAR = "regular"
    ARMED_FORCES = "armed_forces"  # living in barracks
    MOBILE = "mobile"  # work keeps them away or on the move
    ROTATED = "rotated"  # rotated cadres in official housing
    STUDENT = "student"  # full-time students or trainees far away

    @property
    def label(self) -> str:
        return {
            LiaisonCategory.REGULAR: "Thường xuyên giữ mối liên hệ",
            LiaisonCategory.ARMED_FORCES: "Lực lượng vũ trang ở tập trung trong doanh trại",
            LiaisonCategory.MOBILE: "Công tác lưu động, thường xuyên vắng nhà",
            LiaisonCategory.ROTATED: "Cán bộ luân chuyển ở nhà công vụ",
            LiaisonCategory.STUDENT: "Học tập tập trung dài hạn xa nơi cư trú",
        }[self]

    @property
    def routine_comment(self) -> bool:
        return self is LiaisonCategory.REGULAR


class LiaisonStatus(str, Enum):
    ACTIVE = "active"
    MOVED = "moved"
    RETIRED = "retired"
    ENDED = "ended"

    @property
    def label(self) -> str:
        return {
            LiaisonStatus.ACTIVE: "Đang giữ mối liên hệ",
            LiaisonStatus.MOVED: "Đã chuyển nơi ở",
            LiaisonStatus.RETIRED: "Đã nghỉ hưu (chuyển về chi bộ nơi cư trú)",
            LiaisonStatus.ENDED: "Thôi giữ mối liên hệ",
        }[self]


@dataclass(frozen=True)
class StatusChange:
    status: LiaisonStatus
    date: date
    note: str = ""


@dataclass(frozen=True)
class LiaisonMember:
    id: int | None = None
    full_name: str = ""
    sex: Sex = Sex.MALE
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    workplace: str = ""
    workplace_party_org: str = ""
    workplace_contact: str = ""
    ggt_number: str = ""
    ggt_date: date | None = None
    received_date: date = date(2000, 1, 1)
    category: LiaisonCategory = LiaisonCategory.REGULAR
    notes: str = ""
    history: tuple[StatusChange, ...] = ()

    def status_on(self, day: date) -> LiaisonStatus | None:
        """None before the introduction letter was received."""
        if day < self.received_date:
            return None
        current = LiaisonStatus.ACTIVE
        for change in sorted(self.history, key=lambda c: c.date):
            if change.date <= day:
                current = change.status
        return current


@dataclass(frozen=True)
class Gathering:
    """A 6-monthly meeting of the cell with the working members living in the village."""

    date: date
    place: str = ""
    content: str = ""
    present: tuple[int, ...] = ()  # liaison member ids present
    absent: tuple[int, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class CommentSheet:
    liaison_id: int
    year: int
    variant: str = "full"  # full (six criteria) or short (HD 33, when asked)
    requested_date: date | None = None
    requesting_org: str = ""
    criteria: dict[str, int] = field(default_factory=dict)  # key -> level 0 (best) .. 2
    free_text: str = ""
    front_met_date: date | None = None
    signed_date: date | None = None
    sent_date: date | None = None
    confirmed_date: date | None = None
    returned_date: date | None = None
    id: int | None = None


class Arrangement(str, Enum):
    EXEMPTION = "exemption"
    TEMPORARY_TRANSFER = "temporary_transfer"

    @property
    def label(self) -> str:
        return {
            Arrangement.EXEMPTION: "Miễn sinh hoạt tạm thời",
            Arrangement.TEMPORARY_TRANSFER: "Chuyển sinh hoạt tạm thời",
        }[self]


@dataclass(frozen=True)
class Contact:
    date: date
    method: str = ""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class WorkingAway:
    member_id: int
    arrangement: Arrangement
    application_date: date
    start: date
    end: date
    reason: str = ""
    destination: str = ""
    employer: str = ""
    contact: str = ""
    decision_ref: str = ""
    dues: str = ""
    returned_date: date | None = None
    event_id: int | None = None
    notes: str = ""
    contacts: tuple[Contact, ...] = ()
    id: int | None = None
    member_name: str = ""  # filled when loaded, for display
