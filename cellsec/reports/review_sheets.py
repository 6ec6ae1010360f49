"""Mẫu 2C, the self-review form of a member not working in the political system, one per member
rated in the year: filled with what the app knows (identity, standing, post in the cell, the
year's attendance at the cell's meetings, what the member has already given) and blank dotted
lines for handwriting where nothing is known yet."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from cellsec.entities.profile import CellProfile
from cellsec.entities.review import Level
from cellsec.errors import ValidationError
from cellsec.reports.keeping import new_section
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import Document, Header, Signature, frame_width, header_block, p, signature_row
from cellsec.services.review_attendance import attendance_in_year, attendance_text
from cellsec.services.review_record import Record, label_of, labels_of, require_record
from cellsec.store import Store

DOTS = "." * 116  # one line of the A4 frame at the body size, after the first-line indent
_PARTS = (
    (
        "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
        "strengths",
        (
            "1. Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật",
            "2. Về thực hiện nhiệm vụ được giao, nghĩa vụ công dân và quan hệ với nhân dân nơi cư trú",
        ),
    ),
    ("II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", "shortcomings", ()),
)


def _lines(text: str, blank: int, sheet: Sheet) -> list[Flowable]:
    """What the member wrote, or dotted lines to write on."""
    if text:
        return [p(text, "body", sheet)]
    return [p(DOTS, "body", sheet) for _ in range(blank)]


def build_self_review(
    record: Record,
    entry: dict[str, Any],
    attendance: str,
    profile: CellProfile,
    sheet: Sheet,
    width: float,
    on: date,
) -> list[Flowable]:
    year = record["year"]
    story: list[Flowable] = [
        p("Mẫu 2C", "note", sheet),
        header_block(Header(profile, on), width, sheet),
        p("BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN", "title", sheet),
        p(f"Năm {year}", "summary", sheet),
        p("(Dùng cho đảng viên không làm việc trong các cơ quan của hệ thống chính trị)", "note", sheet),
        Spacer(1, 6),
        p(f"Họ và tên: {entry['name']}    Năm sinh: {entry['birth_year'] or '…………'}", "body", sheet),
        p(
            f"Đảng viên {entry['standing'].lower()}; chức vụ trong chi bộ: {entry['position'] or 'không'}.",
            "body",
            sheet,
        ),
        p(f"Chi bộ: {profile.cell_name}.", "body", sheet),
        p(
            f"Tham gia sinh hoạt chi bộ năm {year}: {attendance}."
            if attendance
            else f"Tham gia sinh hoạt chi bộ năm {year}: {DOTS[:60]}",
            "body",
            sheet,
        ),
    ]
    for heading, key, subheads in _PARTS:
        story.append(p(heading, "heading", sheet))
        if entry[key]:
            story += _lines(entry[key], 0, sheet)
        elif subheads:
            for sub in subheads:
                story += [p(sub + ":", "body", sheet), *_lines("", 3, sheet)]
        else:
            story += _lines("", 4, sheet)
    story += [
        p("III. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM", "heading", sheet),
        *_lines("", 3, sheet),
        p("IV. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG", "heading", sheet),
    ]
    labels = labels_of(record)
    chosen = entry["self_level"]
    # the font has no ballot box: the chosen level is marked [x], the others [   ] to tick by hand
    story += [p(("[x] " if chosen == lv.value else "[   ] ") + labels[lv], "bullet", sheet) for lv in Level]
    story.append(signature_row(None, Signature(("NGƯỜI TỰ KIỂM ĐIỂM",), entry["name"]), width, sheet))
    story += [
        p("NHẬN XÉT, ĐÁNH GIÁ CỦA CHI BỘ", "heading", sheet),
        *_lines("", 3, sheet),
        p(
            "Chi bộ đề nghị xếp loại: " + (label_of(record, entry["proposed_level"]) or DOTS[:70]),
            "body",
            sheet,
        ),
    ]
    return story


def review_sheets_document(doc: Document, store: Store, year: int, today: date | None = None) -> Document:
    record = require_record(store, year)
    if not record["members"]:
        raise ValidationError(f"Năm {year} không có đảng viên nào được xếp loại.")
    h = record["header"]
    profile = CellProfile(h["cell_name"], h["superior_name"], h["place_name"], h["secretary"])
    attendance = attendance_in_year(store, year)
    sheet, width, on = load_sheet(), frame_width(doc), today or date.today()
    doc.title += f" năm {year}"
    doc.subject = profile.cell_name
    for index, entry in enumerate(record["members"]):
        if index:
            doc.story += new_section()
        text = attendance_text(attendance.get(entry["member_id"]))
        doc.story += build_self_review(record, entry, text, profile, sheet, width, on)
    return doc
