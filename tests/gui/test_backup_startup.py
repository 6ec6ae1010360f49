"""Start-up safety: a damaged file restored in one click, risky places, the pre-upgrade copy."""

from __future__ import annotations

import io
import random
from pathlib import Path

from gui_helpers import TODAY

from cellsec.backup import list_backups, make_backup
from cellsec.demo.cell import create_demo
from cellsec.store import Store

from ui.safety.backup_startup import HealthBox, HealthChoice
from ui.shell.launcher import Launcher
from ui.shell.store_opener import Choice, StoreOpener


def demo_file(folder: Path) -> Path:
    path = folder / "chibo.cellsec"
    with Store.open(path) as store:
        create_demo(store, today=TODAY)
    return path


def scribble(path: Path, length: int = 3000) -> None:
    """A write torn by a power cut: noise over the middle of the file."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + length] = random.Random(3).randbytes(length)
    path.write_bytes(bytes(data))


class HealthAnswers:
    """Stands in for the start-up question: builds the real box, records it, answers."""

    def __init__(self, *answers: HealthChoice) -> None:
        self.answers = list(answers)
        self.texts: list[str] = []
        self.buttons: list[list[str]] = []

    def __call__(self, parent, health, cancel_text: str) -> HealthChoice:
        box = HealthBox(parent, health, cancel_text)
        self.texts.append(box.text())
        self.buttons.append([b.text() for b in box.buttons()])
        box.deleteLater()
        return self.answers.pop(0)


def _launcher(qapp, app_settings, opener: StoreOpener) -> Launcher:
    launcher = Launcher(qapp, app_settings, opener, out=io.StringIO())
    launcher.on_quit = lambda: None  # never stop the test's own QApplication
    return launcher


def test_damaged_file_at_start_is_restored_from_the_newest_backup(
    qtbot, qapp, tmp_path, app_settings, recording_ask
):
    # GIVEN a demo cell with a good backup, then a power cut tears the data file
    path = demo_file(tmp_path)
    good = make_backup(path)
    scribble(path)
    damaged = path.read_bytes()
    answers = HealthAnswers(HealthChoice.RESTORE)
    launcher = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask, ask_health=answers))
    # WHEN the app starts on it and the secretary presses the restore button
    assert launcher.start(path)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    # THEN the question explained it in Vietnamese, offering that backup and saying where the
    # current file goes
    assert "bị hỏng" in answers.texts[0] and "chibo-backups" in answers.texts[0]
    when = f"{good.created:%d/%m/%Y %H:%M}"
    assert set(answers.buttons[0]) == {f"Khôi phục từ bản sao lưu ngày {when}", "Chọn tệp khác…", "Thoát"}
    assert recording_ask.messages == []
    # AND the window opened on the data of the backup
    assert window.store.members.count() == good.members
    assert len(window.store.meetings.all_ids()) == good.meetings
    # AND the damaged file was kept aside, byte for byte, and the banner says where
    kept = [i for i in list_backups(path) if i.kind == "before_restore"]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged
    assert str(kept[0].path) in window.backups.banner.text()
    assert (
        f"Đã khôi phục dữ liệu từ bản sao lưu lúc {good.created:%H:%M} ngày {good.created:%d/%m/%Y}"
    ) in window.backups.banner.text()


def test_damaged_file_the_user_may_choose_another_or_quit(qtbot, qapp, tmp_path, app_settings, recording_ask):
    path = demo_file(tmp_path)
    make_backup(path)
    scribble(path)
    before = path.read_bytes()
    answers = HealthAnswers(HealthChoice.CANCEL)
    launcher = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask, ask_health=answers))
    # WHEN the secretary presses "Thoát"
    assert not launcher.start(path)
    # THEN nothing opened and nothing was touched
    assert launcher.window is None
    assert path.read_bytes() == before
    assert not [i for i in list_backups(path) if i.kind == "before_restore"]


def test_damaged_file_without_backup_is_not_opened_unasked(
    qtbot, qapp, tmp_path, app_settings, recording_ask
):
    path = demo_file(tmp_path)
    scribble(path)
    answers = HealthAnswers(HealthChoice.CANCEL)
    launcher = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask, ask_health=answers))
    assert not launcher.start(path)
    # the box has no restore button, only another file or quitting
    assert set(answers.buttons[0]) == {"Chọn tệp khác…", "Thoát"}
    assert "Không tìm thấy bản sao lưu tốt" in answers.texts[0]


def test_missing_file_with_backups_offers_the_restore(qtbot, qapp, tmp_path, app_settings, recording_ask):
    # GIVEN the data file was deleted by mistake, its backups are still there
    path = demo_file(tmp_path)
    good = make_backup(path)
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    answers = HealthAnswers(HealthChoice.RESTORE)
    launcher = _launcher(qapp, app_settings, StoreOpener(ask=recording_ask, ask_health=answers))
    assert launcher.start(path)
    qtbot.addWidget(launcher.window)
    # THEN it was restored rather than an empty file created
    assert "Không tìm thấy dữ liệu" in answers.texts[0]
    assert launcher.window.store.members.count() == good.members


def test_other_file_chosen_from_the_question_is_opened(qtbot, qapp, tmp_path, app_settings, store, data_path):
    path = demo_file(tmp_path)
    make_backup(path)
    scribble(path)
    store.close()
    answers = HealthAnswers(HealthChoice.OTHER_FILE)
    opener = StoreOpener(ask=lambda *_: Choice.CANCEL, choose=lambda _p: data_path, ask_health=answers)
    launcher = _launcher(qapp, app_settings, opener)
    assert launcher.start(path)
    qtbot.addWidget(launcher.window)
    assert launcher.window.store.path == data_path.resolve()


def test_risky_location_is_shown_once_in_the_banner(qtbot, window, monkeypatch):
    import ui.safety.backup_keeper as keeper

    warning = "Tệp dữ liệu “t.cellsec” nằm trong thư mục đồng bộ đám mây “OneDrive”."
    monkeypatch.setattr(keeper, "is_risky_location", lambda _p: warning)
    window.backups.take_store(window.store, [])
    assert warning in window.backups.banner.text()
    # WHEN it is put away and the same file is taken again THEN it is not repeated
    window.backups.banner.close_button.click()
    window.backups.take_store(window.store, [])
    assert window.backups.banner.text() == ""


def test_pre_upgrade_copy_beside_the_file_is_moved_into_the_backups(qtbot, store, app_settings, tmp_path):
    from ui.shell.main_window import MainWindow

    # GIVEN an older core left its pre-upgrade copy beside the data file
    bak = tmp_path / "t.truoc-nang-cap-v1.cellsec.bak"
    make_backup(store.path, folder=tmp_path / "tam")
    next((tmp_path / "tam").glob("*.cellsec")).replace(bak)
    store.migration_backup = bak
    window = MainWindow(store, app_settings, StoreOpener())
    qtbot.addWidget(window)
    # THEN it is a verified "before upgrade" backup now, and the status bar names it
    adopted = [i for i in list_backups(store.path) if i.kind == "before_migration"]
    assert len(adopted) == 1 and adopted[0].good and not bak.exists()
    message = window.statusBar().currentMessage()
    assert "bản sao lưu trước khi nâng cấp" in message and adopted[0].path.name in message
