"""Where to save a file the secretary exports: the system's save box, with a suffix made sure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

XLSX_FILTER = "Excel (*.xlsx)"
CSV_FILTER = "CSV — văn bản phân cách bằng dấu phẩy (*.csv)"
SUFFIXES = (".xlsx", ".csv")

ChooseXlsx = Callable[[QWidget, str], "Path | None"]
ChoosePath = Callable[[QWidget | None, str, str], "Path | None"]


def choose_xlsx_path(parent: QWidget, default_name: str) -> Path | None:
    """The system's save box, in the Documents folder with a suggested name; adds .xlsx."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(folder) / default_name) if folder else default_name
    path, _ = QFileDialog.getSaveFileName(parent, "Lưu tệp Excel", start, "Tệp Excel (*.xlsx)")
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")


def with_suffix(name: str, selected_filter: str) -> Path:
    """The suffix typed wins; none typed: the one of the filter chosen (Excel by default)."""
    path = Path(name)
    if path.suffix.lower() in SUFFIXES:
        return path
    return path.with_name(path.name + (".csv" if selected_filter == CSV_FILTER else ".xlsx"))


def choose_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Excel or CSV, as the secretary picks."""
    name, selected = QFileDialog.getSaveFileName(parent, title, suggested, f"{XLSX_FILTER};;{CSV_FILTER}")
    return with_suffix(name, selected) if name else None
