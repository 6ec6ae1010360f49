"""Residence liaison: the register of working members living in the village, status changes,
6-monthly gatherings, and the yearly comment sheets with their dates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.liaison import (
    CommentSheet,
    Gathering,
    LiaisonCategory,
    LiaisonMember,
    LiaisonStatus,
    StatusChange,
)
from cellsec.errors import ValidationError
from cellsec.rules.liaison import CommentDue, comment_due
from cellsec.rules.settings import Rules
from cellsec.services.forms import form_text, plain_text, record_id, whole_number
from cellsec.services.member_form import parse_sex
from cellsec.services.members import rules_of
from cellsec.store import Store
from cellsec.text import clean_name, digits_only, fold, name_sort_key

LIAISON_LABELS = {
    "full_name": "Họ và tên",
    "sex": "Giới tính",
    "birth_date": "Ngày sinh",
    "address": "Địa chỉ",
    "phone": "Điện thoại",
    "workplace": "Cơ quan, đơn vị công tác",
    "workplace_party_org": "Tổ chức đảng nơi công tác",
    "workplace_contact": "Liên hệ nơi công tác",
    "ggt_number": "Số giấy giới thiệu",
    "ggt_date": "Ngày giấy giới thiệu",
    "received_date": "Ngày chi bộ nhận",
    "category": "Diện theo HD 33",
    "notes": "Ghi chú",
}
SHEET_DATE_LABELS = {
    "requested_date": "Ngày nhận đề nghị",
    "front_met_date": "Ngày họp với Ban công tác Mặt trận",
    "signed_date": "Ngày chi ủy ký",
    "sent_date": "Ngày gửi",
    "confirmed_date": "Ngày Đảng ủy xã xác nhận",
    "returned_date": "Ngày gửi lại nơi công tác",
}


_NOT_FOUND = "Không tìm thấy đảng viên này trong sổ theo dõi."
_STATUS_LABELS = {"date": "Ngày", "note": "Ghi chú"}
_GATHERING_LABELS = {"date": "Ngày gặp mặt", "place": "Địa điểm", "content": "Nội dung"}


def _err(key: str, message: str) -> ValidationError:
    return ValidationError(f"{LIAISON_LABELS[key]}: {message}", LIAISON_LABELS[key], key)


def parse_liaison(
    form: Mapping[str, str], liaison_id: int | None = None, today: date | None = None
) -> LiaisonMember:
    today = today or date.today()
    form = form_text(form, LIAISON_LABELS)
    name = clean_name(form["full_name"])
    if len(name.split()) < 2:
        raise _err("full_name", "cần ghi đủ họ và tên.")
    if not form["sex"]:
        raise _err("sex", "chưa chọn.")
    sex = parse_sex(form["sex"])
    dates = {
        k: parse_date(form[k], LIAISON_LABELS[k], key=k, today=today, required=(k == "received_date"))
        for k in ("birth_date", "ggt_date", "received_date")
    }
    if not form["workplace"]:
        raise _err("workplace", "chưa nhập.")
    if dates["birth_date"] and dates["received_date"] and dates["received_date"] <= dates["birth_date"]:
        raise _err("birth_date", "sau ngày chi bộ nhận giấy giới thiệu.")
    if dates["ggt_date"] and dates["received_date"] and dates["received_date"] < dates["ggt_date"]:
        raise _err("received_date", "trước ngày của giấy giới thiệu.")
    phone = form["phone"]
    if phone and (not re.fullmatch(r"\+?[0-9 .\-]+", phone) or not 9 <= len(digits_only(phone)) <= 11):
        raise _err("phone", f"“{phone}” không phải số điện thoại.")
    try:
        category = LiaisonCategory(form["category"] or "regular")
    except ValueError:
        raise _err("category", "không hợp lệ.") from None
    return LiaisonMember(
        id=liaison_id,
        full_name=name,
        sex=sex,
        birth_date=dates["birth_date"],
        address=form["address"],
        phone=digits_only(phone) if phone else "",
        workplace=form["workplace"],
        workplace_party_org=form["workplace_party_org"],
        workplace_contact=form["workplace_contact"],
        ggt_number=form["ggt_number"],
        ggt_date=dates["ggt_date"],
        received_date=dates["received_date"] or today,
        category=category,
        notes=form["notes"],
    )


def _person(store: Store, liaison_id: object) -> LiaisonMember:
    m = store.liaison.get(record_id(liaison_id, _NOT_FOUND))
    if m is None:
        raise ValidationError(_NOT_FOUND)
    return m


def save_liaison(
    store: Store, form: Mapping[str, str], liaison_id: int | None = None, today: date | None = None
) -> tuple[int, Changes]:
    if liaison_id is not None:
        _person(store, liaison_id)
    m = parse_liaison(form, liaison_id, today)
    with store.transaction():
        new_id = store.liaison.save(m, liaison_search_text(m))
    return new_id, Changes(liaison=True)


def liaison_search_text(m: LiaisonMember) -> str:
    return fold(f"{m.full_name} {m.phone} {m.workplace}")


def check_status_change(m: LiaisonMember, change: StatusChange) -> None:
    """A status change must follow the letter's arrival and change something."""
    if change.date < m.received_date:
        raise ValidationError("Ngày: trước ngày chi bộ nhận giấy giới thiệu.", "Ngày", "date")
    if m.status_on(change.date) is change.status:
        raise ValidationError(
            f"Ngày {format_date(change.date)} đảng viên đã ở tình trạng “{change.status.label}”.",
            "Tình trạng",
            "status",
        )


