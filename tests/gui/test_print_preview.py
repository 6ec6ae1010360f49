"""Printing: the preview renders on a worker, pages, zoom, save as PDF, print; start-up stays
free of ReportLab."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from cellsec.store import Store

from ui.common.tasks import wait_for_tasks
from ui.printing.preview import PrintPreviewDialog

ROOT = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton
RENDER_TIMEOUT_MS = 30_000


def _select_october(page, store: Store) -> int:
    october = store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 31))[0]
    page.select_meeting(october.id)
    return october.id


def _ready(qtbot, page) -> PrintPreviewDialog:
    dialog = page.active_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.waitUntil(lambda: dialog.is_ready or dialog.failure is not None, timeout=RENDER_TIMEOUT_MS)
    assert dialog.failure is None
    return dialog


def test_preview_renders_the_minutes_and_saves_a_pdf(qtbot, meetings_page, demo_store, tmp_path):
    # GIVEN the approved October minutes chosen in the list
    _select_october(meetings_page, demo_store)
    # WHEN "Xem và in biên bản" is pressed
    qtbot.mouseClick(meetings_page.minutes_button, LEFT)
    dialog = meetings_page.active_dialog
    assert dialog.status_label.text() == "Đang tạo bản xem trước…"
    dialog = _ready(qtbot, meetings_page)
    # THEN the pages are shown with their number, and one can page and zoom
    assert dialog.page_count > 0
    assert dialog.page_label.text() == f"Trang 1 / {dialog.page_count}"
    assert not dialog.prev_button.isEnabled()
    if dialog.page_count > 1:
        qtbot.mouseClick(dialog.next_button, LEFT)
        assert dialog.page_label.text() == f"Trang 2 / {dialog.page_count}"
    width = dialog._labels[0].width()
    qtbot.mouseClick(dialog.zoom_in_button, LEFT)
    assert dialog._labels[0].width() > width
    assert dialog.zoom_label.text().startswith("Cỡ xem ")
    # WHEN "Lưu PDF…" is chosen (the file dialog answered by the test)
    out = tmp_path / "bien-ban.pdf"
    suggested: list[str] = []

    def choose(_parent, name: str) -> Path:
        suggested.append(name)
        return out

    dialog.choose_path = choose
    qtbot.mouseClick(dialog.save_button, LEFT)
    # THEN a real PDF is written, under the name the secretary was offered
    assert suggested == ["Bien-ban-thang-10-2026.pdf"]
    assert out.read_bytes().startswith(b"%PDF")
    assert dialog.status_label.text() == f"Đã lưu: {out}"
    dialog.reject()


def test_print_paints_every_page_on_the_printer(qtbot, meetings_page, demo_store, tmp_path):
    _select_october(meetings_page, demo_store)
    meetings_page.print_selected("resolution")
    dialog = _ready(qtbot, meetings_page)
    # The print dialog is answered with a printer that writes a PDF file
    target = tmp_path / "printed.pdf"

    def printer(_parent) -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(target))
        p.setResolution(150)
        return p

    dialog.choose_printer = printer
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Đã gửi"), timeout=RENDER_TIMEOUT_MS)
    assert dialog.printed_pages == dialog.page_count
    assert dialog.status_label.text() == f"Đã gửi {dialog.page_count} trang tới máy in."
    assert target.read_bytes().startswith(b"%PDF")
    dialog.reject()


def test_year_book_attendance_sheet_and_empty_year(qtbot, meetings_page, notices):
    # The year's minutes book renders
    meetings_page.print_book()
    assert _ready(qtbot, meetings_page).page_count > 1
    assert meetings_page.active_dialog.file_name == "So-bien-ban-nam-2026.pdf"
    meetings_page.active_dialog.reject()
    # The blank attendance sheet for this month (no meeting chosen) renders
    meetings_page.tree.setCurrentItem(meetings_page.tree.topLevelItem(10))
    qtbot.mouseClick(meetings_page.attendance_button, LEFT)
    assert _ready(qtbot, meetings_page).page_count >= 1
    assert meetings_page.active_dialog.file_name == "Danh-sach-du-hop-22-11-2026.pdf"
    meetings_page.active_dialog.reject()
    # A year without meetings: a Vietnamese notice, no preview, no crash
    meetings_page.set_year(2030)
    meetings_page.print_book()
    assert meetings_page.active_dialog is None
    title, text, warning = notices.shown[-1]
    assert title == "Không in được" and warning
    assert "2030" in text or "sinh hoạt" in text


def test_closing_the_preview_before_it_is_ready_is_safe(qtbot, meetings_page, demo_store):
    _select_october(meetings_page, demo_store)
    meetings_page.print_selected("minutes")
    dialog = meetings_page.active_dialog
    dialog.reject()  # at once, while the worker renders
    assert wait_for_tasks()
    qtbot.wait(50)  # a late report must not reach the closed dialog
    assert not dialog.is_ready


def test_register_list_prints_from_the_members_page(qtbot, meetings_page):
    window = meetings_page.window()
    members = window.pages[0]
    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: members.is_loaded)
    members.set_as_of(date(2026, 11, 22))
    qtbot.mouseClick(members.print_button, LEFT)
    dialog = members.active_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.waitUntil(lambda: dialog.is_ready or dialog.failure is not None, timeout=RENDER_TIMEOUT_MS)
    assert dialog.failure is None and dialog.page_count >= 1
    assert dialog.file_name == "Danh-sach-dang-vien-22-11-2026.pdf"
    dialog.reject()


@pytest.mark.slow
def test_starting_the_app_does_not_import_reportlab(tmp_path):
    # GIVEN a fresh interpreter that imports the app and builds its main window on a data file
    # with meetings, showing the meetings page too
    script = f"""
import json, sys
from datetime import date
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
import ui.shell.app
from cellsec.store import Store
from ui.shell.main_window import MainWindow
from ui.shell.settings import AppSettings
from ui.shell.store_opener import StoreOpener
app = QApplication([])
store = Store.open({str(tmp_path / "start.cellsec")!r})
settings = AppSettings(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
window = MainWindow(store, settings, StoreOpener())
window.show()
window.nav.setCurrentRow(1)
app.processEvents()
print(json.dumps({{"reportlab": "reportlab" in sys.modules,
                  "reports": "cellsec.reports" in sys.modules,
                  "pypdfium2": "pypdfium2" in sys.modules,
                  "pages": window.nav.count()}}))
window.close()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # THEN neither ReportLab, the report modules nor PDFium were loaded
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"reportlab": False, "reports": False, "pypdfium2": False, "pages": 5}
