"""Where to save an Excel file (superiors tally, liaison and working-away lists)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

ChooseXlsx = Callable[[QWidget, str], "Path | None"]


def choose_xlsx_path(parent: QWidget, default_name: str) -> Path | None:
    """The system's save box, in the Documents folder with a suggested name; adds .xlsx."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(folder) / default_name) if folder else default_name
    path, _ = QFileDialog.getSaveFileName(parent, "Lưu tệp Excel", start, "Tệp Excel (*.xlsx)")
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")
