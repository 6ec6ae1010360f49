"""The register page: events in the history, the "as of" date, filters and the keyboard."""

from __future__ import annotations

from datetime import date

from gui_helpers import add, column, shown_names, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.entities.members import EventKind
from cellsec.services.members import add_event
from cellsec.services.register import StatusFilter

from ui.members.event_dialog import EventDialog

SAVE = QDialogButtonBox.StandardButton.Save


def _select(page, name: str) -> None:
    page.table.selectRow(shown_names(page).index(name))
    assert page.detail.detail is not None
    assert page.detail.detail.row.member.full_name == name


def _history(page) -> list[list[str]]:
    table = page.detail.history
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _set_status(page, status: StatusFilter) -> None:
    page.status_box.setCurrentIndex(page.status_box.findData(status.value))


def test_recording_an_exemption_changes_status_and_history(qtbot, page, store):
    # GIVEN a full member, selected in the register
    add(store, "Phạm Văn Lộc", "10/04/1945", "01/06/1970", "01/06/1971")
    page.reload()
    _select(page, "Phạm Văn Lộc")
    # WHEN the secretary records an exemption through "Ghi sự kiện"
    qtbot.mouseClick(page.event_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, EventDialog)
    assert not dialog.fields["end_date"].isVisible()
    dialog.set_kind(EventKind.EXEMPTED)
    assert dialog.fields["end_date"].isVisible()  # a period: "Đến ngày" is offered
    type_text(qtbot, dialog.fields["date"], "01/03/2024")
    type_text(qtbot, dialog.fields["decision_ref"], "12-QĐ/CB")
    type_text(qtbot, dialog.fields["detail"], "Tuổi cao, sức khỏe yếu")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the status column and the detail panel say so, and the history lists the event
    row = shown_names(page).index("Phạm Văn Lộc")
    assert page.model.index(row, column(page.model, "Tình trạng")).data() == "Chính thức, miễn sinh hoạt"
    assert page.detail.facts["status"].text() == "Chính thức, miễn sinh hoạt"
    assert [
        "01/03/2024",
        ("Miễn công tác và sinh hoạt đảng\nSố văn bản: 12-QĐ/CB\nNội dung: Tuổi cao, sức khỏe yếu"),
    ] in _history(page)
    assert "miễn sinh hoạt 1" in page.summary_label.text()


def test_event_contradicting_history_is_refused_in_the_dialog(qtbot, page, store):
    add(store, "Phạm Văn Lộc", "10/04/1945", "01/06/1970", "01/06/1971")
    page.reload()
    _select(page, "Phạm Văn Lộc")
    page.record_event()
    dialog = page.active_dialog
    dialog.set_kind(EventKind.RECOGNISED)  # already a full member
    type_text(qtbot, dialog.fields["date"], "01/03/2024")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "chỉ công nhận chính thức cho đảng viên dự bị" in dialog.banner.text()
    assert len(_history(page)) == 2
    dialog.reject()


def test_discipline_offers_the_levels(qtbot, page, store):
    add(store, "Phạm Văn Lộc", "10/04/1945", "01/06/1970", "01/06/1971")
    page.reload()
    _select(page, "Phạm Văn Lộc")
    page.record_event()
    dialog = page.active_dialog
    dialog.set_kind(EventKind.DISCIPLINED)
    detail = dialog.fields["detail"]
    assert [detail.itemText(i) for i in range(detail.count())] == ["Khiển trách", "Cảnh cáo", "Cách chức"]
    dialog.reject()


def test_period_end_shows_as_implied_event_that_cannot_be_edited(qtbot, page, store):
    member_id = add(store, "Phạm Văn Lộc", "10/04/1945", "01/06/1970", "01/06/1971")
    add_event(
        store,
        member_id,
        {"kind": "attached_out", "date": "01/01/2023", "end_date": "30/06/2023", "detail": "Xã Hòa Bình"},
    )
    page.reload()
    _select(page, "Phạm Văn Lộc")
    history = _history(page)
    assert history[-2] == [
        "01/01/2023",
        ("Sinh hoạt tạm thời nơi khác\nĐến ngày: 30/06/2023\nNội dung: Xã Hòa Bình"),
    ]
    assert history[-1] == ["01/07/2023", "Trở về sinh hoạt tại chi bộ\n(tự động: hết thời hạn)"]
    page.detail.history.selectRow(len(history) - 1)
    assert not page.detail.edit_button.isEnabled()
    page.detail.history.selectRow(len(history) - 2)
    assert page.detail.edit_button.isEnabled()


