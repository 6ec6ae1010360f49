"""The "Sao lưu và khôi phục" dialog: back up now, check, copy to USB with a password, restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from gui_helpers import Answers, Notices, add, column, stored_names, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.backup import list_backups, make_backup, open_store
from cellsec.entities.changes import Changes

from ui.safety.backup_dialog import BackupDialog
from ui.safety.backup_password import BLANK, MISMATCH, PasswordDialog

SAVE = QDialogButtonBox.StandardButton.Save


class Passwords:
    """Stands in for the password question: gives the planned answers in turn."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, parent, *args) -> str | None:
        self.asked.append(args[0] if args else "")
        return self.answers.pop(0)


@pytest.fixture
def dialog(qtbot, window) -> BackupDialog:
    d = window.data_safety.open_backups()
    assert isinstance(d, BackupDialog) and d.isVisible()
    d.ask, d.notify = Answers(), Notices()
    return d


def _wait(qtbot, dialog: BackupDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def test_manual_backup_appears_in_the_list_verified(qtbot, window, dialog, store):
    # GIVEN a register with one member and no backup yet
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986")
    assert dialog.table.rowCount() == 0
    assert window.backups.label.text() == "Chưa có bản sao lưu nào"
    # WHEN the secretary presses "Sao lưu ngay"
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    # THEN one backup is listed: time, kind, counts and a tick, and it is selected
    assert dialog.table.rowCount() == 1
    info = dialog.backups[0]
    row = [dialog.table.item(0, c).text() for c in range(5)]
    assert row == [f"{info.created:%d/%m/%Y %H:%M}", "Sao lưu theo yêu cầu", "1", "0", "✓ tốt"]
    assert dialog.selected() == info
    assert "Đã sao lưu xong" in dialog.status_label.text()
    # AND the window's label says when
    assert window.backups.label.text() == f"Sao lưu gần nhất: {info.created:%d/%m/%Y %H:%M}"
    # WHEN it is checked again ("Kiểm tra") THEN it is still good
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    assert dialog.table.item(0, column(dialog.table, "Kiểm tra")).text().startswith("✓ tốt (vừa kiểm tra")


def test_a_tampered_backup_is_marked_by_the_check(qtbot, dialog, store):
    info = make_backup(store.path)
    dialog.reload()
    data = bytearray(info.path.read_bytes())
    data[200] ^= 0xFF
    info.path.write_bytes(bytes(data))
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    assert dialog.table.item(0, column(dialog.table, "Kiểm tra")).text() == "✗ hỏng — không dùng được"
    assert "HỎNG" in dialog.status_label.text()


def test_encrypted_copy_then_restore_with_a_wrong_then_the_right_password(
    qtbot, window, dialog, store, tmp_path
):
    # GIVEN one member and a backup of that state, copied to "USB" with a password
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986")
    make_backup(store.path)
    dialog.reload()
    usb = tmp_path / "usb"
    dialog.choose_folder = lambda _p: usb
    dialog.ask_copy_password = lambda _p: "mật khẩu đúng"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    copies = list(usb.glob("*.cellsec.enc"))
    assert len(copies) == 1
    title, text, _ = dialog.notify.shown[-1]
    assert title == "Đã chép xong" and str(copies[0]) in text and "ghi nhớ mật khẩu" in text
    # AND later a second member is added
    add(store, "Lê Thị Hoa", "02/03/1970", "05/06/1995", "05/06/1996", sex="Nữ")
    window.route_changes(Changes(members=True))
    # WHEN the secretary restores from the USB copy, first typing a wrong password
    dialog.choose_file = lambda _p: copies[0]
    passwords = Passwords("mật khẩu sai", "mật khẩu đúng")
    dialog.ask_open_password = passwords
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    # THEN it was confirmed first, saying where the current data is kept
    assert "truoc-khoi-phuc" in dialog.ask.questions[-1]
    # AND the wrong password got the Vietnamese message, then the right one worked
    wrong = [t for title, t, warn in dialog.notify.shown if title == "Sai mật khẩu"]
    assert len(wrong) == 1 and "Mật khẩu không đúng hoặc tệp đã bị hỏng" in wrong[0]
    assert passwords.asked == [copies[0].name, copies[0].name]
    done = dialog.notify.shown[-1]
    assert done[0] == "Đã khôi phục" and "truoc-khoi-phuc" in done[1]
    # AND the window reopened the file with the content of the copy
    assert window.store is not store
    assert stored_names(window.store) == ["Nguyễn Văn Đức"]
    page = window.pages[1]
    window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.is_loaded)
    assert [r.member.full_name for r in page.model.rows()] == ["Nguyễn Văn Đức"]
    # AND the data as it was (two members) is kept aside in the backups folder
    kept = [i for i in list_backups(window.store.path) if i.kind == "before_restore"]
    assert len(kept) == 1 and kept[0].members == 2 and kept[0].good
    assert any(
        dialog.table.item(r, column(dialog.table, "Loại")).text() == "Trước khi khôi phục"
        for r in range(dialog.table.rowCount())
    )


def test_cancelling_the_password_restores_nothing(qtbot, window, dialog, store, tmp_path):
    info = make_backup(store.path)
    dialog.reload()
    dialog.choose_folder = lambda _p: tmp_path / "usb"
    dialog.ask_copy_password = lambda _p: "mật khẩu đúng"
    dialog.copy_selected()
    _wait(qtbot, dialog)
    copy = next((tmp_path / "usb").glob("*.enc"))
    dialog.choose_file = lambda _p: copy
    dialog.ask_open_password = Passwords(None)
    dialog.restore_from_file()
    assert window.store is store  # never closed
    assert len(list_backups(store.path)) == 1 and list_backups(store.path)[0] == info


