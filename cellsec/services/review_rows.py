"""The year-end review's table as words: one row per member rated (levels in the record's own
wording) and one per member left out with the reason. The page, the printed list and the Excel
export all take their rows from here (one fact, one function); each picks its columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cellsec.dates import format_date
from cellsec.rules.review_stats import published_text
from cellsec.services.review_record import Record, basis, label_of, labels_of, record_statistics

NO_SELF_REVIEW = "Chưa có bản tự kiểm điểm"


@dataclass(frozen=True)
class RatedRow:
    """One member rated, as the review's table shows it (levels as words, "" when none)."""

    number: int
    member_id: int
    name: str
    birth_year: int | None
    standing: str  # "Chính thức" / "Dự bị"
    position: str  # the member's post in the cell committee, if any
    self_level: str
    score: int | None
    suggested_level: str  # the level the score and the conditions allow
    proposed_level: str  # the cell's proposal
    decided_level: str  # the Đảng ủy's decision
    has_review: bool  # the self-review (Mẫu 2C) was entered

    @property
    def note(self) -> str:
        return "" if self.has_review else NO_SELF_REVIEW


@dataclass(frozen=True)
class LeftOutRow:
    """One member not rated this year, with the reason the rules give."""

    number: int
    member_id: int
    name: str
    reason: str


def rated_rows(record: Record) -> list[RatedRow]:
    """The members rated, in the record's order (the Vietnamese name order)."""
    return [
        RatedRow(
            n,
            m["member_id"],
            m["name"],
            m["birth_year"],
            m["standing"],
            m["position"],
            label_of(record, m["self_level"]),
            m["score"],
            label_of(record, m["suggested_level"]),
            label_of(record, m["proposed_level"]),
            label_of(record, m["decided_level"]),
            bool(m["has_review"]),
        )
        for n, m in enumerate(record["members"], start=1)
    ]


def left_out_rows(record: Record) -> list[LeftOutRow]:
    """The members the rules leave out (exempted, …), with the reason."""
    return [
        LeftOutRow(n, m["member_id"], m["name"], m["reason"])
        for n, m in enumerate(record["excluded"], start=1)
    ]


def statistics_line(record: Record) -> str:
    """The statistics as the superiors publish them, saying which level they count, with the
    rounding note when the printed percentages do not add up to 100 %."""
    stats = record_statistics(record)
    which = "Đảng ủy quyết định" if basis(record) == "decided" else "chi bộ đề nghị"
    text = f"Thống kê theo mức {which}: " + published_text(stats, labels_of(record))
    return f"{text} {stats.rounding_note}" if stats.rounding_note else text


def _day(iso: str | None) -> str:
    return format_date(date.fromisoformat(iso)) if iso else ""


def meeting_text(record: Record) -> str:
    """ "Họp kiểm điểm ngày 18/12/2026", or "" before the meeting date is entered."""
    day = _day(record["review"]["meeting_date"])
    return f"Họp kiểm điểm ngày {day}" if day else ""


def decision_text(record: Record) -> str:
    """ "Quyết định số 12-QĐ/ĐU ngày 20/01/2027" once the Đảng ủy's decision is entered."""
    r = record["review"]
    day = _day(r["decision_date"])
    if not day:
        return ""
    return f"{r['decision_ref']} ngày {day}" if r["decision_ref"] else f"Quyết định ngày {day}"
