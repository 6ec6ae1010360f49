"""Starting the app: first-run profile, a file already in use, the smoke run, switching files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import PROFILE, add, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.errors import FileInUseError
from cellsec.services.profile import save_profile
from cellsec.store import Store

from ui.shell.app import default_data_path, parse_args
from ui.shell.launcher import Launcher
from ui.shell.store_opener import StoreOpener

ROOT = Path(__file__).resolve().parents[2]
SAVE = QDialogButtonBox.StandardButton.Save


class QuitRecorder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


def _launcher(qapp, app_settings, opener: StoreOpener) -> tuple[Launcher, QuitRecorder]:
    launcher = Launcher(qapp, app_settings, opener, out=io.StringIO())
    quit_ = QuitRecorder()
    launcher.on_quit = quit_  # never stop the test's own QApplication
    return launcher, quit_


def test_first_run_asks_for_the_profile_then_shows_the_cell_name(
    qtbot, qapp, tmp_path, app_settings, recording_ask
):
    # GIVEN a data file that has never been used
    launcher, quit_ = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask))
    assert launcher.start(tmp_path / "moi.cellsec")
    dialog = launcher.profile_dialog
    assert dialog is not None and dialog.isVisible()
    assert launcher.window is None
    # WHEN the secretary fills the profile and presses the save button
    for key, value in PROFILE.items():
        type_text(qtbot, dialog.fields[key], value)
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    # THEN the main window appears with the cell's name in the status bar and the title
    qtbot.waitUntil(lambda: launcher.window is not None)
    window = launcher.window
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.cell_label.text() == "Chi bộ thôn Tân Hồng"
    assert window.windowTitle().startswith("Chi bộ thôn Tân Hồng")
    assert quit_.calls == 0


def test_first_run_profile_must_be_complete(qtbot, qapp, tmp_path, app_settings, recording_ask):
    launcher, _ = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask))
    launcher.start(tmp_path / "moi.cellsec")
    dialog = launcher.profile_dialog
    type_text(qtbot, dialog.fields["cell_name"], "Chi bộ thôn Tân Hồng")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.banner.text() == "Đảng bộ cấp trên: chưa nhập."
    assert dialog.focusWidget() is dialog.fields["superior_name"]
    dialog.reject()
    launcher.store.close()


def test_cancelling_the_first_run_profile_quits(qtbot, qapp, tmp_path, app_settings, recording_ask):
    launcher, quit_ = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask))
    path = tmp_path / "moi.cellsec"
    launcher.start(path)
    launcher.profile_dialog.reject()
    assert quit_.calls == 1
    assert launcher.window is None
    Store.open(path).close()  # the file was released


def test_file_held_by_another_window_is_refused_with_a_vietnamese_message(
    qtbot, qapp, store, data_path, app_settings, recording_ask
):
    # GIVEN the data file is held open (the `store` fixture plays the first CellSec window)
    with pytest.raises(FileInUseError) as refused:
        Store.open(data_path)
    assert "đang được mở bởi một cửa sổ CellSec khác" in str(refused.value)
    # WHEN a second start opens the same file
    launcher, _ = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask))
    started = launcher.start(data_path)
    # THEN the user is told why in the message box (with a way out) and no window opens
    assert not started
    assert launcher.window is None
    assert len(recording_ask.box_texts) == 1
    assert "đang được mở bởi một cửa sổ CellSec khác" in recording_ask.box_texts[0]


def test_not_a_cellsec_file_offers_another_file(qtbot, qapp, tmp_path, store, data_path, app_settings):
    # GIVEN a text file, and a user who then picks the good data file
    stray = tmp_path / "ghi-chu.cellsec"
    stray.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    store.close()
    from ui.shell.store_opener import Choice

    asked: list[str] = []
    opener = StoreOpener(
        ask=lambda _p, message, _c: asked.append(message) or Choice.OTHER_FILE, choose=lambda _p: data_path
    )
    launcher, _ = _launcher(qapp, app_settings, opener)
    # WHEN the app starts on the stray file
    assert launcher.start(stray)
    # THEN it explained, then opened the chosen file
    assert "không phải tệp dữ liệu CellSec" in asked[0]
    qtbot.addWidget(launcher.window)
    assert launcher.window.store.path == data_path.resolve()


def test_main_window_switches_to_another_file_and_releases_the_old_one(qtbot, window, tmp_path, data_path):
    # GIVEN a second file with its own cell and one member
    other = tmp_path / "chibo2.cellsec"
    with Store.open(other) as s:
        save_profile(s, {**PROFILE, "cell_name": "Chi bộ tổ dân phố 5"})
        add(s, "Lê Văn Tám", "01/01/1970", "01/01/2000", "01/01/2001")
    # WHEN it is opened from the menu path
    window.switch_to(other)
    # THEN the window shows it, and the first file is free again
    assert window.cell_label.text() == "Chi bộ tổ dân phố 5"
    window.nav.setCurrentRow(1)  # the register (the app opens on the to-do list)
    qtbot.waitUntil(lambda: window.pages[1].is_loaded)
    assert [r.member.full_name for r in window.pages[1].model.rows()] == ["Lê Văn Tám"]
    Store.open(data_path).close()


def test_profile_edit_from_menu_updates_the_status_bar(qtbot, window):
    window.edit_profile()
    dialog = window.active_dialog
    dialog.fields["cell_name"].clear()
    type_text(qtbot, dialog.fields["cell_name"], "Chi bộ thôn Đông")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert window.cell_label.text() == "Chi bộ thôn Đông"


def test_menus_are_vietnamese(window):
    # The third menu is the current page's own (its print and export commands).
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Tệp", "&Chi bộ", "Việc cần làm", "&Xem", "Trợ &giúp"]
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Việc cần làm",  # a new file: nothing due yet
        "Sổ đảng viên",
        "Sinh hoạt chi bộ",
        "Cấp trên",
        "Nơi cư trú",
        "Kiểm điểm cuối năm",
        "Phát triển đảng viên",
    ]


def test_the_page_menu_follows_the_page_shown(window):
    """GIVEN the window WHEN the secretary goes to the meetings THEN the menu between "Chi bộ"
    and "Trợ giúp" is the meetings page's, with the same commands as its buttons."""
    window.nav.setCurrentRow(2)
    menu = window.page_menu
    assert menu.title() == "Sinh hoạt chi bộ" and menu.menuAction().isVisible()
    assert "Sổ biên bản cả năm" in [a.text() for a in menu.actions()]


