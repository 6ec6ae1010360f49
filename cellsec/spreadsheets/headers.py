"""Column headers of a member roll: the fields an import fills, their Vietnamese synonyms,
header-row detection and the automatic column -> field mapping."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from cellsec.entities.members import MEMBER_DATE_FIELDS
from cellsec.errors import ValidationError
from cellsec.services.member_form import MEMBER_LABELS
from cellsec.services.members import ENTRY_LABELS
from cellsec.spreadsheets import legacy
from cellsec.text import fold, nfc

# Pseudo-fields of the classic paper register, where the birth date is written in a "Nam" or a
# "Nữ" column (the column tells the sex).
BIRTH_MALE = "birth_male"
BIRTH_FEMALE = "birth_female"
IGNORED = "_ignored"  # recognised but not imported (STT, party age, status ...)

FIELD_LABELS: dict[str, str] = {
    **MEMBER_LABELS,
    **ENTRY_LABELS,
    BIRTH_MALE: "Ngày sinh (cột Nam)",
    BIRTH_FEMALE: "Ngày sinh (cột Nữ)",
}
ENTRY_FIELDS = tuple(ENTRY_LABELS)
DATE_FIELDS = frozenset(MEMBER_DATE_FIELDS) | {
    "admission_date",
    "official_date",
    "joined_date",
    "attached_until",
    BIRTH_MALE,
    BIRTH_FEMALE,
}
IDENTIFIER_FIELDS = frozenset({"citizen_id", "party_card_no", "old_card_no", "lylich_no", "phone"})

# Synonyms as typed on real rolls; compared after fold() and punctuation -> spaces. Every
# field's own label (MEMBER_LABELS, ENTRY_LABELS) is a synonym too.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "Họ và tên",
        "Họ tên",
        "Ho ten",
        "Họ và tên đảng viên",
        "Họ tên đảng viên",
        "Tên đảng viên",
        "Họ và tên đang dùng",
        "Họ và tên khai sinh",
    ),
    "alias": ("Tên gọi khác", "Tên khác", "Bí danh"),
    "sex": ("Giới tính", "Nam/Nữ", "Nam, nữ", "Phái", "GT", "Giới"),
    "birth_date": (
        "Ngày sinh",
        "NS",
        "Ngày tháng năm sinh",
        "Ngày, tháng, năm sinh",
        "Sinh ngày",
        "Năm sinh",
    ),
    "birth_place": ("Nơi sinh", "Nơi đăng ký khai sinh", "Nơi ĐK khai sinh"),
    "hometown": ("Quê quán", "Quê"),
    "permanent_address": (
        "Nơi thường trú",
        "Thường trú",
        "Địa chỉ thường trú",
        "Nơi ở hiện nay",
        "Chỗ ở hiện nay",
        "Nơi ở",
        "Địa chỉ",
    ),
    "permanent_commune": ("Xã/phường thường trú", "Xã/phường", "Xã, phường"),
    "permanent_province": ("Tỉnh/thành phố thường trú", "Tỉnh/thành phố", "Tỉnh, thành phố"),
    "old_address": ("Địa chỉ cũ", "Địa chỉ cũ (trước sắp xếp)"),
    "temporary_address": ("Nơi tạm trú", "Tạm trú"),
    "ethnicity": ("Dân tộc",),
    "religion": ("Tôn giáo",),
    "occupation": ("Nghề nghiệp", "Nghề nghiệp hiện nay", "Công việc", "Nghề"),
    "education": ("Giáo dục phổ thông", "Trình độ văn hóa", "Văn hóa", "GDPT", "Trình độ GDPT", "Học vấn"),
    "qualification": ("Chuyên môn, nghiệp vụ", "Chuyên môn", "Trình độ chuyên môn", "CMNV"),
    "political_theory": (
        "Lý luận chính trị",
        "Trình độ LLCT",
        "LLCT",
        "Trình độ lý luận chính trị",
        "Lý luận",
        "Trình độ lý luận",
    ),
    "citizen_id": (
        "Số CCCD",
        "CCCD",
        "CMND/CCCD",
        "Số CMND/CCCD",
        "CCCD/CMND",
        "Số định danh",
        "Số định danh cá nhân",
        "Căn cước công dân",
        "Số căn cước",
        "Số căn cước công dân",
        "CMND",
        "Số CMND",
    ),
    "party_card_no": (
        "Số thẻ đảng",
        "Số thẻ đảng viên",
        "Số thẻ ĐV",
        "Số thẻ",
        "Thẻ đảng",
        "Số thẻ đảng mới",
    ),
    "old_card_no": ("Số thẻ đảng cũ", "Số thẻ cũ", "Thẻ cũ"),
    "lylich_no": ("Số lý lịch", "Số LL", "Số LLĐV", "Số lý lịch đảng viên"),
    "phone": ("Điện thoại", "SĐT", "Số điện thoại", "Số ĐT", "ĐT", "ĐTDĐ", "Di động", "Điện thoại di động"),
    "ceremony_date": ("Ngày lễ kết nạp", "Ngày tổ chức lễ kết nạp"),
    "admitting_cell": ("Chi bộ kết nạp", "Nơi kết nạp", "Kết nạp tại chi bộ"),
    "introducer_1": ("Người giới thiệu thứ nhất", "Người giới thiệu 1", "Người giới thiệu"),
    "introducer_2": ("Người giới thiệu thứ hai", "Người giới thiệu 2"),
    "youth_union_date": ("Ngày vào Đoàn", "Ngày vào ĐTN", "Vào Đoàn"),
    "military_from": ("Ngày nhập ngũ", "Nhập ngũ"),
    "military_to": ("Ngày xuất ngũ", "Xuất ngũ"),
    "rewards": ("Khen thưởng",),
    "discipline_notes": ("Kỷ luật", "Kỷ luật (ghi chú)"),
    "badges": ("Huy hiệu Đảng", "Huy hiệu", "Huy hiệu Đảng đã nhận"),
    "notes": ("Ghi chú",),
    "entry_kind": ("Hình thức", "Hình thức vào chi bộ", "Hình thức sinh hoạt"),
    "admission_date": (
        "Ngày vào Đảng",
        "Ngày kết nạp",
        "Ngày kết nạp Đảng",
        "Ngày vào Đảng (kết nạp)",
        "Vào Đảng",
        "Ngày tháng năm vào Đảng",
    ),
    "admission_ref": ("Số quyết định kết nạp", "Quyết định kết nạp", "Số QĐ kết nạp"),
    "official_date": (
        "Ngày chính thức",
        "Ngày công nhận chính thức",
        "Chính thức",
        "Ngày vào Đảng chính thức",
        "Ngày đảng viên chính thức",
        "Ngày trở thành đảng viên chính thức",
    ),
    "official_ref": ("Số quyết định công nhận chính thức", "Số QĐ chính thức", "Quyết định chính thức"),
    "joined_date": (
        "Ngày đến chi bộ",
        "Ngày chuyển đến",
        "Ngày chuyển sinh hoạt đến",
        "Ngày sinh hoạt tại chi bộ",
    ),
    "origin": ("Chuyển đến từ", "Nơi chuyển đến từ", "Nơi chuyển đến", "Chuyển từ", "Nơi sinh hoạt trước"),
    "entry_ref": ("Số giấy giới thiệu", "Giấy giới thiệu", "Số GGT"),
    "attached_until": ("Sinh hoạt tạm thời đến ngày", "SHTT đến ngày"),
    IGNORED: ("STT", "TT", "Số TT", "Tuổi đảng", "Tình trạng", "Ký tên", "Ký nhận"),
}
# Headers that count only when they are the whole header ("Nam" in "Nam/Nữ" is the sex).
_EXACT_ONLY = {BIRTH_MALE: ("Nam", "Ngày sinh Nam"), BIRTH_FEMALE: ("Nữ", "Ngày sinh Nữ")}
# One-word synonyms distinctive enough to be found inside a longer header ("Số CCCD mới").
_DISTINCT_WORDS = {"cccd", "cmnd", "sdt", "llct", "dtdd"}

_PUNCT = re.compile(r"[^0-9a-z]+")


def header_key(text: object) -> str:
    """The form a header is compared in: folded, punctuation as single spaces."""
    return _PUNCT.sub(" ", fold(str(text or ""))).strip()


def _build_index() -> tuple[dict[str, str], list[tuple[tuple[str, ...], str]]]:
    exact: dict[str, str] = {}
    contained: list[tuple[tuple[str, ...], str]] = []
    labelled = {
        field: (label,) for field, label in FIELD_LABELS.items() if field not in (BIRTH_MALE, BIRTH_FEMALE)
    }
    for source in (labelled, _SYNONYMS):
        for field, names in source.items():
            for name in names:
                key = header_key(name)
                exact.setdefault(key, field)
                words = tuple(key.split())
                if len(words) >= 2 or key in _DISTINCT_WORDS:
                    contained.append((words, field))
    for field, names in _EXACT_ONLY.items():
        for name in names:
            exact[header_key(name)] = field
    contained.sort(key=lambda item: -len(item[0]))  # the longest phrase wins
    return exact, contained


_EXACT, _CONTAINED = _build_index()


def match_header(text: object) -> str | None:
    """The field a header names, or None. IGNORED for known columns that are not imported."""
    key = header_key(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    words = key.split()
    for phrase, field in _CONTAINED:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return field
    return None


def header_text(value: object) -> object:
    """A header cell as Unicode: of its readings (as is, TCVN3, VNI), the one that names a
    field, else the likeliest. Headers are short, so the column's other cells cannot help."""
    if not isinstance(value, str):
        return value
    if not legacy.needs_check(value):
        return nfc(value)
    for text, _ in legacy.readings(value).values():
        if match_header(text):
            return nfc(text)
    return nfc(legacy.decode(value).text)


