"""Start-up check of the data file before it is opened: a damaged one is restored in one click."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from cellsec.backup import (
    Health,
    HealthState,
    backups_folder,
    check_file,
    list_backups,
    restore_newest,
)
from cellsec.errors import CellSecError
from cellsec.store import faults

TITLE = "Tệp dữ liệu có vấn đề"
# Only these need a question before Store.open; the rest (foreign file, no backup) get the
# opener's usual "choose another file" message from Store.open itself.
_ASK_WITHOUT_BACKUP = (HealthState.DAMAGED,)


class HealthChoice(Enum):
    RESTORE = "restore"
    OTHER_FILE = "other_file"
    CANCEL = "cancel"


def restore_button_text(health: Health) -> str:
    backup = health.newest_backup
    assert backup is not None
    return f"Khôi phục từ bản sao lưu ngày {backup.created:%d/%m/%Y %H:%M}"


def health_text(health: Health) -> str:
    """The core's explanation, plus where the current file will be kept."""
    if not health.can_restore:
        return health.message
    folder = backups_folder(health.path)
    return f"{health.message}\n\nTệp hiện tại sẽ được giữ lại trong thư mục sao lưu:\n{folder}"


class HealthBox(QMessageBox):
    """The question at start-up: restore the newest good backup, choose another file, or quit."""

    def __init__(self, parent: QWidget | None, health: Health, cancel_text: str) -> None:
        super().__init__(
            QMessageBox.Icon.Warning, TITLE, health_text(health), QMessageBox.StandardButton.NoButton, parent
        )
        self.restore_button: QPushButton | None = None
        if health.can_restore:
            self.restore_button = self.addButton(
                restore_button_text(health), QMessageBox.ButtonRole.AcceptRole
            )
        self.other_button: QPushButton = self.addButton("Chọn tệp khác…", QMessageBox.ButtonRole.ActionRole)
        self.cancel_button: QPushButton = self.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.other_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> HealthChoice:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return HealthChoice.RESTORE
        return HealthChoice.OTHER_FILE if clicked is self.other_button else HealthChoice.CANCEL


AskHealthFn = Callable[[QWidget | None, Health, str], HealthChoice]


def ask_about_health(parent: QWidget | None, health: Health, cancel_text: str) -> HealthChoice:
    box = HealthBox(parent, health, cancel_text)
    box.exec()
    return box.choice()


def report_health_and_give_up(parent: QWidget | None, health: Health, cancel_text: str) -> HealthChoice:
    """Headless: nobody can answer, so say why on stderr and stop (never restore unasked)."""
    print(f"{TITLE}: {health.message}", file=sys.stderr, flush=True)
    return HealthChoice.CANCEL


def needs_question(health: Health) -> bool:
    """A file that must not be opened as it is and that the user can do something about."""
    if health.ok or health.state is HealthState.TOO_NEW:
        return False
    return health.can_restore or health.state in _ASK_WITHOUT_BACKUP


def examine(path: Path) -> Health | None:
    """check_file, but never a reason not to start: an unexpected failure lets Store.open speak."""
    try:
        return check_file(path)
    except Exception as exc:  # noqa: BLE001 - the check is a safety net, not a gate
        print(f"CellSec: check_file({path}) failed: {exc!r}", file=sys.stderr)
        return None


def restore_note(path: Path) -> tuple[str | None, str | None]:
    """restore_newest(path): (what to tell the user afterwards, or the Vietnamese error)."""
    try:
        result = restore_newest(path)
    except CellSecError as err:
        return None, str(err)
    except OSError as err:
        return None, str(faults.fault(err, path, "khôi phục"))
    note = f"Đã khôi phục dữ liệu từ {describe(result.restored_from, path)}."
    if result.kept_aside is not None:
        state = "" if result.kept_aside_sound else " (tệp hỏng, giữ nguyên như cũ)"
        note += f" Tệp dữ liệu cũ{state} được giữ lại tại: {result.kept_aside}"
    return note, None


def describe(backup: Path, data_path: Path) -> str:
    """ "bản sao lưu lúc 09:15 ngày 22/11/2026" when its manifest says, else its file name."""
    info = next((i for i in list_backups(data_path) if i.path == backup), None)
    if info is None or not info.has_manifest:
        return f"tệp “{backup.name}”"
    return f"bản sao lưu lúc {info.created:%H:%M} ngày {info.created:%d/%m/%Y}"
