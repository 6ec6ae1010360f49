"""The import template workbook (mau-nhap-dang-vien.xlsx): the recognised headers, identifier
columns formatted as text, date columns as dd/mm/yyyy, and a sheet of notes in Vietnamese.

resources/templates/mau-nhap-dang-vien.xlsx is generated from here by
scripts/make_import_template.py; `import_template_path()` finds it (also in the bundle)."""

from __future__ import annotations

import shutil
from pathlib import Path

from cellsec.errors import ValidationError
from cellsec.paths import resources_dir
from cellsec.store.faults import classify, explain

TEMPLATE_NAME = "mau-nhap-dang-vien.xlsx"

# (header, field, required, explanation, example) — every header is one auto_map recognises.
TEMPLATE_COLUMNS: tuple[tuple[str, str, bool, str, str], ...] = (
    ("Họ và tên", "full_name", True, "Họ, tên đệm và tên, có dấu.", "Nguyễn Văn Mẫu"),
    ("Giới tính", "sex", True, "Nam hoặc Nữ.", "Nam"),
    ("Ngày sinh", "birth_date", True, "Ngày/tháng/năm, ví dụ 05/03/1960.", "05/03/1960"),
    ("Số CCCD", "citizen_id", False, "Căn cước công dân: đúng 12 chữ số (giữ số 0 ở đầu).", "001060000000"),
    ("Số thẻ đảng viên", "party_card_no", False, "Số thẻ mới: đúng 12 chữ số.", "000000000000"),
    ("Số thẻ đảng cũ", "old_card_no", False, "Số thẻ cũ (nếu có), ghi như trên thẻ.", ""),
    ("Điện thoại", "phone", False, "10 số, bắt đầu bằng 0.", "0900000000"),
    (
        "Ngày vào Đảng",
        "admission_date",
        True,
        "Ngày kết nạp theo quyết định (tuổi đảng tính từ ngày này).",
        "19/05/1990",
    ),
    (
        "Ngày chính thức",
        "official_date",
        False,
        "Ngày công nhận đảng viên chính thức; để trống nếu còn dự bị.",
        "19/05/1991",
    ),
    (
        "Hình thức vào chi bộ",
        "entry_kind",
        False,
        "Để trống nếu kết nạp tại chi bộ; ghi “Chuyển đến” (chuyển sinh hoạt chính thức đến) hoặc "
        "“Sinh hoạt tạm thời đến”.",
        "",
    ),
    ("Chuyển đến từ", "origin", False, "Chi bộ, đảng bộ nơi chuyển đến (bắt buộc nếu chuyển đến).", ""),
    ("Ngày đến chi bộ", "joined_date", False, "Ngày bắt đầu sinh hoạt tại chi bộ (nếu chuyển đến).", ""),
    ("Số quyết định kết nạp", "admission_ref", False, "Ví dụ 123-QĐ/ĐU.", ""),
    ("Quê quán", "hometown", False, "", "Xã Thanh Sơn, tỉnh Mẫu"),
    ("Nơi thường trú", "permanent_address", False, "", "Thôn Tân Hồng"),
    ("Dân tộc", "ethnicity", False, "Để trống là Kinh.", "Kinh"),
    ("Tôn giáo", "religion", False, "Để trống là Không.", "Không"),
    ("Nghề nghiệp", "occupation", False, "", "Nông dân"),
    ("Giáo dục phổ thông", "education", False, "Ví dụ 12/12.", "12/12"),
    ("Trình độ LLCT", "political_theory", False, "Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân.", "Sơ cấp"),
    ("Ngày lễ kết nạp", "ceremony_date", False, "", ""),
    ("Chi bộ kết nạp", "admitting_cell", False, "", ""),
    ("Ngày vào Đoàn", "youth_union_date", False, "", ""),
    ("Ghi chú", "notes", False, "", ""),
)
_WIDTHS = {
    "full_name": 26,
    "hometown": 26,
    "permanent_address": 26,
    "origin": 26,
    "entry_kind": 22,
    "notes": 30,
}


def import_template_path() -> Path:
    """The template shipped with the app (resources/templates/mau-nhap-dang-vien.xlsx)."""
    return resources_dir() / "templates" / TEMPLATE_NAME


def write_import_template(path: str | Path) -> Path:
    """Build the template workbook at `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from cellsec.spreadsheets.headers import DATE_FIELDS, IDENTIFIER_FIELDS

    wb = Workbook()
    ws = wb.active
    ws.title = "Đảng viên"
    ws.append([c[0] for c in TEMPLATE_COLUMNS])
    for index, (_header, field, required, _, _) in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True, color="C00000" if required else None)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(index)
        dim = ws.column_dimensions[letter]
        dim.width = _WIDTHS.get(field, 15)
        if field in IDENTIFIER_FIELDS:
            dim.number_format = "@"  # typed digits stay text: leading zeros survive
        elif field in DATE_FIELDS:
            dim.number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32

    notes = wb.create_sheet("Hướng dẫn")
    notes.append(["HƯỚNG DẪN NHẬP DANH SÁCH ĐẢNG VIÊN"])
    notes["A1"].font = Font(bold=True, size=13)
    for line in (
        "Mỗi đảng viên một dòng trên trang “Đảng viên”, bắt đầu từ dòng 2; không đổi tên các cột.",
        "Cột tên màu đỏ là bắt buộc. Có thể xóa các cột không dùng, hoặc thêm cột khác (các cột "
        "không nhận ra sẽ được bỏ qua và báo lại khi xem trước).",
        "Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/03/1960 (hoặc nhập ngày của Excel).",
        "Số CCCD, số thẻ đảng, điện thoại: các cột này đã định dạng Văn bản để giữ số 0 ở đầu. "
        "Nếu dán từ nơi khác, hãy kiểm tra số 0 ở đầu.",
        "Chữ tiếng Việt nên gõ Unicode; tệp cũ gõ bằng phông TCVN3 (.VnTime) hoặc VNI vẫn nhập "
        "được, CellSec tự chuyển sang Unicode.",
        "Khi nhập, CellSec cho xem trước từng dòng: dòng lỗi (kèm lý do), dòng trùng với đảng viên "
        "đã có; chỉ ghi khi bạn đồng ý, và ghi tất cả hoặc không ghi gì.",
    ):
        notes.append([line])
    notes.append([])
    notes.append(["Cột", "Bắt buộc", "Giải thích", "Ví dụ"])
    head_row = notes.max_row
    for cell in notes[head_row]:
        cell.font = Font(bold=True)
    for header, _, required, explanation, example in TEMPLATE_COLUMNS:
        notes.append([header, "Có" if required else "", explanation, example])
    for row in notes.iter_rows(min_row=head_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.number_format = "@"
    for letter, width in zip("ABCD", (24, 10, 70, 24)):
        notes.column_dimensions[letter].width = width
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def copy_import_template(dest: str | Path) -> Path:
    """Give the user a copy of the template (built afresh if the shipped one is missing)."""
    dest = Path(dest)
    if dest.suffix.lower() != ".xlsx":
        dest = dest.with_suffix(".xlsx")
    source = import_template_path()
    try:
        if source.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)
            return dest
        return write_import_template(dest)
    except OSError as exc:
        raise ValidationError(explain(classify(exc, dest), dest, "ghi")) from exc
