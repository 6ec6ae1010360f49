"""Export a list to Excel (.xlsx) or CSV: the save dialog, the write, a Vietnamese answer."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from cellsec.errors import CellSecError
from cellsec.store import Store

XLSX_FILTER = "Excel (*.xlsx)"
CSV_FILTER = "CSV — văn bản phân cách bằng dấu phẩy (*.csv)"
SUFFIXES = (".xlsx", ".csv")

ChoosePath = Callable[[QWidget | None, str, str], "Path | None"]


def with_suffix(name: str, selected_filter: str) -> Path:
    """The suffix typed wins; none typed: the one of the filter chosen (Excel by default)."""
    path = Path(name)
    if path.suffix.lower() in SUFFIXES:
        return path
    return path.with_name(path.name + (".csv" if selected_filter == CSV_FILTER else ".xlsx"))


def choose_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    name, selected = QFileDialog.getSaveFileName(parent, title, suggested,
                                                 f"{XLSX_FILTER};;{CSV_FILTER}")
    return with_suffix(name, selected) if name else None


def export_list(parent: QWidget, title: str, suggested: str, write: Callable[[Path], int], *,
                choose: ChoosePath, notify: Callable[..., None], what: str) -> Path | None:
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


def _chooser(page: QWidget) -> ChoosePath:
    """A page may carry its own `choose_export_path` (tests put a stand-in there)."""
    return getattr(page, "choose_export_path", choose_save_path)


def export_members_list(page, store: Store, on: date, status) -> Path | None:  # noqa: ANN001
    """The register as the members page shows it (its date and status filter)."""
    from cellsec.spreadsheets import export_members

    suggested = f"Danh-sach-dang-vien-{on:%d-%m-%Y}.xlsx"
    return export_list(page, "Xuất danh sách đảng viên ra Excel", suggested,
                       lambda path: export_members(store, path, on, status),
                       choose=_chooser(page), notify=page.notify, what="đảng viên")


def export_meetings_list(page, store: Store, year: int) -> Path | None:  # noqa: ANN001
    """The meetings of the year the meetings page shows."""
    from cellsec.spreadsheets import export_meetings

    return export_list(page, "Xuất danh sách buổi sinh hoạt ra Excel",
                       f"Sinh-hoat-chi-bo-nam-{year}.xlsx",
                       lambda path: export_meetings(store, path, year),
                       choose=_chooser(page), notify=page.notify, what="buổi sinh hoạt")
