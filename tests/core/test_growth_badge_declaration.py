"""The badge declaration (bản khai, mẫu 6-HHĐ) pre-filled from the register: one member of a round,
or every member the round proposes, one copy each."""

from __future__ import annotations

import pytest
from factories import TODAY
from test_reports import pdf_text

from cellsec.demo.cell import create_demo
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document, document_file_name
from cellsec.reports.template import render


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def _thang(store) -> int:
    return next(m.id for m in store.members.all() if m.full_name == "Hà Văn Thắng")


def test_the_rounds_declarations_are_filled_from_the_register(cell):
    # GIVEN the demo on 22/11/2026: the round of 3/2/2027 proposes Hà Văn Thắng for 30 years
    text, reader = pdf_text(render(build_document(cell, "badge-declaration", on=TODAY, today=TODAY)))
    # THEN his declaration says what the register knows, and leaves the career to write
    for words in (
        "Mẫu 6-HHĐ",
        "BẢN KHAI TÓM TẮT QUÁ TRÌNH HOẠT ĐỘNG",
        "đề nghị tặng Huy hiệu 30 năm tuổi Đảng",
        "Đợt 3/2/2027",
        "Họ và tên: Hà Văn Thắng",
        "Ngày vào Đảng: 03/02/1997; ngày chính thức: 25/02/1998",
        "Tuổi đảng tính đến ngày trao: 30 năm",
        "Huy hiệu Đảng đã được tặng: chưa",
        "XÁC NHẬN CỦA CHI BỘ",
        "T/M CHI BỘ",
        "Đặng Văn Khải",
        "NGƯỜI KHAI",
    ):
        assert words in text, words
    assert (
        document_file_name(cell, "badge-declaration", on=TODAY) == "Ban-khai-Huy-hieu-Dang-dot-03-02-2027.pdf"
    )


def test_one_members_declaration_and_a_member_not_on_the_round(cell):
    thang = _thang(cell)
    text, _reader = pdf_text(render(build_document(cell, "badge-declaration", on=TODAY, member_id=thang)))
    assert text.count("BẢN KHAI TÓM TẮT") == 1 and "Hà Văn Thắng" in text
    assert document_file_name(cell, "badge-declaration", on=TODAY, member_id=thang) == (
        "Ban-khai-Huy-hieu-Dang-Ha-Van-Thang-dot-03-02-2027.pdf"
    )
    with pytest.raises(ValidationError, match="không có trong danh sách xét tặng"):
        build_document(cell, "badge-declaration", on=TODAY, member_id=30)
