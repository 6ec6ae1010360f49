"""Page layout every printed document shares (issue 10.10), read back from the rendered PDF:
signature blocks never stand alone on a page, headings never end a page, a batch of comment
sheets numbers each sheet's pages on its own, and page numbers go where the document profile
says."""

from __future__ import annotations

import io
import tomllib
import unicodedata
from datetime import date

import pytest
from factories import TODAY
from pypdf import PdfReader
from reportlab.platypus import Spacer

from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.paths import resources_dir
from cellsec.reports.catalogue import build_document
from cellsec.reports.style import load_sheet, parse_sheet
from cellsec.reports.template import (
    Document,
    Header,
    Signature,
    frame_width,
    grid_table,
    header_block,
    p,
    render,
    signature_row,
    title_block,
)

PROFILE = CellProfile(
    cell_name="Chi bộ thôn Tân Hồng",
    superior_name="Đảng bộ xã Thanh Sơn",
    place_name="Thanh Sơn",
    secretary="Đặng Văn Khải",
)
FINAL_WORDS = "Biên bản đã được đọc lại cho chi bộ nghe và được nhất trí thông qua"


def pages_of(data: bytes) -> tuple[list[str], PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    texts = [unicodedata.normalize("NFC", " ".join(page.extract_text().split())) for page in reader.pages]
    return texts, reader


def page_with(texts: list[str], words: str) -> int:
    found = [i for i, text in enumerate(texts) if words in text]
    assert len(found) == 1, (words, found)
    return found[0]


def minutes_like(filler_lines: int, closing: str) -> Document:
    """A minutes-shaped document: header, title, `filler_lines` one-line paragraphs, the closing
    paragraph, then THƯ KÝ and CHỦ TRÌ signing."""
    doc = Document(title="Biên bản thử")
    sheet, width = load_sheet(), frame_width(doc)
    doc.story = [
        header_block(Header(PROFILE, date(2026, 11, 5)), width, sheet),
        *title_block("BIÊN BẢN", "SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 11 NĂM 2026", sheet),
        *[p(f"- Ý kiến số {i + 1}: nhất trí.", "bullet", sheet) for i in range(filler_lines)],
        p(closing, "body", sheet),
        signature_row(
            Signature(("THƯ KÝ",), "Lê Thị Hằng"), Signature(("CHỦ TRÌ",), "Đặng Văn Khải"), width, sheet
        ),
    ]
    return doc


@pytest.mark.parametrize(
    "closing",
    [
        f"Buổi sinh hoạt kết thúc vào lúc 10 giờ 30 phút cùng ngày. {FINAL_WORDS}.",
        "Buổi sinh hoạt kết thúc vào lúc 10 giờ 30 phút cùng ngày. " + "Chi bộ thống nhất các nội "
        "dung đã bàn, giao chi ủy theo dõi, đôn đốc thực hiện và báo cáo kết quả tại buổi sinh hoạt "
        "tháng sau. " * 4 + FINAL_WORDS + ".",
    ],
    ids=["short-closing", "long-closing"],
)
def test_the_signature_block_stays_on_the_page_of_the_closing_paragraph(closing):
    # GIVEN minutes whose closing paragraph ends anywhere from mid-page to the very foot of page 1
    # (one more line of text each time), WHEN each is rendered
    moved_with_text = 0
    for filler in range(16, 42):
        texts, _ = pages_of(render(minutes_like(filler, closing)))
        # THEN the signatures are on the page where the closing paragraph ends, in one piece
        signed = page_with(texts, "CHỦ TRÌ")
        assert FINAL_WORDS in texts[signed], (filler, texts[signed][:80])
        assert "THƯ KÝ" in texts[signed] and "Lê Thị Hằng" in texts[signed]
        assert "Đặng Văn Khải" in texts[signed]
        # and when they had to go to a new page, text went along with them
        if signed > 0:
            moved_with_text += 1
            assert texts[signed].index(FINAL_WORDS) < texts[signed].index("THƯ KÝ")
    assert moved_with_text > 0  # the range really crossed the page foot


def test_a_long_closing_paragraph_splits_rather_than_leaving_half_a_page_empty():
    # GIVEN a closing paragraph of many lines that starts near the foot of page 1
    closing = "Chi bộ thống nhất các nội dung đã bàn và giao nhiệm vụ cho từng đồng chí. " * 12
    closing += FINAL_WORDS + "."
    for filler in (20, 24, 27):
        texts, _ = pages_of(render(minutes_like(filler, closing)))
        # THEN the paragraph begins on page 1 (not pushed whole to page 2) and its end signs on 2
        assert "Chi bộ thống nhất các nội dung" in texts[0]
        assert page_with(texts, "CHỦ TRÌ") == page_with(texts, FINAL_WORDS)


def test_a_heading_is_never_the_last_line_of_a_page():
    # GIVEN a heading followed by a paragraph, placed lower on the page each time
    for filler in range(22, 40):
        doc = Document(title="Thử tiêu đề")
        sheet = load_sheet()
        doc.story = [
            *[p(f"- Dòng nội dung số {i + 1}.", "bullet", sheet) for i in range(filler)],
            p("III. NGHỊ QUYẾT VÀ NHIỆM VỤ THÁNG TỚI", "heading", sheet),
            p("Nội dung sau tiêu đề: chi bộ thống nhất nhiệm vụ tháng tới. " * 3, "body", sheet),
        ]
        texts, _ = pages_of(render(doc))
        # THEN the heading's page also holds the start of the text under it
        at = page_with(texts, "III. NGHỊ QUYẾT")
        assert "Nội dung sau tiêu đề" in texts[at].split("III. NGHỊ QUYẾT")[1], filler


def test_a_heading_before_a_long_table_stays_where_the_table_can_start():
    # GIVEN a short introduction, a heading and a 60-row table
    doc = Document(title="Thử bảng")
    sheet = load_sheet()
    rows = [[i, f"Đảng viên số {i}", "Có mặt"] for i in range(1, 61)]
    doc.story = [
        p("Phần mở đầu.", "body", sheet),
        p("I. DANH SÁCH", "heading", sheet),
        grid_table(["STT", "Họ và tên", "Điểm danh"], rows, [40, 200, 100], sheet),
    ]
    texts, _ = pages_of(render(doc))
    # THEN heading and table start on page 1 (no page left empty), the table runs on
    assert "I. DANH SÁCH" in texts[0] and "Đảng viên số 1 " in texts[0]
    assert "Đảng viên số 60" in texts[-1] and len(texts) >= 2


MARGIN = 20 / 25.4 * 72  # top and bottom margins of the shipped profile, in points


def _number_positions(reader: PdfReader) -> list[list[tuple[str, float, float]]]:
    """Per page: (text, x, y) of every number printed in the top or bottom margin."""
    found: list[list[tuple[str, float, float]]] = []
    for page in reader.pages:
        pieces: list[tuple[str, float, float]] = []
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font_dict, font_size, pieces=pieces, height=height):
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            if text.strip().isdigit() and (y > height - MARGIN or y < MARGIN):
                pieces.append((text.strip(), x, y))

        page.extract_text(visitor_text=visit)
        found.append(pieces)
    return found