def test_restoring_a_listed_backup_reopens_the_file(qtbot, window, dialog, store):
    make_backup(store.path)
    add(store, "Lê Thị Hoa", "02/03/1970", "05/06/1995", "05/06/1996", sex="Nữ")
    dialog.reload()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert stored_names(window.store) == []
    assert "Khôi phục dữ liệu về bản sao lưu lúc" in dialog.ask.questions[-1]


def test_backup_of_a_newer_version_is_refused_in_vietnamese(qtbot, window, dialog, store, tmp_path):
    info = make_backup(store.path)
    newer = tmp_path / "moi-hon.cellsec"
    newer.write_bytes(info.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    add(store, "Lê Thị Hoa", "02/03/1970", "05/06/1995", "05/06/1996", sex="Nữ")
    dialog.choose_file = lambda _p: newer
    dialog.restore_from_file()
    title, text, warning = dialog.notify.shown[-1]
    assert title == "Không khôi phục được" and warning
    assert "phiên bản" in text and "Hãy cập nhật CellSec" in text
    # the file was reopened as it was
    assert stored_names(window.store) == ["Lê Thị Hoa"]


def test_declining_the_confirmation_changes_nothing(qtbot, window, dialog, store):
    make_backup(store.path)
    dialog.reload()
    dialog.ask = Answers(False)
    dialog.restore_selected()
    assert window.store is store


def test_password_typed_twice_must_match(qtbot):
    d = PasswordDialog(confirm=True)
    qtbot.addWidget(d)
    d.show()
    type_text(qtbot, d.first, "mật khẩu 1")
    type_text(qtbot, d.second, "mật khẩu 2")
    qtbot.mouseClick(d.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.banner.text() == MISMATCH
    assert d.second.text() == ""
    type_text(qtbot, d.second, "mật khẩu 1")
    qtbot.mouseClick(d.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert not d.isVisible() and d.password == "mật khẩu 1"


def test_copy_without_password_is_allowed(qtbot):
    d = PasswordDialog(confirm=True)
    qtbot.addWidget(d)
    d.show()
    d.use_password.setChecked(False)
    qtbot.mouseClick(d.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert d.password == ""


def test_plain_copy_keeps_its_manifest(qtbot, dialog, store, tmp_path):
    make_backup(store.path)
    dialog.reload()
    dialog.choose_folder = lambda _p: tmp_path / "usb"
    dialog.ask_copy_password = lambda _p: ""
    dialog.copy_selected()
    _wait(qtbot, dialog)
    names = sorted(p.name for p in (tmp_path / "usb").iterdir())
    assert len(names) == 2 and names[0].endswith(".cellsec") and names[1].endswith(".json")
    assert Path(tmp_path / "usb" / names[0]).stat().st_size > 0


def test_a_password_of_only_spaces_is_refused(qtbot):
    # GIVEN the new-password question WHEN only spaces are typed, twice THEN it is refused
    d = PasswordDialog(confirm=True)
    qtbot.addWidget(d)
    d.show()
    type_text(qtbot, d.first, "        ")
    type_text(qtbot, d.second, "        ")
    qtbot.mouseClick(d.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.banner.text() == BLANK and d.password is None


def test_a_crafted_encrypted_file_is_refused_before_any_password_is_asked(
    qtbot, window, dialog, store, tmp_path
):
    # GIVEN an "encrypted copy" whose header asks for a key derivation CellSec never writes
    from cellsec.backup import copy_backup_to
    from cellsec.backup.crypto import MAGIC

    secret = copy_backup_to(make_backup(store.path).path, tmp_path / "usb", password="mật khẩu")
    blob = bytearray(secret.read_bytes())
    blob[len(MAGIC) + 1] = 30  # log2 N = 30: gigabytes of memory per try
    crafted = tmp_path / "usb" / "la.cellsec.enc"
    crafted.write_bytes(bytes(blob))
    passwords = Passwords()
    dialog.ask_open_password = passwords
    dialog.choose_file = lambda _p: crafted
    # WHEN the secretary restores from it THEN it is refused at once, no password asked
    dialog.restore_from_file()
    assert passwords.asked == []
    assert dialog.notify.shown and "không do CellSec tạo" in dialog.notify.shown[-1][1]
    assert window.store is store


def test_a_backup_opened_to_look_at_cannot_be_restored_into(qtbot, app_settings, store):
    # GIVEN a backup opened in the window ("Mở tệp dữ liệu…" on a backup file)

    from ui.shell.main_window import MainWindow
    from ui.shell.store_opener import StoreOpener

    backup = make_backup(store.path)
    window = MainWindow(open_store(backup.path), app_settings, StoreOpener())  # as the app opens it
    qtbot.addWidget(window)
    assert "bản sao lưu" in window.backups.banner.text()
    # WHEN the backups dialog is opened THEN its restore buttons are off, saying why
    d = window.data_safety.open_backups()
    assert not d.restore_button.isEnabled() and not d.restore_file_button.isEnabled()
    assert "chế độ chỉ xem" in d.restore_file_button.toolTip()
    d.reject()
    window.close()
