"""Sample spreadsheets for the spreadsheet tests (synthetic names only), and the checks that
the committed samples in tests/data/import/ still read as they should."""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from openpyxl import Workbook

HEADERS = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Số thẻ đảng viên", "SĐT",
           "Ngày vào Đảng", "Ngày chính thức", "Quê quán"]


def person(n: int, name: str, **over: object) -> list[object]:
    """A valid row for HEADERS: member number n gets distinct identifiers."""
    row: dict[str, object] = {
        "STT": n, "Họ và tên": name, "Giới tính": "Nam", "Ngày sinh": f"{n:02d}/03/1970",
        "Số CCCD": f"0250700{n:05d}", "Số thẻ đảng viên": f"0100000{n:05d}",
        "SĐT": f"09123{n:05d}", "Ngày vào Đảng": "03/02/1995", "Ngày chính thức": "03/02/1996",
        "Quê quán": "Xã Mẫu Sơn"}
    row.update(over)
    return [row[h] for h in HEADERS]


def write_xlsx(path: Path, rows: list[list[object]], headers: list[str] | None = None,
               before: list[list[object]] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    for line in before or []:
        ws.append(line)
    ws.append(headers or HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def cp1258_text(text: str) -> str:
    """Text as Windows-1258 holds it: letters with their hat/breve/horn precomposed where the
    code page has them, tone marks as separate combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = [m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
        out.append(base + "".join(tones))
    return "".join(out)


def write_csv(path: Path, rows: list[list[object]], headers: list[str] | None = None, *,
              encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        return cp1258_text(text) if encoding == "cp1258" else text
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow([cell(h) for h in headers or HEADERS])
        for row in rows:
            writer.writerow([cell(v) for v in row])
    return path
