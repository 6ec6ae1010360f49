"""The report style sheet: sizes and margins from resources/report_style.toml as ReportLab styles."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ..paths import resources_dir
from .fonts import font


@dataclass(frozen=True)
class Sheet:
    raw: dict[str, Any]
    styles: dict[str, ParagraphStyle]

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def margin(self, side: str) -> float:
        return float(self.raw["page"][f"margin_{side}_mm"]) * mm


def _para(name: str, size: float, ratio: float, face: str = "regular", **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font(face), fontSize=size, leading=size * ratio, **kw)


@lru_cache(maxsize=1)
def load_sheet() -> Sheet:
    raw = tomllib.loads((resources_dir() / "report_style.toml").read_text(encoding="utf-8"))
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
        "title": _para("title", b["title_size"], 1.25, "bold", alignment=TA_CENTER,
                       spaceBefore=14),
        "summary": _para("summary", b["summary_size"], 1.25, "bold", alignment=TA_CENTER,
                         spaceAfter=10),
        "body": _para("body", b["text_size"], r, alignment=TA_JUSTIFY, firstLineIndent=indent,
                      spaceAfter=b["space_after"]),
        "body_plain": _para("body_plain", b["text_size"], r, alignment=TA_JUSTIFY,
                            spaceAfter=b["space_after"]),
        "heading": _para("heading", b["text_size"], r, "bold", alignment=TA_JUSTIFY,
                         firstLineIndent=indent, spaceBefore=4, spaceAfter=b["space_after"]),
        "bullet": _para("bullet", b["text_size"], r, alignment=TA_JUSTIFY, leftIndent=indent,
                        firstLineIndent=-4 * mm, spaceAfter=2),
        "cell": _para("cell", b["table_text_size"], 1.2, alignment=TA_LEFT),
        "cell_center": _para("cell_center", b["table_text_size"], 1.2, alignment=TA_CENTER),
        "cell_head": _para("cell_head", b["table_text_size"], 1.2, "bold", alignment=TA_CENTER),
        "role": _para("role", s["role_size"], 1.25, "bold", alignment=TA_CENTER),
        "signer": _para("signer", s["name_size"], 1.25, "bold", alignment=TA_CENTER),
        "recipients": _para("recipients", s["recipients_size"], 1.2, alignment=TA_LEFT),
        "recipients_head": _para("recipients_head", s["recipients_size"] + 1, 1.2, "bolditalic",
                                 alignment=TA_LEFT),
        "note": _para("note", b["table_text_size"], 1.2, "italic", alignment=TA_JUSTIFY),
        "page_number": _para("page_number", raw["page"]["page_number_size"], 1.2,
                             alignment=TA_CENTER),
    }
    return Sheet(raw, styles)
