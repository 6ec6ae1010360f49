"""Reading a spreadsheet file into plain rows: .xlsx through openpyxl (read-only, cached values)
and .csv in UTF-8 (with or without BOM), UTF-16, Windows-1258 or legacy TCVN3/VNI bytes.

Nothing here touches the data file, so a worker thread may read while the window waits."""

from __future__ import annotations

import contextlib
import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cellsec.errors import ValidationError
from cellsec.spreadsheets import legacy
from cellsec.spreadsheets.headers import find_header_row, header_text, recognised
from cellsec.store.faults import classify, explain

MAX_ROWS = 20_000  # a cell has at most a few hundred members; anything far larger is not a roll


@dataclass
class RawTable:
    """The cells of one sheet: `rows[i]` is spreadsheet row `first_row + i`."""

    path: Path
    kind: str  # "xlsx" or "csv"
    sheet: str = ""
    rows: list[list[object]] = field(default_factory=list)
    first_row: int = 1
    encoding: str = ""  # CSV: the byte encoding read
    epoch: datetime | None = None  # xlsx: the workbook's date epoch (1900 or 1904)
    notes: list[str] = field(default_factory=list)


def read_table(path: str | Path, *, sheet: str | None = None) -> RawTable:
    """Read the roll's cells. The sheet is `sheet`, else the first one with a header row."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Không tìm thấy tệp “{path}”.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise ValidationError(
            f"Tệp “{path.name}” là Excel 97–2003 (.xls), CellSec chưa đọc được. "
            "Hãy mở tệp bằng Excel và chọn Lưu thành (Save As) › Excel "
            "Workbook (.xlsx), rồi nhập tệp .xlsx."
        )
    raise ValidationError(f"Tệp “{path.name}” không phải bảng tính .xlsx hoặc .csv.")


def _read_xlsx(path: Path, wanted: str | None) -> RawTable:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(
            f"Không đọc được tệp Excel “{path.name}”: tệp hỏng hoặc không phải .xlsx."
        ) from exc
    try:
        names = wb.sheetnames
        if wanted is not None and wanted not in names:
            raise ValidationError(f"Tệp “{path.name}” không có trang “{wanted}” (có: {', '.join(names)}).")
        first: RawTable | None = None
        for name in [wanted] if wanted else names:
            ws = wb[name]
            if not hasattr(ws, "iter_rows"):
                continue  # a chart sheet
            ws.reset_dimensions()  # some programs write a wrong <dimension>: read every row
            rows: list[list[object]] = []
            for values in ws.iter_rows(min_row=1, values_only=True):
                rows.append(list(values))
                if len(rows) > MAX_ROWS:
                    raise ValidationError(
                        f"Trang “{name}” có hơn {MAX_ROWS} dòng: không phải "
                        "danh sách đảng viên của một chi bộ."
                    )
            while rows and all(_blank(v) for v in rows[-1]):
                rows.pop()
            table = RawTable(path=path, kind="xlsx", sheet=name, rows=rows, epoch=wb.epoch)
            first = first or table
            if find_header_row(rows) is not None:
                return table
        assert first is not None or not names
        return first or RawTable(path=path, kind="xlsx")
    finally:
        wb.close()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- CSV ---------------------------------------------------------------------------------------
def _read_csv(path: Path) -> RawTable:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(explain(classify(exc, path), path, "đọc")) from exc
    if len(data) > 50 * 1024 * 1024:
        raise ValidationError(f"Tệp “{path.name}” quá lớn để là danh sách đảng viên.")
    text, encoding = decode_csv_bytes(data)
    rows = _parse_csv(text)
    if len(rows) > MAX_ROWS:
        raise ValidationError(f"Tệp có hơn {MAX_ROWS} dòng: không phải danh sách đảng viên của một chi bộ.")
    table = RawTable(path=path, kind="csv", sheet=path.stem, rows=rows, encoding=encoding)
    if encoding == "cp1258":
        table.notes.append("Tệp CSV được đọc theo bảng mã Windows-1258 (tiếng Việt).")
    return table


ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 (có BOM)",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258",
    "cp1252": "Windows-1252 / mã cũ",
}


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in.

    A BOM decides; else UTF-8 when the bytes are valid UTF-8; else the better-scoring of
    Windows-1258 and Windows-1252 (whose characters are then checked cell by cell for
    TCVN3/VNI codes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = data.decode("latin-1")
    options = [(western, "cp1252")]
    with contextlib.suppress(UnicodeDecodeError):
        options.append((unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258"))

    def score(text: str) -> int:
        return sum(
            legacy.plausibility(legacy.decode(part).text)
            for part in text.replace("\r", "\n")
            .replace(";", "\n")
            .replace(",", "\n")
            .replace("\t", "\n")
            .split("\n")
            if part
        )

    return max(options, key=lambda o: score(o[0]))


def _parse_csv(text: str) -> list[list[object]]:
    """Rows of a CSV, with the delimiter (, ; tab |) under which the header row names the most
    fields: Excel writes ";" where the list separator is ";", and the Sniffer guesses wrong on
    addresses full of commas."""
    head = [line for line in text.splitlines()[:15]]
    best, best_count = ",", -1
    for delimiter in (",", ";", "\t", "|"):
        rows = list(csv.reader(head, delimiter=delimiter))
        count = max((len(recognised([header_text(v) for v in r])) for r in rows), default=0)
        if count > best_count:
            best, best_count = delimiter, count
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=best)]
    except csv.Error as exc:
        raise ValidationError(
            "Tệp CSV không đúng định dạng (dấu ngoặc kép không khép hoặc dòng "
            "có ký tự lạ): hãy mở bằng Excel và lưu lại thành .xlsx."
        ) from exc
