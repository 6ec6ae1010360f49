"""Start-up sequence: open the data file, ask for the cell profile if needed, show the window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from cellsec.store import Store

from ui.cell.profile_dialog import ProfileDialog, needs_profile
from ui.shell import smoke
from ui.shell.first_run import FirstRunDialog, Start, demo_data_file
from ui.shell.main_window import MainWindow
from ui.shell.settings import AppSettings
from ui.shell.store_opener import StoreOpener
from ui.shell.text_size import TextSize


def fill_demo(store: Store, err: TextIO = sys.stderr) -> None:
    """--demo: put the synthetic demo cell into an empty file, if this build has it."""
    try:
        from cellsec.demo.cell import create_demo  # imported lazily: optional and not tiny
    except ImportError:
        print("CellSec: --demo bị bỏ qua (bản này chưa có dữ liệu mẫu).", file=err)
        return
    if store.members.count() == 0:
        create_demo(store)


class Launcher(QObject):
    """Drives start-up without nested event loops, so tests can step through it."""

    def __init__(
        self,
        app: QApplication,
        settings: AppSettings,
        opener: StoreOpener,
        *,
        demo: bool = False,
        smoke_exit_ms: int | None = None,
        t0: float | None = None,
        out: TextIO = sys.stdout,
        text_size: TextSize | None = None,
        ask_operator: bool = False,
        welcome: bool = False,
    ) -> None:
        super().__init__()
        self._app = app
        self._settings = settings
        self._opener = opener
        self._demo = demo
        self._smoke_exit_ms = smoke_exit_ms
        self._t0 = time.perf_counter() if t0 is None else t0
        self._out = out
        self._text_size = text_size
        self._ask_operator = ask_operator  # an interactive start asks who is at the keyboard once
        self._welcome = welcome  # a plain start (no file named): an empty file gets the first-run screen
        self.first_run: FirstRunDialog | None = None
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.profile_dialog: ProfileDialog | None = None
        self.on_quit: Callable[[], None] = app.quit

    def start(self, path: Path) -> bool:
        """Open the file and show the first screen; False when the user chose to quit."""
        # Until the main window is up, closing a dialog must not end the application.
        self._app.setQuitOnLastWindowClosed(False)
        self.store = self._opener.open(path)
        if self.store is None:
            return False
        if self._demo:
            fill_demo(self.store)
        if self._welcome and needs_profile(self.store) and self.store.members.count() == 0:
            # A new, empty file: start one's own cell, or look at the demo first.
            self.first_run = FirstRunDialog()
            self.first_run.finished.connect(self._on_first_run_finished)
            self.first_run.open()
        elif needs_profile(self.store):
            self._ask_profile()
        else:
            self._show_main()
        return True

    def _ask_profile(self) -> None:
        self.profile_dialog = ProfileDialog(self.store, first_run=True)
        self.profile_dialog.finished.connect(self._on_profile_finished)
        self.profile_dialog.open()

    def _on_first_run_finished(self, result: int) -> None:
        dialog, self.first_run = self.first_run, None
        choice = dialog.choice if dialog is not None else None
        if dialog is not None:
            dialog.deleteLater()
        assert self.store is not None
        if result != QDialog.DialogCode.Accepted or choice is None:
            self.store.close()
            self.on_quit()
        elif choice is Start.OWN:
            self._ask_profile()
        else:
            self._open_demo()

    def _open_demo(self) -> None:
        """The demo cell in its own file (made the first time); the empty file just made for
        the secretary's own cell stays empty, so the next plain start asks again."""
        assert self.store is not None
        demo = self._opener.open(demo_data_file())
        if demo is None:
            self.store.close()
            self.on_quit()
            return
        fill_demo(demo)
        self.store.close()
        self.store = demo
        self._show_main()

    def _on_profile_finished(self, result: int) -> None:
        dialog, self.profile_dialog = self.profile_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._show_main()
            return
        if self.store is not None:  # cancelled on first run: nothing to show, so quit
            self.store.close()
        self.on_quit()

    def _show_main(self) -> None:
        assert self.store is not None
        self.window = MainWindow(self.store, self._settings, self._opener, text_size=self._text_size)
        self.window.sig_shown.connect(self._on_window_shown)
        if self.window.has_saved_geometry:
            self.window.show()
        else:  # first run: the whole screen, with room for every column
            self.window.showMaximized()
        self._app.setQuitOnLastWindowClosed(True)

    def _on_window_shown(self) -> None:
        """The window is on screen (painted once); its first page reads just after."""
        seconds = time.perf_counter() - self._t0
        print(f"CELLSEC_WINDOW_SHOWN {seconds:.3f}", file=self._out, flush=True)
        if self._smoke_exit_ms is not None:
            # The first page's read was queued by the same paint, so it runs before this fires
            # (and a read that fails cannot keep a smoke run from ending).
            QTimer.singleShot(self._smoke_exit_ms, self._smoke_exit)
        page = self.window.navigation.current() if self.window is not None else None
        if page is None:
            self._after_first_page()
        elif page.is_loaded:
            self._on_page_loaded()
        else:  # the first page (the to-do list): "Đang tải…" painted, its data read next
            page.sig_loaded.connect(self._on_page_loaded)

    def _on_page_loaded(self) -> None:
        seconds = time.perf_counter() - self._t0
        print(f"CELLSEC_PAGE_READY {seconds:.3f}", file=self._out, flush=True)
        self._after_first_page()

    def _after_first_page(self) -> None:
        """Once the first page shows its data, an interactive start asks who is at the
        keyboard (once per PC account)."""
        asks = self._smoke_exit_ms is None and self._ask_operator and not self._settings.operator
        if asks and self.window is not None:
            self.window.choose_operator()

    def _smoke_exit(self) -> None:
        if self.window is not None and os.environ.get("CELLSEC_SMOKE_ALL_PAGES"):
            # The packaged app's smoke check: every area can be built (its modules are there).
            print(f"CELLSEC_PAGES_OK {len(self.window.pages)}", file=self._out, flush=True)
        if self.window is not None and smoke.wanted():  # the bundle's libraries, used once
            smoke.run_smoke_work(self.window.store, self._out)
        if self.window is not None:
            self.window.close()
        self.on_quit()
