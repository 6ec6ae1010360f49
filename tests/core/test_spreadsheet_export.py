"""Exporting lists to .xlsx/.csv, the import template, and the CLI commands end to end."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from excel_csv import excel_rows
from factories import TODAY
from openpyxl import load_workbook
from test_spreadsheet_samples import person, write_xlsx

from cellsec.demo.cell import create_demo
from cellsec.errors import ValidationError
from cellsec.spreadsheets import (
    TABLES,
    Column,
    RowAction,
    export_attendance,
    export_meetings,
    export_members,
    export_table,
    import_rows,
    import_template_path,
    preview_import,
    write_import_template,
)
from cellsec.spreadsheets.exporters import members_table
from cellsec.spreadsheets.template import TEMPLATE_COLUMNS
from cellsec.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def roll(store, tmp_path):
    """Three members imported from a sheet, identifiers with leading zeros."""
    rows = [person(i, name) for i, name in enumerate(["Lê Văn Một", "Trần Thị Hai", "Đỗ Văn Ba"], start=1)]
    rows[1][2] = "Nữ"
    p = preview_import(store, write_xlsx(tmp_path / "in.xlsx", rows), today=TODAY)
    import_rows(store, p)
    return store


def test_generic_table_to_xlsx(tmp_path):
    count = export_table(
        tmp_path / "t.xlsx",
        ["Tên", Column("Mã", "id"), "Ngày", "Số"],
        [["An", "007", date(2020, 1, 2), 3], ["=1+1", "0123", None, None]],
    )
    assert count == 2
    ws = load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in ws[1]] == ["Tên", "Mã", "Ngày", "Số"]
    assert ws["A1"].font.b and ws.freeze_panes == "A2"
    assert ws["B2"].value == "007" and ws["B2"].number_format == "@"
    assert ws["C2"].value == datetime(2020, 1, 2) and ws["C2"].number_format == "DD/MM/YYYY"
    assert ws["A3"].value == "=1+1" and ws["A3"].data_type == "s"  # text, not a formula
    assert ws.column_dimensions["A"].width >= 6


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ValidationError, match=".xlsx"):
        export_table(tmp_path / "t.pdf", ["A"], [["x"]])


def test_members_round_trip_through_xlsx(roll, tmp_path):
    # WHEN the register is exported to Excel
    out = tmp_path / "dang-vien.xlsx"
    assert export_members(roll, out, on=TODAY) == 3
    # THEN identifiers are text with their leading zeros and dates are real dates
    ws = load_workbook(out).active
    head = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(head, ws[2])}
    assert row["Số CCCD"].value.startswith("0") and row["Số CCCD"].number_format == "@"
    assert row["Điện thoại"].value.startswith("09")
    assert isinstance(row["Ngày sinh"].value, datetime)
    assert row["Ngày sinh"].number_format == "DD/MM/YYYY"
    assert row["Tình trạng"].value == "Chính thức"
    assert row["Tuổi đảng"].value.startswith("31 năm")
    # AND the file imports back into an empty data file as the same members
    with Store.open(tmp_path / "moi.cellsec") as fresh:
        p = preview_import(fresh, out, today=TODAY)
        assert [r.action for r in p.rows] == [RowAction.ADD] * 3
        import_rows(fresh, p)
        assert _people(fresh) == _people(roll)


def test_members_round_trip_through_csv_with_bom(roll, tmp_path):
    out = tmp_path / "dang-vien.csv"
    export_members(roll, out, on=TODAY, status="all")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = excel_rows(out)
    head = rows[0]
    assert rows[1][head.index("Số CCCD")].startswith("0")  # as Excel shows it: text
    assert isinstance(rows[1][head.index("Ngày sinh")], date)
    with Store.open(tmp_path / "moi.cellsec") as fresh:
        p = preview_import(fresh, out, today=TODAY)
        assert not any(r.notes for r in p.rows)  # nothing needed repairing
        import_rows(fresh, p)
        assert _people(fresh) == _people(roll)


def _people(store):
    return sorted(
        (m.full_name, m.sex, m.birth_date, m.citizen_id, m.party_card_no, m.phone, m.hometown)
        for m in store.members.all()
    )


def test_status_filter_and_as_of_date(roll):
    assert len(members_table(roll, on=TODAY).rows) == 3
    assert members_table(roll, on=date(1990, 1, 1)).rows == []  # before anyone joined
    assert len(members_table(roll, on=date(1990, 1, 1), status="all").rows) == 3


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.cellsec"
    with Store.open(path) as s:
        create_demo(s, today=TODAY)
    return path


def test_meetings_and_attendance_export(demo_file, tmp_path):
    with Store.open(demo_file) as s:
        year = TODAY.year
        count = export_meetings(s, tmp_path / "g.xlsx", year)
        assert count > 0
        ws = load_workbook(tmp_path / "g.xlsx").active
        head = [c.value for c in ws[1]]
        assert head[:7] == [
            "Ngày",
            "Loại",
            "Tình trạng",
            "Số nghị quyết",
            "Có mặt",
            "Đảng số",
            "Có quyền biểu quyết",
        ]
        first = [c.value for c in ws[2]]
        assert isinstance(first[0], datetime) and first[1].startswith("Sinh hoạt")
        assert first[4] > 0 and first[6] <= first[5]
        meeting = s.meetings.list_between(date(year, 1, 1), date(year, 12, 31))[0]
        n = export_attendance(s, tmp_path / "a.csv", meeting.id)
        rows = list(csv.reader((tmp_path / "a.csv").read_text("utf-8-sig").splitlines()))
        assert rows[0] == ["STT", "Họ và tên", "Diện", "Điểm danh", "Lý do", "Ghi chú"]
        assert len(rows) == n + 1 and rows[1][3] in (
            "Có mặt",
            "Vắng có lý do",
            "Vắng không lý do",
            "Không triệu tập",
        )


def test_other_lists_can_register_themselves():
    assert {"members", "meetings", "attendance"} <= set(TABLES)


# --- the template --------------------------------------------------------------------------------
def test_shipped_template_matches_its_definition(store, tmp_path):
    path = import_template_path()
    assert path.is_file(), "run scripts/make_import_template.py"
    wb = load_workbook(path)
    ws = wb["Đảng viên"]
    assert [c.value for c in ws[1]] == [c[0] for c in TEMPLATE_COLUMNS]
    assert "Hướng dẫn" in wb.sheetnames
    formats = {c.value: ws.column_dimensions[c.column_letter].number_format for c in ws[1]}
    assert formats["Số CCCD"] == formats["Điện thoại"] == formats["Số thẻ đảng viên"] == "@"
    assert formats["Ngày sinh"] == "DD/MM/YYYY"
    # Every template header is recognised, each as its own field.
    fresh = write_import_template(tmp_path / "mau.xlsx")
    ws2 = load_workbook(fresh).active
    ws2.append(["Lê Văn Mẫu", "Nam", "05/03/1960", "001060000000", None, None, "0900000000", "19/05/1990"])
    ws2.parent.save(fresh)
    p = preview_import(store, fresh, today=TODAY)
    assert set(p.mapping) == {c[1] for c in TEMPLATE_COLUMNS}
    assert [r.action for r in p.rows] == [RowAction.ADD]


# --- the CLI -----------------------------------------------------------------------------------
def _cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "cellsec.cli", "--data", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_cli_import_preview_then_import_then_export(tmp_path):
    sheet = write_xlsx(
        tmp_path / "in.xlsx", [person(1, "Lê Văn Một"), person(2, "Lê Văn Hai", **{"Ngày sinh": "x"})]
    )
    data = tmp_path / "cli.cellsec"
    # Preview: JSON of rows and problems, nothing written
    res = _cli("import-members", str(sheet), "--preview", data=data)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["summary"] == {"add": 1, "duplicate": 0, "error": 1}
    assert out["rows"][1]["problems"][0]["column"] == "Ngày sinh"
    assert json.loads(_cli("info", data=data).stdout)["members"] == 0
    # Import with a manual mapping
    res = _cli("import-members", str(sheet), "--map", "hometown=", data=data)
    assert res.returncode == 0, res.stderr
    done = json.loads(res.stdout)
    assert done["added"] == 1 and done["skipped_rows"][0]["row"] == 3
    # Exports and the template
    for args in (
        ("export-members", str(tmp_path / "m.xlsx"), "--as-of", "22/11/2026"),
        ("export-members", str(tmp_path / "m.csv"), "--status", "all"),
        ("export-meetings", str(tmp_path / "g.xlsx"), "--year", "2026"),
        ("import-template", str(tmp_path / "mau.xlsx")),
    ):
        res = _cli(*args, data=data)
        assert res.returncode == 0, res.stderr
        assert Path(args[1]).is_file()
    assert load_workbook(tmp_path / "m.xlsx").active.max_row == 2


@pytest.mark.slow
def test_cli_reports_a_bad_mapping(tmp_path):
    sheet = write_xlsx(tmp_path / "in.xlsx", [person(1, "Lê Văn Một")])
    res = _cli("import-members", str(sheet), "--map", "full_name=Không có", data=tmp_path / "x")
    assert res.returncode == 1 and "Không tìm thấy cột" in res.stderr
