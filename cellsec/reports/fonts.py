"""The serif used in Party documents: Times New Roman where the system has it, otherwise the
bundled Liberation Serif (metric-compatible, SIL OFL, resources/fonts)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cellsec.paths import resources_dir

FAMILY = "CellSecSerif"
_STYLES = ("regular", "bold", "italic", "bolditalic")
_TIMES = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bolditalic": "timesbi.ttf"}
_TIMES_LINUX = {
    "regular": "Times_New_Roman.ttf",
    "bold": "Times_New_Roman_Bold.ttf",
    "italic": "Times_New_Roman_Italic.ttf",
    "bolditalic": "Times_New_Roman_Bold_Italic.ttf",
}
_LIBERATION = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}


@dataclass(frozen=True)
class FontSet:
    name: str  # what the PDF is set in, e.g. "Times New Roman"
    files: dict[str, Path]


def _complete(folder: Path, names: dict[str, str]) -> dict[str, Path] | None:
    files = {style: folder / name for style, name in names.items()}
    return files if all(p.is_file() for p in files.values()) else None


def find_fonts(prefer_system: bool = True) -> FontSet:
    """Times New Roman from Windows or a Linux core-fonts install, else the bundled font."""
    if prefer_system and not os.environ.get("CELLSEC_BUNDLED_FONT"):
        candidates = []
        if sys.platform == "win32":
            windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
            candidates.append((windir / "Fonts", _TIMES))
        candidates += [
            (Path("/usr/share/fonts/truetype/msttcorefonts"), _TIMES_LINUX),
            (Path("/usr/share/fonts/truetype/msttcorefonts"), _TIMES),
            (Path("/Library/Fonts"), _TIMES),
        ]
        for folder, names in candidates:
            files = _complete(folder, names)
            if files:
                return FontSet("Times New Roman", files)
    files = _complete(resources_dir() / "fonts", _LIBERATION)
    if files is None:
        raise FileNotFoundError("Thiếu phông chữ Liberation Serif trong resources/fonts.")
    return FontSet("Liberation Serif", files)


@lru_cache(maxsize=1)
def register_fonts() -> FontSet:
    """Register the family with ReportLab once per process; returns what was chosen."""
    fonts = find_fonts()
    for style in _STYLES:
        pdfmetrics.registerFont(TTFont(f"{FAMILY}-{style}", str(fonts.files[style])))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=f"{FAMILY}-regular",
        bold=f"{FAMILY}-bold",
        italic=f"{FAMILY}-italic",
        boldItalic=f"{FAMILY}-bolditalic",
    )
    return fonts


def font(style: str = "regular") -> str:
    register_fonts()
    return f"{FAMILY}-{style}"
