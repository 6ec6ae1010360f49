"""The year-end review's table as a workbook: the members rated (the review page's columns) on
one sheet, those left out with the reason on another, under a title with the cell and the
year. The rows are the page's and the printed list's (services.review_rows)."""

from __future__ import annotations

from pathlib import Path

from cellsec.services.review_record import Record, require_record
from cellsec.services.review_rows import (
    decision_text,
    left_out_rows,
    meeting_text,
    rated_rows,
    statistics_line,
)
from cellsec.spreadsheets.export import Column, Table, write_tables
from cellsec.store import Store

RATED_COLUMNS = (
    Column("STT", "number", 6),
    Column("Họ và tên", "text"),
    Column("Năm sinh", "number", 9),
    Column("Đảng viên", "text", 11),
    Column("Chức vụ", "text"),
    Column("Tự nhận", "text"),
    Column("Điểm", "number", 7),
    Column("Mức theo điểm", "text"),
    Column("Chi bộ đề nghị", "text"),
    Column("Đảng ủy quyết định", "text"),
    Column("Ghi chú", "text"),
)
LEFT_OUT_COLUMNS = (
    Column("STT", "number", 6),
    Column("Họ và tên", "text"),
    Column("Lý do không xếp loại", "text"),
)


def review_title(record: Record) -> str:
    """ "Chi bộ Thôn … — Kết quả kiểm điểm, đánh giá, xếp loại đảng viên năm 2026"."""
    what = f"Kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {record['year']}"
    cell = record["header"]["cell_name"]
    return f"{cell} — {what}" if cell else what


def _state_line(record: Record) -> str:
    decided = decision_text(record)
    parts = [
        meeting_text(record),
        f"Đảng ủy đã quyết định: {decided} (kết quả đã chốt)"
        if decided
        else "Chưa có quyết định của Đảng ủy",
    ]
    return ". ".join(p for p in parts if p) + "."


def review_tables(store: Store, year: int) -> list[Table]:
    """The two sheets of the year's review (a ValidationError if the year is not opened)."""
    record = require_record(store, year)
    title = review_title(record)
    rated: list[list[object]] = [
        [
            r.number,
            r.name,
            r.birth_year,
            r.standing,
            r.position,
            r.self_level,
            r.score,
            r.suggested_level,
            r.proposed_level,
            r.decided_level,
            r.note,
        ]
        for r in rated_rows(record)
    ]
    left_out: list[list[object]] = [[r.number, r.name, r.reason] for r in left_out_rows(record)]
    return [
        Table(
            sheet=f"Xếp loại {year}",
            columns=RATED_COLUMNS,
            rows=rated,
            title=title,
            heading=(title, _state_line(record), statistics_line(record)),
        ),
        Table(
            sheet="Không xếp loại",
            columns=LEFT_OUT_COLUMNS,
            rows=left_out,
            title=title,
            heading=(title, "Đảng viên không xếp loại trong năm, với lý do"),
        ),
    ]


def export_review(store: Store, path: str | Path, year: int) -> int:
    """Write the year's review to `path` (.xlsx: both sheets; .csv: the members rated).
    Returns the number of members rated."""
    return write_tables(path, review_tables(store, year))
