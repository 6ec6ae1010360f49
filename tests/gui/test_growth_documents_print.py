"""The growth documents from the "Phát triển đảng viên" page: the resolution proposing admission
(printed, then issued with its number) from the candidates tab, the resolution proposing
recognition and the helper's comment sheet from the probation tab."""

from __future__ import annotations

import io
import unicodedata

import pytest
from gui_helpers import open_page
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ui.growth.page import BADGES, PROBATION, GrowthPage
from ui.printing.preview import PrintPreviewDialog

LEFT = Qt.MouseButton.LeftButton
RENDER_TIMEOUT_MS = 30_000


@pytest.fixture
def page(qtbot, demo_window) -> GrowthPage:
    return open_page(qtbot, demo_window, demo_window.page_of(GrowthPage))


def _ready(qtbot, page) -> tuple[PrintPreviewDialog, str]:
    dialog = page.active_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.waitUntil(lambda: dialog.is_ready or dialog.failure is not None, timeout=RENDER_TIMEOUT_MS)
    assert dialog.failure is None
    reader = PdfReader(io.BytesIO(dialog.pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    return dialog, unicodedata.normalize("NFC", text)


def _select(table, name):
    assert table.select_where(lambda r: (getattr(r, "candidate", None) or r.member).full_name == name)


def test_the_admission_resolution_is_printed_then_issued_from_the_candidates_tab(qtbot, page, demo_store):
    # GIVEN the candidate whose cell resolution is recorded, selected
    _select(page.candidates, "Đinh Thị Mai")
    # WHEN "In nghị quyết đề nghị kết nạp" is clicked
    qtbot.mouseClick(page.admission_button, LEFT)
    dialog, text = _ready(qtbot, page)
    # THEN the preview is the draft resolution with the cell's vote
    assert "Đề nghị kết nạp quần chúng Đinh Thị Mai vào Đảng" in text and "BẢN NHÁP" in text
    assert "25 đồng chí, đạt 83,33 %" in text
    assert dialog.file_name == "Nghi-quyet-de-nghi-ket-nap-Dinh-Thi-Mai.pdf"
    dialog.reject()
    # WHEN the secretary issues it (and confirms)
    page.ask = lambda *_args, **_kw: True
    qtbot.mouseClick(page.issue_admission_button, LEFT)
    dialog, text = _ready(qtbot, page)
    # THEN the resolution shows the number the cell wrote, no longer a draft
    assert "Số 12-NQ/CB" in text and "BẢN NHÁP" not in text
    dialog.reject()


def test_a_candidate_not_yet_voted_on_gets_a_notice_not_a_resolution(qtbot, page):
    notices = []
    page.notify = lambda *args, **kw: notices.append(args[2])
    _select(page.candidates, "Lường Văn Phúc")
    qtbot.mouseClick(page.admission_button, LEFT)
    assert notices and "chưa ghi ngày chi bộ họp xét" in notices[0]


def test_the_probation_tab_prints_the_recognition_resolution_and_the_helpers_sheet(qtbot, page):
    page.tabs.setCurrentIndex(PROBATION)
    _select(page.probation, "Vi Thị Ngọc")
    qtbot.mouseClick(page.recognition_print_button, LEFT)
    dialog, text = _ready(qtbot, page)
    assert "Đề nghị công nhận đảng viên chính thức cho đồng chí Vi Thị Ngọc" in text
    dialog.reject()
    qtbot.mouseClick(page.helper_comment_button, LEFT)
    dialog, text = _ready(qtbot, page)
    assert "BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ" in text and "Tôi là: Lê Thị Hằng" in text
    assert dialog.file_name == "Nhan-xet-dang-vien-du-bi-Vi-Thi-Ngoc.pdf"
    dialog.reject()


def test_the_badge_tab_prints_the_declarations_of_the_round(qtbot, page):
    page.tabs.setCurrentIndex(BADGES)
    qtbot.mouseClick(page.declarations_button, LEFT)
    dialog, text = _ready(qtbot, page)
    assert "BẢN KHAI TÓM TẮT QUÁ TRÌNH HOẠT ĐỘNG" in text and "Hà Văn Thắng" in text
    assert dialog.file_name == "Ban-khai-Huy-hieu-Dang-dot-03-02-2027.pdf"
    dialog.reject()
    _select(page.badges, "Hà Văn Thắng")
    qtbot.mouseClick(page.declaration_button, LEFT)
    dialog, text = _ready(qtbot, page)
    assert dialog.file_name == "Ban-khai-Huy-hieu-Dang-Ha-Van-Thang-dot-03-02-2027.pdf"
    dialog.reject()
