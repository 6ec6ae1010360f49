"""The shared Party-document template (HD 36-HD/VPTW): header block, title, signature blocks,
recipients, page numbers from page 2, and rendering to PDF."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

from .. import __version__
from ..dates import document_date
from ..entities import CellProfile
from ..text import nfc
from .fonts import font, register_fonts
from .style import Sheet, load_sheet


def p(text: str, style, sheet: Sheet | None = None) -> Paragraph:
    """A paragraph from plain text: NFC-normalised, XML-escaped, line breaks kept."""
    s = (sheet or load_sheet())[style] if isinstance(style, str) else style
    safe = escape(nfc(text)).replace("\n", "<br/>")
    return Paragraph(safe, s)


def markup(text: str, style: str, sheet: Sheet | None = None) -> Paragraph:
    """A paragraph whose text already holds ReportLab markup (<b>, <i>, <u>); still NFC."""
    return Paragraph(nfc(text), (sheet or load_sheet())[style])


class RuledText(Flowable):
    """A centred line of text with a solid rule under it exactly as long as the text
    ("ĐẢNG CỘNG SẢN VIỆT NAM")."""

    def __init__(self, text: str, font_name: str, size: float, gap: float = 4.5) -> None:
        super().__init__()
        self.text, self.font_name, self.size, self.gap = nfc(text), font_name, size, gap
        self.text_width = stringWidth(self.text, font_name, size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.2 + self.gap + 1

    def draw(self) -> None:
        c = self.canv
        x = (self.width - self.text_width) / 2
        base = self.gap + 1 + self.size * 0.25
        c.setFont(self.font_name, self.size)
        c.drawString(x, base, self.text)
        c.setLineWidth(0.8)
        c.line(x, base - self.gap, x + self.text_width, base - self.gap)


@dataclass(frozen=True)
class Header:
    profile: CellProfile
    when: date
    number: str = ""            # "05-NQ/CB" -> "Số 05-NQ/CB"; empty for minutes


def header_block(h: Header, width: float, sheet: Sheet) -> Table:
    """Two borderless columns: the issuing body on the left, the Party name and date right."""
    raw = sheet.raw["header"]
    left = [p(h.profile.superior_name.upper(), "superior", sheet),
            p(h.profile.cell_name.upper(), "issuer", sheet),
            p("*", "star", sheet)]
    if h.number:
        left.append(p(f"Số {h.number}", "number", sheet))
    right = [RuledText("ĐẢNG CỘNG SẢN VIỆT NAM", font("bold"), raw["party_size"]),
             Spacer(1, 4),
             p(document_date(h.profile.place_name, h.when), "date", sheet)]
    left_width = width * raw["left_width_ratio"]
    table = Table([[left, right]], colWidths=[left_width, width - left_width])
    table.setStyle(plain_table_style())
    return table


def plain_table_style() -> TableStyle:
    """Borderless layout table. FONTNAME: ReportLab would otherwise name Helvetica (not
    embedded) in the PDF even though every cell is a Paragraph in our font."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font("regular")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0)])


def title_block(title: str, summary: str, sheet: Sheet) -> list[Flowable]:
    items: list[Flowable] = [p(title.upper(), "title", sheet)]
    if summary:
        items.append(p(summary, "summary", sheet))
    else:
        items.append(Spacer(1, 8))
    return items


@dataclass(frozen=True)
class Signature:
    roles: tuple[str, ...]      # ("T/M CHI BỘ", "BÍ THƯ") or ("THƯ KÝ",)
    name: str