def change_status(
    store: Store,
    liaison_id: int,
    status: LiaisonStatus,
    when_text: str,
    note: str = "",
    today: date | None = None,
) -> Changes:
    m = _person(store, liaison_id)
    try:
        status = LiaisonStatus(status)
    except ValueError:
        raise ValidationError("Tình trạng: không hợp lệ.", "Tình trạng", "status") from None
    form = form_text({"date": when_text, "note": note}, _STATUS_LABELS)
    when = parse_date(form["date"], "Ngày", key="date", required=True, today=today)
    assert when is not None
    change = StatusChange(status, when, form["note"])
    check_status_change(m, change)
    with store.transaction():
        store.liaison.add_status(m.id or 0, change)
    return Changes(liaison=True)


def check_gathering(g: Gathering, known: set[int]) -> None:
    """Everyone marked is in the register, once, and not both present and absent."""
    marked = [*g.present, *g.absent]
    if len(set(marked)) != len(marked):
        raise ValidationError("Điểm danh: một người được ghi hai lần.", "Điểm danh", "present")
    if set(marked) - known:
        raise ValidationError("Điểm danh: có người không có trong sổ theo dõi.", "Điểm danh", "present")


def save_gathering(
    store: Store,
    when_text: str,
    place: str,
    content: str,
    present_ids: Sequence[int],
    gathering_id: int | None = None,
    today: date | None = None,
) -> tuple[int, Changes]:
    """A 6-monthly gathering; every member active that day who is not marked present is absent."""
    if gathering_id is not None:
        gathering_id = record_id(gathering_id, "Không tìm thấy buổi gặp mặt này.")
        if not any(x.id == gathering_id for x in store.liaison.gatherings()):
            raise ValidationError("Không tìm thấy buổi gặp mặt này.")
    form = form_text({"date": when_text, "place": place, "content": content}, _GATHERING_LABELS)
    when = parse_date(
        form["date"], "Ngày gặp mặt", key="date", required=True, today=today, allow_future=False
    )
    assert when is not None
    if isinstance(present_ids, (str, bytes)) or not isinstance(present_ids, Sequence):
        raise ValidationError("Điểm danh: không đúng định dạng.", "Điểm danh", "present")
    present = tuple(
        dict.fromkeys(record_id(i, "Điểm danh: có người không có trong sổ theo dõi.") for i in present_ids)
    )
    active = [m.id for m in store.liaison.members() if m.status_on(when) is LiaisonStatus.ACTIVE]
    if set(present) - set(active):
        raise ValidationError(
            "Điểm danh: có người không giữ mối liên hệ vào ngày gặp mặt.", "Điểm danh", "present"
        )
    g = Gathering(
        when,
        form["place"],
        form["content"],
        present,
        tuple(i for i in active if i not in set(present) and i is not None),
        gathering_id,
    )
    check_gathering(g, {i for i in active if i is not None})
    with store.transaction():
        gid = store.liaison.save_gathering(g)
    return gid, Changes(liaison=True)


