"""Write any list to .xlsx (real dates, identifiers as text, bold frozen header, fitted widths)
or to .csv in UTF-8 with a BOM (so Excel reads the Vietnamese right).

Every workbook and CSV the app writes goes through this module (the lists of the catalogue and
the superiors' report workbook alike), so one pair of functions decides how a text reaches a
spreadsheet: `xlsx_text` and `csv_field`. Both make the file inert: text a spreadsheet would
run as a formula (starting with = + - @, tab or CR: the usual CSV/formula-injection rule)
stays text, and characters a workbook cannot hold are removed instead of failing the export."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cellsec.dates import format_date
from cellsec.errors import ValidationError
from cellsec.spreadsheets.regional import list_separator
from cellsec.store.faults import BUSY, READ_ONLY_FILE, UNKNOWN, classify, explain
from cellsec.text import clean_text

DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"
_ID_LIKE = re.compile(r"^[0-9+][0-9 .\-]*$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Text Excel reads from a CSV as a number, a date or a time (and so changes): digits with
# separators only. Such text fields are written ="..." (see csv_field).
_EXCEL_CONVERTS = re.compile(r"^[0-9][0-9.,/:\- ]*$")


@dataclass(frozen=True)
class Column:
    """A column of an exported table. kind: "text", "id" (digits kept as text, leading zeros
    and all), "date", "number", or "auto" (decided from each value)."""

    title: str
    kind: str = "auto"
    width: float | None = None


@dataclass(frozen=True)
class Table:
    """A list ready to write: sheet name, columns and rows of plain values."""

    sheet: str
    columns: tuple[Column, ...]
    rows: list[list[object]] = field(default_factory=list)
    title: str = ""
    # Lines written above the column titles (.xlsx only): the first one bold, each across the
    # table's width, then an empty row; the header stays frozen under them.
    heading: tuple[str, ...] = ()


def _columns(headers: Sequence[str | Column]) -> tuple[Column, ...]:
    return tuple(h if isinstance(h, Column) else Column(str(h)) for h in headers)


def export_table(
    path: str | Path,
    headers: Sequence[str | Column],
    rows: Iterable[Sequence[object]],
    *,
    sheet_name: str = "Danh sách",
    title: str = "",
) -> int:
    """Write a table; the format follows the suffix (.xlsx or .csv). Returns the rows written."""
    columns = _columns(headers)
    data = [list(r) + [None] * (len(columns) - len(r)) for r in rows]
    return write_tables(path, [Table(sheet_name, columns, data, title)])


def write_tables(path: str | Path, tables: Sequence[Table], *, delimiter: str | None = None) -> int:
    """Write one sheet per table to an .xlsx (a .csv holds the first table only, separated by
    `delimiter`, by default the user's list separator). Returns the rows of the first table;
    an unwritable file is a ValidationError saying so."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"Không xuất được ra “{path.name}”: chọn tệp .xlsx (Excel) hoặc .csv.")
    try:
        if suffix == ".xlsx":
            write_workbook(path, tables)
        else:
            _write_csv(path, tables[0], delimiter or list_separator())
    except OSError as exc:
        kind = classify(exc, path)
        if kind in (UNKNOWN, READ_ONLY_FILE, BUSY):  # most often: the file is open in Excel
            raise ValidationError(
                f"Không ghi được tệp “{path.name}”. Tệp có đang mở trong Excel "
                "không? Hãy đóng tệp đó rồi thử lại, hoặc lưu với tên "
                "khác."
            ) from exc
        raise ValidationError(explain(kind, path, "ghi")) from exc
    return len(tables[0].rows) if tables else 0


def _is_date(value: object) -> bool:
    return isinstance(value, (date, datetime))


def _kind(column: Column, value: object) -> str:
    if column.kind != "auto":
        return column.kind
    if _is_date(value):
        return "date"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "number"
    if isinstance(value, str) and _ID_LIKE.match(value) and (value.startswith("0") or len(value) > 11):
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


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would take this text for a formula (or start of one)."""
    return text.startswith(FORMULA_START)


def xlsx_text(text: str) -> tuple[str, bool]:
    """The text a workbook cell holds, and whether it must be marked as literal text: the
    cell is written as a string (never a formula) and, when it looks like one, with Excel's
    quote prefix, so even editing the cell in Excel keeps it text."""
    text = clean_text(text)
    return text, formula_like(text)


def csv_field(text: str, kind: str) -> str:
    """A CSV field as Excel will read it. CSV has no cell types, so Excel guesses each field:

    * text that starts like a formula gets a leading apostrophe — the OWASP rule for CSV
      injection; Excel shows the text instead of running it, and our importer removes the
      apostrophe again (cells._unwrap_csv);
    * an identifier of digits (CCCD, party card, phone) is written ="0123...": Excel would
      otherwise read it as a number, dropping leading zeros and showing 12 digits as 2.5E+11.
      A constant string formula is the standard way to make Excel keep such a field as text
      (a leading apostrophe or tab would stay visible in the cell); it runs nothing, only
      digits and separators go inside the quotes, and our importer unwraps it too. The same
      holds for any text field Excel would turn into a number or a date ("1/2" -> 1 February);
    * anything else is written as it is."""
    text = clean_text(text)
    if formula_like(text):
        return "'" + text
    if kind in ("id", "text") and _EXCEL_CONVERTS.match(text):
        return f'="{text}"'
    return text


def _width(column: Column, values: list[object]) -> float:
    if column.width:
        return column.width
    longest = max([len(column.title) * 0.8] + [len(_display(v)) for v in values[:500]])
    return min(max(longest + 2, 6), 50)


def write_workbook(path: Path, tables: Sequence[Table]) -> None:
    """Every table as a sheet of one .xlsx (OSError when the file cannot be written)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        _write_sheet(wb, table)
    if tables and tables[0].title:
        wb.properties.title = clean_text(tables[0].title)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def _put_text(ws, row: int, column: int, text: str):  # noqa: ANN001, ANN202 - openpyxl types
    value, literal = xlsx_text(text)
    cell = ws.cell(row=row, column=column, value=value)
    cell.data_type = "s"  # text, never a formula (openpyxl makes "=..." a formula)
    if literal:
        cell.quotePrefix = True
    return cell


def _write_sheet(wb, table: Table) -> None:  # noqa: ANN001 - openpyxl Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(_sheet_title(table.sheet))
    columns, rows = table.columns, table.rows
    top = _write_heading(ws, table.heading, len(columns))
    for c, column in enumerate(columns, start=1):
        cell = _put_text(ws, top, c, column.title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(rows, start=top + 1):
        for c, (column, value) in enumerate(zip(columns, row), start=1):
            kind = _kind(column, value)
            if value is None:
                continue
            if kind == "date" and _is_date(value):
                cell = ws.cell(row=r, column=c, value=value.date() if isinstance(value, datetime) else value)
                cell.number_format = DATE_FORMAT
            elif kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.cell(row=r, column=c, value=value)
            else:
                cell = _put_text(ws, r, c, _display(value))
                if kind == "id":
                    cell.number_format = TEXT_FORMAT
    for c, column in enumerate(columns, start=1):
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = _width(column, [row[c - 1] for row in rows])
        if column.kind == "id":
            ws.column_dimensions[letter].number_format = TEXT_FORMAT
    _fit_heading(
        ws,
        table.heading,
        [ws.column_dimensions[get_column_letter(c)].width for c in range(1, len(columns) + 1)],
    )
    ws.freeze_panes = f"A{top + 1}"
    if rows:
        ws.auto_filter.ref = f"A{top}:{get_column_letter(len(columns))}{len(rows) + top}"


def _write_heading(ws, lines: Sequence[str], width: int) -> int:  # noqa: ANN001 - openpyxl sheet
    """The lines above the table, each merged across it; the row of the column titles."""
    from openpyxl.styles import Alignment, Font

    for r, line in enumerate(lines, start=1):
        cell = _put_text(ws, r, 1, line)
        cell.font = Font(bold=True, size=13) if r == 1 else Font(italic=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if width > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    return len(lines) + 2 if lines else 1


def _fit_heading(ws, lines: Sequence[str], widths: Sequence[float]) -> None:  # noqa: ANN001
    """A heading line longer than the table is wide wraps: Excel does not grow a merged row by
    itself, so the row is given the height of the lines it needs."""
    total = max(sum(widths), 1.0)
    for r, line in enumerate(lines, start=1):
        needed = -(-len(line) // int(total))  # ceiling
        if needed > 1:
            ws.row_dimensions[r].height = 16 * needed


def _sheet_title(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", clean_text(name)).strip() or "Danh sách"
    return cleaned[:31]


def _write_csv(path: Path, table: Table, delimiter: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow([csv_field(c.title, "text") for c in table.columns])
        for row in table.rows:
            writer.writerow(
                [csv_field(_display(v), _kind(column, v)) for column, v in zip(table.columns, row)]
            )
