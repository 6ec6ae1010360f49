"""Unexpected errors: log the traceback, tell the user in Vietnamese, never hang a headless run.

Two kinds reach sys.excepthook (qutebrowser's KnownError / BugError idea):
- a known refusal from the core (CellSecError: a save refused because the file is read-only,
  the disk is full, the USB stick was pulled out …) — its message already says, in Vietnamese,
  what happened and what to do: it is shown as it is, as a warning, not as a crash. This is how
  every write action of the app (pages, dialogs) gets the same refusal with no code of its own;
- anything else is a bug: the crash box, with the traceback under "Chi tiết" for support.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from cellsec.errors import CellSecError, StorageError

from ui.common.dialogs import is_headless

CRASH_TEXT = (
    "Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu trước đó không bị ảnh hưởng; "
    "thao tác vừa rồi có thể chưa hoàn tất.\n\nNếu lỗi lặp lại, hãy chép nội dung "
    "trong phần “Chi tiết” gửi cho người hỗ trợ."
)
KNOWN_TITLE = "Không thực hiện được"

ShowKnown = Callable[[str, str], None]


def show_known(title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, QApplication.activeWindow()
    )
    box.button(QMessageBox.StandardButton.Close).setText("Đóng")
    box.exec()


class CrashReporter:
    """Installed as sys.excepthook. `count` (bugs only) lets a headless run end with a failure
    code; `known` counts the core's refusals shown to the user."""

    def __init__(self, *, interactive: bool = True, log_path: Path | None = None) -> None:
        self.log_path = log_path  # ui.shell.crash_log: where stderr goes without a console
        self.count = 0
        self.known = 0
        self._interactive = interactive
        self._showing = False
        self._previous = sys.excepthook
        self.show_known: ShowKnown = show_known

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, CellSecError):
            self._known(value)
            return
        self.count += 1
        details = "".join(traceback.format_exception(kind, value, tb))
        print(f"CellSec: lỗi không mong muốn\n{details}", file=sys.stderr, flush=True)
        if issubclass(kind, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        if self._can_show():
            self._showing = True
            try:
                box = self.crash_box(details)
                box.exec()
                box.deleteLater()
            finally:
                self._showing = False

    def crash_box(self, details: str) -> QMessageBox:
        """The crash box: what happened, where the log is, the details, and a button that
        copies them (and the log's place) for support."""
        where = f"\n\nNhật ký lỗi được ghi ở: {self.log_path}" if self.log_path else ""
        box = QMessageBox(
            QMessageBox.Icon.Critical, "CellSec — Lỗi", CRASH_TEXT + where, QMessageBox.StandardButton.Close
        )
        box.button(QMessageBox.StandardButton.Close).setText("Đóng")
        box.setDetailedText(details)
        copy = QPushButton("Chép nội dung lỗi", box)  # parented: PySide would drop it
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # copying must not close the box
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details + where))
        return box

    def _known(self, error: CellSecError) -> None:
        self.known += 1
        detail = getattr(error, "detail", "") if isinstance(error, StorageError) else ""
        print(
            f"CellSec: {type(error).__name__}: {error}" + (f" [{detail}]" if detail else ""),
            file=sys.stderr,
            flush=True,
        )
        if self._can_show():
            self._showing = True
            try:
                self.show_known(KNOWN_TITLE, str(error))
            finally:
                self._showing = False

    def _can_show(self) -> bool:
        # A modal box on an invisible screen would wait forever for a click.
        if not self._interactive or self._showing or QApplication.instance() is None:
            return False
        return not is_headless()