def test_last_used_file_is_preferred_when_it_still_exists(tmp_path, app_settings):
    last = tmp_path / "cu.cellsec"
    assert default_data_path(last) != last  # missing: fall back to the per-user default
    last.write_bytes(b"")
    assert default_data_path(last) == last
    args, qt_args = parse_args(["--data", "x.cellsec", "--demo", "-platform", "offscreen"])
    assert (args.data, args.demo, qt_args) == ("x.cellsec", True, ["-platform", "offscreen"])


def _run_app(args: list[str], tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CELLSEC_SMOKE_EXIT_MS": "500",
        "CELLSEC_SMOKE_ALL_PAGES": "1",
        # Keep the settings (the registry on Windows), the data folder and the logs away from
        # the tester's own.
        "CELLSEC_SETTINGS": str(tmp_path / "settings.ini"),
        "LOCALAPPDATA": str(tmp_path / "local"),
        "APPDATA": str(tmp_path / "roaming"),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "ui.app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",  # the child writes UTF-8 (PYTHONIOENCODING), whatever the console
        errors="replace",
        timeout=timeout,
        check=False,
    )


@pytest.mark.slow
def test_smoke_app_starts_shows_the_window_and_exits(tmp_path, data_path):
    with Store.open(data_path) as s:
        save_profile(s, PROFILE)
    result = _run_app(["--data", str(data_path)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "CELLSEC_WINDOW_SHOWN" in result.stdout
    from ui.shell.navigation import PAGES

    # every area builds (imported on first use)
    assert f"CELLSEC_PAGES_OK {len(PAGES)}" in result.stdout
    # AND what it remembers went to the settings file it was given (never the registry)
    assert data_path.name in (tmp_path / "settings.ini").read_text(encoding="utf-8")


@pytest.mark.slow
def test_second_launch_on_a_held_file_says_so_and_exits(tmp_path, store, data_path):
    # GIVEN this process holds the file; WHEN another CellSec starts on it (headless)
    result = _run_app(["--data", str(data_path)], tmp_path)
    # THEN it says why, in Vietnamese, and ends without showing a window
    assert result.returncode == 1
    assert "đang được mở bởi một cửa sổ CellSec khác" in result.stderr
    assert "CELLSEC_WINDOW_SHOWN" not in result.stdout


def test_new_data_file_asks_for_its_profile_before_replacing_the_open_one(qtbot, window, tmp_path, data_path):
    # GIVEN the secretary chooses "Tạo tệp dữ liệu mới…" and names a new file
    new_path = tmp_path / "chibo-moi.cellsec"
    window.choose_new_file = lambda _parent: new_path
    window.new_data_file()
    # THEN the profile form for the new file appears, and the old file is still the open one
    dialog = window.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.store.path == data_path.resolve()
    # WHEN the profile is filled and saved, the window switches to the new, empty file
    for key, value in {**PROFILE, "cell_name": "Chi bộ thôn Mới"}.items():
        dialog.fields[key].clear()
        type_text(qtbot, dialog.fields[key], value)
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.store.path == new_path.resolve())
    assert window.cell_label.text() == "Chi bộ thôn Mới"
    Store.open(data_path).close()  # the old file was released


def test_new_data_file_cancelled_profile_keeps_the_current_file(qtbot, window, tmp_path, data_path):
    new_path = tmp_path / "chibo-moi.cellsec"
    window.choose_new_file = lambda _parent: new_path
    window.new_data_file()
    window.active_dialog.reject()
    assert window.store.path == data_path.resolve()
    assert "chưa nhập thông tin chi bộ" in window.statusBar().currentMessage()
    Store.open(new_path).close()  # the abandoned new file is not left locked


def test_new_data_file_never_overwrites_an_existing_file(qtbot, window, tmp_path):
    existing = tmp_path / "cu.cellsec"
    with Store.open(existing) as s:
        save_profile(s, {**PROFILE, "cell_name": "Chi bộ thôn Cũ"})
        add(s, "Lê Văn Tám", "01/01/1970", "01/01/2000", "01/01/2001")
    window.choose_new_file = lambda _parent: existing
    window.new_data_file()
    assert window.cell_label.text() == "Chi bộ thôn Cũ"
    assert "không bị ghi đè" in window.statusBar().currentMessage()
    window.nav.setCurrentRow(1)  # the register (the app opens on the to-do list)
    qtbot.waitUntil(lambda: window.pages[1].is_loaded)
    assert window.pages[1].model.rowCount() == 1


def test_the_last_file_is_kept_when_its_absence_needs_saying(tmp_path):
    from cellsec.backup import make_backup
    from cellsec.store import Store

    # GIVEN the last file used was on a USB stick that is not plugged in now
    on_usb = tmp_path / "usb" / "chibo.cellsec"
    # THEN it is kept (the opener says the stick is missing) instead of quietly opening another
    assert default_data_path(on_usb) == on_usb
    # GIVEN a last file that was deleted but has backups THEN it is kept (a restore is offered)
    deleted = tmp_path / "chibo.cellsec"
    Store.open(deleted).close()
    backup = make_backup(deleted)
    deleted.unlink()
    assert default_data_path(deleted) == deleted
    # GIVEN the last file "used" was a backup opened to look at THEN the app starts elsewhere
    assert default_data_path(backup.path) != backup.path