def auto_map(headers: Sequence[str]) -> dict[str, int]:
    """field -> column index for the recognised headers; the first column of a field wins
    (a second "Người giới thiệu" becomes the second introducer)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = match_header(header)
        if field is None or field == IGNORED:
            continue
        if field == "introducer_1" and field in mapping:
            field = "introducer_2"
        mapping.setdefault(field, index)
    return mapping


def recognised(row: Sequence[object]) -> set[str]:
    return {f for f in (match_header(v) for v in row if isinstance(v, str)) if f and f != IGNORED}


def find_header_row(rows: Sequence[Sequence[object]], limit: int = 10) -> int | None:
    """Index of the first row (within `limit`) naming at least two member fields."""
    for index, row in enumerate(rows[:limit]):
        if len(recognised([header_text(v) for v in row])) >= 2:
            return index
    return None


def apply_overrides(
    mapping: dict[str, int], headers: Sequence[str], overrides: Mapping[str, str | int | None]
) -> dict[str, int]:
    """Apply the user's choices on top of the automatic mapping.

    `overrides` maps a field key to a column: its header text as in the file (compared folded),
    its 0-based index, its letter ("C"), or None/"" to leave the field out. A column given to a
    field is taken away from any other field."""
    result = dict(mapping)
    keys = [header_key(h) for h in headers]
    for field, column in overrides.items():
        if field not in FIELD_LABELS:
            raise ValidationError(
                f"Không có trường “{field}” để ghép cột (các trường: {', '.join(FIELD_LABELS)})."
            )
        result.pop(field, None)
        if column is None or column == "":
            continue
        index = _column_index(column, headers, keys)
        for other, taken in list(result.items()):
            if taken == index:
                del result[other]
        result[field] = index
    return result


def _column_index(column: str | int, headers: Sequence[str], keys: list[str]) -> int:
    if isinstance(column, int) and not isinstance(column, bool):
        if 0 <= column < len(headers):
            return column
        raise ValidationError(f"Không có cột số {column + 1} trong bảng.")
    text = str(column)
    key = header_key(text)
    if key in keys:
        return keys.index(key)
    if re.fullmatch(r"[A-Za-z]{1,3}", text.strip()):
        from openpyxl.utils import column_index_from_string

        index = int(column_index_from_string(text.strip().upper())) - 1
        if index < len(headers):
            return index
    raise ValidationError(
        f"Không tìm thấy cột “{text}” trong dòng tiêu đề ({', '.join(h for h in headers if h)})."
    )
