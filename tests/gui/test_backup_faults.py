"""The machine's faults in the real window: a read-only file opens read-only and every save is
refused with the reason, never called damaged; a rotted backup or a folder refusing backups
turns the status red and is named; a missing USB stick is said, not replaced by an empty file."""

from __future__ import annotations

import io
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from gui_helpers import TODAY, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).parent.parent / "core"))
from env_faults import read_only_file, read_only_folder  # noqa: E402

from cellsec.backup import list_backups, make_backup  # noqa: E402
from cellsec.demo.cell import create_demo  # noqa: E402
from cellsec.store import Store  # noqa: E402
from cellsec.store.lock import lock_path  # noqa: E402

from ui.members.member_dialog import MemberDialog  # noqa: E402
from ui.safety.backup_keeper import COLOURS, READ_ONLY_LABEL  # noqa: E402
from ui.shell.crash import CrashReporter  # noqa: E402
from ui.shell.launcher import Launcher  # noqa: E402
from ui.shell.store_opener import StoreOpener  # noqa: E402

NOW = datetime(2026, 11, 22, 10, 0)


def demo_file(folder: Path) -> Path:
    path = folder / "chibo.cellsec"
    with Store.open(path) as store:
        create_demo(store, today=TODAY)
    return path


class NoHealthQuestion:
    """The start-up question must not be asked: fail if it is."""

    def __call__(self, parent, health, cancel_text):
        pytest.fail(f"asked about the file's health: {health.message}")


def _start(qtbot, qapp, app_settings, recording_ask, path: Path):
    launcher = Launcher(
        qapp, app_settings, StoreOpener(ask=recording_ask, ask_health=NoHealthQuestion()), out=io.StringIO()
    )
    launcher.on_quit = lambda: None
    assert launcher.start(path)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    return window


class Shown:
    def __init__(self) -> None:
        self.boxes: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> None:
        self.boxes.append((title, text))


@pytest.mark.qt_no_exception_capture
def test_a_read_only_file_opens_in_a_read_only_window_and_saves_are_refused(
    qtbot, qapp, tmp_path, app_settings, recording_ask, monkeypatch
):
    # GIVEN the demo cell in a file marked read-only
    path = demo_file(tmp_path)
    before = path.read_bytes()
    with read_only_file(path):
        # WHEN the app starts on it
        window = _start(qtbot, qapp, app_settings, recording_ask, path)
        # THEN the window opens (no "damaged" question, no error box), the banner says why and
        # what to do, and the status bar says there will be no automatic backups
        assert recording_ask.messages == []
        banner = window.backups.banner.text()
        assert "chỉ cho đọc" in banner and "chế độ chỉ xem" in banner
        assert window.backups.label.text() == READ_ONLY_LABEL
        assert not window.backups.timer.isActive()
        # WHEN the secretary adds a member and presses Lưu
        reporter = CrashReporter(interactive=True)
        reporter.show_known = Shown()
        monkeypatch.setattr(reporter, "_can_show", lambda: True)
        reporter.install()
        try:
            page = window.pages[1]
            qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
            dialog = page.active_dialog
            assert isinstance(dialog, MemberDialog)
            for key, text in dict(
                full_name="Nguyễn Văn Mới", birth_date="15/08/1958", admission_date="03/02/1985"
            ).items():
                type_text(qtbot, dialog.fields[key], text)
            qtbot.mouseClick(
                dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
            )
        finally:
            reporter.uninstall()
        # THEN it is refused with the reason — a warning, not a crash — and the dialog stays
        # open with what was typed
        assert reporter.count == 0 and reporter.known == 1
        title, text = reporter.show_known.boxes[0]
        assert "chế độ chỉ xem" in text and "Read-only" in text
        assert dialog.isVisible()
        dialog.reject()
        window.close()
    assert path.read_bytes() == before


def test_a_read_only_folder_at_start_is_not_called_damaged(
    qtbot, qapp, tmp_path, app_settings, recording_ask
):
    # GIVEN the demo cell copied into a folder that cannot be written (a CD, a shared folder)
    path = demo_file(tmp_path)
    lock_path(path).unlink()
    with read_only_folder(tmp_path):
        window = _start(qtbot, qapp, app_settings, recording_ask, path)
        # THEN no restore is offered: the folder is named as the cause, the data is shown
        assert recording_ask.messages == []
        assert "không cho ghi" in window.backups.banner.text()
        assert window.store.read_only is not None and window.store.members.count() > 0
        window.close()


def test_a_rotted_backup_is_named_and_a_new_one_made_at_once(qtbot, window, store):
    keeper = window.backups
    keeper.now = lambda: NOW
    # GIVEN the only backup has rotted since it was made (same size, one byte changed)
    old = make_backup(store.path, now=NOW - timedelta(minutes=10))
    data = bytearray(old.path.read_bytes())
    data[len(data) // 2] ^= 0x40
    old.path.write_bytes(bytes(data))
    keeper.refresh_label()
    assert keeper.state == "ok"  # the manifest alone still says good
    made = []
    keeper.sig_backup_made.connect(made.append)
    # WHEN the timer's check runs (nothing changed, nothing due)
    keeper.check_now()
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    # THEN a new verified backup is made, the label shows it, and the banner names the rot
    assert keeper.state == "ok" and made[0].path != old.path
    assert "đã bị thay đổi hoặc hỏng" in keeper.banner.text()
    assert not {i.path: i for i in list_backups(store.path)}[old.path].good


def test_a_folder_refusing_backups_is_red_and_named_not_damaged(qtbot, window, store):
    keeper = window.backups
    shown = []
    keeper.notify = lambda *a, **k: shown.append(a[2])
    folder = store.path.parent / f"{store.path.stem}-backups"
    folder.mkdir()
    with read_only_folder(folder):
        keeper.check_now()
        qtbot.waitUntil(lambda: keeper.state == "failed", timeout=20_000)
    assert keeper.label.styleSheet().count(COLOURS["failed"]) == 1
    assert "không cho ghi" in shown[0] and "hỏng" not in shown[0]


def test_a_usb_stick_not_plugged_in_is_said_and_no_empty_file_is_made(
    qtbot, qapp, tmp_path, app_settings, recording_ask
):
    # GIVEN the last file used was on a USB stick that is not plugged in now
    path = tmp_path / "usb" / "CellSec" / "chibo.cellsec"
    launcher = Launcher(
        qapp, app_settings, StoreOpener(ask=recording_ask, ask_health=NoHealthQuestion()), out=io.StringIO()
    )
    launcher.on_quit = lambda: None
    # WHEN the app starts THEN it says the stick is missing and what to do, and creates nothing
    assert not launcher.start(path)
    assert "USB đã bị rút" in recording_ask.messages[0]
    assert "cắm lại USB" in recording_ask.messages[0]
    assert not (tmp_path / "usb").exists()
