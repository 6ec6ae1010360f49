"""The data-safety entries of the Tệp menu: backups, the change log, Excel import and template."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from ui.common.dialogs import show_notice

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


class DataSafetyMenu(QObject):
    """Opens each dialog window-modal without a nested event loop (as the rest of the shell),
    and hands what a dialog wrote back to the window's Changes routing."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.log_window: QDialog | None = None
        self.notify = show_notice
        self.actions: dict[str, QAction] = {}

    def add_to(self, menu: QMenu) -> None:
        for key, text, slot in (
                ("backups", "&Sao lưu và khôi phục…", self.open_backups),
                ("log", "Nhật &ký thay đổi…", self.open_change_log),
                (None, "", None),
                ("import", "Nhập danh sách đảng viên từ &Excel…", self.open_import),
                ("template", "Tải tệp mẫu nhập từ Excel…", self.save_import_template)):
            if key is None:
                menu.addSeparator()
                continue
            action = QAction(text, self._window)
            action.triggered.connect(lambda *_, s=slot: s())
            menu.addAction(action)
            self.actions[key] = action

    def _open(self, dialog: QDialog, after: Callable[[QDialog], None] | None = None) -> None:
        window = self._window
        window.active_dialog = dialog

        def finished(_result: int) -> None:
            window.active_dialog = None
            if after is not None:
                after(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def open_backups(self) -> QDialog:
        from ui.safety.backup_dialog import BackupDialog

        window = self._window
        dialog = BackupDialog(window.store.path, window.reopen_after, window,
                              read_only=window.store.read_only)
        dialog.sig_backup_made.connect(window.backups.backup_made)
        self._open(dialog)
        return dialog

    def open_change_log(self) -> QDialog:
        """Not modal, one at a time: the secretary may keep it beside the register."""
        from ui.safety.change_log import HistoryLogDialog

        if self.log_window is not None and self.log_window.isVisible():
            self.log_window.reload()  # type: ignore[attr-defined]
            self.log_window.raise_()
            self.log_window.activateWindow()
            return self.log_window
        window = self._window
        self.log_window = HistoryLogDialog(lambda: window.store, window)
        self.log_window.show()
        return self.log_window

    def open_import(self) -> QDialog:
        from ui.transfer.import_wizard import ImportWizard

        dialog = ImportWizard(self._window.store, self._window)

        def after(d: QDialog) -> None:
            changes = getattr(d, "changes", None)
            if changes is not None:
                self._window.route_changes(changes)

        self._open(dialog, after)
        return dialog

    def save_import_template(self) -> None:
        from ui.transfer.import_wizard import choose_template_path, save_template

        save_template(self._window, choose_template_path, self.notify)
