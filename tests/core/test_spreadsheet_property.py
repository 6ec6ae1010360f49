"""Property: whatever text, numbers and dates a roll holds, the preview neither crashes nor
writes — it lists each row as added, duplicate or error. (Needs hypothesis; skipped without.)"""

from __future__ import annotations

from datetime import date, datetime

import pytest

hypothesis = pytest.importorskip("hypothesis")
from factories import TODAY  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from test_spreadsheet_samples import HEADERS, write_csv  # noqa: E402

from cellsec.errors import ValidationError  # noqa: E402
from cellsec.spreadsheets import RowAction, preview_import  # noqa: E402
from cellsec.spreadsheets.legacy import decode, to_tcvn3, to_vni  # noqa: E402

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop

# Text as spreadsheets hold it: any characters except the ones XML (xlsx) cannot carry.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31)),
    st.sampled_from(
        [
            "05/03/1990",
            "31/02/1980",
            "1990-03-05",
            "Nam",
            "Nữ",
            "N÷",
            "012345678901",
            to_tcvn3("Nguyễn Văn Đức"),
            to_vni("Trần Thị Hà"),
            "2.5E+11",
        ]
    ),
)
ROWS = st.lists(st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=6)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(rows=ROWS)
def test_any_xlsx_previews_without_crash_or_write(store, tmp_path, rows):
    path = tmp_path / "p.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    p = preview_import(store, path, today=TODAY)
    assert store.members.count() == 0
    for r in p.rows:
        assert r.action in RowAction
        if r.action is RowAction.ERROR:
            assert r.problems or r.member is None
            assert all(x.message and x.column for x in r.problems)


@SETTINGS
@given(
    rows=st.lists(st.lists(TEXT, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=5),
    encoding=st.sampled_from(["utf-8-sig", "utf-8", "utf-16"]),
)
def test_any_csv_previews_without_crash_or_write(store, tmp_path, rows, encoding):
    path = write_csv(tmp_path / "p.csv", rows, encoding=encoding)
    try:
        p = preview_import(store, path, today=TODAY)
    except ValidationError:
        return  # e.g. a text cell made a line break that swallowed the header: said, not crashed
    assert store.members.count() == 0
    assert all(r.action in RowAction for r in p.rows)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_decoding_any_text_gives_nfc(text):
    import unicodedata

    result = decode(text)
    assert unicodedata.is_normalized("NFC", result.text)
