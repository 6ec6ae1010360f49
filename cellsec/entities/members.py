"""Members of the register: the person, their lifecycle events, their state on a date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import Enum
from typing import Any


class Sex(str, Enum):
    MALE = "nam"
    FEMALE = "nu"

    @property
    def label(self) -> str:
        return "Nam" if self is Sex.MALE else "Nữ"


class EventKind(str, Enum):
    """A dated change in a member's party life. Values are stored in the file: never rename."""

    ADMITTED = "admitted"
    READMITTED = "readmitted"
    RECOGNISED = "recognised"
    TRANSFERRED_IN = "transferred_in"
    TRANSFER_PENDING = "transfer_pending"  # moved away, the official transfer still to do
    TRANSFERRED_OUT = "transferred_out"
    ATTACHED_IN = "attached_in"
    ATTACHED_IN_END = "attached_in_end"
    ATTACHED_OUT = "attached_out"
    ATTACHED_OUT_END = "attached_out_end"
    EXEMPTED = "exempted"
    EXEMPTION_END = "exemption_end"
    SUSPENDED = "suspended"
    SUSPENSION_END = "suspension_end"
    DISCIPLINED = "disciplined"
    REMOVED = "removed"
    EXPELLED = "expelled"
    DECEASED = "deceased"
    # Gaps in party age (DOMAIN.md §2) and badges received (§10), issue 16.
    LOST_CONTACT = "lost_contact"
    CONTACT_RESTORED = "contact_restored"
    TRANSFER_GAP = "transfer_gap"
    TRANSFER_GAP_END = "transfer_gap_end"
    BADGE_AWARDED = "badge_awarded"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]

    @property
    def has_period(self) -> bool:
        """Events that open a period the user may close with an end date ("đến ngày")."""
        return self in (
            EventKind.ATTACHED_IN,
            EventKind.ATTACHED_OUT,
            EventKind.EXEMPTED,
            EventKind.SUSPENDED,
            EventKind.LOST_CONTACT,
            EventKind.TRANSFER_GAP,
        )


EVENT_LABELS = {
    EventKind.ADMITTED: "Kết nạp vào Đảng",
    EventKind.READMITTED: "Kết nạp lại",
    EventKind.RECOGNISED: "Công nhận đảng viên chính thức",
    EventKind.TRANSFERRED_IN: "Chuyển sinh hoạt chính thức đến",
    EventKind.TRANSFER_PENDING: "Đã chuyển nơi ở/công tác, chờ chuyển sinh hoạt",
    EventKind.TRANSFERRED_OUT: "Chuyển sinh hoạt chính thức đi",
    EventKind.ATTACHED_IN: "Sinh hoạt tạm thời đến",
    EventKind.ATTACHED_IN_END: "Kết thúc sinh hoạt tạm thời (đến)",
    EventKind.ATTACHED_OUT: "Sinh hoạt tạm thời nơi khác",
    EventKind.ATTACHED_OUT_END: "Trở về sinh hoạt tại chi bộ",
    EventKind.EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    EventKind.EXEMPTION_END: "Thôi miễn công tác và sinh hoạt đảng",
    EventKind.SUSPENDED: "Đình chỉ sinh hoạt đảng",
    EventKind.SUSPENSION_END: "Hết đình chỉ sinh hoạt đảng",
    EventKind.DISCIPLINED: "Kỷ luật",
    EventKind.REMOVED: "Xóa tên",
    EventKind.EXPELLED: "Khai trừ",
    EventKind.DECEASED: "Từ trần",
    EventKind.LOST_CONTACT: "Mất liên lạc với tổ chức đảng",
    EventKind.CONTACT_RESTORED: "Liên lạc lại với tổ chức đảng",
    EventKind.TRANSFER_GAP: "Không sinh hoạt đảng khi chuyển sinh hoạt",
    EventKind.TRANSFER_GAP_END: "Sinh hoạt đảng trở lại sau khi chuyển",
    EventKind.BADGE_AWARDED: "Được tặng Huy hiệu Đảng",
}

# Periods that do not count in party age (DOMAIN.md §2), each with the event that closes it.
PARTY_AGE_GAPS = {
    EventKind.LOST_CONTACT: EventKind.CONTACT_RESTORED,
    EventKind.TRANSFER_GAP: EventKind.TRANSFER_GAP_END,
}

DISCIPLINE_LEVELS = ("Khiển trách", "Cảnh cáo", "Cách chức")


