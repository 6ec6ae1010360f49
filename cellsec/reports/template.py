"""The shared Party-document template (HD 36-HD/VPTW): header block, title, signature blocks,
recipients, page numbers where the document profile puts them, and rendering to PDF."""

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
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cellsec import __version__
from cellsec.dates import document_date
from cellsec.entities.profile import CellProfile
from cellsec.reports.fonts import font, register_fonts
from cellsec.reports.keeping import KeepHeading, SignatureBlock, keep_signatures_with_text
from cellsec.reports.style import Sheet, load_sheet
from cellsec.text import nfc


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
    number: str = ""  # "05-NQ/CB" -> "Số 05-NQ/CB"; empty for minutes


def header_block(h: Header, width: float, sheet: Sheet) -> Table:
    """Two borderless columns: the issuing body on the left, the Party name and date right."""
    raw = sheet.raw["header"]
    left = [
        p(h.profile.superior_name.upper(), "superior", sheet),
        p(h.profile.cell_name.upper(), "issuer", sheet),
        p("*", "star", sheet),
    ]
    if h.number:
        left.append(p(f"Số {h.number}", "number", sheet))
    right = [
        RuledText("ĐẢNG CỘNG SẢN VIỆT NAM", font("bold"), raw["party_size"]),
        Spacer(1, 4),
        p(document_date(h.profile.place_name, h.when), "date", sheet),
    ]
    left_width = width * raw["left_width_ratio"]
    table = Table([[left, right]], colWidths=[left_width, width - left_width])
    table.setStyle(plain_table_style())
    return table


def plain_table_style() -> TableStyle:
    """Borderless layout table. FONTNAME: ReportLab would otherwise name Helvetica (not
    embedded) in the PDF even though every cell is a Paragraph in our font."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font("regular")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def title_block(title: str, summary: str, sheet: Sheet) -> list[Flowable]:
    items: list[Flowable] = [p(title.upper(), "title", sheet)]
    if summary:
        items.append(p(summary, "summary", sheet))
    else:
        items.append(Spacer(1, 8))
    return items


@dataclass(frozen=True)
class Signature:
    roles: tuple[str, ...]  # ("T/M CHI BỘ", "BÍ THƯ") or ("THƯ KÝ",)
    name: str


def cell_signature(secretary: str) -> Signature:
    """How the cell signs its documents: T/M CHI BỘ, BÍ THƯ, and the secretary's name."""
    return Signature(("T/M CHI BỘ", "BÍ THƯ"), secretary)


def signature_row(
    left: Signature | None,
    right: Signature | None,
    width: float,
    sheet: Sheet,
    recipients: tuple[str, ...] = (),
) -> Flowable:
    """Signatures side by side (THƯ KÝ left, CHỦ TRÌ right), or recipients left and the
    signer right (T/M CHI BỘ / BÍ THƯ). render() keeps the block with the text before it."""
    blank = Spacer(1, sheet.raw["signature"]["blank_lines"] * sheet["signer"].leading)

    def block(sig: Signature | None) -> list[Flowable]:
        if sig is None:
            return []
        return [*[p(r, "role", sheet) for r in sig.roles], blank, p(sig.name, "signer", sheet)]

    left_cell: list[Flowable] = block(left)
    if recipients:
        left_cell = [
            markup("<u>Nơi nhận:</u>", "recipients_head", sheet),
            *[p(f"- {r}", "recipients", sheet) for r in recipients],
        ]
    table = Table([[left_cell, block(right)]], colWidths=[width / 2, width / 2])
    table.setStyle(plain_table_style())
    return SignatureBlock([Spacer(1, 10), table])


def fit_widths(spec_mm: list[float | None], width: float) -> list[float]:
    """Column widths: fixed ones in millimetres, the None ones share what is left equally."""
    fixed = sum(w for w in spec_mm if w is not None) * mm
    flexible = [w for w in spec_mm if w is None]
    rest = max(width - fixed, 0) / len(flexible) if flexible else 0
    return [w * mm if w is not None else rest for w in spec_mm]


