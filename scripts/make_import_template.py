"""Regenerate resources/templates/mau-nhap-dang-vien.xlsx, the member import template.

    python scripts/make_import_template.py [OUT]

The columns and notes live in cellsec/spreadsheets/template.py; run this after changing them
and commit the workbook."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cellsec.spreadsheets.template import TEMPLATE_NAME, write_import_template  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "resources" / "templates" / TEMPLATE_NAME
    write_import_template(out)
    print(f"Đã tạo {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
