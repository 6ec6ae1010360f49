"""Property: the importers — the Excel/CSV member roll and the whole-cell JSON — take any
spreadsheet or any damage to a real export and either import it soundly or refuse it with a
ValidationError, writing nothing (checks in fuzz_tally; 10,000 examples in bench.fuzz)."""

from __future__ import annotations

import copy
import shutil
from datetime import date, datetime

import pytest
from factories import TODAY
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from test_spreadsheet_samples import HEADERS, person, write_csv

from cellsec.demo.cell import create_demo
from cellsec.services.cell_io import export_cell, import_cell
from cellsec.spreadsheets import RowChoice, import_rows, preview_import
from cellsec.spreadsheets.headers import FIELD_LABELS
from cellsec.store import Store

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop

# --- the Excel/CSV roll ------------------------------------------------------------------------
XLSX_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=25)
CSV_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)


def cells(text: st.SearchStrategy[str]) -> st.SearchStrategy[object]:
    return st.one_of(
        st.none(),
        text,
        st.integers(-(10**13), 10**13),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(date(1890, 1, 1), date(2100, 12, 31)),
        st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31)),
        st.sampled_from(
            [
                "05/03/1990",
                "31/02/1980",
                "1990-03-05",
                "Nam",
                "Nữ",
                "012345678901",
                "2.5E+11",
                "'=1+1",
                '="0123"',
                "Chuyển đến",
                "x\ny",
            ]
        ),
    )


def rows(text: st.SearchStrategy[str]) -> st.SearchStrategy[list[list[object]]]:
    """Rows close to valid (so many get imported), each with a few cells replaced."""
    row = st.tuples(st.integers(1, 40), st.dictionaries(st.sampled_from(HEADERS), cells(text), max_size=3))
    return st.lists(row, max_size=5).map(
        lambda drawn: [person(n, f"Lê Văn {chr(0x41 + n % 26)}", **over) for n, over in drawn]
    )


def choices(text: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    corrections = st.dictionaries(st.sampled_from(sorted(FIELD_LABELS)), text, max_size=2)
    choice = st.one_of(st.booleans(), st.builds(RowChoice, st.booleans(), st.one_of(st.none(), corrections)))
    return st.dictionaries(st.integers(1, 8), choice, max_size=3)


def _xlsx(path, table):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in table:
        ws.append(row)
    wb.save(path)
    return path


@given(
    table=st.one_of(rows(XLSX_TEXT).map(lambda r: ("xlsx", r)), rows(CSV_TEXT).map(lambda r: ("csv", r))),
    chosen=choices(CSV_TEXT),
)
def test_spreadsheet_importer(store, tally, tmp_path, table, chosen):
    tally.example()
    kind, data = table
    path = _xlsx(tmp_path / "roll.xlsx", data) if kind == "xlsx" else write_csv(tmp_path / "roll.csv", data)
    tally.attempt(
        store, lambda: import_rows(store, preview_import(store, path, today=TODAY), chosen, today=TODAY)
    )


# --- the whole-cell JSON -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """The demo cell's export and an empty, migrated data file to copy for every example."""
    folder = tmp_path_factory.mktemp("cell")
    with Store.open(folder / "demo.cellsec") as store:
        create_demo(store, today=TODAY)
        data = export_cell(store)
    data.pop("audit_log")  # not imported
    # The clock's values fixed: the examples' choices (kept in hypothesis's database) must draw
    # from the same places and values in every run — two stamps falling in the same second
    # once made the leaves one fewer and a saved example replay differently.
    data["exported_at"] = "2026-11-22T09:00:00"
    for issued in data.get("issued_records", []):
        issued["issued_at"] = "2026-11-22T09:00:00"
    empty = folder / "empty.cellsec"
    Store.open(empty).close()
    for suffix in (".lock", "-wal", "-shm"):
        (folder / f"empty.cellsec{suffix}").unlink(missing_ok=True)
    return data, empty


def _paths(value, path=()):
    """Every place in the export a defect can go. Inside meetings only their ids and their
    tasks' ids: the rest of a meeting is the meeting import's own (meeting_io) and an approved
    one is sealed by its digest."""
    yield path
    if len(path) >= 2 and path[0] == "meetings":
        if len(path) == 2:
            yield (*path, "id")
            for i, _ in enumerate(value.get("tasks", [])):
                yield (*path, "tasks", i, "id")
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, (*path, i))


def _leaves(data):
    out = []

    def walk(value):
        if isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        else:
            out.append(value)

    walk({k: v for k, v in data.items() if k != "meetings"})
    return list({repr(x): x for x in out}.values())


JSON_TEXT = st.text(max_size=20)
JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 60),
    st.integers(),
    st.floats(),
    JSON_TEXT,
    st.dates(date(1800, 1, 1), date(2200, 1, 1)).map(str),
    st.sampled_from(
        ["2025-02-30", "2025-13-01", "20250101", "nam", "nu", "full", "short", "open", "done", "active"]
    ),
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(JSON_TEXT, inner, max_size=3)),
    max_leaves=6,
)


def _apply(data, op, path, value):
    """One defect: set, delete, or duplicate (ids collide) what is at `path`."""
    if not path:
        return value if op == "set" else data
    node = data
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return data  # an earlier defect removed the way there
    last = path[-1]
    if not isinstance(node, (dict, list)) or (isinstance(node, list) and not isinstance(last, int)):
        return data
    if isinstance(node, list) and not -len(node) <= last < len(node):
        return data
    if isinstance(node, dict) and last not in node and op != "set":
        return data
    if op == "set":
        node[last] = value
    elif op == "delete":
        del node[last]
    elif isinstance(node, list):
        node.append(copy.deepcopy(node[last]))
    return data


@pytest.fixture(scope="module")
def places(export):
    data, _ = export
    return sorted(_paths(data), key=repr), _leaves(data)


@given(data=st.data())
def test_whole_cell_import(export, places, tally, tmp_path, data):
    base, empty = export
    paths, leaves = places
    damaged = copy.deepcopy(base)
    value = st.one_of(JSON_VALUE, st.sampled_from(leaves))  # a value from elsewhere in the file
    for op, path, new in data.draw(
        st.lists(
            st.tuples(
                st.sampled_from(["set", "set", "set", "delete", "duplicate"]), st.sampled_from(paths), value
            ),
            min_size=1,
            max_size=3,
        ),
        label="defects",
    ):
        damaged = _apply(damaged, op, path, new)
    target = tmp_path / "import.cellsec"
    for suffix in ("", ".lock", "-wal", "-shm"):
        (tmp_path / f"import.cellsec{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty, target)
    tally.example()
    with Store.open(target) as store:
        tally.attempt(store, lambda: import_cell(store, damaged, today=TODAY))
