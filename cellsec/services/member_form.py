"""Member form: Vietnamese field labels, text -> Member parsing and the field checks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from cellsec.dates import format_date, parse_date
from cellsec.entities.members import MEMBER_DATA_FIELDS, MEMBER_DATE_FIELDS, Member, Sex
from cellsec.errors import ValidationError
from cellsec.services.forms import form_text
from cellsec.text import clean_name, digits_only, fold

MEMBER_LABELS: dict[str, str] = {
    "full_name": "Họ và tên",
    "alias": "Tên gọi khác",
    "sex": "Giới tính",
    "birth_date": "Ngày sinh",
    "birth_place": "Nơi đăng ký khai sinh",
    "hometown": "Quê quán",
    "permanent_address": "Nơi thường trú",
    "permanent_commune": "Xã/phường thường trú",
    "permanent_province": "Tỉnh/thành phố thường trú",
    "old_address": "Địa chỉ cũ (trước sắp xếp)",
    "temporary_address": "Nơi tạm trú",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "occupation": "Nghề nghiệp",
    "education": "Giáo dục phổ thông",
    "qualification": "Chuyên môn, nghiệp vụ",
    "political_theory": "Lý luận chính trị",
    "citizen_id": "Số CCCD",
    "party_card_no": "Số thẻ đảng viên",
    "old_card_no": "Số thẻ đảng cũ",
    "lylich_no": "Số lý lịch",
    "phone": "Điện thoại",
    "ceremony_date": "Ngày lễ kết nạp",
    "admitting_cell": "Chi bộ kết nạp",
    "introducer_1": "Người giới thiệu thứ nhất",
    "introducer_2": "Người giới thiệu thứ hai",
    "youth_union_date": "Ngày vào Đoàn",
    "military_from": "Ngày nhập ngũ",
    "military_to": "Ngày xuất ngũ",
    "rewards": "Khen thưởng",
    "discipline_notes": "Kỷ luật (ghi chú)",
    "badges": "Huy hiệu Đảng đã nhận",
    "notes": "Ghi chú",
}
assert set(MEMBER_LABELS) == set(MEMBER_DATA_FIELDS)

POLITICAL_THEORY_LEVELS = ("", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*$")
_MAX_LEN = 500


def _err(key: str, message: str) -> ValidationError:
    return ValidationError(f"{MEMBER_LABELS[key]}: {message}", MEMBER_LABELS[key], key)


def _date(form: Mapping[str, str], key: str, today: date, required: bool = False) -> date | None:
    return parse_date(form.get(key, ""), MEMBER_LABELS[key], key=key, required=required, today=today)


def parse_sex(value: str) -> Sex:
    folded = fold(value)
    if folded in ("nam", "m", "male"):
        return Sex.MALE
    if folded in ("nu", "f", "female"):
        return Sex.FEMALE
    raise _err("sex", f"“{value}” không hợp lệ; chọn Nam hoặc Nữ.")


def parse_member(
    form: Mapping[str, str], *, member_id: int | None = None, today: date | None = None
) -> Member:
    """Turn a form (field -> text) into a Member, or raise ValidationError naming the field."""
    today = today or date.today()
    text = form_text(form, MEMBER_LABELS, max_len=_MAX_LEN)
    name = clean_name(text["full_name"])
    if not name:
        raise _err("full_name", "chưa nhập.")
    if not _NAME.match(name) or len(name.split()) < 2:
        raise _err("full_name", f"“{name}” không phải họ tên hợp lệ (cần họ và tên, chỉ gồm chữ).")
    if not text["sex"]:
        raise _err("sex", "chưa chọn.")
    sex = parse_sex(text["sex"])
    dates = {k: _date(text, k, today, required=(k == "birth_date")) for k in MEMBER_DATE_FIELDS}
    birth = dates["birth_date"]
    assert birth is not None
    if birth.year < 1900:
        raise _err("birth_date", "năm sinh không hợp lệ.")
    for key in MEMBER_DATE_FIELDS[1:]:  # every date after the birth
        day = dates[key]
        if day and day <= birth:
            raise _err(key, f"ngày {format_date(day)} không thể trước ngày sinh.")
    if dates["military_from"] and dates["military_to"] and dates["military_to"] < dates["military_from"]:
        raise _err("military_to", "ngày xuất ngũ trước ngày nhập ngũ.")
    citizen_id = digits_only(text["citizen_id"]) if text["citizen_id"] else ""
    if text["citizen_id"] and (len(citizen_id) != 12 or len(text["citizen_id"].replace(" ", "")) != 12):
        raise _err("citizen_id", f"“{text['citizen_id']}” phải gồm đúng 12 chữ số.")
    card = text["party_card_no"].replace(" ", "")
    if card and (not (card.isascii() and card.isdigit()) or len(card) != 12):
        raise _err(
            "party_card_no",
            f"“{text['party_card_no']}” phải gồm đúng 12 chữ số (thẻ mới); "
            "số thẻ cũ ghi vào ô “Số thẻ đảng cũ”.",
        )
    old_card = text["old_card_no"].replace(" ", "")
    if old_card and not re.fullmatch(r"[0-9A-Za-z.\-/]{1,20}", old_card):
        raise _err("old_card_no", f"“{text['old_card_no']}” không hợp lệ.")
    phone = text["phone"]
    if phone:
        if not re.fullmatch(r"\+?[0-9 .\-]+", phone):
            raise _err("phone", f"“{phone}” chỉ được gồm chữ số.")
        digits = digits_only(phone)
        if phone.startswith("+84"):
            digits = "0" + digits[2:]
        if not (digits.startswith("0") and 10 <= len(digits) <= 11):
            raise _err("phone", f"“{phone}” không phải số điện thoại Việt Nam (10–11 số, bắt đầu 0).")
        phone = digits
    values: dict[str, Any] = {k: text[k] for k in MEMBER_DATA_FIELDS}
    values.update(dates)
    values.update(
        full_name=name,
        sex=sex,
        citizen_id=citizen_id,
        party_card_no=card,
        old_card_no=old_card,
        phone=phone,
        alias=text["alias"],
        introducer_1=clean_name(text["introducer_1"]),
        introducer_2=clean_name(text["introducer_2"]),
    )
    return Member(id=member_id, **values)


def member_form(m: Member) -> dict[str, str]:
    """The text a form shows for a member (the inverse of parse_member)."""
    form: dict[str, str] = {}
    for key in MEMBER_DATA_FIELDS:
        value = getattr(m, key)
        if key in MEMBER_DATE_FIELDS:
            form[key] = format_date(value)
        elif key == "sex":
            form[key] = m.sex.label
        else:
            form[key] = value
    return form


def search_text(m: Member) -> str:
    """The folded text a search looks through: names, alias, identifiers and phone."""
    parts = [m.full_name, m.alias, m.citizen_id, m.party_card_no, m.old_card_no, m.phone]
    return fold(" ".join(p for p in parts if p))
