"""Adding and editing members through the real dialog, as the secretary would."""

from __future__ import annotations

from gui_helpers import add, column, shown_names, stored_names, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.members.member_dialog import MemberDialog

SAVE = QDialogButtonBox.StandardButton.Save
CANCEL = QDialogButtonBox.StandardButton.Cancel


def _open_add_dialog(qtbot, page) -> MemberDialog:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog) and dialog.isVisible()
    return dialog


def _type(qtbot, dialog: MemberDialog, **values: str) -> None:
    for key, text in values.items():
        type_text(qtbot, dialog.fields[key], text)


def _save(qtbot, dialog: MemberDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)


def test_buttons_and_tabs_are_vietnamese(qtbot, page):
    dialog = _open_add_dialog(qtbot, page)
    assert dialog.buttons.button(SAVE).text() == "Lưu"
    assert dialog.buttons.button(CANCEL).text() == "Hủy"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Thông tin chính", "Vào chi bộ", "Địa chỉ", "Lý lịch", "Vào Đảng", "Khác"]
    dialog.reject()


def test_member_added_through_dialog_is_found_without_accents(qtbot, page, store):
    # GIVEN two other members already on the register
    add(store, "Nguyễn Văn Dũng", "01/01/1960", "01/01/1990", "01/01/1991")
    add(store, "Lê Thị Đức", "01/01/1965", "01/01/1995", "01/01/1996", sex="Nữ")
    page.reload()
    # WHEN the secretary types a new member into the add dialog and presses Lưu
    dialog = _open_add_dialog(qtbot, page)
    _type(
        qtbot,
        dialog,
        full_name="Nguyễn Văn Đức",
        birth_date="15/08/1958",
        phone="0912 345 678",
        admission_date="03/02/1985",
        official_date="03/02/1986",
    )
    _save(qtbot, dialog)
    # THEN the dialog closes, the file holds him and the list shows and selects him
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert "Nguyễn Văn Đức" in stored_names(store)
    assert page.detail.detail is not None
    assert page.detail.detail.row.member.full_name == "Nguyễn Văn Đức"
    assert page.count_label.text() == "3 / 3 đảng viên"
    # WHEN searching without accents, in any word order
    qtbot.keyClicks(page.search, "nguyen van duc")
    assert shown_names(page) == ["Nguyễn Văn Đức"]
    page.search.clear()
    qtbot.keyClicks(page.search, "duc nguyen")
    assert shown_names(page) == ["Nguyễn Văn Đức"]
    assert page.count_label.text() == "1 / 3 đảng viên"


def test_bad_birth_date_is_explained_in_the_dialog_and_nothing_is_saved(qtbot, page, store):
    # GIVEN the add dialog with an impossible birth date
    dialog = _open_add_dialog(qtbot, page)
    _type(qtbot, dialog, full_name="Nguyễn Văn Đức", birth_date="31/02/1990", admission_date="03/02/2015")
    dialog.tabs.setCurrentIndex(1)
    # WHEN Lưu is pressed
    _save(qtbot, dialog)
    # THEN the message names "Ngày sinh", the dialog stays open on that field, and no member
    assert dialog.isVisible()
    assert dialog.banner.isVisible()
    assert "Ngày sinh" in dialog.banner.text()
    assert "31/02/1990" in dialog.banner.text()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is dialog.fields["birth_date"]
    assert stored_names(store) == []
    dialog.reject()


def test_error_in_another_tab_switches_to_that_tab(qtbot, page, store):
    dialog = _open_add_dialog(qtbot, page)
    _type(
        qtbot,
        dialog,
        full_name="Trần Thị Hoa",
        birth_date="01/01/1970",
        admission_date="01/01/2000",
        youth_union_date="1/1/1960",
    )
    dialog.fields.set_text("sex", "Nữ")
    _save(qtbot, dialog)
    assert "Ngày vào Đoàn" in dialog.banner.text()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Lý lịch"
    assert dialog.focusWidget() is dialog.fields["youth_union_date"]
    assert stored_names(store) == []
    dialog.reject()


