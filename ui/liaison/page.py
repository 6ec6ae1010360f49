"""The "Nơi cư trú" page: working members living in the village (register, gatherings, comment
sheets) and the cell's own members working far away, in two tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError
from cellsec.store import Store

from ui.common.file_choosers import choose_xlsx_path
from ui.common.operations import AfterDialog
from ui.common.page import Page
from ui.liaison import PAGE
from ui.liaison.register_tab import LiaisonRegisterTab
from ui.liaison.working_away_tab import WorkingAwayTab
from ui.printing import actions as printing

REGISTER, WORKING_AWAY = range(2)


class LiaisonPage(Page):
    """The tabs call back here (ui.liaison.host) to open dialogs, print and export, so there
    is one place that announces Changes (sig_changed; the main window hands them to every
    page)."""

    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.preview: QWidget | None = None
        # Injectable so tests never wait on a file chooser, and fix the calendar.
        self.today: Callable[[], date] = date.today
        self.choose_xlsx = choose_xlsx_path
        self.register = LiaisonRegisterTab(self)
        self.working_away = WorkingAwayTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, "Đảng viên nơi khác sinh hoạt tại nơi cư trú")
        self.tabs.addTab(self.working_away, "Đảng viên đi làm ăn xa")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def actions(self) -> list[QAction]:
        return [
            self.page_action("In sổ theo dõi", self.register.print_register),
            self.page_action("In danh sách đi làm ăn xa", self.working_away.print_list),
            self.page_action("In tất cả phiếu nhận xét cần làm", self.register.comments.print_all),
        ]

    def view_state(self) -> dict[str, QByteArray]:
        return {"register_split": self.register.splitter.saveState()}

    def restore_view_state(self, state: dict[str, QByteArray]) -> None:
        if "register_split" in state:
            self.register.splitter.restoreState(state["register_split"])

    # --- reading -----------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        # Register events (working away) show on the second tab; names come from the register.
        return changes.liaison or changes.members

    def reload(self) -> None:
        self._loaded = True
        self.register.reload()
        self.working_away.reload()

    def show_part(self, part: str) -> None:
        """ "working_away:<id>" (the second tab, that record), "comment:<liaison id>" or
        "gathering" (the register tab), asked for by the to-do list."""
        kind, _, value = part.partition(":")
        tab = self.working_away if kind == "working_away" else self.register
        self.tabs.setCurrentWidget(tab)
        if kind == "comment":
            self.register.show_comments(True)
            if value.isdigit():
                self.register.comments.select(int(value))
        if value.isdigit():
            wanted = int(value)
            tab.table.select_where(
                lambda p: (
                    wanted
                    in (
                        getattr(h, "id", None)
                        for h in (p, getattr(p, "member", None), getattr(p, "record", None))
                    )
                )
            )

    # --- shared actions ----------------------------------------------------------------------
    def open_dialog(
        self, dialog: QDialog, after: AfterDialog | None = None, reveal: AfterDialog | None = None
    ) -> QDialog:
        """A tab's dialog; `after` runs once it wrote, before the Changes are routed, `reveal`
        after the pages have read them (it shows the saved record: ui.common.reveal)."""
        return self.run_dialog(dialog, before_route=after, after_route=reveal)

    def print_document(self, name: str, **options: Any) -> QWidget | None:
        """Build on this thread, render in the preview's worker (ui/printing)."""
        self.preview = printing.open_preview(self, self.store, name, notify=self.notify, **options)
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
