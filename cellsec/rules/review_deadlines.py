"""The year-end review's deadlines (what, by when, under which rule) from the settings: the
self-reviews (Mẫu 2C), the residence comment sheets for working members, the review meeting,
the report to the Đảng ủy xã and its decision. Pure: the to-do list reads it (its rule is
cellsec.rules.due.review); given the year's record it also says what is done."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from cellsec.rules.settings import Rules

SELF_REVIEWS, COMMENT_SHEETS, MEETING, REPORT, DECISION = (
    "self_reviews",
    "comment_sheets",
    "review_meeting",
    "review_report",
    "review_decision",
)


SELF_REVIEW_KEY = "review_self_review_due"


@dataclass(frozen=True)
class ReviewFacts:
    """What the to-do list knows of one year's review: the year's record (None while the cell
    has not opened it) and whether the report to the Đảng ủy has its number."""

    year: int
    record: Mapping[str, Any] | None = None
    report_issued: bool = False


@dataclass(frozen=True)
class ReviewDeadline:
    key: str  # one of the names above
    what: str  # Vietnamese, as the to-do list shows it
    due: date
    citation: str  # the setting's source (regulation)
    setting: str  # the rule setting that holds the date
    done: bool | None = None  # None when the record cannot tell (comment sheets)
    detail: str = ""  # what is still missing ("còn 3 đồng chí chưa nộp")


def day_in(value: str, year: int) -> date:
    """A "dd/mm" setting in `year` (a day past the month's end is its last day)."""
    day, month = (int(x) for x in str(value).split("/"))
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def review_deadlines(
    rules: Rules, year: int, record: Mapping[str, Any] | None = None, *, report_issued: bool | None = None
) -> list[ReviewDeadline]:
    """The deadlines of the review of `year`, in date order. `record` is the year's review record
    (services.review_record.review_record) when the cell has opened it; `report_issued` whether
    the report to the Đảng ủy has its number. Once the decision is entered, every step before
    it counts as done (the Đảng ủy decided on the cell's report)."""
    members = list(record["members"]) if record else []
    missing = [m["name"] for m in members if not m.get("has_review")]
    review = record["review"] if record else {}
    # The Đảng ủy decided on the cell's report: every step before the decision is behind it.
    decided = bool(review.get("decision_date"))

    def deadline(
        key: str, setting: str, what: str, in_year: int, done: bool | None, detail: str = ""
    ) -> ReviewDeadline:
        s = rules.settings[setting]
        return ReviewDeadline(key, what, day_in(s.value, in_year), s.source, setting, done, detail)

    items = [
        deadline(
            SELF_REVIEWS,
            SELF_REVIEW_KEY,
            f"Đảng viên nộp bản tự kiểm điểm (Mẫu 2C) năm {year}",
            year,
            (decided or not missing) if record else False,
            _missing_text(missing) if record and not decided else "",
        ),
        deadline(
            COMMENT_SHEETS,
            "comment_routine_deadline",
            f"Phiếu nhận xét nơi cư trú của đảng viên đang công tác gửi về trước kiểm điểm năm {year}",
            year,
            None,
        ),
        deadline(
            MEETING,
            "review_meeting_due",
            f"Chi bộ họp kiểm điểm, đánh giá, xếp loại đảng viên năm {year}",
            year,
            decided or bool(review.get("meeting_date")),
        ),
        deadline(
            REPORT,
            "review_report_due",
            f"Gửi Đảng ủy báo cáo kết quả kiểm điểm, xếp loại năm {year}",
            year,
            True if decided else report_issued,
        ),
        deadline(
            DECISION,
            "review_decision_due",
            f"Nhập quyết định xếp loại năm {year} của Đảng ủy",
            year + 1,
            decided,
        ),
    ]
    return sorted(items, key=lambda d: d.due)


def _missing_text(missing: list[str]) -> str:
    if not missing:
        return ""
    more = " …" if len(missing) > 5 else ""
    return f"còn {len(missing)} đồng chí chưa nộp: {', '.join(missing[:5])}{more}"