def test_deleting_an_event_asks_first(qtbot, page, store):
    # GIVEN a member with a mistaken exemption
    member_id = add(store, "Phạm Văn Lộc", "10/04/1945", "01/06/1970", "01/06/1971")
    add_event(store, member_id, {"kind": "exempted", "date": "01/03/2024"})
    page.reload()
    _select(page, "Phạm Văn Lộc")
    asked: list[str] = []
    answer = {"yes": False}
    page.ask = lambda _parent, _title, text: asked.append(text) or answer["yes"]
    page.detail.history.selectRow(2)
    # WHEN delete is clicked and the answer is Không, nothing changes
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    assert "Miễn công tác và sinh hoạt đảng" in asked[0] and "01/03/2024" in asked[0]
    assert len(_history(page)) == 3
    # WHEN answered Có, the event is gone and the member is no longer exempted
    answer["yes"] = True
    page.detail.history.selectRow(2)
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    assert len(_history(page)) == 2
    assert page.detail.facts["status"].text() == "Chính thức"


def test_as_of_date_changes_the_roll(qtbot, page, store):
    # GIVEN one old member and one admitted on 01/05/2020
    add(store, "Nguyễn Văn An", "01/01/1950", "01/01/1980", "01/01/1981")
    add(store, "Trần Thị Bình", "01/01/1990", "01/05/2020", "01/05/2021", sex="Nữ")
    page.reload()
    assert shown_names(page) == ["Nguyễn Văn An", "Trần Thị Bình"]
    # WHEN the register is viewed as of 31/12/2019
    page.set_as_of(date(2019, 12, 31))
    # THEN the roll holds only the older member, and the summary counts one
    assert shown_names(page) == ["Nguyễn Văn An"]
    assert "Đảng số 1 (chính thức 1, dự bị 0)" in page.summary_label.text()
    assert page.summary_label.text().startswith("Tính đến 31/12/2019")
    # AND as of 01/06/2020 she is there, still probationary
    page.set_as_of(date(2020, 6, 1))
    assert shown_names(page) == ["Nguyễn Văn An", "Trần Thị Bình"]
    row = shown_names(page).index("Trần Thị Bình")
    assert page.model.index(row, column(page.model, "Tình trạng")).data() == "Dự bị"
    # AND "Tất cả hồ sơ" as of 2019 lists her as not yet in the cell
    page.set_as_of(date(2019, 12, 31))
    _set_status(page, StatusFilter.ALL)
    assert shown_names(page) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert page.model.index(1, column(page.model, "Tình trạng")).data() == "Chưa vào chi bộ"


def test_status_filter_shows_probationary_only(qtbot, page, store):
    add(store, "Nguyễn Văn An", "01/01/1950", "01/01/1980", "01/01/1981")
    add(store, "Trần Thị Bình", "01/01/1990", "01/05/2025", sex="Nữ")
    page.reload()
    _set_status(page, StatusFilter.PROBATIONARY)
    assert shown_names(page) == ["Trần Thị Bình"]
    assert page.count_label.text() == "1 / 2 đảng viên"
    labels = [page.status_box.itemText(i) for i in range(page.status_box.count())]
    assert labels[0] == "Đảng số (đang sinh hoạt)"


def test_ctrl_f_focuses_search_and_escape_clears_it(qtbot, window, page, store):
    add(store, "Nguyễn Văn An", "01/01/1950", "01/01/1980", "01/01/1981")
    add(store, "Trần Thị Bình", "01/01/1990", "01/05/2020", sex="Nữ")
    page.reload()
    window.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.search
    qtbot.keyClicks(page.search, "binh")
    assert shown_names(page) == ["Trần Thị Bình"]
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert shown_names(page) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_selection_survives_a_search_that_still_shows_the_member(qtbot, page, store):
    add(store, "Nguyễn Văn An", "01/01/1950", "01/01/1980", "01/01/1981")
    add(store, "Trần Thị Bình", "01/01/1990", "01/05/2020", sex="Nữ")
    page.reload()
    _select(page, "Trần Thị Bình")
    qtbot.keyClicks(page.search, "tran")
    assert page.detail.detail.row.member.full_name == "Trần Thị Bình"
    qtbot.keyClicks(page.search, "xyz")
    assert page.detail.detail is None
    assert not page.edit_button.isEnabled()
    assert page.detail.empty_label.isVisibleTo(page)


def test_keyboard_only_ctrl_n_then_escape_and_enter_in_event_dialog(qtbot, window, page, store):
    # GIVEN a member on the register
    add(store, "Phạm Văn Lộc", "10/04/1945", "01/06/1970", "01/06/1971")
    page.reload()
    window.activateWindow()
    # WHEN Ctrl+N is pressed, the add dialog opens; Esc closes it without saving
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.active_dialog is not None)  # a button's shortcut animates
    dialog = page.active_dialog
    assert dialog.windowTitle() == "Thêm đảng viên"
    qtbot.keyClick(dialog.fields["full_name"], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # WHEN an event is typed and Enter pressed in the last field, it is saved
    _select(page, "Phạm Văn Lộc")
    page.record_event()
    dialog = page.active_dialog
    dialog.set_kind(EventKind.DECEASED)
    type_text(qtbot, dialog.fields["date"], "05/05/2025")
    qtbot.keyClick(dialog.fields["date"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the member has left the roll
    assert shown_names(page) == []
    assert "Đảng số 0" in page.summary_label.text()