def grid_table(
    head: list[str],
    rows: list[list[object]],
    widths: list[float],
    sheet: Sheet,
    center_cols: tuple[int, ...] = (),
) -> Table:
    """A ruled table whose header row repeats on every page it splits onto."""
    data: list[list[object]] = [[p(h, "cell_head", sheet) for h in head]]
    for row in rows:
        data.append(
            [
                cell
                if isinstance(cell, Flowable)
                else p(str(cell), "cell_center" if i in center_cols else "cell", sheet)
                for i, cell in enumerate(row)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font("regular")),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


@dataclass
class Document:
    """What a report module hands to render(): the story and the page set-up."""

    title: str
    story: list[Flowable] = field(default_factory=list)
    landscape: bool = False
    subject: str = ""
    has_toc: bool = False  # a TableOfContents in the story: build in several passes
    footer: str = ""  # a line at the foot of every page (the demo cell's "Chi bộ mẫu — dữ liệu giả")


class _PartyDocTemplate(BaseDocTemplate):
    """One frame per page; page numbers drawn when a page ends (so a section that starts on
    that page is already known); a heading kept with what follows (KeepHeading); a
    TableOfContents told about every flowable tagged with a `toc_text` attribute."""

    def __init__(self, buffer: BinaryIO, sheet: Sheet, footer: str = "", **kw) -> None:
        super().__init__(buffer, keepTogetherClass=KeepHeading, **kw)
        self._sheet = sheet
        self._footer = footer
        self._section_first_page = 1
        self._labelled: set[int] = set()
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._number_page)])

    def beforeDocument(self) -> None:
        # Every pass of a multi-pass build starts the numbering afresh.
        self._section_first_page = 1
        self._labelled = set()
        self._label_from(0)

    def start_section(self) -> None:
        """Called by keeping.SectionStart on the first page of a new document in the batch."""
        self._section_first_page = self.page
        self._label_from(self.page - 1)

    def _label_from(self, index: int) -> None:
        """PDF page labels (what a viewer shows as the page number) restart with each section."""
        if index not in self._labelled:
            self._labelled.add(index)
            self.canv.addPageLabel(index, style="ARABIC", start=1)

    def _draw_footer(self, canvas) -> None:
        """The document's footer line, small, at the very foot of every page."""
        width, _height = self.pagesize
        size = self._sheet.raw["page"]["page_number_size"] - 1
        canvas.saveState()
        canvas.setFont(font("italic"), size)
        canvas.drawCentredString(width / 2, self._sheet.margin("bottom") / 4, self._footer)
        canvas.restoreState()

    def _number_page(self, canvas, doc) -> None:
        if self._footer:
            self._draw_footer(canvas)
        spec = self._sheet.page_numbers
        number = self.page - self._section_first_page + 1
        if number < spec.first:
            return
        width, height = self.pagesize
        size = self._sheet.raw["page"]["page_number_size"]
        if spec.position == "top":
            y = height - self._sheet.margin("top") / 2 - size * 0.3
        else:
            y = self._sheet.margin("bottom") / 2 - size * 0.3
        canvas.saveState()
        canvas.setFont(font("regular"), size)
        if spec.align == "left":
            canvas.drawString(self._sheet.margin("left"), y, str(number))
        elif spec.align == "right":
            canvas.drawRightString(width - self._sheet.margin("right"), y, str(number))
        else:
            canvas.drawCentredString(width / 2, y, str(number))
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        text = getattr(flowable, "toc_text", None)
        if text:
            self.notify("TOCEntry", (0, text, self.page))


def page_size(doc: Document) -> tuple[float, float]:
    return landscape(A4) if doc.landscape else A4


def frame_width(doc: Document, sheet: Sheet | None = None) -> float:
    sheet = sheet or load_sheet()
    return page_size(doc)[0] - sheet.margin("left") - sheet.margin("right")


def render(doc: Document, out: str | Path | BinaryIO | None = None, *, sheet: Sheet | None = None) -> bytes:
    """Render to a PDF (fonts embedded); returns the bytes and writes them to `out` if given.
    `sheet` is the document profile (the shipped one unless a test passes another)."""
    register_fonts()
    sheet = sheet or load_sheet()
    buffer = io.BytesIO()
    template = _PartyDocTemplate(
        buffer,
        sheet,
        nfc(doc.footer),
        pagesize=page_size(doc),
        leftMargin=sheet.margin("left"),
        rightMargin=sheet.margin("right"),
        topMargin=sheet.margin("top"),
        bottomMargin=sheet.margin("bottom"),
        title=nfc(doc.title),
        subject=nfc(doc.subject),
        author="CellSec",
        creator=f"CellSec {__version__}",
        initialFontName=font("regular"),
        initialFontSize=14,
    )
    story = keep_signatures_with_text(list(doc.story), sheet.signature_keep)
    if doc.has_toc:
        template.multiBuild(story)
    else:
        template.build(story)
    data = buffer.getvalue()
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(data)
    elif out is not None:
        out.write(data)
    return data
