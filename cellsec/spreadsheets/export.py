"""Write any list to .xlsx (real dates, identifiers as text, bold frozen header, fitted widths)
or to .csv in UTF-8 with a BOM (so Excel reads the Vietnamese right)."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..dates import format_date
from ..errors import ValidationError

DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"
_ID_LIKE = re.compile(r"^[0-9+][0-9 .\-]*$")
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Column:
    """A column of an exported table. kind: "text", "id" (digits kept as text, leading zeros
    and all), "date", "number", or "auto" (decided from each value)."""

    title: str
    kind: str = "auto"
    width: float | None = None


def _columns(headers: Sequence[str | Column]) -> list[Column]:
    return [h if isinstance(h, Column) else Column(str(h)) for h in headers]


def export_table(path: str | Path, headers: Sequence[str | Column],
                 rows: Iterable[Sequence[object]], *, sheet_name: str = "Danh sách",
                 title: str = "") -> int:
    """Write a table; the format follows the suffix (.xlsx or .csv). Returns the rows written."""
    path = Path(path)
    columns = _columns(headers)
    data = [list(r) + [None] * (len(columns) - len(r)) for r in rows]
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            _write_xlsx(path, columns, data, sheet_name, title)
        elif suffix == ".csv":
            _write_csv(path, columns, data)
        else:
            raise ValidationError(f"Không xuất được ra “{path.name}”: chọn tệp .xlsx (Excel) "
                                  "hoặc .csv.")
    except OSError as exc:
        raise ValidationError(f"Không ghi được tệp “{path}”: {exc}. Tệp có đang mở trong Excel "
                              "không?") from exc
    return len(data)


def _is_date(value: object) -> bool:
    return isinstance(value, (date, datetime))


def _kind(column: Column, value: object) -> str:
    if column.kind != "auto":
        return column.kind
    if _is_date(value):
        return "date"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "number"
    if isinstance(value, str) and _ID_LIKE.match(value) and (value.startswith("0")
                                                            or len(value) > 11):
        return "id"
    return "text"


def _display(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _width(column: Column, values: list[object]) -> float:
    if column.width:
        return column.width
    longest = max([len(column.title) * 0.8] + [len(_display(v)) for v in values[:500]])
    return min(max(longest + 2, 6), 50)


def _write_xlsx(path: Path, columns: list[Column], rows: list[list[object]], sheet_name: str,
                title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(sheet_name)
    if title:
        wb.properties.title = title
    ws.append([c.title for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(rows, start=2):
        for c, (column, value) in enumerate(zip(columns, row), start=1):
            kind = _kind(column, value)
            if kind == "date" and isinstance(value, datetime):
                value = value.date()
            elif kind in ("id", "text") and value is not None and not isinstance(value, str):
                value = _display(value)
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"   # text, never a formula
            if kind == "date" and _is_date(value):
                cell.number_format = DATE_FORMAT
            elif kind == "id":
                cell.number_format = TEXT_FORMAT
    for c, column in enumerate(columns, start=1):
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = _width(column, [row[c - 1] for row in rows])
        if column.kind == "id":
            ws.column_dimensions[letter].number_format = TEXT_FORMAT
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def _sheet_title(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", name).strip() or "Danh sách"
    return cleaned[:31]


def _csv_text(value: object) -> str:
    text = _display(value)
    # Excel runs a cell that starts with = + - @ as a formula: keep such text as text.
    if text.startswith(_FORMULA_START) and not _ID_LIKE.match(text):
        return "'" + text
    return text


def _write_csv(path: Path, columns: list[Column], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c.title for c in columns])
        for row in rows:
            writer.writerow([_csv_text(v) for v in row])
