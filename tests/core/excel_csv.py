"""How Excel reads one field of a CSV file it opens by double-click (default settings): enough
of its guessing to test that our CSV exports keep identifiers and text as they are, and run no
formula. Excel gives every field a type from its look, whatever the quotes around it:

* a field starting with = + - @ is a formula, except that a plain number ("-5") stays a
  number; the constant formula ="text" shows that text;
* digits (with a decimal point or exponent) are a number: leading zeros are lost and 12
  digits display as 2.5E+11;
* d/m/yyyy, d/m or d-m-yyyy is a date (in a Vietnamese or any day-first locale);
* anything else, including a leading apostrophe, is text shown as written."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")
_DATE = re.compile(r"^(\d{1,2})[/\-](\d{1,2})(?:[/\-](\d{4}))?$")
_CONSTANT = re.compile(r'^="([^"]*)"$')


class Formula(str):
    """A field Excel would run as a formula (what an inert export must never contain)."""


def excel_value(field: str) -> object:
    if _CONSTANT.match(field):
        return _CONSTANT.match(field).group(1)
    if _NUMBER.match(field):
        return float(field.rstrip("%"))
    if field[:1] in ("=", "+", "-", "@"):
        return Formula(field)
    m = _DATE.match(field)
    if m:
        day, month, year = int(m[1]), int(m[2]), int(m[3] or 2026)
        try:
            return date(year, month, day)
        except ValueError:
            return field
    return field


def excel_rows(path: Path) -> list[list[object]]:
    """The cells Excel shows for a CSV we wrote (UTF-8 with BOM, comma-separated)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [[excel_value(f) for f in row] for row in csv.reader(fh)]
