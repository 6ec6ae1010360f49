"""Dates as Vietnamese users type and read them: dd/mm/yyyy, document wording, ISO storage."""

from __future__ import annotations

import re
from datetime import date

from cellsec.errors import ValidationError

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def parse_date(
    text: str | None,
    field: str,
    *,
    key: str | None = None,
    required: bool = False,
    allow_future: bool = False,
    today: date | None = None,
) -> date | None:
    """Parse "dd/mm/yyyy" (also with '.' or '-'); raise ValidationError naming `field`."""
    value = (text or "").strip()
    if not value:
        if required:
            raise ValidationError(f"{field}: chưa nhập ngày (dd/mm/yyyy).", field, key)
        return None
    m = _DATE.match(value)
    if not m:
        raise ValidationError(
            f"{field}: “{value}” không phải ngày hợp lệ; hãy nhập theo dạng dd/mm/yyyy, ví dụ 05/03/2026.",
            field,
            key,
        )
    day, month, year = (int(g) for g in m.groups())
    try:
        result = date(year, month, day)
    except ValueError:
        raise ValidationError(f"{field}: ngày {value} không có trên lịch.", field, key) from None
    if year < 1900:
        raise ValidationError(f"{field}: năm {year} không hợp lệ.", field, key)
    if not allow_future and result > (today or date.today()):
        raise ValidationError(f"{field}: ngày {value} ở tương lai.", field, key)
    return result


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def months_between(start: date, end: date) -> int:
    """Whole months from start to end (a month counts once its day-of-month is reached)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def add_months(value: date, months: int) -> date:
    total = value.month - 1 + months
    year, month = value.year + total // 12, total % 12 + 1
    for day in (value.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def years_months(months: int) -> str:
    """Party age wording: "12 năm 3 tháng"."""
    years, rest = divmod(max(months, 0), 12)
    if years and rest:
        return f"{years} năm {rest} tháng"
    if years:
        return f"{years} năm"
    return f"{rest} tháng"


def document_day(day: int) -> str:
    """A day as Party documents write it (HD 36): two digits, "05"."""
    return f"{day:02d}"


def document_month(month: int) -> str:
    """A month as Party documents write it (HD 36): 01 and 02 with a leading zero (so they
    cannot be extended to 11 and 12), 3 to 12 without one."""
    return f"{month:02d}" if month < 3 else str(month)


def long_date(value: date) -> str:
    """ "ngày 05 tháng 3 năm 2026": the date in a document's body, worded as in the date line."""
    return f"ngày {document_day(value.day)} tháng {document_month(value.month)} năm {value.year}"


def month_year(month: int, year: int) -> str:
    """ "tháng 01 năm 2026", "tháng 11 năm 2026": a month in titles and body text."""
    return f"tháng {document_month(month)} năm {year}"


def document_date(place: str, value: date) -> str:
    """Place and date line of a Party document (HD 36): "Thanh Sơn, ngày 05 tháng 3 năm 2026".

    Days below 10 and the months 1 and 2 take a leading zero; months 3-12 do not."""
    return f"{place}, {long_date(value)}"


def iso_date(value: object) -> date:
    """A date written exactly yyyy-mm-dd, as the store and every export write it. (Python
    3.11's date.fromisoformat also reads "20251105" or "2025-W45-3": no export holds those, so
    a file that does was not written by CellSec.) ValueError otherwise."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError(f"not yyyy-mm-dd: {value!r}")
    return date.fromisoformat(value)


def iso_field(value: object, where: str) -> date | None:
    """A yyyy-mm-dd value from an export file, or a Vietnamese error saying where it was."""
    if value in (None, ""):
        return None
    try:
        return iso_date(value)
    except ValueError:
        raise ValidationError(f"{where}: ngày “{value}” không hợp lệ (cần yyyy-mm-dd).") from None
