"""The year-end review's table in Excel: the rows the page and the printed list show, under a
title with the cell and the year, Vietnamese headers, dates dd/mm/yyyy, a frozen header, columns
wide enough; the members left out on their own sheet; the same from `cellsec export-review`."""

from __future__ import annotations

import pytest
from factories import TODAY
from openpyxl import load_workbook
from review_helpers import YEAR, fill_reviews, review_cell
from test_review import DECISION

from cellsec.cli.main import main
from cellsec.errors import ValidationError
from cellsec.services.members import update_member
from cellsec.services.review import enter_decision, save_review_year
from cellsec.services.review_record import review_record
from cellsec.services.review_rows import rated_rows
from cellsec.spreadsheets import export
from cellsec.spreadsheets.review_table import export_review

HEADERS = (
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Đảng viên",
    "Chức vụ",
    "Tự nhận",
    "Điểm",
    "Mức theo điểm",
    "Chi bộ đề nghị",
    "Đảng ủy quyết định",
    "Ghi chú",
)


def _values(ws) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_the_years_table_is_written_as_the_page_shows_it(store, tmp_path):
    # GIVEN a year with the cell's proposals, the meeting held on 18/12
    ids = review_cell(store)
    fill_reviews(store, ids)
    save_review_year(store, YEAR, {"meeting_date": f"18/12/{YEAR}"})
    path = tmp_path / "kiem-diem.xlsx"
    # WHEN the year is exported
    assert export_review(store, path, YEAR) == 3
    wb = load_workbook(path)
    rated, left_out = wb.worksheets
    rows = _values(rated)
    # THEN a title with the cell and the year, the meeting's date as dd/mm/yyyy, the statistics
    assert (
        rows[0][0]
        == f"Chi bộ thôn Tân Hồng — Kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {YEAR}"
    )
    assert rows[1][0] == f"Họp kiểm điểm ngày 18/12/{YEAR}. Chưa có quyết định của Đảng ủy."
    assert rows[2][0].startswith(
        "Thống kê theo mức chi bộ đề nghị: Tổng số đảng viên được xếp loại: 3 đồng chí"
    )
    assert "A1:K1" in [str(r) for r in rated.merged_cells.ranges]
    assert rated["A1"].font.bold and rated["A3"].alignment.wrap_text  # a long line wraps
    # AND the Vietnamese headers, frozen under the title
    assert tuple(rows[4]) == HEADERS
    assert rated.freeze_panes == "A6" and rated.auto_filter.ref == "A5:K8"
    # AND one row per member rated, as the page's rows have them (numbers stay numbers)
    assert rows[5] == [
        1,
        "Trần Văn An",
        1970,
        "Chính thức",
        None,
        "Hoàn thành xuất sắc nhiệm vụ",
        93,
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành xuất sắc nhiệm vụ",
        None,
        None,
    ]
    record = review_record(store, YEAR)
    assert [r[1] for r in rows[5:]] == [r.name for r in rated_rows(record)]
    # the disciplined member: capped by the condition, the level the score allows says so
    assert rows[7][1] == "Phạm Văn Cường" and rows[7][7] == "Hoàn thành nhiệm vụ"
    # AND the columns fit their longest text
    assert rated.column_dimensions["F"].width >= len("Hoàn thành xuất sắc nhiệm vụ")
    assert rated.column_dimensions["A"].width == 6
    # AND the member left out is on the second sheet with the reason
    assert left_out.title == "Không xếp loại"
    out = _values(left_out)
    assert tuple(out[3]) == ("STT", "Họ và tên", "Lý do không xếp loại")
    assert out[4][:2] == [1, "Hoàng Văn Dũng"] and "miễn công tác" in out[4][2]
    assert left_out.freeze_panes == "A5"


def test_a_member_without_a_self_review_is_noted(store, tmp_path):
    review_cell(store)
    path = tmp_path / "k.xlsx"
    export(store, "review", path, year=YEAR)  # through the catalogue, as the export menus do
    rows = _values(load_workbook(path).worksheets[0])
    assert [r[10] for r in rows[5:]] == ["Chưa có bản tự kiểm điểm"] * 3


def test_a_decided_year_exports_what_was_sealed(store, tmp_path):
    # GIVEN a decided year, then a member renamed
    ids = review_cell(store)
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)
    update_member(
        store,
        ids["an"],
        {"full_name": "Trần Văn Ân", "sex": "Nam", "birth_date": "02/03/1970", "citizen_id": "025070000001"},
        today=TODAY,
    )
    path = tmp_path / "k.xlsx"
    export_review(store, path, YEAR)
    rows = _values(load_workbook(path).worksheets[0])
    # THEN the decision with its date, and the names as decided
    assert rows[1][0] == "Đảng ủy đã quyết định: Quyết định số 12-QĐ/ĐU ngày 15/01/2026 (kết quả đã chốt)."
    assert rows[2][0].startswith("Thống kê theo mức Đảng ủy quyết định")
    assert rows[5][1] == "Trần Văn An" and rows[5][9] == "Hoàn thành xuất sắc nhiệm vụ"


def test_the_command_line_writes_the_same_workbook(store, tmp_path, capsys):
    ids = review_cell(store)
    fill_reviews(store, ids)
    store.close()
    path = tmp_path / "cli.xlsx"
    assert main(["--data", str(store.path), "export-review", str(path), "--year", str(YEAR)]) == 0
    assert (
        f"Đã xuất kết quả kiểm điểm năm {YEAR} (3 đảng viên thuộc diện xếp loại)" in capsys.readouterr().out
    )
    rows = _values(load_workbook(path).worksheets[0])
    assert [r[1] for r in rows[5:]] == ["Trần Văn An", "Lê Thị Bình", "Phạm Văn Cường"]
    # a year not opened is a Vietnamese refusal, no file written
    missing = tmp_path / "none.xlsx"
    assert main(["--data", str(store.path), "export-review", str(missing), "--year", "2019"]) == 1
    assert "Chưa mở kiểm điểm cuối năm 2019" in capsys.readouterr().err
    assert not missing.exists()


def test_a_year_not_opened_is_refused(store, tmp_path):
    with pytest.raises(ValidationError, match="Chưa mở kiểm điểm cuối năm"):
        export_review(store, tmp_path / "x.xlsx", YEAR)