def _three_pages() -> Document:
    doc = Document(title="Ba trang")
    sheet = load_sheet()
    doc.story = [p(f"Đoạn văn thứ {i + 1}, đủ dài để xuống dòng. " * 3, "body", sheet) for i in range(40)]
    return doc


def test_page_numbers_by_default_are_centred_at_the_top_from_page_two():
    texts, reader = pages_of(render(_three_pages()))
    numbers = _number_positions(reader)
    assert len(texts) >= 3
    height = float(reader.pages[0].mediabox.height)
    width = float(reader.pages[0].mediabox.width)
    assert numbers[0] == []
    for index in (1, 2):
        ((text, x, y),) = numbers[index]
        assert text == str(index + 1)
        assert y > height - MARGIN  # inside the top margin
        assert abs(x + 4 - width / 2) < 10  # centred (x is where the digit starts)


def test_page_number_placement_is_a_setting_of_the_document_profile():
    # GIVEN a profile asking for numbers at the bottom right on every page
    raw = tomllib.loads((resources_dir() / "report_style.toml").read_text("utf-8"))
    raw["page"].update(page_number_position="bottom", page_number_align="right", page_number_first=1)
    sheet = parse_sheet(raw)
    # WHEN a document is rendered with it
    _, reader = pages_of(render(_three_pages(), sheet=sheet))
    numbers = _number_positions(reader)
    width = float(reader.pages[0].mediabox.width)
    # THEN every page, the first included, carries its number in the bottom margin, at the right
    for index, pieces in enumerate(numbers):
        ((text, x, y),) = pieces
        assert text == str(index + 1)
        assert y < MARGIN and x > width * 0.8