class Standing(str, Enum):
    """Where a member stands in the Party on a date (not only in this cell)."""

    NONE = "none"  # not yet admitted (or record starts later)
    PROBATIONARY = "probationary"
    FULL = "full"
    ENDED = "ended"  # removed or expelled
    DECEASED = "deceased"


class Presence(str, Enum):
    """Where a member stands towards this cell on a date."""

    NOT_YET = "not_yet"
    IN = "in"  # on the cell's roll (đảng số)
    GUEST = "guest"  # temporarily attached in from another cell: not on the roll
    LEFT = "left"  # transferred out, removed, expelled, deceased, guest period over


@dataclass(frozen=True)
class Member:
    """One person on the register. Identifiers are text: leading zeros must survive."""

    id: int | None = None
    full_name: str = ""
    alias: str = ""
    sex: Sex = Sex.MALE
    birth_date: date | None = None
    birth_place: str = ""
    hometown: str = ""
    permanent_address: str = ""
    permanent_commune: str = ""
    permanent_province: str = ""
    old_address: str = ""
    temporary_address: str = ""
    ethnicity: str = "Kinh"
    religion: str = "Không"
    occupation: str = ""
    education: str = ""
    qualification: str = ""
    political_theory: str = ""
    citizen_id: str = ""
    party_card_no: str = ""
    old_card_no: str = ""
    lylich_no: str = ""
    phone: str = ""
    ceremony_date: date | None = None
    admitting_cell: str = ""
    introducer_1: str = ""
    introducer_2: str = ""
    youth_union_date: date | None = None
    military_from: date | None = None
    military_to: date | None = None
    rewards: str = ""
    discipline_notes: str = ""
    badges: str = ""
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""

    def with_changes(self, **changes: Any) -> Member:
        return replace(self, **changes)


MEMBER_DATA_FIELDS = tuple(f.name for f in fields(Member) if f.name not in ("id", "created_at", "updated_at"))
# The member's own dates: forms, Excel import and export, the JSON file and storage all read
# this one tuple (birth_date first: the others cannot precede it).
MEMBER_DATE_FIELDS = tuple(f.name for f in fields(Member) if f.type == "date | None")


@dataclass(frozen=True)
class MemberEvent:
    id: int | None = None
    member_id: int | None = None
    kind: EventKind = EventKind.ADMITTED
    date: datetime.date = datetime.date(2000, 1, 1)
    end_date: datetime.date | None = None  # planned end of a period ("đến ngày"), inclusive
    decision_ref: str = ""  # "Quyết định số 123-QĐ/ĐU ngày ..."
    detail: str = ""  # other cell / organisation, discipline level, reason
    note: str = ""


@dataclass(frozen=True)
class MemberState:
    """A member's situation on one date, derived from the events up to that date."""

    standing: Standing = Standing.NONE
    presence: Presence = Presence.NOT_YET
    exempted: bool = False
    attached_out: bool = False
    suspended: bool = False
    lost_contact: bool = False
    transfer_gap: bool = False
    transfer_pending: bool = False  # moved away, the official transfer out not done yet
    left_by: EventKind | None = None  # the event that took the member off the roll

    @property
    def on_roll(self) -> bool:
        return self.presence is Presence.IN

    @property
    def label(self) -> str:
        if self.standing is Standing.DECEASED:
            return "Từ trần"
        if self.presence is Presence.GUEST:
            return "Sinh hoạt tạm thời đến"
        if self.presence is Presence.LEFT:
            left: dict[EventKind | None, str] = {
                EventKind.REMOVED: "Đã xóa tên",
                EventKind.EXPELLED: "Đã khai trừ",
                EventKind.ATTACHED_IN_END: "Hết sinh hoạt tạm thời",
            }
            return left.get(self.left_by, "Đã chuyển đi")
        if self.presence is Presence.NOT_YET:
            return "Chưa vào chi bộ"
        parts = ["Dự bị" if self.standing is Standing.PROBATIONARY else "Chính thức"]
        if self.exempted:
            parts.append("miễn sinh hoạt")
        if self.attached_out:
            parts.append("SHTT nơi khác")
        if self.suspended:
            parts.append("đình chỉ SH")
        if self.lost_contact:
            parts.append("mất liên lạc")
        if self.transfer_pending:
            parts.append("chờ chuyển SH đi")
        return ", ".join(parts)


@dataclass(frozen=True)
class MemberRow:
    """What the register list shows for one member on the chosen date."""

    member: Member
    state: MemberState
    admission_date: date | None
    official_date: date | None
    party_age_months: int
    search_text: str
    sort_key: tuple[Any, ...]
