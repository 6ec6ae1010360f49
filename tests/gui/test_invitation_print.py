"""The meeting invitation from the meetings page: its menu entry and button open the preview
for the meeting chosen, or a blank one to fill by hand; one page per member on request."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt

from cellsec.store import Store

from ui.printing.preview import PrintPreviewDialog

LEFT = Qt.MouseButton.LeftButton
RENDER_TIMEOUT_MS = 30_000


def _action(page, text: str):
    return next(a for a in page.actions() if a.text() == text)


def _ready(qtbot, page) -> PrintPreviewDialog:
    dialog = page.active_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.waitUntil(lambda: dialog.is_ready or dialog.failure is not None, timeout=RENDER_TIMEOUT_MS)
    assert dialog.failure is None
    return dialog


def _text(dialog: PrintPreviewDialog) -> str:
    reader = PdfReader(io.BytesIO(dialog.pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return unicodedata.normalize("NFC", text)


def test_invitation_menu_entry_prints_the_chosen_meeting(qtbot, meetings_page, demo_store: Store):
    # GIVEN the October meeting chosen in the list
    header = demo_store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 31))[0]
    october = demo_store.meetings.get(header.id)
    meetings_page.select_meeting(october.id)
    # WHEN "In giấy mời" is chosen in the page's menu
    _action(meetings_page, "In giấy mời").trigger()
    dialog = _ready(qtbot, meetings_page)
    # THEN the preview shows one invitation with that meeting's date, time and place
    assert dialog.page_count == 1
    assert dialog.file_name == "Giay-moi-thang-10-2026.pdf"
    text = _text(dialog)
    assert "GIẤY MỜI" in text and "Dự sinh hoạt chi bộ thường kỳ tháng 10 năm 2026" in text
    assert f"ngày {october.date:%d/%m/%Y}" in text and f"Địa điểm: {october.place}." in text
    dialog.reject()
    # WHEN the per-member entry is chosen
    _action(meetings_page, "In giấy mời ghi tên từng đảng viên").trigger()
    dialog = _ready(qtbot, meetings_page)
    # THEN every member called to it has a page with their name
    called = [e.name for e in october.roll if e.expected]
    assert dialog.page_count == len(called)
    assert f"Kính gửi: đồng chí {called[0]}" in _text(dialog)
    dialog.reject()


def test_invitation_button_without_a_meeting_prints_a_blank_one(qtbot, meetings_page, notices):
    # GIVEN a month chosen, no meeting
    meetings_page.tree.setCurrentItem(meetings_page.tree.topLevelItem(10))
    assert meetings_page.selected_meeting_id() is None
    # WHEN "Giấy mời" is pressed
    qtbot.mouseClick(meetings_page.invitation_button, LEFT)
    dialog = _ready(qtbot, meetings_page)
    # THEN a blank invitation, dated today, with dotted lines to fill by hand
    assert dialog.page_count == 1 and dialog.file_name == "Giay-moi-mau.pdf"
    text = _text(dialog)
    assert "Thanh Sơn, ngày 22 tháng 11 năm 2026" in text
    assert "Kính gửi: đồng chí ....." in text and "Địa điểm: ....." in text
    dialog.reject()
    # WHEN one per member is asked with no meeting chosen
    _action(meetings_page, "In giấy mời ghi tên từng đảng viên").trigger()
    # THEN a Vietnamese notice says to choose one; no preview
    assert meetings_page.active_dialog is None
    title, text, warning = notices.shown[-1]
    assert title == "Không in được" and warning and "chọn buổi sinh hoạt" in text
