"""Tệp › Mở gần đây: the data files opened lately on this PC, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ui.shell.settings import AppSettings

EMPTY = "(chưa có tệp nào)"


def recent_label(index: int, path: Path) -> str:
    """The menu text "&1  chibo.cellsec — /thư mục": the name first (what the secretary recognises)."""
    return f"&{index}  {path.name} — {path.parent}"


class RecentMenu(QMenu):
    """Filled each time it opens, so it always lists what AppSettings holds now."""

    def __init__(self, settings: AppSettings, open_file: Callable[[Path], None], parent: QWidget) -> None:
        super().__init__("Mở &gần đây", parent)
        self._settings = settings
        self._open_file = open_file
        self.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        self.clear()
        paths = self._settings.recent_files
        if not paths:
            empty = QAction(EMPTY, self)
            empty.setEnabled(False)
            self.addAction(empty)
            return
        for index, path in enumerate(paths, start=1):
            action = QAction(recent_label(index, path), self)
            action.setToolTip(str(path))
            action.triggered.connect(lambda *_, p=path: self._open_file(p))
            self.addAction(action)
