"""A member moves away: the secretary records it in the member's events, the to-do list asks for
the official transfer within 60 working days (red once late, the regulation on hover), one
click opens the member, and recording the transfer out takes the item off the list."""

from __future__ import annotations

from datetime import date

from gui_helpers import add, shown_names, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.entities.members import EventKind
from cellsec.services.members import add_event

from ui.common.record_table import RED
from ui.members.event_dialog import EventDialog
from ui.todo.page import TodoPage

SAVE = QDialogButtonBox.StandardButton.Save
LEFT = Qt.MouseButton.LeftButton
DAY = date(2026, 12, 5)


def _record(qtbot, page, kind: EventKind, day: str, detail: str = "") -> None:
    page.record_event()
    dialog = page.active_dialog
    assert isinstance(dialog, EventDialog)
    dialog.set_kind(kind)
    type_text(qtbot, dialog.fields["date"], day)
    if detail:
        dialog.fields.set_text("detail", detail)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)


def test_a_move_away_is_followed_until_the_transfer_is_recorded(qtbot, window, page, store):
    # GIVEN two full members in the register, one of them selected
    add(store, "Phạm Văn Lộc", "01/03/1975", "01/06/2000", "01/06/2001")
    mid = add(store, "Đỗ Thị Hằng", "12/08/1980", "03/02/2005", "03/02/2006", sex="Nữ")
    page.reload()
    page.table.selectRow(shown_names(page).index("Đỗ Thị Hằng"))
    # WHEN the secretary records that she moved away on 01/09/2026, to another commune
    _record(qtbot, page, EventKind.TRANSFER_PENDING, "01/09/2026", "xã Tân Lập, tỉnh Phú Thọ")
    # THEN she stays on the roll, marked as waiting for her transfer
    assert page.detail.facts["status"].text() == "Chính thức, chờ chuyển SH đi"
    # AND the to-do list shows who, since when and the deadline, red on 05/12/2026
    window.nav.setCurrentRow(0)
    todo = window.navigation.current()
    assert isinstance(todo, TodoPage)
    todo.today = lambda: DAY
    todo.reload()
    rows = [r for r, item in enumerate(todo.items) if item.rule == "transfer_out"]
    assert len(rows) == 1
    row = rows[0]
    texts = [todo.table.item(row, c).text() for c in range(todo.table.columnCount())]
    assert texts[2] == "Đỗ Thị Hằng" and texts[3] == "26/11/2026"
    assert "01/09/2026" in texts[1] and "xã Tân Lập" in texts[1]
    assert todo.table.item(row, 0).background().color().name() == RED
    # AND hovering shows the regulation it follows
    assert "Quy định 294-QĐ/TW" in todo.table.item(row, 1).toolTip()
    # WHEN the secretary opens it THEN the register shows her, selected
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.open_button, LEFT)
    assert window.navigation.current() is page
    assert page.selected_member_id() == mid
    # WHEN the transfer out is recorded for her
    _record(qtbot, page, EventKind.TRANSFERRED_OUT, "20/11/2026", "Chi bộ xã Tân Lập")
    # THEN the to-do list no longer asks for it
    assert not [item for item in todo.items if item.rule == "transfer_out"]


def test_the_item_opens_the_member_when_the_register_was_not_open_yet(qtbot, window, store):
    # GIVEN the app just opened on the to-do list (the register not shown yet), and a member
    # whose move away was recorded earlier
    add(store, "Phạm Văn Lộc", "01/03/1975", "01/06/2000", "01/06/2001")
    mid = add(store, "Đỗ Thị Hằng", "12/08/1980", "03/02/2005", "03/02/2006", sex="Nữ")
    form = {"kind": "transfer_pending", "date": "01/09/2026", "end_date": "", "decision_ref": ""}
    add_event(store, mid, {**form, "detail": "", "note": ""})
    todo = window.navigation.current()
    assert isinstance(todo, TodoPage)
    todo.today = lambda: DAY
    todo.reload()
    # WHEN the secretary opens the transfer item
    todo.table.selectRow(next(r for r, i in enumerate(todo.items) if i.rule == "transfer_out"))
    qtbot.mouseClick(todo.open_button, LEFT)
    # THEN the register, read for the first time, shows her selected with her file
    register = window.navigation.current()
    assert register is not None and register.key == "members"
    qtbot.waitUntil(lambda: register.is_loaded)
    assert register.selected_member_id() == mid
    assert register.detail.facts["status"].text() == "Chính thức, chờ chuyển SH đi"
