"""Export a list to Excel (.xlsx) or CSV: ask where, write, give a Vietnamese answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from cellsec.errors import CellSecError

from ui.common.file_choosers import ChoosePath, choose_save_path


def export_list(
    parent: QWidget,
    title: str,
    suggested: str,
    write: Callable[[Path], int],
    *,
    choose: ChoosePath,
    notify: Callable[..., None],
    what: str,
) -> Path | None:
    """Ask where, write, and say how many rows went where (or why nothing was written)."""
    path = choose(parent, title, suggested)
    if path is None:
        return None
    try:
        count = write(path)
    except (CellSecError, OSError) as err:
        notify(parent, "Không xuất được", str(err), warning=True)
        return None
    # No warning for .csv any more: identifiers are written so that Excel keeps them as text
    # (cellsec.spreadsheets.export.csv_field), leading zeros and all.
    notify(parent, "Đã xuất ra Excel", f"Đã xuất {count} {what} ra tệp:\n{path}")
    return path


def export_path_chooser(page: QWidget) -> ChoosePath:
    """A page may carry its own `choose_export_path` (tests put a stand-in there)."""
    return getattr(page, "choose_export_path", choose_save_path)
