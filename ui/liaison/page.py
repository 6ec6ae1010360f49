"""The "Nơi cư trú" page: working members living in the village (register, gatherings, comment
sheets) and the cell's own members working far away, in two tabs."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from cellsec.entities import Changes
from cellsec.errors import ValidationError
from cellsec.store import Store

from ui.printing import actions as printing
from ui.common.dialogs import ask_yes_no, open_for_changes, show_notice
from ui.common.file_choosers import choose_xlsx_path
from ui.liaison.register_tab import LiaisonRegisterTab
from ui.liaison.working_away_tab import WorkingAwayTab

REGISTER, WORKING_AWAY = range(2)


class LiaisonPage(QWidget):
    """The tabs call back here to open dialogs, print and export, so there is one place that
    announces Changes (sig_changed; the main window hands them to every page)."""

    title = "Nơi cư trú"
    state_key = "liaison"
    sig_changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.active_dialog: QDialog | None = None
        self.preview: QWidget | None = None
        # Injectable so tests never block on a modal box or a file chooser.
        self.ask = ask_yes_no
        self.notify = show_notice
        self.today: Callable[[], date] = date.today
        self.choose_xlsx = choose_xlsx_path
        self.register = LiaisonRegisterTab(self)
        self.working_away = WorkingAwayTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, "Đảng viên nơi khác sinh hoạt tại nơi cư trú")
        self.tabs.addTab(self.working_away, "Đảng viên đi làm ăn xa")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def view_state(self) -> dict[str, QByteArray]:
        return {"register_split": self.register.splitter.saveState()}

    def restore_view_state(self, state: dict[str, QByteArray]) -> None:
        if "register_split" in state:
            self.register.splitter.restoreState(state["register_split"])

    # --- reading -----------------------------------------------------------------------------
    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def apply_changes(self, changes: Changes) -> None:
        # Register events (working away) show on the second tab; names come from the register.
        if (changes.liaison or changes.members) and self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.register.reload()
        self.working_away.reload()

    # --- shared actions ----------------------------------------------------------------------
    def open_dialog(self, dialog: QDialog,
                    after: Callable[[QDialog], None] | None = None) -> QDialog:
        return open_for_changes(self, dialog, after)

    def print_document(self, name: str, **options: Any) -> QWidget | None:
        """Build on this thread, render in the preview's worker (ui/printing)."""
        self.preview = printing.open_preview(self, self.store, name, notify=self.notify,
                                             **options)
        self.active_dialog = self.preview  # type: ignore[assignment]
        return self.preview

    def export_list(self, key: str, default_name: str, **options: Any) -> bool:
        from cellsec.spreadsheets import export  # openpyxl only when something is exported

        path = self.choose_xlsx(self, default_name)
        if path is None:
            return False
        try:
            count = export(self.store, key, path, **options)
        except ValidationError as err:
            self.notify(self, "Không xuất được", str(err), warning=True)
            return False
        self.notify(self, "Đã xuất Excel", f"Đã lưu {count} dòng vào tệp:\n{path}")
        return True
