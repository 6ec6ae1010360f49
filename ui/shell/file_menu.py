"""The data-safety entries of the Tệp menu: backups, the change log, Excel import and template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from cellsec.entities.changes import Changes
from cellsec.store import Store

from ui.common.dialogs import show_notice
from ui.common.operations import open_dialog, run_dialog


class BackupStatus(Protocol):
    def backup_made(self, info: object) -> None: ...


class MenuHost(Protocol):
    """What these entries need from the window (the main window is one): no import of it."""

    active_dialog: QDialog | None

    @property
    def store(self) -> Store: ...

    @property
    def backups(self) -> BackupStatus: ...

    def reopen_after(self, work: Callable[[Path], str | None]) -> bool: ...

    def route_changes(self, changes: Changes) -> None: ...


class DataSafetyMenu(QObject):
    """Opens each dialog window-modal without a nested event loop (as the rest of the shell),
    and hands what a dialog wrote back to the window's Changes routing."""

    def __init__(self, host: MenuHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = host
        self._widget = parent  # dialogs open over it
        self.log_window: QDialog | None = None
        self.notify = show_notice
        self.actions: dict[str, QAction] = {}

    def add_to(self, menu: QMenu) -> None:
        for key, text, slot in (
            ("backups", "&Sao lưu và khôi phục…", self.open_backups),
            ("log", "Nhật &ký thay đổi…", self.open_change_log),
            (None, "", None),
            ("import", "Nhập danh sách đảng viên từ &Excel…", self.open_import),
            ("template", "Tải tệp mẫu nhập từ Excel…", self.save_import_template),
        ):
            if key is None:
                menu.addSeparator()
                continue
            action = QAction(text, self._widget)
            action.triggered.connect(lambda *_, s=slot: s())
            menu.addAction(action)
            self.actions[key] = action

    def open_backups(self) -> QDialog:
        from ui.safety.backup_dialog import BackupDialog

        window = self._window
        dialog = BackupDialog(
            window.store.path, window.reopen_after, self._widget, read_only=window.store.read_only
        )
        dialog.sig_backup_made.connect(window.backups.backup_made)
        # The to-do list's backup and USB reminders read what the dialog made.
        for made in (dialog.sig_backup_made, dialog.sig_usb_copied):
            made.connect(lambda *_: window.route_changes(Changes(todo=True)))
        return open_dialog(window, dialog)

    def open_change_log(self) -> QDialog:
        """Not modal, one at a time: the secretary may keep it beside the register."""
        from ui.safety.change_log import HistoryLogDialog

        if self.log_window is not None and self.log_window.isVisible():
            self.log_window.reload()  # type: ignore[attr-defined]
            self.log_window.raise_()
            self.log_window.activateWindow()
            return self.log_window
        window = self._window
        self.log_window = HistoryLogDialog(lambda: window.store, self._widget)
        self.log_window.show()
        return self.log_window

    def open_import(self) -> QDialog:
        from ui.transfer.import_wizard import ImportWizard

        window = self._window
        return run_dialog(window, ImportWizard(window.store, self._widget), window.route_changes)

    def save_import_template(self) -> None:
        from ui.transfer.import_wizard import choose_template_path, save_template

        save_template(self._widget, choose_template_path, self.notify)
