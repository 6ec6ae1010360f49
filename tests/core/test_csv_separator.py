"""A CSV the secretary double-clicks opens in columns: it is separated by the list separator of
her regional settings (";" on a Vietnamese Windows), and CellSec's own importer reads it back."""

from __future__ import annotations

import csv

import pytest

from cellsec.spreadsheets.export import Column, Table, write_tables
from cellsec.spreadsheets.reader import read_table
from cellsec.spreadsheets.regional import list_separator


@pytest.mark.parametrize(
    ("setting", "expected"),
    [(";", ";"), (",", ","), (None, ";"), ("", ";"), ("#", ";")],
)
def test_windows_uses_the_users_list_separator(setting, expected):
    # GIVEN the sList of Region › Additional settings (None: it cannot be read)
    # THEN that is the separator; ";" (vi-VN's) when unreadable or not one the importer knows
    assert list_separator("win32", windows_setting=lambda: setting) == expected


@pytest.mark.parametrize(("decimal", "expected"), [(",", ";"), (".", ",")])
def test_elsewhere_the_decimal_mark_decides(decimal, expected):
    assert list_separator("linux", decimal_point=lambda: decimal) == expected


def test_a_semicolon_csv_opens_in_columns_and_imports_back(tmp_path):
    # GIVEN a list with a comma and a semicolon inside its fields
    table = Table(
        "Danh sách",
        (Column("Họ và tên", "text"), Column("Địa chỉ", "text"), Column("Số CCCD", "id")),
        [["Nguyễn Văn Đức", "Thôn 2, xã Tân Hồng; tổ 5", "025088001234"]],
    )
    out = tmp_path / "danh-sach.csv"
    # WHEN it is exported for a Vietnamese Windows
    assert write_tables(out, [table], delimiter=";") == 1
    # THEN Excel's split on ";" gives the three columns, the address whole
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    rows = list(csv.reader(lines, delimiter=";"))
    assert rows[0] == ["Họ và tên", "Địa chỉ", "Số CCCD"]
    assert rows[1][:2] == ["Nguyễn Văn Đức", "Thôn 2, xã Tân Hồng; tổ 5"]
    # AND CellSec's importer reads the same cells back
    read = read_table(out)
    assert [str(c) for c in read.rows[0]] == ["Họ và tên", "Địa chỉ", "Số CCCD"]
    assert str(read.rows[1][1]) == "Thôn 2, xã Tân Hồng; tổ 5"
