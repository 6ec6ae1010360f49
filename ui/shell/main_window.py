"""The window shell: navigation, menus and status bar; routes each service's Changes to pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

import cellsec
from cellsec.entities.changes import Changes
from cellsec.store import Store

from ui.cell.profile_dialog import ProfileDialog, needs_profile
from ui.common import tasks
from ui.common.dialogs import show_notice
from ui.common.operations import open_dialog, run_dialog
from ui.common.page import LOAD_ANYWAY_MS, Page
from ui.safety.backup_keeper import BackupKeeper
from ui.shell.demo_banner import DemoBanner, window_title
from ui.shell.file_menu import DataSafetyMenu
from ui.shell.navigation import Navigation
from ui.shell.recent_menu import RecentMenu
from ui.shell.settings import AppSettings
from ui.shell.store_opener import StoreOpener, choose_new_file
from ui.shell.text_size import TextSize
from ui.todo import PAGE as TODO_PAGE

ABOUT_TEXT = (
    f"CellSec {cellsec.__version__} — Sổ tay Bí thư chi bộ\n\n"
    "Sổ đảng viên, sổ biên bản và báo cáo của một chi bộ. Dữ liệu chỉ lưu trong tệp "
    "trên máy này; chương trình không gửi thông tin đi đâu."
)
NO_PROFILE = "(chưa nhập thông tin chi bộ)"
SAFETY = "safety"  # the to-do list's backup items open the backups dialog
CELL = "cell"  # the area key of the cell's own dialogs (sig_request("cell", part))


class MainWindow(QMainWindow):
    """Owns the open Store: closes it when the window closes or another file is opened."""

    sig_shown = Signal()

    def __init__(
        self,
        store: Store,
        settings: AppSettings,
        opener: StoreOpener,
        parent: QWidget | None = None,
        *,
        text_size: TextSize | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # Start-up applies the remembered size before any window; otherwise it applies on change.
        self.text_size = text_size or TextSize(app, settings, apply=False)
        self._opener = opener
        self._shown = False
        self._on_screen = False  # painted once: sig_shown has been sent
        self.choose_new_file: Callable[[QWidget | None], Path | None] = choose_new_file
        self.active_dialog: QDialog | None = None
        self.guide_window: QDialog | None = None

        self.navigation = Navigation(settings, self)
        self.navigation.sig_built.connect(self._wire_page)
        self.navigation.nav.currentRowChanged.connect(lambda *_: self._show_page_menu())
        self.nav = self.navigation.nav
        self.stack = self.navigation.stack
        central = QWidget()
        self.backups = BackupKeeper(self)  # automatic backups, their status label and banner
        outer = QVBoxLayout(central)
        self.demo_banner = DemoBanner()
        outer.addWidget(self.demo_banner)
        outer.addWidget(self.backups.banner)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.data_safety = DataSafetyMenu(self, self)
        self._build_menus()
        self.cell_label = QLabel()
        self.cell_label.setObjectName("cell_label")
        self.file_label = QLabel()
        self.file_label.setContentsMargins(8, 0, 12, 0)
        self.operator_label = QLabel()
        self.statusBar().addPermanentWidget(self.operator_label)
        self.statusBar().addPermanentWidget(self.cell_label)
        self.statusBar().addPermanentWidget(self.file_label)
        self.statusBar().addPermanentWidget(self.backups.label)

        self.resize(1280, 720)
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.window_state()
        if state is not None:
            self.restoreState(state)
        self._take_store(store)

    # --- shell -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Tệp")
        self._action(file_menu, "&Mở tệp dữ liệu…", self.open_data_file, "Ctrl+O")
        self._action(file_menu, "&Tạo tệp dữ liệu mới…", self.new_data_file)
        self.recent_menu = RecentMenu(self._settings, self.switch_to, self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.data_safety.add_to(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Người đang làm việc…", self.choose_operator)
        file_menu.addSeparator()
        self._action(file_menu, "T&hoát", self.close, "Ctrl+Q")
        cell_menu = bar.addMenu("&Chi bộ")
        self._action(cell_menu, "&Thông tin chi bộ…", self.edit_profile)
        self._action(cell_menu, "Thiết lập &quy định…", self.edit_rules)
        self._action(cell_menu, "Chi &ủy…", self.edit_committee)
        # What the current page contributes (its print and export commands), under its name.
        self.page_menu = bar.addMenu("")
        self.text_size.add_to(bar.addMenu("&Xem"), self)
        help_menu = bar.addMenu("Trợ &giúp")
        self._action(help_menu, "&Hướng dẫn sử dụng", self.show_guide, "F1")
        self._action(help_menu, "&Giới thiệu CellSec", self.show_about)

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        return action

    @property
    def store(self) -> Store:
        return self._store

    @property
    def pages(self) -> list[Page]:
        """Every page (building those not opened yet)."""
        return [self.navigation.page(i) for i in range(len(self.navigation.specs))]

    @property
    def has_saved_geometry(self) -> bool:
        return self._settings.window_geometry() is not None

    def _take_store(self, store: Store) -> None:
        """Build the pages for this store and show where the data lives."""
        self._store = store
        store.set_operator(self._settings.operator)
        self.navigation.take_store(store)
        self._show_page_menu()
        if not store.facts.is_demo():  # the demo never becomes the file of a plain start
            self._settings.set_last_data_file(store.path)
        self._settings.add_recent_file(store.path)
        self._refresh_status()
        self.backups.take_store(store, self._opener.take_notes())
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """The number of to-do items (overdue or due soon) beside each navigation entry: the
        to-do page reads the list once and sends the counts (sig_counts), after every write it
        reloads on. Not read yet, it is read now — unless the window is not on screen yet or
        the page is about to read ("Đang tải…" shown): at start it reads just after the
        window's first paint, like any page."""
        index = self.navigation.index_of(TODO_PAGE.key)
        if index >= 0 and self._on_screen:
            page = self.navigation.page(index)
            if not page.is_loaded and not page.is_loading:
                page.load_now()

    def _refresh_status(self) -> None:
        profile = self._store.profile.get()
        name = profile.cell_name if profile and profile.cell_name else NO_PROFILE
        self.cell_label.setText(name)
        self.setWindowTitle(window_title(name, self._store))
        self.demo_banner.show_for(self._store)
        operator = self._settings.operator
        self.operator_label.setText(f"Người làm việc: {operator}" if operator else "")
        path = str(self._store.path)
        metrics = self.file_label.fontMetrics()
        room = metrics.averageCharWidth() * 32  # the same room in characters at any text size
        self.file_label.setText(
            metrics.elidedText(f"Tệp dữ liệu: {path}", Qt.TextElideMode.ElideMiddle, room)
        )
        self.file_label.setToolTip(path)

    def _wire_page(self, page: Page) -> None:
        page.sig_changed.connect(self.route_changes)
        page.sig_counts.connect(self.navigation.set_counts)
        page.sig_request.connect(self.show_request)

    def _show_page_menu(self) -> None:
        page = self.navigation.current()
        actions = page.actions() if page is not None else []
        self.page_menu.clear()
        if page is not None:
            self.page_menu.setTitle(page.title)
        self.page_menu.addActions(actions)
        self.page_menu.menuAction().setVisible(bool(actions))

    def page_of(self, kind: type) -> Page | None:
        """The page of this class (built if need be); None if it is not in the navigation."""
        for index, spec in enumerate(self.navigation.specs):
            if spec.class_name == kind.__name__:
                page = self.navigation.page(index)
                return page if isinstance(page, kind) else None
        return None

    def show_request(self, key: str, part: str) -> None:
        """A page asked for another area: the cell's dialogs are the shell's own; anything
        else is a page, made current and asked to show the part."""
        if key == CELL:
            if part == "committee":
                self.edit_committee()
            return
        if key == SAFETY:
            self.data_safety.open_backups()
            return
        page = self.navigation.show(key)
        if page is not None:
            page.open_part(part)

    def route_changes(self, changes: Changes) -> None:
        """Tell every page what a service changed; pages decide whether to refresh."""
        if changes.profile:
            self._refresh_status()
        for page in self.navigation.built():  # pages not built yet read fresh data when opened
            page.apply(changes)
        self.refresh_counts()  # the to-do page (loaded at the latest here) reloads on any write

    # --- menu actions ------------------------------------------------------------------------
    def open_data_file(self) -> None:
        path = self._opener.choose(self)
        if path is not None:
            self.switch_to(path)

    def new_data_file(self) -> None:
        path = self.choose_new_file(self)
        if path is None:
            return
        # Never overwrite: a file that is already there is opened as it is.
        note = f"Tệp “{path.name}” đã có sẵn nên được mở, không bị ghi đè." if path.exists() else None
        self.switch_to(path, note=note)

    def switch_to(self, path: Path, *, note: str | None = None) -> None:
        """Open `path` first; close the current file only once the new one is usable (opened,
        and its cell profile filled in if it had none)."""
        if Path(path).expanduser().resolve() == self._store.path:
            self.statusBar().showMessage("Tệp dữ liệu này đang được mở.", 5000)
            return
        new = self._opener.open(Path(path), self, cancel_text="Giữ tệp đang mở")
        if new is None:
            return
        if not needs_profile(new):
            self._switch_store(new, note)
            return

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._switch_store(new, note)
            else:
                new.close()
                self.statusBar().showMessage("Chưa mở tệp mới: chưa nhập thông tin chi bộ.", 8000)

        open_dialog(self, ProfileDialog(new, first_run=True, parent=self), finished)

    def _switch_store(self, new: Store, note: str | None) -> None:
        old = self._store
        self._take_store(new)
        old.close()
        self.backups.at_close(old.path)
        if note:
            self.statusBar().showMessage(note, 10000)

    def reopen_after(self, work: Callable[[Path], str | None]) -> bool:
        """Close the data file, run work(path) (a restore), then open the file again; False
        (and the window closes) only if it cannot be opened again."""
        path = self._store.path
        self.backups.stop()
        tasks.wait_for_tasks(30_000)
        # Hidden, no page wakes up (a first show reads the file) while the file is closed.
        self.stack.hide()
        self._store.close()
        note, error = None, None
        try:
            note = work(path)
        except Exception as exc:  # noqa: BLE001 - reopen first, then let it be reported
            error = exc
        store = self._opener.open(path, self, cancel_text="Thoát")
        if store is None:
            self.close()
            return False
        self._take_store(store)
        self.stack.show()
        if note:
            self.statusBar().showMessage(note, 20000)
        if error is not None:
            raise error
        return True

    def edit_profile(self) -> None:
        run_dialog(self, ProfileDialog(self._store, parent=self), self.route_changes)

    def edit_rules(self) -> None:
        from ui.cell.rules_dialog import RulesDialog

        run_dialog(self, RulesDialog(self._store, parent=self), self.route_changes)

    def edit_committee(self) -> None:
        from ui.cell.committee_dialog import CommitteeDialog

        run_dialog(self, CommitteeDialog(self._store, parent=self), self.route_changes)

    def choose_operator(self) -> QDialog:
        """Tệp › Người đang làm việc…: who the audit trail names from now on (this PC account)."""
        from ui.shell.operator import OperatorDialog  # with the committee's register: not at start

        dialog = OperatorDialog(self._store, self._settings.operator, self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._settings.set_operator(dialog.name)
                self._store.set_operator(dialog.name)
                self._refresh_status()

        return open_dialog(self, dialog, finished)

    def show_guide(self) -> QDialog:
        """The guide, at the section of the page on screen (F1)."""
        from ui.shell.guide import GuideWindow, section_of

        if self.guide_window is None:
            self.guide_window = GuideWindow(self)
        page = self.navigation.current()
        self.guide_window.show_section(section_of(page.key if page is not None else None))
        return self.guide_window

    def show_about(self) -> None:
        show_notice(self, "Giới thiệu CellSec", ABOUT_TEXT)

    # --- window events -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            # Never painted (shown minimised)? Then count it as shown after a while anyway.
            QTimer.singleShot(LOAD_ANYWAY_MS, self, self._announce_shown)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._shown and not self._on_screen:
            # Queued: runs once this paint (the whole window's) is done and on screen.
            QTimer.singleShot(0, self, self._announce_shown)

    def _announce_shown(self) -> None:
        """The window is on screen: sig_shown, once; the to-do counts if nobody read them."""
        if self._on_screen or not self.isVisible():  # closed before it was painted: its file too
            return
        self._on_screen = True
        self.sig_shown.emit()
        self.refresh_counts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.save_window(self.saveGeometry(), self.saveState())
        self.navigation.save_view_states()
        self._settings.sync()
        self.backups.stop()
        tasks.wait_for_tasks(10_000)  # a PDF being rendered must not outlive the window
        self._store.close()
        self.backups.at_close(self._store.path)  # never stops the close, even if it fails
        super().closeEvent(event)