def participation(store: Store, year: int) -> dict[int, tuple[int, int]]:
    """liaison id -> (gatherings attended, gatherings they were expected at) in the year."""
    result: dict[int, tuple[int, int]] = {}
    for g in store.liaison.gatherings():
        if g.date.year != year:
            continue
        for i in (*g.present, *g.absent):
            came, expected = result.get(i, (0, 0))
            result[i] = (came + (i in g.present), expected + 1)
    return result


def comment_list(store: Store, year: int, today: date | None = None) -> list[CommentDue]:
    """Everyone in the register with their comment state for the year, most urgent first."""
    today = today or date.today()
    rules = rules_of(store)
    sheets = {s.liaison_id: s for s in store.liaison.sheets(year)}
    rows = [comment_due(m, sheets.get(m.id or 0), year, today, rules) for m in store.liaison.members()]
    order = {"overdue": 0, "due": 1, "done": 2, "not_needed": 3}
    return sorted(
        rows,
        key=lambda d: (
            order[d.state.value],
            d.deadline or date.max,
            name_sort_key(d.member.full_name),
            d.member.id or 0,
        ),
    )


def members_in_order(store: Store) -> list[LiaisonMember]:
    """The liaison register in Vietnamese name order: the screen, the print and Excel list it alike."""
    return sorted(store.liaison.members(), key=lambda m: (name_sort_key(m.full_name), m.id or 0))


SHEET_YEARS = (1990, 2100)


def _sheet_of(
    store: Store, liaison_id: object, year: object
) -> tuple[LiaisonMember, int, CommentSheet | None]:
    m = _person(store, liaison_id)
    year = whole_number(year, "Năm", "year", *SHEET_YEARS)
    existing = next((s for s in store.liaison.sheets(year) if s.liaison_id == m.id), None)
    return m, year, existing


def _variant(variant: object, m: LiaisonMember, existing: CommentSheet | None) -> str:
    chosen = variant or (
        existing.variant if existing else ("full" if m.category.routine_comment else "short")
    )
    if chosen not in ("full", "short"):
        raise ValidationError("Loại phiếu: chọn phiếu đầy đủ hoặc phiếu rút gọn.", "Loại phiếu", "variant")
    return str(chosen)


def record_request(
    store: Store,
    liaison_id: int,
    year: int,
    requested_text: str,
    requesting_org: str,
    variant: str | None = None,
    today: date | None = None,
) -> tuple[int, Changes]:
    """The workplace asks for the yearly comment: open (or update) that year's sheet."""
    m, year, existing = _sheet_of(store, liaison_id, year)
    form = form_text(
        {"requested_date": requested_text, "requesting_org": requesting_org},
        {"requested_date": SHEET_DATE_LABELS["requested_date"], "requesting_org": "Nơi đề nghị"},
    )
    requested = parse_date(
        form["requested_date"],
        SHEET_DATE_LABELS["requested_date"],
        key="requested_date",
        required=True,
        today=today,
    )
    sheet = replace(
        existing or CommentSheet(m.id or 0, year),
        requested_date=requested,
        requesting_org=form["requesting_org"],
        variant=_variant(variant, m, existing),
    )
    check_sheet(sheet, rules_of(store))
    with store.transaction():
        sheet_id = store.liaison.save_sheet(sheet)
    return sheet_id, Changes(liaison=True)


