"""Spreadsheets in and out: import a member roll from .xlsx/.csv (legacy TCVN3/VNI text too)
with a preview, and export any list to .xlsx or .csv.

    preview = preview_import(store, "danh-sach.xlsx")       # reads, writes nothing
    changes, summary = import_rows(store, preview, {7: RowChoice(False)})
    export_members(store, "dang-vien.xlsx", on=date(2026, 1, 1))
"""

from __future__ import annotations

from cellsec.spreadsheets.apply import ImportSummary, RowChoice, import_rows
from cellsec.spreadsheets.catalogue import TABLES, TableSpec, export
from cellsec.spreadsheets.export import Column, Table, export_table
from cellsec.spreadsheets.exporters import (
    attendance_table,
    export_attendance,
    export_meetings,
    export_members,
    meetings_table,
    members_table,
    write_table,
)
from cellsec.spreadsheets.headers import FIELD_LABELS, auto_map, match_header
from cellsec.spreadsheets.importer import (
    ColumnInfo,
    Duplicate,
    ImportPreview,
    ImportRow,
    Problem,
    RowAction,
    preview_import,
    preview_table,
    recheck_row,
)
from cellsec.spreadsheets.reader import RawTable, read_table
from cellsec.spreadsheets.template import copy_import_template, import_template_path, write_import_template

__all__ = [
    "Column",
    "ColumnInfo",
    "Duplicate",
    "FIELD_LABELS",
    "ImportPreview",
    "ImportRow",
    "ImportSummary",
    "Problem",
    "RawTable",
    "RowAction",
    "RowChoice",
    "TABLES",
    "Table",
    "TableSpec",
    "attendance_table",
    "auto_map",
    "copy_import_template",
    "export",
    "export_attendance",
    "export_meetings",
    "export_members",
    "export_table",
    "import_rows",
    "import_template_path",
    "match_header",
    "meetings_table",
    "members_table",
    "preview_import",
    "preview_table",
    "read_table",
    "recheck_row",
    "write_import_template",
    "write_table",
]
