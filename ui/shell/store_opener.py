"""Opening a data file from the UI: a refusal becomes a Vietnamese message and a choice."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from cellsec.backup.opening import open_store
from cellsec.errors import (
    DatabaseTooNewError,
    EnvironmentFault,
    FileGoneError,
    FileInUseError,
    StorageError,
)
from cellsec.paths import default_data_file
from cellsec.store import DEFAULT_SUFFIX, Store, faults

from ui.common.file_choosers import in_data_folder
from ui.safety.backup_startup import (
    AskHealthFn,
    HealthChoice,
    ask_about_health,
    examine,
    needs_question,
    restore_note,
)

FILE_FILTER = f"Tệp dữ liệu CellSec (*{DEFAULT_SUFFIX});;Tất cả các tệp (*)"
ERROR_TITLE = "Không mở được tệp dữ liệu"


class Choice(Enum):
    OTHER_FILE = "other_file"
    CANCEL = "cancel"


class StorageErrorBox(QMessageBox):
    """The message shown when a file is refused, with "choose another file" and a way out."""

    def __init__(self, parent: QWidget | None, message: str, cancel_text: str) -> None:
        super().__init__(
            QMessageBox.Icon.Warning, ERROR_TITLE, message, QMessageBox.StandardButton.NoButton, parent
        )
        self.other_button: QPushButton = self.addButton("Chọn tệp khác…", QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.other_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> Choice:
        return Choice.OTHER_FILE if self.clickedButton() is self.other_button else Choice.CANCEL


AskFn = Callable[[QWidget | None, str, str], Choice]
ChooseFn = Callable[[QWidget | None], Path | None]


def ask_on_error(parent: QWidget | None, message: str, cancel_text: str) -> Choice:
    box = StorageErrorBox(parent, message, cancel_text)
    box.exec()
    return box.choice()


def report_and_give_up(parent: QWidget | None, message: str, cancel_text: str) -> Choice:
    """For a headless run, where nobody could answer a dialog: say why on stderr, then stop."""
    print(f"{ERROR_TITLE}: {message}", file=sys.stderr, flush=True)
    return Choice.CANCEL


def choose_existing_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Mở tệp dữ liệu CellSec", in_data_folder(), FILE_FILTER)
    return Path(name) if name else None


def choose_new_file(parent: QWidget | None) -> Path | None:
    # No "replace it?" question: an existing file is opened, never overwritten.
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Tạo tệp dữ liệu mới",
        in_data_folder(f"chibo{DEFAULT_SUFFIX}"),
        FILE_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(DEFAULT_SUFFIX)


class StoreOpener:
    """Store.open with the user in the loop: on a refusal, say why and offer another file.

    `ask`, `choose` and `ask_health` are injectable so tests answer without a blocking dialog.
    A file Store.open refuses as damaged, foreign or lost is checked (check_file) and offered a
    restore from the newest good backup; a fault of the place (read-only, full disk, a USB stick
    pulled out) is only explained — the file may be sound and is never offered to be replaced.
    What was done is left in `notes` for the window's banner.
    """

    def __init__(
        self,
        ask: AskFn = ask_on_error,
        choose: ChooseFn = choose_existing_file,
        ask_health: AskHealthFn = ask_about_health,
    ) -> None:
        self.ask = ask
        self.choose = choose
        self.ask_health = ask_health
        self.notes: list[str] = []

    def take_notes(self) -> list[str]:
        notes, self.notes = self.notes, []
        return notes

    def open(self, path: Path, parent: QWidget | None = None, *, cancel_text: str = "Thoát") -> Store | None:
        """The opened store, or None when the user gives up (cancel_text names that button)."""
        while True:
            gone = self._folder_gone(Path(path))
            # A missing file with backups is offered a restore before a new empty one is made.
            verdict = (
                self._check_first(Path(path), parent, cancel_text)
                if not Path(path).exists() and gone is None
                else None
            )
            if verdict is HealthChoice.CANCEL:
                return None
            if verdict is HealthChoice.OTHER_FILE:
                path = self.choose(parent) or path
                continue
            try:
                if gone is not None:
                    raise gone
                return open_store(path)  # checks the file's integrity itself
            except (FileInUseError, DatabaseTooNewError, EnvironmentFault) as err:
                message = str(err)
            except StorageError as err:
                # Damaged, foreign or lost: the health check says whether a backup can help.
                verdict = self._check_first(Path(path), parent, cancel_text)
                if verdict is HealthChoice.RESTORE:
                    continue
                if verdict is HealthChoice.CANCEL:
                    return None
                if verdict is HealthChoice.OTHER_FILE:
                    path = self.choose(parent) or path
                    continue
                message = str(err)
            except Exception as exc:  # noqa: BLE001 - a bug: still no crash, and no raw text
                print(f"CellSec: Store.open({path}) failed: {exc!r}", file=sys.stderr)
                message = (
                    f"Không mở được tệp dữ liệu “{path}” do một lỗi không mong muốn. "
                    "Hãy thử chọn tệp khác, hoặc báo người hỗ trợ."
                )
            if self.ask(parent, message, cancel_text) is Choice.CANCEL:
                return None
            chosen = self.choose(parent)
            if chosen is not None:
                path = chosen

    @staticmethod
    def _folder_gone(path: Path) -> FileGoneError | None:
        """The file's folder is not there (a USB stick or network drive not plugged in): say so
        rather than create an empty file in a new folder where the stick used to be. Only the
        default data file's folder is made on first start."""
        try:
            missing = not path.expanduser().parent.exists()
        except OSError:
            missing = True
        if not missing or path.expanduser().resolve() == default_data_file().resolve():
            return None
        return FileGoneError(faults.explain(faults.GONE, path, "mở"), kind=faults.GONE)

    def _check_first(self, path: Path, parent: QWidget | None, cancel_text: str) -> HealthChoice | None:
        """None: nothing to ask (the file is sound, or no backup can help); RESTORE: restored just
        now, open it again; else the user's other choice."""
        health = examine(path)
        if health is None or not needs_question(health):
            return None
        choice = self.ask_health(parent, health, cancel_text)
        if choice is not HealthChoice.RESTORE:
            return choice
        note, error = restore_note(path)
        if note is not None:
            self.notes.append(note)
            return HealthChoice.RESTORE
        if self.ask(parent, error or "", cancel_text) is Choice.OTHER_FILE:
            return HealthChoice.OTHER_FILE
        return HealthChoice.CANCEL