def check_sheet(sheet: CommentSheet, rules: Rules) -> None:
    """What every comment sheet holds to, however it is written (the dialog or an import):
    the variant's criteria with one of three levels each, dates in order, and a sheet is sent
    only complete and after the meeting with the village Front committee."""
    if sheet.variant not in ("full", "short"):
        raise ValidationError("Loại phiếu: chọn phiếu đầy đủ hoặc phiếu rút gọn.", "Loại phiếu", "variant")
    allowed = {c["key"]: c for c in rules["comment_criteria"]}
    wanted = list(allowed) if sheet.variant == "full" else list(rules["comment_short_criteria"])
    for key, level in sheet.criteria.items():
        if key not in wanted:
            raise ValidationError(f"Tiêu chí “{key}” không có trong phiếu này.", "Tiêu chí", str(key))
        if isinstance(level, bool) or not isinstance(level, int) or level not in (0, 1, 2):
            label = allowed.get(key, {}).get("label", key)
            raise ValidationError(f"{label}: chọn một trong ba mức.", "Tiêu chí", key)
    order = ["front_met_date", "signed_date", "sent_date"]
    for earlier, later in zip(order, order[1:]):
        first, then = getattr(sheet, earlier), getattr(sheet, later)
        if first and then and then < first:
            raise ValidationError(
                f"{SHEET_DATE_LABELS[later]}: trước {SHEET_DATE_LABELS[earlier].lower()}.",
                SHEET_DATE_LABELS[later],
                later,
            )
    if sheet.sent_date and len(sheet.criteria) < len(wanted):
        missing = [allowed.get(k, {}).get("label", k) for k in wanted if k not in sheet.criteria]
        raise ValidationError(
            f"Chưa đánh giá: {missing[0]}. Cần đủ các tiêu chí trước khi gửi.", "Tiêu chí", "criteria"
        )
    if sheet.sent_date and not sheet.front_met_date:
        raise ValidationError(
            f"{SHEET_DATE_LABELS['front_met_date']}: chi ủy nhận xét sau khi "
            "trao đổi với Ban công tác Mặt trận — hãy ghi ngày họp.",
            SHEET_DATE_LABELS["front_met_date"],
            "front_met_date",
        )


def fill_sheet(
    store: Store,
    liaison_id: int,
    year: int,
    criteria: Mapping[str, int],
    free_text: str,
    dates: Mapping[str, str],
    variant: str | None = None,
    today: date | None = None,
) -> tuple[int, Changes]:
    """The answers agreed with the village Front committee, and the sheet's dates."""
    m, year, existing = _sheet_of(store, liaison_id, year)
    if not isinstance(criteria, Mapping) or not all(isinstance(k, str) for k in criteria):
        raise ValidationError("Tiêu chí: không đúng định dạng.", "Tiêu chí", "criteria")
    text = plain_text(free_text, "Nhận xét khác", "free_text")
    typed = form_text(dates, SHEET_DATE_LABELS)
    parsed: dict[str, Any] = {
        k: parse_date(typed[k], label, key=k, today=today) for k, label in SHEET_DATE_LABELS.items()
    }
    sheet = replace(
        existing or CommentSheet(m.id or 0, year),
        variant=_variant(variant, m, existing),
        criteria=dict(criteria),
        free_text=text,
        requested_date=parsed["requested_date"] or (existing.requested_date if existing else None),
        **{k: v for k, v in parsed.items() if k != "requested_date"},
    )
    check_sheet(sheet, rules_of(store))
    with store.transaction():
        sheet_id = store.liaison.save_sheet(sheet)
    return sheet_id, Changes(liaison=True)
