"""Printed documents, checked by their text (pypdf) and their fonts: every font embedded,
Vietnamese names intact, the counts and the HD 36 header lines in place."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY
from pypdf import PdfReader
from test_meetings import filled

from cellsec.dates import document_date
from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.meetings import add_correction, approve_meeting, save_meeting


def pdf_text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", " ".join(text.split())), reader


def fonts_of(reader: PdfReader) -> set[tuple[str, bool]]:
    """(font name, embedded?) of every font used on any page."""
    found = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(
                descriptor
                and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            )
            found.add((str(font["/BaseFont"]), embedded))
    return found


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    meeting_id, _ = save_meeting(store, filled(store))
    return store, meeting_id


def test_document_date_wording_follows_hd36():
    assert document_date("Tân Hồng", date(2026, 3, 5)) == "Tân Hồng, ngày 05 tháng 3 năm 2026"
    assert document_date("Tân Hồng", date(2026, 2, 15)) == "Tân Hồng, ngày 15 tháng 02 năm 2026"
    assert document_date("Tân Hồng", date(2026, 12, 1)) == "Tân Hồng, ngày 01 tháng 12 năm 2026"


def test_minutes_pdf_has_header_counts_names_and_embedded_fonts(cell):
    store, meeting_id = cell
    approve_meeting(store, meeting_id)
    text, reader = pdf_text(render(build_document(store, "minutes", meeting_id=meeting_id)))
    for line in (
        "ĐẢNG BỘ XÃ THANH SƠN",
        "CHI BỘ THÔN TÂN HỒNG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Thanh Sơn, ngày 05 tháng 11 năm 2026",
        "BIÊN BẢN",
        "SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 11 NĂM 2026",
        "Tổng số đảng viên của chi bộ: 41 đồng chí (chính thức: 37, dự bị: 4)",
        "Số đảng viên được miễn công tác và sinh hoạt đảng: 3 đồng chí",
        "Vắng có lý do: 1 đồng chí",
        "Vắng không lý do: 1 đồng chí",
        "Số đảng viên có quyền biểu quyết: 32 đồng chí",
        "Đồng chí Lê Thị Hằng: Đề nghị làm đường bê tông",
        "Đại biểu cấp ủy cấp trên dự: đồng chí Hoàng Minh Tuấn",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "được nhất trí thông qua",
    ):
        assert line in text, line
    assert "BẢN NHÁP" not in text
    assert fonts_of(reader) and all(embedded for _, embedded in fonts_of(reader))


def test_draft_minutes_say_so_and_corrections_print_under_approved_ones(cell):
    store, meeting_id = cell
    draft, _ = pdf_text(render(build_document(store, "minutes", meeting_id=meeting_id)))
    assert "BẢN NHÁP" in draft
    approve_meeting(store, meeting_id)
    add_correction(store, meeting_id, "Đồng chí Đức góp 3 ngày công.", today=date(2026, 11, 20))
    text, _ = pdf_text(render(build_document(store, "minutes", meeting_id=meeting_id)))
    assert "GHI CHÚ ĐÍNH CHÍNH" in text and "Ngày 20/11/2026: Đồng chí Đức góp 3 ngày công." in text


def test_resolution_is_numbered_and_signed_for_the_cell(cell):
    store, meeting_id = cell
    approve_meeting(store, meeting_id)
    text, _ = pdf_text(render(build_document(store, "resolution", meeting_id=meeting_id)))
    for line in (
        "Số 01-NQ/CB",
        "NGHỊ QUYẾT",
        "Về nhiệm vụ tháng 12 năm 2026",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Đặng Văn Khải",
        "Nơi nhận:",
        "Lưu chi bộ",
        "Hoàn thành thu đảng phí quý IV",
    ):
        assert line in text, line


def test_register_list_is_landscape_in_vietnamese_name_order(cell):
    store, _ = cell
    data = render(build_document(store, "register", on=TODAY))
    text, reader = pdf_text(data)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    assert "DANH SÁCH ĐẢNG VIÊN" in text and "Tính đến ngày 22/11/2026" in text
    # given names: Bảo before Cường before Đức (b < c < d < đ)
    assert text.index("Bảo") < text.index("Cường") < text.index("Nguyễn Văn Đức")
    assert "Từ trần" not in text  # the roll only
    assert len(reader.pages) >= 2 and "Họ và tên" in reader.pages[1].extract_text()  # header repeats


def test_attendance_sheet_lists_the_roll_and_those_not_called_apart(cell):
    store, meeting_id = cell
    text, _ = pdf_text(render(build_document(store, "attendance", meeting_id=meeting_id)))
    assert "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ" in text
    assert "Nguyễn Văn Đức" in text and "Ký tên" in text
    assert "miễn sinh hoạt, sinh hoạt tạm thời nơi khác" in text


def test_year_book_has_cover_contents_and_every_meeting(store):
    create_demo(store, today=TODAY)
    second = replace(filled(store, date(2026, 11, 12), MeetingKind.THEMATIC), topic="Chuyển đổi số")
    save_meeting(store, second)
    text, reader = pdf_text(render(build_document(store, "book", year=2026)))
    assert "SỔ BIÊN BẢN" in text and "MỤC LỤC" in text
    assert text.count("SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG") >= 7
    assert "12/11/2026 — Sinh hoạt chuyên đề: Chuyển đổi số" in text
    assert len(reader.pages) > 12