@pytest.mark.parametrize(
    "key,value,fragment",
    [
        ("page_number_position", "giữa", "page_number_position"),
        ("page_number_align", "centre", "page_number_align"),
        ("page_number_first", 0, "page_number_first"),
    ],
)
def test_a_wrong_page_number_setting_is_named(key, value, fragment):
    raw = tomllib.loads((resources_dir() / "report_style.toml").read_text("utf-8"))
    raw["page"][key] = value
    with pytest.raises(ValidationError, match=fragment):
        parse_sheet(raw)


def test_each_comment_sheet_of_a_batch_has_its_own_page_numbers(store):
    from cellsec.demo.cell import create_demo

    # GIVEN the demo, with several comment sheets due, some longer than a page
    create_demo(store, today=TODAY)
    # WHEN the whole batch is printed as one PDF
    texts, reader = pages_of(render(build_document(store, "comments", year=2026, today=TODAY)))
    labels = reader.page_labels
    numbers = _number_positions(reader)
    starts = [i for i, text in enumerate(texts) if "PHIẾU NHẬN XÉT" in text]
    assert len(starts) >= 2 and starts[0] == 0
    assert len(texts) > len(starts)  # at least one sheet runs onto a second page
    # THEN every sheet starts again at page 1 (PDF page labels) and its first page is unnumbered;
    # its later pages print 2, 3 … at the top
    for i in range(len(texts)):
        if i in starts:
            assert labels[i] == "1" and numbers[i] == []
        else:
            assert int(labels[i]) == int(labels[i - 1]) + 1
            assert [text for text, _, _ in numbers[i]] == [labels[i]]


def test_a_signature_block_alone_after_a_table_takes_the_last_rows_along():
    # GIVEN a register-like list whose table ends at the foot of a page
    for rows_count in range(22, 30):
        doc = Document(title="Danh sách thử")
        sheet, width = load_sheet(), frame_width(doc)
        rows = [[i, f"Đảng viên số {i}", "Chính thức"] for i in range(1, rows_count + 1)]
        doc.story = [
            grid_table(["STT", "Họ và tên", "Tình trạng"], rows, [40, 250, 120], sheet),
            Spacer(1, 6),
            signature_row(None, Signature(("T/M CHI BỘ", "BÍ THƯ"), "Đặng Văn Khải"), width, sheet),
        ]
        texts, _ = pages_of(render(doc))
        # THEN the signer's page also shows the table's last row
        signed = page_with(texts, "T/M CHI BỘ")
        assert f"Đảng viên số {rows_count} " in texts[signed] + " ", rows_count


def test_a_lead_in_line_is_kept_with_what_it_introduces():
    # GIVEN "Ý kiến phát biểu:" (style lead_in) followed by an opinion, lower on the page each time
    for filler in range(24, 40):
        doc = Document(title="Thử dòng dẫn")
        sheet = load_sheet()
        doc.story = [
            *[p(f"- Dòng nội dung số {i + 1}.", "bullet", sheet) for i in range(filler)],
            p("Ý kiến phát biểu:", "lead_in", sheet),
            p("- Đồng chí Lê Thị Hằng: nhất trí với báo cáo.", "bullet", sheet),
        ]
        texts, _ = pages_of(render(doc))
        # THEN the line and the first opinion are on the same page
        assert page_with(texts, "Ý kiến phát biểu:") == page_with(texts, "Lê Thị Hằng"), filler


def test_a_heading_right_above_the_closing_text_stays_with_it_and_the_signatures():
    # GIVEN a committee meeting's "III. KẾT LUẬN" with only the closing paragraph under it,
    # placed lower on the page each time
    for filler in range(20, 38):
        doc = minutes_like(filler, f"Buổi họp kết thúc lúc 10 giờ. {FINAL_WORDS}.")
        sheet = load_sheet()
        doc.story.insert(-2, p("III. KẾT LUẬN", "heading", sheet))
        texts, _ = pages_of(render(doc))
        # THEN heading, closing text and signatures share a page
        at = page_with(texts, "III. KẾT LUẬN")
        assert at == page_with(texts, FINAL_WORDS) == page_with(texts, "CHỦ TRÌ"), filler
