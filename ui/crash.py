"""Unexpected errors: log the traceback, tell the user in Vietnamese, never hang a headless run."""
from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

CRASH_TEXT = ("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu trước đó không bị ảnh hưởng; "
              "thao tác vừa rồi có thể chưa hoàn tất.\n\nNếu lỗi lặp lại, hãy chép nội dung "
              "trong phần “Chi tiết” gửi cho người hỗ trợ.")
HEADLESS_PLATFORMS = ("offscreen", "minimal")


class CrashReporter:
    """Installed as sys.excepthook. `count` lets a headless run end with a failure code."""

    def __init__(self, *, interactive: bool = True) -> None:
        self.count = 0
        self._interactive = interactive
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> None:
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
                box = QMessageBox(QMessageBox.Icon.Critical, "CellSec — Lỗi", CRASH_TEXT,
                                  QMessageBox.StandardButton.Close)
                box.button(QMessageBox.StandardButton.Close).setText("Đóng")
                box.setDetailedText(details)
                box.exec()
            finally:
                self._showing = False

    def _can_show(self) -> bool:
        # A modal box on an invisible screen would wait forever for a click.
        if not self._interactive or self._showing or QApplication.instance() is None:
            return False
        return QGuiApplication.platformName() not in HEADLESS_PLATFORMS
