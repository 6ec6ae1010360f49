"""The "Kiểm điểm cuối năm" page: open the year, the members rated and those left out, a
member's review through its dialog, the statistics and the cap warning, the decision that locks
the year."""

from __future__ import annotations

import pytest
from factories import TODAY, member
from gui_helpers import column, shown_names, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.services.members import add_event
from cellsec.services.review_record import is_locked

from ui.common.form_dialog import FormDialog
from ui.members.page import MembersPage
from ui.review.dialogs import MemberReviewDialog
from ui.review.page import ReviewPage

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
YEAR = 2025


@pytest.fixture
def review_page(window, store):
    member(store, "Trần Văn An", "02/03/1970", citizen_id="025070000001")
    member(store, "Lê Thị Bình", "05/06/1980", sex="Nữ", citizen_id="025080000002")
    old = member(store, "Hoàng Văn Dũng", "01/01/1940", citizen_id="025040000004")
    add_event(store, old, {"kind": "exempted", "date": "01/03/2024", "detail": "Tuổi cao"}, today=TODAY)
    page = window.page_of(ReviewPage)
    page.year_box.setValue(YEAR)
    window.nav.setCurrentRow(window.pages.index(page))
    assert page.is_loaded
    return page


def _save(qtbot, page, fields: dict[str, str]) -> FormDialog | MemberReviewDialog:
    dialog = page.active_dialog
    assert isinstance(dialog, (FormDialog, MemberReviewDialog))
    for key, value in fields.items():
        widget = dialog.fields[key]
        if hasattr(widget, "clear") and not hasattr(widget, "findData"):
            widget.clear()
            type_text(qtbot, widget, value)
        else:
            dialog.fields.set_text(key, value)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    return dialog


def _row_of(page, name: str) -> int:
    return page.table.column_texts(column(page.table, "Họ và tên")).index(name)


def test_the_secretary_runs_the_years_review_on_the_page(qtbot, review_page, store, window):
    page = review_page
    # GIVEN the year is not opened: one button to open it
    assert "Chưa mở kiểm điểm cuối năm 2025" in page.status_label.text()
    qtbot.mouseClick(page.open_button, LEFT)
    # THEN the members to be rated are listed, and the exempted one apart with the reason
    assert page.table.column_texts(column(page.table, "Họ và tên")) == ["Trần Văn An", "Lê Thị Bình"]
    assert page.left_out.row_texts(0) == [
        "Hoàng Văn Dũng",
        "Được miễn công tác và sinh hoạt đảng: không xếp loại",
    ]
    assert "2 đồng chí được xếp loại, 1 đồng chí không xếp loại" in page.status_label.text()
    assert "2 đồng chí chưa có bản tự kiểm điểm" in page.warning_label.text()

    # WHEN a score above the criterion's maximum is typed
    page.table.selectRow(_row_of(page, "Trần Văn An"))
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = _save(qtbot, page, {"strengths": "Gương mẫu", "score_general": "35", "score_tasks": "60"})
    # THEN the dialog says which field, and nothing is saved
    assert dialog.isVisible()
    assert "từ 0 đến 30" in dialog.banner.text()
    # WHEN corrected, with the cell's proposal
    _save(qtbot, page, {"score_general": "28", "score_tasks": "65", "proposed_level": "excellent"})
    qtbot.waitUntil(lambda: page.active_dialog is None)
    row = _row_of(page, "Trần Văn An")
    assert page.table.item(row, column(page.table, "Điểm")).text() == "93"
    assert page.table.item(row, column(page.table, "Mức theo điểm")).text() == "Hoàn thành xuất sắc nhiệm vụ"
    # and the other member is proposed "good"
    page.table.selectRow(_row_of(page, "Lê Thị Bình"))
    qtbot.mouseClick(page.edit_button, LEFT)
    _save(qtbot, page, {"strengths": "Nhiệt tình", "proposed_level": "good"})
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the statistics read as the superiors publish them, and the cap is a warning
    stats = page.stats_label.text()
    assert "Hoàn thành tốt nhiệm vụ 2 đồng chí (chiếm 100 %)" in stats
    assert (
        "hoàn thành xuất sắc nhiệm vụ 1 đồng chí (chiếm 50 % số đảng viên hoàn thành tốt nhiệm vụ)" in stats
    )
    assert "vượt 20 %" in page.warning_label.text()

    # WHEN the Đảng ủy's levels are entered and then its decision
    for name in ("Trần Văn An", "Lê Thị Bình"):
        page.table.selectRow(_row_of(page, name))
        qtbot.mouseClick(page.edit_button, LEFT)
        _save(qtbot, page, {"decided_level": "good"})
        qtbot.waitUntil(lambda: page.active_dialog is None)
    qtbot.mouseClick(page.decision_button, LEFT)
    _save(
        qtbot,
        page,
        {
            "decision_ref": "Quyết định số 12-QĐ/ĐU",
            "decision_date": "15/01/2026",
            "cell_decided_level": "good",
        },
    )
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the year is locked: nothing on the page can change it any more
    assert is_locked(store, YEAR)
    assert "kết quả đã chốt" in page.status_label.text()
    assert not page.decision_button.isEnabled() and not page.year_button.isEnabled()
    page.table.selectRow(0)
    assert not page.edit_button.isEnabled()
    assert "Thống kê theo mức Đảng ủy quyết định" in page.stats_label.text()
    # and the member's detail in the register shows the year's rating
    members = window.page_of(MembersPage)
    window.nav.setCurrentRow(window.pages.index(members))
    qtbot.waitUntil(lambda: "Trần Văn An" in shown_names(members))
    members.table.selectRow(shown_names(members).index("Trần Văn An"))
    assert members.detail.facts["ratings"].text() == "2025: Hoàn thành tốt nhiệm vụ"


def test_the_page_prints_through_the_catalogue(review_page, window):
    # the page menu offers the year's documents (the same entries as its buttons)
    assert [a.text() for a in review_page.actions()] == [
        "In danh sách kết quả xếp loại",
        "In báo cáo gửi Đảng ủy",
        "In bản tự kiểm điểm (Mẫu 2C)",
        "Xuất bảng kiểm điểm ra Excel…",
    ]
    assert not review_page.report_button.isEnabled()  # nothing to print before the year is opened
