"""Exporting to Excel from the pages: the register as shown, the meetings of the year shown."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import Notices, add
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from cellsec.services.register import StatusFilter

from ui.common.file_choosers import CSV_FILTER, XLSX_FILTER, with_suffix


class SavePath:
    """Stands in for the save dialog: records the suggested name, answers a planned path."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.suggested: list[str] = []

    def __call__(self, parent, title: str, suggested: str) -> Path | None:
        self.suggested.append(suggested)
        return self.path


def _sheet_rows(path: Path) -> list[tuple]:
    wb = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def test_members_page_exports_the_register_as_shown(qtbot, page, store, tmp_path):
    # GIVEN two members, one of them no longer on the roll filter's list
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986", citizen_id="001058000123")
    add(store, "Lê Thị Hoa", "02/03/1970", "05/06/1995", "05/06/1996", sex="Nữ")
    page.reload()
    page.notify = Notices()
    page.choose_export_path = SavePath(tmp_path / "dang-vien.xlsx")
    # WHEN "Xuất ra Excel…" is pressed
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    # THEN the file holds both, the CCCD with its leading zeros, and the user is told where
    rows = _sheet_rows(tmp_path / "dang-vien.xlsx")
    names = [r[1] for r in rows if r and r[1] in ("Nguyễn Văn Đức", "Lê Thị Hoa")]
    assert sorted(names) == ["Lê Thị Hoa", "Nguyễn Văn Đức"]
    assert any("001058000123" in r for r in rows)
    title, text, warning = page.notify.shown[-1]
    assert title == "Đã xuất ra Excel" and "Đã xuất 2 đảng viên" in text and not warning
    suggested = page.choose_export_path.suggested[0]
    assert suggested == f"Danh-sach-dang-vien-{page.on:%d-%m-%Y}.xlsx"


def test_members_export_follows_the_status_filter_and_csv_suffix(qtbot, page, store, tmp_path):
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986", citizen_id="025058001234")
    page.reload()
    page.status_box.setCurrentIndex(page.status_box.findData(StatusFilter.ALL.value))
    page.notify = Notices()
    page.choose_export_path = SavePath(tmp_path / "dang-vien.csv")
    page.export_register()
    text = (tmp_path / "dang-vien.csv").read_text(encoding="utf-8-sig")
    assert "Nguyễn Văn Đức" in text
    # The CCCD is written so that Excel keeps it as text with its leading zero: no warning
    assert '"=""025058001234"""' in text  # ="025058001234", quoted the CSV way
    assert "mất số 0" not in page.notify.shown[-1][1]


def test_cancelled_save_dialog_writes_nothing(qtbot, page, tmp_path):
    page.notify = Notices()
    page.choose_export_path = SavePath(None)
    page.export_register()
    assert page.notify.shown == [] and list(tmp_path.glob("*.xlsx")) == []


def test_a_file_that_cannot_be_written_is_explained(qtbot, page, tmp_path):
    page.notify = Notices()
    blocked = tmp_path / "khoa"
    blocked.mkdir()
    page.choose_export_path = SavePath(blocked / "khong-co" / "x.xlsx")
    (blocked / "khong-co").write_text("một tệp, không phải thư mục", encoding="utf-8")
    page.export_register()
    title, text, warning = page.notify.shown[-1]
    assert title == "Không xuất được" and warning and "x.xlsx" in text


def test_meetings_page_exports_the_year_shown(qtbot, meetings_page, tmp_path, notices):
    meetings_page.choose_export_path = SavePath(tmp_path / "sinh-hoat.xlsx")
    qtbot.mouseClick(meetings_page.export_button, Qt.MouseButton.LeftButton)
    rows = _sheet_rows(tmp_path / "sinh-hoat.xlsx")
    assert len(rows) > 2
    assert meetings_page.choose_export_path.suggested == ["Sinh-hoat-chi-bo-nam-2026.xlsx"]
    assert notices.shown[-1][0] == "Đã xuất ra Excel" and "buổi sinh hoạt" in notices.shown[-1][1]


def test_suffix_follows_what_was_typed_else_the_filter():
    assert with_suffix("/tmp/a.csv", XLSX_FILTER) == Path("/tmp/a.csv")
    assert with_suffix("/tmp/a", CSV_FILTER) == Path("/tmp/a.csv")
    assert with_suffix("/tmp/a", XLSX_FILTER) == Path("/tmp/a.xlsx")
    assert with_suffix("/tmp/bao.cao", XLSX_FILTER) == Path("/tmp/bao.cao.xlsx")
