"""The document profile (HD 36 layout): sizes, margins and page numbering from
resources/report_style.toml, as ReportLab styles."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from cellsec.errors import ValidationError
from cellsec.paths import resources_dir
from cellsec.reports.fonts import font

PAGE_NUMBER_POSITIONS = ("top", "bottom")
PAGE_NUMBER_ALIGNS = ("left", "center", "right")


@dataclass(frozen=True)
class PageNumbers:
    """Where page numbers go: top or bottom of the page, left/centre/right, from which page of
    each document (2: not on the first page, as HD 36 is read — unverified, so a setting)."""

    position: str = "top"
    align: str = "center"
    first: int = 2


@dataclass(frozen=True)
class Sheet:
    raw: dict[str, Any]
    styles: dict[str, ParagraphStyle]

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def margin(self, side: str) -> float:
        return float(self.raw["page"][f"margin_{side}_mm"]) * mm

    @property
    def page_numbers(self) -> PageNumbers:
        page = self.raw["page"]
        return PageNumbers(
            page["page_number_position"], page["page_number_align"], int(page["page_number_first"])
        )

    @property
    def signature_keep(self) -> float:
        """How much of the text before a signature block goes along with it to a new page."""
        return self.raw["signature"]["keep_lines_with_text"] * self["body"].leading


def _para(name: str, size: float, ratio: float, face: str = "regular", **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font(face), fontSize=size, leading=size * ratio, **kw)


@lru_cache(maxsize=1)
def load_sheet() -> Sheet:
    return parse_sheet(tomllib.loads((resources_dir() / "report_style.toml").read_text("utf-8")))


def _check_page_numbers(page: dict[str, Any]) -> None:
    """The page-number settings are edited by hand: say which one is wrong, in Vietnamese."""
    where = "Tệp kiểu văn bản report_style.toml, mục [page]"
    checks = (
        ("page_number_position", PAGE_NUMBER_POSITIONS, "vị trí số trang"),
        ("page_number_align", PAGE_NUMBER_ALIGNS, "căn lề số trang"),
    )
    for key, allowed, label in checks:
        if page.get(key) not in allowed:
            raise ValidationError(
                f"{where}: {key} ({label}) phải là một trong "
                f"{', '.join(allowed)}, đang là “{page.get(key)}”.",
                label,
                key,
            )
    first = page.get("page_number_first")
    if not isinstance(first, int) or isinstance(first, bool) or first < 1:
        raise ValidationError(
            f"{where}: page_number_first (số trang bắt đầu in số) phải là số nguyên từ 1, đang là “{first}”.",
            "số trang bắt đầu in số",
            "page_number_first",
        )


def parse_sheet(raw: dict[str, Any]) -> Sheet:
    """The styles of a document profile (the parsed TOML)."""
    _check_page_numbers(raw["page"])
    h, b, s = raw["header"], raw["body"], raw["signature"]
    r = b["leading_ratio"]
    indent = b["first_line_indent_mm"] * mm
    styles = {
        "superior": _para("superior", h["superior_size"], 1.2, alignment=TA_CENTER),
        "issuer": _para("issuer", h["issuer_size"], 1.2, "bold", alignment=TA_CENTER),
        "star": _para("star", h["number_size"], 1.2, alignment=TA_CENTER),
        "number": _para("number", h["number_size"], 1.2, alignment=TA_CENTER),
        "party": _para("party", h["party_size"], 1.2, "bold", alignment=TA_CENTER),
        "date": _para("date", h["date_size"], 1.2, "italic", alignment=TA_CENTER),
        "title": _para("title", b["title_size"], 1.25, "bold", alignment=TA_CENTER, spaceBefore=14),
        "summary": _para("summary", b["summary_size"], 1.25, "bold", alignment=TA_CENTER, spaceAfter=10),
        "body": _para(
            "body",
            b["text_size"],
            r,
            alignment=TA_JUSTIFY,
            firstLineIndent=indent,
            spaceAfter=b["space_after"],
        ),
        # A line that introduces what follows ("Ý kiến phát biểu:", "Biểu quyết:"): kept with it.
        "lead_in": _para(
            "lead_in",
            b["text_size"],
            r,
            alignment=TA_JUSTIFY,
            firstLineIndent=indent,
            spaceAfter=b["space_after"],
            keepWithNext=1,
        ),
        "body_plain": _para(
            "body_plain", b["text_size"], r, alignment=TA_JUSTIFY, spaceAfter=b["space_after"]
        ),
        # keepWithNext: a heading is never left alone at the foot of a page (template.KeepHeading).
        "heading": _para(
            "heading",
            b["text_size"],
            r,
            "bold",
            alignment=TA_JUSTIFY,
            firstLineIndent=indent,
            spaceBefore=4,
            spaceAfter=b["space_after"],
            keepWithNext=1,
        ),
        "bullet": _para(
            "bullet",
            b["text_size"],
            r,
            alignment=TA_JUSTIFY,
            leftIndent=indent,
            firstLineIndent=-4 * mm,
            spaceAfter=2,
        ),
        "cell": _para("cell", b["table_text_size"], 1.2, alignment=TA_LEFT),
        "cell_center": _para("cell_center", b["table_text_size"], 1.2, alignment=TA_CENTER),
        "cell_head": _para("cell_head", b["table_text_size"], 1.2, "bold", alignment=TA_CENTER),
        "role": _para("role", s["role_size"], 1.25, "bold", alignment=TA_CENTER),
        "signer": _para("signer", s["name_size"], 1.25, "bold", alignment=TA_CENTER),
        "recipients": _para("recipients", s["recipients_size"], 1.2, alignment=TA_LEFT),
        "recipients_head": _para(
            "recipients_head", s["recipients_size"] + 1, 1.2, "bolditalic", alignment=TA_LEFT
        ),
        "note": _para("note", b["table_text_size"], 1.2, "italic", alignment=TA_JUSTIFY),
        "page_number": _para("page_number", raw["page"]["page_number_size"], 1.2, alignment=TA_CENTER),
    }
    return Sheet(raw, styles)