def signature_row(left: Signature | None, right: Signature | None, width: float, sheet: Sheet,
                  recipients: tuple[str, ...] = ()) -> Flowable:
    """Signatures side by side (THƯ KÝ left, CHỦ TRÌ right), or recipients left and the
    signer right (T/M CHI BỘ / BÍ THƯ)."""
    blank = Spacer(1, sheet.raw["signature"]["blank_lines"] * sheet["signer"].leading)

    def block(sig: Signature | None) -> list[Flowable]:
        if sig is None:
            return []
        return [*[p(r, "role", sheet) for r in sig.roles], blank, p(sig.name, "signer", sheet)]

    left_cell: list[Flowable] = block(left)
    if recipients:
        left_cell = [markup("<u>Nơi nhận:</u>", "recipients_head", sheet),
                     *[p(f"- {r}", "recipients", sheet) for r in recipients]]
    table = Table([[left_cell, block(right)]], colWidths=[width / 2, width / 2])
    table.setStyle(plain_table_style())
    return KeepTogether([Spacer(1, 10), table])


def fit_widths(spec_mm: list[float | None], width: float) -> list[float]:
    """Column widths: fixed ones in millimetres, the None ones share what is left equally."""
    fixed = sum(w for w in spec_mm if w is not None) * mm
    flexible = [w for w in spec_mm if w is None]
    rest = max(width - fixed, 0) / len(flexible) if flexible else 0
    return [w * mm if w is not None else rest for w in spec_mm]


def grid_table(head: list[str], rows: list[list[object]], widths: list[float], sheet: Sheet,
               center_cols: tuple[int, ...] = ()) -> Table:
    """A ruled table whose header row repeats on every page it splits onto."""
    data: list[list[object]] = [[p(h, "cell_head", sheet) for h in head]]
    for row in rows:
        data.append([cell if isinstance(cell, Flowable) else
                     p(str(cell), "cell_center" if i in center_cols else "cell", sheet)
                     for i, cell in enumerate(row)])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font("regular")),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


@dataclass
class Document:
    """What a report module hands to render(): the story and the page set-up."""

    title: str
    story: list[Flowable] = field(default_factory=list)
    landscape: bool = False
    subject: str = ""
    has_toc: bool = False       # a TableOfContents in the story: build in several passes


class _TocDocTemplate(SimpleDocTemplate):
    """Tells a TableOfContents about every flowable tagged with a `toc_text` attribute."""

    def afterFlowable(self, flowable: Flowable) -> None:
        text = getattr(flowable, "toc_text", None)
        if text:
            self.notify("TOCEntry", (0, text, self.page))


def page_size(doc: Document) -> tuple[float, float]:
    return landscape(A4) if doc.landscape else A4


def frame_width(doc: Document, sheet: Sheet | None = None) -> float:
    sheet = sheet or load_sheet()
    return page_size(doc)[0] - sheet.margin("left") - sheet.margin("right")


def render(doc: Document, out: str | Path | BinaryIO | None = None) -> bytes:
    """Render to a PDF (fonts embedded); returns the bytes and writes them to `out` if given."""
    register_fonts()
    sheet = load_sheet()
    buffer = io.BytesIO()
    size = page_size(doc)

    def number_pages(canvas, document) -> None:
        if document.page >= 2:
            canvas.saveState()
            canvas.setFont(font("regular"), sheet.raw["page"]["page_number_size"])
            canvas.drawCentredString(size[0] / 2, size[1] - sheet.margin("top") / 2 - 4,
                                     str(document.page))
            canvas.restoreState()

    template = _TocDocTemplate(
        buffer, pagesize=size, leftMargin=sheet.margin("left"), rightMargin=sheet.margin("right"),
        topMargin=sheet.margin("top"), bottomMargin=sheet.margin("bottom"),
        title=nfc(doc.title), subject=nfc(doc.subject), author="CellSec",
        creator=f"CellSec {__version__}", initialFontName=font("regular"), initialFontSize=14)
    if doc.has_toc:
        template.multiBuild(list(doc.story), onFirstPage=number_pages, onLaterPages=number_pages)
    else:
        template.build(list(doc.story), onFirstPage=number_pages, onLaterPages=number_pages)
    data = buffer.getvalue()
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(data)
    elif out is not None:
        out.write(data)
    return data
