"""The review page's "Xuất ra Excel…": the workbook holds the table the page shows, row for row,
and the members left out on their own sheet; the secretary is told where it went."""

from __future__ import annotations

from factories import TODAY, member
from gui_helpers import Notices
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from test_export import SavePath

from cellsec.services.members import add_event
from cellsec.services.review import open_review_year, save_member_review

from ui.review.page import ReviewPage

YEAR = 2025


def test_the_page_exports_its_table_to_excel(qtbot, window, store, tmp_path):
    # GIVEN a year opened with two members rated (one scored and proposed) and one exempted
    an = member(store, "Trần Văn An", "02/03/1970", citizen_id="025070000001")
    member(store, "Lê Thị Bình", "05/06/1980", sex="Nữ", citizen_id="025080000002")
    old = member(store, "Hoàng Văn Dũng", "01/01/1940", citizen_id="025040000004")
    add_event(store, old, {"kind": "exempted", "date": "01/03/2024", "detail": "Tuổi cao"}, today=TODAY)
    open_review_year(store, YEAR)
    save_member_review(
        store,
        YEAR,
        an,
        {"score_general": "28", "score_tasks": "65", "self_level": "excellent", "proposed_level": "good"},
    )
    page = window.page_of(ReviewPage)
    page.year_box.setValue(YEAR)
    window.nav.setCurrentRow(window.pages.index(page))
    qtbot.waitUntil(lambda: page.is_loaded)  # a page paints first, then reads
    assert page.export_button.isEnabled()
    page.notify = Notices()
    page.choose_export_path = SavePath(tmp_path / "kiem-diem.xlsx")
    # WHEN "Xuất ra Excel…" is pressed
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    # THEN the suggested name says the year, and the secretary is told where it went
    assert page.choose_export_path.suggested == [f"Kiem-diem-xep-loai-nam-{YEAR}.xlsx"]
    title, text, warning = page.notify.shown[-1]
    assert title == "Đã xuất ra Excel" and "Đã xuất 2 đảng viên thuộc diện xếp loại" in text and not warning
    # AND the workbook's rows are the page's rows, cell for cell
    wb = load_workbook(tmp_path / "kiem-diem.xlsx")
    rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert f"năm {YEAR}" in rows[0][0] and rows[0][0].startswith("Chi bộ")
    shown = [page.table.row_texts(r) for r in range(page.table.rowCount())]
    written = [["" if v is None else str(v) for v in r[:10]] for r in rows[5:]]
    assert written == shown
    assert rows[5][10] is None and rows[6][10] == "Chưa có bản tự kiểm điểm"
    # AND the member left out, with the reason the page shows
    left = [list(r) for r in wb.worksheets[1].iter_rows(values_only=True)]
    assert left[4][1:] == page.left_out.row_texts(0)


def test_nothing_to_export_before_the_year_is_opened(window):
    page = window.page_of(ReviewPage)
    page.year_box.setValue(YEAR)
    window.nav.setCurrentRow(window.pages.index(page))
    assert not page.export_button.isEnabled()
