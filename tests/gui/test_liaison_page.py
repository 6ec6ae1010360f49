"""The "Nơi cư trú" page, first tab, on the demo file: the register through its dialog, the
6-monthly gathering, and the year's comment sheets — who is missing, filling and sending one,
printing all the sheets still to do."""

from __future__ import annotations

import pytest
from gui_helpers import TODAY, column, open_page, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.entities.liaison import LiaisonStatus
from cellsec.rules.liaison import CommentState
from cellsec.services.liaison import comment_list, participation

from ui.common.form_dialog import FormDialog
from ui.common.record_table import AMBER, GREEN, RED
from ui.liaison.comment_sheet_dialog import CommentSheetDialog
from ui.liaison.gathering_dialog import GatheringDialog
from ui.liaison.liaison_dialog import LiaisonDialog
from ui.liaison.page import LiaisonPage

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
COMMENTS_THIS_YEAR = "Nhận xét năm nay"  # the register's column of this year's sheet
STATE = "Tình trạng"  # the comment sheets' column
DEMO_MISSING = ["Nguyễn Thị Ngọc Diệp", "Lê Thu Trang", "Đỗ Quang Khải"]


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.fixture
def page(qtbot, window) -> LiaisonPage:
    page = open_page(qtbot, window, window.page_of(LiaisonPage))
    page.register.comments.set_year(TODAY.year)
    return page


def _row_of(table, name: str) -> int:
    return table.column_texts(column(table, "Họ và tên")).index(name)


def test_bad_received_date_is_refused_and_nothing_saved(qtbot, page, demo_store):
    before = len(demo_store.liaison.members())
    qtbot.mouseClick(page.register.add_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, LiaisonDialog)
    type_text(qtbot, dialog.fields["full_name"], "Bùi Thị Hồng")
    dialog.fields.set_text("sex", "nu")
    type_text(qtbot, dialog.fields["workplace"], "Ngân hàng Chính sách xã hội")
    type_text(qtbot, dialog.fields["workplace_party_org"], "Chi bộ Ngân hàng Chính sách")
    type_text(qtbot, dialog.fields["ggt_number"], "31-GGT/ĐU")
    type_text(qtbot, dialog.fields["ggt_date"], "10/11/2026")
    dialog.fields["received_date"].clear()
    type_text(qtbot, dialog.fields["received_date"], "31/13/2026")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    # THEN the red line names the field, the cursor is in it, nothing is written
    assert dialog.isVisible()
    assert dialog.banner.text().startswith("Ngày chi bộ nhận")
    assert dialog.focusWidget() is dialog.fields["received_date"]
    assert len(demo_store.liaison.members()) == before
    # WHEN the date is before the introduction letter THEN that is said too
    dialog.fields["received_date"].clear()
    type_text(qtbot, dialog.fields["received_date"], "05/11/2026")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert dialog.banner.text() == "Ngày chi bộ nhận: trước ngày của giấy giới thiệu."
    assert len(demo_store.liaison.members()) == before
    # WHEN corrected THEN saved, listed and selected, active today, with a comment to make
    dialog.fields["received_date"].clear()
    type_text(qtbot, dialog.fields["received_date"], "12/11/2026")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert len(demo_store.liaison.members()) == before + 1
    table = page.register.table
    row = _row_of(table, "Bùi Thị Hồng")
    assert page.register.selected().full_name == "Bùi Thị Hồng"
    cells = table.row_texts(row)
    assert cells[1] == "Ngân hàng Chính sách xã hội\nChi bộ Ngân hàng Chính sách"
    assert cells[2] == "31-GGT/ĐU\n10/11/2026\nNhận: 12/11/2026"
    assert cells[4] == LiaisonStatus.ACTIVE.label


def test_register_shows_this_years_state_in_colour(page, demo_store):
    table = page.register.table
    states = {d.member.full_name: d.state for d in comment_list(demo_store, 2026, TODAY)}
    colours = {CommentState.OVERDUE: RED, CommentState.DUE: AMBER, CommentState.DONE: GREEN}
    for name, state in states.items():
        item = table.item(_row_of(table, name), column(table, COMMENTS_THIS_YEAR))
        assert item.text() == state.label
        if state in colours:
            assert item.background().color().name() == colours[state]
    taking = participation(demo_store, 2026)
    hai = next(m for m in demo_store.liaison.members() if m.full_name == "Trần Văn Hải")
    came, expected = taking[hai.id]
    assert table.row_texts(_row_of(table, "Trần Văn Hải"))[5] == f"{came}/{expected}"