def test_missing_admission_date_points_to_the_entry_tab(qtbot, page, store):
    dialog = _open_add_dialog(qtbot, page)
    _type(qtbot, dialog, full_name="Trần Thị Hoa", birth_date="01/01/1970")
    _save(qtbot, dialog)
    assert "Ngày kết nạp" in dialog.banner.text()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Vào chi bộ"
    assert stored_names(store) == []
    dialog.reject()


def test_transferred_in_shows_where_from_fields(qtbot, page):
    dialog = _open_add_dialog(qtbot, page)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.fields["origin"].isVisible()
    dialog.fields.set_text("entry_kind", "transferred_in")
    assert dialog.fields["origin"].isVisible()
    assert dialog.fields["joined_date"].isVisible()
    assert not dialog.fields["attached_until"].isVisible()
    dialog.fields.set_text("entry_kind", "attached_in")
    assert dialog.fields["attached_until"].isVisible()
    dialog.reject()


def test_possible_duplicate_is_asked_about_and_no_keeps_the_file_unchanged(qtbot, page, store):
    # GIVEN a member already registered
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985")
    page.reload()
    questions: list[str] = []
    dialog = _open_add_dialog(qtbot, page)
    dialog._ask = lambda _parent, _title, text: questions.append(text) or False
    # WHEN the same person is entered again and the secretary answers Không
    _type(qtbot, dialog, full_name="nguyễn văn đức", birth_date="15/08/1958", admission_date="03/02/1985")
    _save(qtbot, dialog)
    # THEN the question named the existing record and nothing was added
    assert len(questions) == 1
    assert "Có thể trùng với" in questions[0] and "Nguyễn Văn Đức, sinh 15/08/1958" in questions[0]
    assert dialog.isVisible()
    assert stored_names(store) == ["Nguyễn Văn Đức"]
    dialog.reject()


def test_enter_in_table_opens_edit_and_saved_edit_keeps_the_selection(qtbot, page, store):
    # GIVEN two members, the second one selected
    add(store, "Nguyễn Văn An", "01/01/1960", "01/01/1990", "01/01/1991")
    add(store, "Trần Văn Bình", "01/01/1961", "01/01/1991", "01/01/1992")
    page.reload()
    page.table.selectRow(1)
    page.table.setFocus()
    # WHEN Enter is pressed in the table, the phone typed and Lưu pressed
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    assert dialog.fields.text("full_name") == "Trần Văn Bình"
    assert "Vào chi bộ" not in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    qtbot.keyClicks(dialog.fields["phone"], "0987654321")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the list shows the new phone and Bình is still the selected member
    assert page.selected_member_id() is not None
    assert page.detail.detail.row.member.full_name == "Trần Văn Bình"
    assert page.detail.facts["phone"].text() == "0987654321"
    row = shown_names(page).index("Trần Văn Bình")
    assert page.model.index(row, column(page.model, "Điện thoại")).data() == "0987654321"


def test_a_save_refused_by_the_storage_does_not_keep_an_old_message(qtbot, page, store, monkeypatch):
    from cellsec.errors import ReadOnlyError

    # GIVEN the add dialog that refused an impossible birth date
    dialog = _open_add_dialog(qtbot, page)
    _type(qtbot, dialog, full_name="Nguyễn Văn Đức", birth_date="31/02/1990", admission_date="03/02/2015")
    _save(qtbot, dialog)
    assert "Ngày sinh" in dialog.banner.text() and dialog.banner.isVisible()
    # WHEN the date is corrected but the file has meanwhile become read-only, and Lưu is pressed
    dialog.fields["birth_date"].clear()
    _type(qtbot, dialog, birth_date="15/08/1958")
    monkeypatch.setattr(store, "read_only", "Tệp “chibo.cellsec” chỉ cho đọc.")
    with qtbot.captureExceptions() as refusals:
        _save(qtbot, dialog)
    # THEN the refusal goes to the app's refusal box; the old date message is gone; the dialog
    # stays open with what was typed; nothing is saved
    assert [type(value) for _, value, _ in refusals] == [ReadOnlyError]
    assert dialog.banner.isHidden() and "Ngày sinh" not in dialog.banner.text()
    assert dialog.isVisible() and dialog.fields["full_name"].text() == "Nguyễn Văn Đức"
    assert stored_names(store) == []
    dialog.reject()
