"""Growing the cell: badge choices, probation helpers, candidates for admission (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class BadgeChoice:
    """The secretary's recorded choice to propose a badge early (serious illness) or
    posthumously for one member."""

    member_id: int
    basis: str  # "illness" | "posthumous" (cellsec.rules.badges.Basis)
    recorded_on: date
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ProbationHelper:
    """The full member assigned to help a probationer (đảng viên giúp đỡ), from a date."""

    member_id: int
    helper_id: int
    assigned_on: date
    note: str = ""
    id: int | None = None


# The stages towards admission, in order (DOMAIN.md §8): key, label.
CANDIDATE_STAGES = (
    ("course", "Học lớp bồi dưỡng nhận thức về Đảng"),
    ("application", "Đơn xin vào Đảng"),
    ("cv", "Lý lịch người xin vào Đảng"),
    ("verification", "Thẩm tra lý lịch"),
    ("introducers", "Người giới thiệu"),
    ("resolution", "Nghị quyết chi bộ đề nghị kết nạp"),
    ("decision", "Quyết định kết nạp của Đảng ủy"),
    ("ceremony", "Lễ kết nạp"),
)


@dataclass(frozen=True)
class Candidate:
    """A candidate for admission (quần chúng ưu tú) with the dated stages reached. `person`
    holds the member form's fields as typed (checked by the member form's parser), carried
    into the member record at the ceremony."""

    full_name: str
    person: dict[str, str] = field(default_factory=dict)
    course_date: date | None = None
    course_certificate_no: str = ""
    application_date: date | None = None
    cv_date: date | None = None
    verification_date: date | None = None
    introducer_1_id: int | None = None
    introducer_1_since: date | None = None
    introducer_2_id: int | None = None
    introducer_2_since: date | None = None
    youth_union_introduces: bool = False
    resolution_date: date | None = None
    resolution_ref: str = ""
    votes_for: int | None = None
    votes_entitled: int | None = None
    decision_date: date | None = None
    decision_ref: str = ""
    ceremony_date: date | None = None
    member_id: int | None = None
    dropped_on: date | None = None
    dropped_reason: str = ""
    notes: str = ""
    id: int | None = None