def test_comment_due_list_shows_the_demos_missing_people(page, demo_store):
    comments = page.register.comments
    assert comments.missing_names() == DEMO_MISSING
    assert comments.missing_label.text() == (
        "Còn thiếu 3 phiếu: Nguyễn Thị Ngọc Diệp (quá hạn 18/11/2026); Lê Thu Trang (quá hạn "
        "20/11/2026); Đỗ Quang Khải (hạn 15/12/2026)."
    )
    # Last year everything was sent: nobody is missing
    comments.set_year(2025)
    assert comments.missing_names() == []
    assert comments.missing_label.text() == "Năm 2025 không còn phiếu nhận xét nào phải làm."
    assert not comments.print_all_button.isEnabled()


def test_filling_and_sending_a_sheet_turns_it_done(qtbot, page, demo_store):
    comments = page.register.comments
    assert comments.select(_khai_id(demo_store))
    qtbot.mouseClick(comments.fill_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, CommentSheetDialog)
    assert list(dialog.groups) == ["civic", "ethics", "gatherings", "contact", "movements", "proposal"]
    # WHEN a sent date is typed before every criterion is rated THEN it is refused
    dialog.choose("civic", 0)
    type_text(qtbot, dialog.fields["front_met_date"], "16/11/2026")
    type_text(qtbot, dialog.fields["signed_date"], "18/11/2026")
    type_text(qtbot, dialog.fields["sent_date"], "20/11/2026")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert dialog.banner.text().startswith("Chưa đánh giá: Giữ gìn phẩm chất đạo đức")
    assert _khai_state(demo_store) is CommentState.DUE
    # WHEN the rest is rated with the mouse and saved
    for key in ("ethics", "gatherings", "contact", "movements", "proposal"):
        qtbot.mouseClick(dialog.radios[key][1], LEFT)
    assert dialog.criteria() == {
        "civic": 0,
        "ethics": 1,
        "gatherings": 1,
        "contact": 1,
        "movements": 1,
        "proposal": 1,
    }
    type_text(qtbot, dialog.fields["free_text"], "Nhiệt tình với công việc chung của thôn.")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the sheet is done: stored, gone from the missing list, green in both lists
    assert _khai_state(demo_store) is CommentState.DONE
    assert comments.missing_names() == DEMO_MISSING[:2]
    row = _row_of(comments.table, "Đỗ Quang Khải")
    state = comments.table.item(row, column(comments.table, STATE))
    assert state.text() == CommentState.DONE.label
    assert state.background().color().name() == GREEN
    # AND the sheet just saved is still the one selected
    assert comments.selected().member.full_name == "Đỗ Quang Khải"
    register = page.register.table
    assert (
        register.item(_row_of(register, "Đỗ Quang Khải"), column(register, COMMENTS_THIS_YEAR)).text()
        == "Đã gửi"
    )


def test_short_sheet_shows_only_the_short_criteria(qtbot, page, demo_store):
    trang = next(m for m in demo_store.liaison.members() if m.full_name == "Lê Thu Trang")
    comments = page.register.comments
    assert comments.select(trang.id)
    comments.fill_sheet()
    dialog = page.active_dialog
    assert isinstance(dialog, CommentSheetDialog) and dialog.variant == "short"
    assert list(dialog.groups) == ["civic", "ethics", "proposal"]
    assert dialog.fields.text("requested_date") == "05/11/2026"
    dialog.reject()


def test_request_recorded_for_an_exempted_member(qtbot, page, demo_store):
    # Phạm Đức Ước (armed forces, HD 33) needs no routine sheet until his unit asks
    uoc = next(m for m in demo_store.liaison.members() if m.full_name == "Phạm Đức Ước")
    comments = page.register.comments
    assert comments.select(uoc.id)
    assert comments.selected().state is CommentState.NOT_NEEDED
    qtbot.mouseClick(comments.request_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, FormDialog)
    assert dialog.fields.text("variant") == "short"
    assert dialog.fields.text("requesting_org") == "Đảng ủy Trung đoàn 98"
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert "Phạm Đức Ước" in comments.missing_names()


