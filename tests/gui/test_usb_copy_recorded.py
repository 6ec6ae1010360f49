"""The to-do list asks for a copy on a USB stick; the secretary makes it from the backups dialog
the item opens, and the list is satisfied by the copy itself: nothing to tick by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from gui_helpers import Answers, Notices
from PySide6.QtCore import Qt

from cellsec.backup import make_backup
from cellsec.backup.usb_record import UsbCopy, record_usb_copy
from cellsec.dates import format_date

from ui.safety.backup_dialog import BackupDialog
from ui.todo.page import TodoPage

LEFT = Qt.MouseButton.LeftButton


def test_a_copy_made_from_the_app_takes_the_reminder_off_the_list(qtbot, window, store, tmp_path):
    # GIVEN a backup, and a last copy to USB made 40 days ago
    make_backup(store.path)
    record_usb_copy(store.path, UsbCopy(datetime.now() - timedelta(days=40), "cu.cellsec", "E:/"))
    todo = window.navigation.current()
    assert isinstance(todo, TodoPage)
    todo.today = date.today
    todo.reload()
    # THEN the to-do list asks for a copy, overdue, saying when the last one was
    usb = [i for i in todo.items if i.rule == "usb_copy"]
    assert [i.state.value for i in usb] == ["overdue"]
    old = format_date(date.today() - timedelta(days=40))
    assert f"lần cuối: {old}" in usb[0].what
    # WHEN the secretary opens the item: the backups dialog, saying when the last copy was
    todo.table.selectRow(todo.items.index(usb[0]))
    qtbot.mouseClick(todo.open_button, LEFT)
    dialog = window.active_dialog
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    assert f"Lần chép ra USB gần nhất: {old}" in dialog.folder_label.text()
    # AND copies the selected backup to the USB stick, without a password
    dialog.ask, dialog.notify = Answers(), Notices()
    dialog.choose_folder = lambda _p: tmp_path / "usb"
    dialog.ask_copy_password = lambda _p: ""
    qtbot.mouseClick(dialog.copy_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.notify.shown[-1][0] == "Đã chép xong"
    # THEN the dialog says the copy was today, and the to-do list no longer asks for one
    assert f"Lần chép ra USB gần nhất: {format_date(date.today())}" in dialog.folder_label.text()
    assert not [i for i in todo.items if i.rule == "usb_copy"]
