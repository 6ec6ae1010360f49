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


def in_documents(name: str = "") -> str:
    """Where a save box for a printout or an export starts: the Documents folder (never the
    program's own folder, which is the current directory in the bundle)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder) / name) if folder else str(Path.home() / name)


def in_data_folder(name: str = "") -> str:
    """Where a box for data files and backups starts: CellSec's data folder."""
    from cellsec.paths import data_dir

    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return in_documents(name)
    return str(folder / name)


def choose_xlsx_path(parent: QWidget, default_name: str) -> Path | None:
    """The system's save box, in the Documents folder with a suggested name; adds .xlsx."""
    start = in_documents(default_name)
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
    start = in_documents(suggested)
    name, selected = QFileDialog.getSaveFileName(parent, title, start, f"{XLSX_FILTER};;{CSV_FILTER}")
    return with_suffix(name, selected) if name else None
