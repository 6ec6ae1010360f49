"""The review report's number ("Số 15-BC/CB"): the shared report numbering (report_numbers),
one number per year's report, given once when the secretary issues it."""

from __future__ import annotations

from datetime import date

from cellsec.entities.changes import Changes
from cellsec.services.report_numbers import IssuedNumber, issue_number, issued_number, issued_record
from cellsec.services.review_record import Record, require_record
from cellsec.store import Store

REPORT_TYPE = "BC"


def report_title(year: int) -> str:
    return f"Báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year}"


def report_number(store: Store, year: int) -> IssuedNumber | None:
    return issued_number(store, REPORT_TYPE, report_title(year))


def issue_review_report(
    store: Store, year: int, *, today: date | None = None
) -> tuple[IssuedNumber, Changes]:
    """Give the year's report its number (the next BC number of the term) and keep what it
    says as issued (`report_record`); again: the same number and content."""
    record = require_record(store, year)
    number, _new = issue_number(store, REPORT_TYPE, report_title(year), today or date.today(), record)
    return number, Changes(reviews=True)


def report_record(store: Store, year: int) -> Record:
    """What the year's report prints: the content it was issued with, once issued (nothing
    done afterwards changes it); before that, or for a report issued before contents were
    kept, the year's record as it stands (sealed once decided)."""
    return issued_record(store, REPORT_TYPE, report_title(year)) or require_record(store, year)
