"""Vietnam's public holidays per year as computed by the `holidays` library, kept in a table
(days_off_vn.json) so counting working days does not load the library at start.

Loading the library's calendars takes 0.2–0.6 s in the app (it imports every country, each module
inspected by PySide6's import hook), which the first page paid on every start. The table is that
library's own answer for the years it holds, made by it and checked against it by the tests
(tests/core/test_workdays.py): a new version of the library that changes any day fails them
until the table is made again:

    .venv/bin/python -m cellsec.rules.days_off_table

A year outside the table asks the library itself.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

TABLE_FILE = "days_off_vn.json"
TABLE_YEARS = range(2000, 2051)


def library_days_off(year: int) -> frozenset[date]:
    """The library's public holidays of Vietnam for one year, substitute days included."""
    import holidays  # slow to load: only for a year the table does not hold, or to make it

    return frozenset(holidays.country_holidays("VN", years=year, observed=True))


@lru_cache(maxsize=1)
def table() -> dict[int, frozenset[date]]:
    """The table as the app ships it: {year: days off}."""
    raw = json.loads((resources.files("cellsec.rules") / TABLE_FILE).read_text("utf-8"))
    return {
        int(year): frozenset(date(int(year), int(d[:2]), int(d[3:])) for d in days)
        for year, days in raw["years"].items()
    }


def table_text(years: range = TABLE_YEARS) -> str:
    """The table file's text, from the library (what `main` writes)."""
    from importlib.metadata import version

    head = {
        "source": f"holidays {version('holidays')}: country_holidays('VN', observed=True)",
        "made_by": "python -m cellsec.rules.days_off_table",
    }
    lines = [
        f"  {json.dumps(str(y))}: {json.dumps([d.strftime('%m-%d') for d in sorted(library_days_off(y))])}"
        for y in years
    ]
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "years": {\n' + ",\n".join(lines) + "\n}}\n"


def main() -> None:
    path = Path(__file__).with_name(TABLE_FILE)
    path.write_text(table_text(), encoding="utf-8")
    print(f"{path}: {len(TABLE_YEARS)} năm ({TABLE_YEARS.start}–{TABLE_YEARS.stop - 1})")


if __name__ == "__main__":
    main()
