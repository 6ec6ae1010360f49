"""One spreadsheet cell -> the text a member form expects, with a note for every repair made
(a date read from an Excel serial number, leading zeros put back on an identifier ...)."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

from cellsec.dates import format_date
from cellsec.spreadsheets.headers import DATE_FIELDS, FIELD_LABELS, IDENTIFIER_FIELDS
from cellsec.text import nfc

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_TIME = re.compile(r"^(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?$")
_EXCEL_TEXT = re.compile(r'^="(.*)"$')
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")
# Excel serial numbers from 1/1/1900 to 31/12/2099; plain years are left as text (an error).
_SERIAL_RANGE = range(1, 73051)
_YEARS = range(1900, 2101)


class CellProblem(ValueError):
    """A cell that cannot become form text (message in Vietnamese, for the preview)."""


def _integral(value: float | int | Decimal) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if value == value and value not in (float("inf"), float("-inf")) and value == int(value):
        return int(value)
    return None


def _number_text(value: float | int | Decimal) -> str:
    whole = _integral(value)
    return str(whole) if whole is not None else str(value)


def _excel_date(serial: int, epoch: datetime | None) -> date:
    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel

    day: date = from_excel(serial, epoch or CALENDAR_WINDOWS_1900).date()
    return day


def restore_identifier(field: str, digits: str) -> tuple[str, str | None]:
    """Put back the leading zeros a number lost in Excel; return the text and a note.

    A CCCD is 12 digits starting with the 3-digit province code 001-096, so as a number it
    shows 10 or 11 digits (a 9-digit number is an old CMND and is left to be reported). Party
    card numbers are padded from 9-11 digits. A 9-digit phone gets its leading 0 back; an
    11-digit one starting 84 becomes 0...."""
    label = FIELD_LABELS[field]
    fixed = digits
    if (
        field == "citizen_id"
        and len(digits) in (10, 11)
        or field == "party_card_no"
        and 9 <= len(digits) <= 11
    ):
        fixed = digits.zfill(12)
    elif field == "phone" and len(digits) == 9 and digits[0] != "0":
        fixed = "0" + digits
    elif field == "phone" and len(digits) == 11 and digits.startswith("84"):
        fixed = "0" + digits[2:]
    if fixed == digits:
        return digits, None
    return fixed, (
        f"{label}: “{digits}” bị Excel lưu thành số nên mất số 0 ở đầu; "
        f"đã khôi phục thành “{fixed}” — hãy kiểm tra lại."
    )


def cell_text(
    value: object, field: str, *, numbers_are_text: bool = False, epoch: datetime | None = None
) -> tuple[str, list[str]]:
    """The form text of a cell for `field`, and notes on what was repaired.

    `numbers_are_text` is set for CSV, where every cell is text and a digit string may be a
    number Excel saved without its leading zeros. Raises CellProblem."""
    notes: list[str] = []
    label = FIELD_LABELS[field]
    if value is None:
        return "", notes
    if isinstance(value, datetime):
        return format_date(value.date()), notes
    if isinstance(value, date):
        return format_date(value), notes
    if isinstance(value, time):
        raise CellProblem(f"{label}: ô chứa giờ ({value}), không phải ngày.")
    if isinstance(value, bool):
        return ("Có" if value else "Không"), notes
    if isinstance(value, (int, float, Decimal)):
        return _number(value, field, epoch, notes), notes
    text = nfc(str(value))
    if numbers_are_text:
        text = _unwrap_csv(text)
    if field in DATE_FIELDS:
        return _date_text(text), notes
    if field in IDENTIFIER_FIELDS and text:
        compact = text.replace(" ", "")
        if _SCIENTIFIC.match(compact):
            raise CellProblem(
                f"{label}: “{text}” đã bị Excel đổi sang dạng số mũ và mất chữ số; "
                "hãy gõ lại số này (định dạng ô là Văn bản)."
            )
        if numbers_are_text and compact.isascii() and compact.isdigit():
            fixed, note = restore_identifier(field, compact)
            if note:
                notes.append(note)
                return fixed, notes
    return text, notes


def _unwrap_csv(text: str) -> str:
    """Undo the tricks CSV writers use to keep Excel's hands off a cell: ="0123" and a "'"
    before text that starts like a formula (as cellsec.spreadsheets.export writes)."""
    m = _EXCEL_TEXT.match(text)
    if m:
        return m.group(1)
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\n"):
        return text[1:]
    return text


def _number(value: float | int | Decimal, field: str, epoch: datetime | None, notes: list[str]) -> str:
    label = FIELD_LABELS[field]
    whole = _integral(value)
    if field in DATE_FIELDS:
        if whole is None or whole in _YEARS or whole not in _SERIAL_RANGE:
            return _number_text(value)  # parse_date reports it (e.g. only a year: 1955)
        when = _excel_date(whole, epoch)
        notes.append(
            f"{label}: ô chứa số {whole}, đã hiểu là ngày {format_date(when)} theo "
            "cách Excel đếm ngày — hãy kiểm tra lại."
        )
        return format_date(when)
    if field in IDENTIFIER_FIELDS:
        if whole is None or whole < 0:
            raise CellProblem(f"{label}: “{value}” không phải dãy chữ số.")
        fixed, note = restore_identifier(field, str(whole))
        if note:
            notes.append(note)
        return fixed
    return _number_text(value)


def _date_text(text: str) -> str:
    """dd/mm/yyyy as the form wants it from the ISO or date-with-time text other programs
    write; anything else is left for parse_date to judge."""
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        return f"{int(day):02d}/{int(month):02d}/{year}"
    m = _DMY_TIME.match(text)
    if m:
        return m.group(1)
    return text
