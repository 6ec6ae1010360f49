"""The year's minutes book: a cover, a contents list with page numbers, then every meeting's
minutes (and their corrections), each from a new page."""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from cellsec.dates import format_date
from cellsec.errors import ValidationError
from cellsec.reports.fonts import font
from cellsec.reports.minutes import build_minutes, collect_minutes
from cellsec.reports.style import load_sheet
from cellsec.reports.template import Document, frame_width, p, plain_table_style
from cellsec.store import Store


def minutes_book_document(store: Store, year: int) -> Document:
    profile = store.profile.get()
    if profile is None:
        raise ValidationError("Chưa có thông tin chi bộ (menu Chi bộ › Thông tin chi bộ).")
    meetings = store.meetings.list_between(date(year, 1, 1), date(year, 12, 31))
    if not meetings:
        raise ValidationError(f"Năm {year} chưa có buổi sinh hoạt nào.")
    sheet = load_sheet()
    doc = Document(title=f"Sổ biên bản sinh hoạt chi bộ năm {year}", subject=profile.cell_name, has_toc=True)
    width = frame_width(doc)
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = plain_table_style()
    toc.levelStyles = [
        ParagraphStyle(
            "toc0", fontName=font("regular"), fontSize=13, leading=18, leftIndent=0, firstLineIndent=0
        )
    ]
    story: list[Flowable] = [
        Spacer(1, 60),
        p(profile.superior_name.upper(), "superior", sheet),
        p(profile.cell_name.upper(), "issuer", sheet),
        Spacer(1, 120),
        p("SỔ BIÊN BẢN", "title", sheet),
        p(f"SINH HOẠT CHI BỘ NĂM {year}", "summary", sheet),
        Spacer(1, 40),
        p(f"Gồm {len(meetings)} buổi sinh hoạt", "date", sheet),
        p(f"Nhiệm kỳ {profile.term_label}" if profile.term_label else "", "date", sheet),
        PageBreak(),
        p("MỤC LỤC", "title", sheet),
        Spacer(1, 10),
        toc,
    ]
    for m in meetings:
        story.append(PageBreak())
        part = build_minutes(collect_minutes(store, m.id or 0), sheet, width)
        part[0].toc_text = f"{format_date(m.date)} — {m.kind.label}" + (
            f": {m.topic}" if m.kind.is_thematic and m.topic else ""
        )
        story += part
    doc.story = story
    return doc
