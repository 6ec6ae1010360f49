"""Frozen records of a meeting and its minutes: agenda, opinions, roll marks, votes, tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class MeetingKind(str, Enum):
    """Stored in the file: never rename a value."""

    REGULAR = "regular"
    THEMATIC = "thematic"
    COMBINED = "combined"  # regular and thematic in one session
    EXTRAORDINARY = "extraordinary"
    COMMITTEE = "committee"  # cell committee (chi ủy) meeting

    @property
    def label(self) -> str:
        return {
            MeetingKind.REGULAR: "Sinh hoạt thường kỳ",
            MeetingKind.THEMATIC: "Sinh hoạt chuyên đề",
            MeetingKind.COMBINED: "Thường kỳ kết hợp chuyên đề",
            MeetingKind.EXTRAORDINARY: "Sinh hoạt bất thường",
            MeetingKind.COMMITTEE: "Họp chi ủy",
        }[self]

    @property
    def title_words(self) -> str:
        """The words after "BIÊN BẢN" in the minutes' title."""
        return {
            MeetingKind.REGULAR: "SINH HOẠT CHI BỘ THƯỜNG KỲ",
            MeetingKind.THEMATIC: "SINH HOẠT CHI BỘ CHUYÊN ĐỀ",
            MeetingKind.COMBINED: "SINH HOẠT CHI BỘ THƯỜNG KỲ VÀ CHUYÊN ĐỀ",
            MeetingKind.EXTRAORDINARY: "SINH HOẠT CHI BỘ BẤT THƯỜNG",
            MeetingKind.COMMITTEE: "HỌP CHI ỦY",
        }[self]

    @property
    def is_regular(self) -> bool:
        return self in (MeetingKind.REGULAR, MeetingKind.COMBINED)

    @property
    def is_thematic(self) -> bool:
        return self in (MeetingKind.THEMATIC, MeetingKind.COMBINED)


class Mark(str, Enum):
    PRESENT = "present"
    ABSENT_REASON = "absent_reason"
    ABSENT_NO_REASON = "absent_no_reason"
    NOT_EXPECTED = "not_expected"  # exempted or attached elsewhere, and not come

    @property
    def label(self) -> str:
        return {
            Mark.PRESENT: "Có mặt",
            Mark.ABSENT_REASON: "Vắng có lý do",
            Mark.ABSENT_NO_REASON: "Vắng không lý do",
            Mark.NOT_EXPECTED: "Không triệu tập",
        }[self]


class VoteKind(str, Enum):
    RESOLUTION = "resolution"
    ADMISSION = "admission"
    RECOGNITION = "recognition"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            VoteKind.RESOLUTION: "Thông qua nghị quyết",
            VoteKind.ADMISSION: "Kết nạp đảng viên",
            VoteKind.RECOGNITION: "Công nhận đảng viên chính thức",
            VoteKind.OTHER: "Biểu quyết khác",
        }[self]

    @property
    def needs_two_thirds(self) -> bool:
        """Admission and recognition need the special majority (a rule setting, default ⅔)."""
        return self in (VoteKind.ADMISSION, VoteKind.RECOGNITION)


class ReviewStatus(str, Enum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        return {
            ReviewStatus.DONE: "Đã hoàn thành",
            ReviewStatus.IN_PROGRESS: "Đang thực hiện",
            ReviewStatus.NOT_DONE: "Chưa thực hiện",
        }[self]


class CommitteePost(str, Enum):
    """A seat on the cell committee (chi ủy). Stored in the file: never rename a value."""

    SECRETARY = "secretary"
    DEPUTY = "deputy_secretary"
    MEMBER = "committee_member"

    @property
    def label(self) -> str:
        return {
            CommitteePost.SECRETARY: "Bí thư",
            CommitteePost.DEPUTY: "Phó Bí thư",
            CommitteePost.MEMBER: "Chi ủy viên",
        }[self]


@dataclass(frozen=True)
class CommitteeRole:
    """A member's seat on the committee from `start` to `end` (inclusive; None: still)."""

    member_id: int
    post: CommitteePost
    start: date
    end: date | None = None
    note: str = ""
    id: int | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class RollEntry:
    """One member on the meeting's roll, as they stood on the meeting date, with their mark."""

    member_id: int
    name: str
    category: str  # full / probationary / guest (temporarily attached in)
    exempted: bool = False
    attached_out: bool = False
    suspended: bool = False
    mark: Mark = Mark.PRESENT
    reason: str = ""
    reason_accepted: bool = True

    @property
    def expected(self) -> bool:
        """Called to the meeting: exempted and attached-out members are not expected."""
        return not (self.exempted or self.attached_out)


@dataclass(frozen=True)
class Opinion:
    """Who spoke is a member on the roll (member_id), a guest (guest_position: the guest's
    index in Meeting.guests) or, explicitly, another person named with their position."""

    speaker: str
    content: str
    member_id: int | None = None
    guest_position: int | None = None
    speaker_title: str = ""  # the position of "another person" (neither)


@dataclass(frozen=True)
class AgendaItem:
    title: str
    content: str = ""
    conclusion: str = ""
    opinions: tuple[Opinion, ...] = ()


@dataclass(frozen=True)
class Guest:
    name: str
    title: str = ""
    is_superior: bool = False
    remarks: str = ""
    superior_id: int | None = None  # the directory record, for superior committee members


@dataclass(frozen=True)
class Vote:
    subject: str
    kind: VoteKind = VoteKind.RESOLUTION
    in_favour: int = 0
    against: int = 0
    other: int = 0


@dataclass(frozen=True)
class Task:
    content: str
    owner: str = ""
    deadline: date | None = None
    id: int | None = None


@dataclass(frozen=True)
class TaskReview:
    task_id: int
    status: ReviewStatus
    result: str = ""
    task: Task | None = None  # filled when loaded, for display


@dataclass(frozen=True)
class Correction:
    date: date
    text: str
    id: int | None = None


@dataclass(frozen=True)
class Meeting:
    id: int | None = None
    kind: MeetingKind = MeetingKind.REGULAR
    date: date = date(2000, 1, 1)
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair: str = ""
    recorder: str = ""
    topic: str = ""
    topic_preparer: str = ""
    purpose: str = ""
    dues_status: str = ""
    resolution: str = ""
    self_rating: str = ""
    status: str = "draft"
    approved_at: str | None = None
    digest: str | None = None
    items: tuple[AgendaItem, ...] = ()
    guests: tuple[Guest, ...] = ()
    roll: tuple[RollEntry, ...] = ()
    votes: tuple[Vote, ...] = ()
    tasks: tuple[Task, ...] = ()
    reviews: tuple[TaskReview, ...] = ()
    scores: tuple[tuple[str, int], ...] = ()
    corrections: tuple[Correction, ...] = ()
    resolution_number: str = ""  # "05-NQ" once approved
    resolution_issuer: str = ""  # "CB": the issuing body's code, kept as issued

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    @property
    def full_resolution_number(self) -> str:
        """ "05-NQ/CB" as written after "Số"; empty before approval."""
        if not self.resolution_number:
            return ""
        return (
            f"{self.resolution_number}/{self.resolution_issuer}"
            if self.resolution_issuer
            else self.resolution_number
        )