def test_gathering_ticks_who_came(qtbot, page, demo_store):
    qtbot.mouseClick(page.register.gathering_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, GatheringDialog)
    # Only those keeping contact today can be ticked (the retired one is not offered)
    names = {m.id: m.full_name for m in demo_store.liaison.members()}
    offered = sorted(names[i] for i in dialog.checks)
    assert "Hoàng Văn Ân" not in offered and len(offered) == 5
    hai = next(i for i, n in names.items() if n == "Trần Văn Hải")
    check = dialog.checks[hai]
    qtbot.mouseClick(check, LEFT, pos=QPoint(10, check.height() // 2))
    assert check.isChecked()
    type_text(qtbot, dialog.fields["content"], "Thông báo kế hoạch năm 2027")
    before = participation(demo_store, 2026)[hai]
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert participation(demo_store, 2026)[hai] == (before[0] + 1, before[1] + 1)
    table = page.register.table
    assert table.row_texts(_row_of(table, "Trần Văn Hải"))[5] == f"{before[0] + 1}/{before[1] + 1}"
    assert page.register.gathering_label.text().startswith("Gặp mặt gần nhất: 22/11/2026 (1/5")


def test_status_change_greys_the_row(qtbot, page, demo_store):
    table = page.register.table
    table.selectRow(_row_of(table, "Trần Văn Hải"))
    qtbot.mouseClick(page.register.status_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, FormDialog)
    dialog.fields.set_text("status", LiaisonStatus.MOVED.value)
    dialog.fields["date"].clear()
    type_text(qtbot, dialog.fields["date"], "01/01/2020")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert dialog.banner.text() == "Ngày: trước ngày chi bộ nhận giấy giới thiệu."
    dialog.fields["date"].clear()
    type_text(qtbot, dialog.fields["date"], "20/11/2026")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert table.row_texts(_row_of(table, "Trần Văn Hải"))[4] == LiaisonStatus.MOVED.label


def test_print_all_sheets_to_do_opens_the_preview_with_pages(qtbot, page):
    comments = page.register.comments
    qtbot.mouseClick(comments.print_all_button, LEFT)
    preview = page.preview
    assert preview is not None and page.active_dialog is preview
    assert preview.file_name == "Phieu-nhan-xet-2026-can-lam.pdf"
    qtbot.waitUntil(lambda: preview.is_ready or preview.failure is not None, timeout=30_000)
    assert preview.failure is None
    assert preview.page_count >= len(DEMO_MISSING)  # one sheet (or more pages) each
    assert preview.page_label.text() == f"Trang 1 / {preview.page_count}"
    preview.reject()


def test_print_one_sheet_and_the_register_and_export(qtbot, page, demo_store, tmp_path, notices):
    from openpyxl import load_workbook

    comments = page.register.comments
    comments.select(_khai_id(demo_store))
    qtbot.mouseClick(comments.print_one_button, LEFT)
    preview = page.preview
    assert preview.file_name == "Phieu-nhan-xet-2026-Do-Quang-Khai.pdf"
    qtbot.waitUntil(lambda: preview.is_ready or preview.failure is not None, timeout=30_000)
    assert preview.failure is None and preview.page_count >= 1
    preview.reject()
    qtbot.mouseClick(page.register.print_button, LEFT)
    preview = page.preview
    qtbot.waitUntil(lambda: preview.is_ready or preview.failure is not None, timeout=30_000)
    assert preview.failure is None and preview.page_count >= 1
    preview.reject()
    chosen = tmp_path / "noi-cu-tru.xlsx"
    page.choose_xlsx = lambda _parent, _name: chosen
    qtbot.mouseClick(page.register.excel_button, LEFT)
    sheet = load_workbook(chosen).active
    names = [row[1].value for row in sheet.iter_rows() if isinstance(row[0].value, int)]
    assert sorted(names) == sorted(m.full_name for m in demo_store.liaison.members())
    assert notices.texts[-1].startswith("Đã lưu 6 dòng vào tệp")


def _khai_id(store) -> int:
    return next(m.id for m in store.liaison.members() if m.full_name == "Đỗ Quang Khải")


def _khai_state(store) -> CommentState:
    return next(d.state for d in comment_list(store, 2026, TODAY) if d.member.full_name == "Đỗ Quang Khải")


def test_year_selector_reads_that_year(page):
    comments = page.register.comments
    comments.set_year(2025)
    assert comments.year == 2025
    name, state = column(comments.table, "Họ và tên"), column(comments.table, STATE)
    states = {
        comments.table.item(r, name).text(): comments.table.item(r, state).text()
        for r in range(comments.table.rowCount())
    }
    assert states["Trần Văn Hải"] == "Đã gửi"


def test_recorded_request_is_shown_for_correction(qtbot, page, demo_store):
    diep = next(m for m in demo_store.liaison.members() if m.full_name == "Nguyễn Thị Ngọc Diệp")
    comments = page.register.comments
    assert comments.select(diep.id)
    qtbot.mouseClick(comments.request_button, LEFT)
    dialog = page.active_dialog
    assert dialog.fields.text("requested_date") == "03/11/2026"
    assert dialog.fields.text("requesting_org") == "Đảng ủy Trung tâm Y tế"
    dialog.reject()
