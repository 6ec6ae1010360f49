"""Working days in Vietnam: not Saturday or Sunday, not a public holiday (the lunar Tết and
Giỗ Tổ Hùng Vương included, with the substitute days the law gives) — the holidays come from the
maintained `holidays` library (its answers for 2000–2050 kept in a table: days_off_table) — nor
an extra day off the government announced (a setting)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from cellsec.errors import ValidationError
from cellsec.rules.days_off_table import library_days_off, table
from cellsec.rules.settings import Rules

EXTRA_DAYS_OFF_KEY = "extra_days_off"
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@lru_cache(maxsize=64)
def official_days_off(year: int) -> frozenset[date]:
    """Vietnam's public holidays of one year, substitute days included (the library's rules):
    from the library's table for 2000–2050 (days_off_table: loading the library itself takes
    0.2–0.6 s), from the library for any other year."""
    held = table().get(year)
    return held if held is not None else library_days_off(year)


def check_days_off(text: str, label: str) -> str:
    """The extra days off as the secretary typed them, checked: each a real date dd/mm/yyyy,
    separated by ";" or ","; returned sorted, written alike ("" for none)."""
    days = []
    for token in re.split(r"[;,\n]+", text):
        token = token.strip()
        if not token:
            continue
        match = _DATE.fullmatch(token)
        try:
            if match is None:
                raise ValueError
            days.append(date(int(match[3]), int(match[2]), int(match[1])))
        except ValueError:
            raise ValidationError(
                f"{label}: “{token}” không phải ngày (ghi dd/mm/yyyy, cách nhau bởi dấu ;).",
                label,
                EXTRA_DAYS_OFF_KEY,
            ) from None
    return "; ".join(d.strftime("%d/%m/%Y") for d in sorted(set(days)))


def parse_days_off(text: object) -> frozenset[date]:
    """The extra days off setting: dates written dd/mm/yyyy, separated by anything."""
    found = set()
    for day, month, year in _DATE.findall(str(text or "")):
        try:
            found.add(date(int(year), int(month), int(day)))
        except ValueError:
            continue  # an impossible date in the setting is ignored, not a failure of the list
    return frozenset(found)


class WorkCalendar:
    """Counts working days; built once per list, with the cell's extra days off."""

    def __init__(self, extra_days_off: Iterable[date] = ()) -> None:
        self._extra = frozenset(extra_days_off)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._extra and day not in official_days_off(day.year)

    def add_working_days(self, start: date, count: int) -> date:
        """The day `count` working days after `start` (start itself not counted):
        "within 30 working days after D" ends on add_working_days(D, 30)."""
        day = start
        left = count
        while left > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count


def work_calendar(rules: Rules) -> WorkCalendar:
    """THE working-day calendar of the cell: weekends, Vietnam's public holidays and the extra
    days off of its settings (the to-do list, probation and the ceremony all count with it)."""
    return WorkCalendar(parse_days_off(rules[EXTRA_DAYS_OFF_KEY]))
