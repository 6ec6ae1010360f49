"""Residence liaison: the register of working members living in the village, status changes,
6-monthly gatherings, and the yearly comment sheets with their dates."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from ..dates import format_date, parse_date
from ..entities import Changes
from ..errors import ValidationError
from ..liaison_entities import (CommentSheet, Gathering, LiaisonCategory, LiaisonMember,
                                LiaisonStatus, StatusChange)
from ..rules.liaison import CommentDue, comment_due
from ..store import Store
from ..text import clean_name, digits_only, fold, name_sort_key, nfc
from .member_form import parse_sex
from .members import rules_of

LIAISON_LABELS = {
    "full_name": "Họ và tên", "sex": "Giới tính", "birth_date": "Ngày sinh", "address": "Địa chỉ",
    "phone": "Điện thoại", "workplace": "Cơ quan, đơn vị công tác",
    "workplace_party_org": "Tổ chức đảng nơi công tác", "workplace_contact": "Liên hệ nơi công tác",
    "ggt_number": "Số giấy giới thiệu", "ggt_date": "Ngày giấy giới thiệu",
    "received_date": "Ngày chi bộ nhận", "category": "Diện theo HD 33", "notes": "Ghi chú",
}
SHEET_DATE_LABELS = {
    "requested_date": "Ngày nhận đề nghị", "front_met_date": "Ngày họp với Ban công tác Mặt trận",
    "signed_date": "Ngày chi ủy ký", "sent_date": "Ngày gửi", "confirmed_date": "Ngày Đảng ủy xã xác nhận",
    "returned_date": "Ngày gửi lại nơi công tác",
}


def _err(key: str, message: str) -> ValidationError:
    return ValidationError(f"{LIAISON_LABELS[key]}: {message}", LIAISON_LABELS[key], key)


def parse_liaison(form: Mapping[str, str], liaison_id: int | None = None,
                  today: date | None = None) -> LiaisonMember:
    today = today or date.today()
    name = clean_name(form.get("full_name", ""))
    if len(name.split()) < 2:
        raise _err("full_name", "cần ghi đủ họ và tên.")
    if not nfc(form.get("sex", "")):
        raise _err("sex", "chưa chọn.")
    sex = parse_sex(form.get("sex", ""))
    dates = {k: parse_date(form.get(k, ""), LIAISON_LABELS[k], key=k, today=today,
                           required=(k == "received_date"))
             for k in ("birth_date", "ggt_date", "received_date")}
    if not nfc(form.get("workplace", "")):
        raise _err("workplace", "chưa nhập.")
    if dates["ggt_date"] and dates["received_date"] and dates["received_date"] < dates["ggt_date"]:
        raise _err("received_date", "trước ngày của giấy giới thiệu.")
    phone = nfc(form.get("phone", ""))
    if phone and (not re.fullmatch(r"\+?[0-9 .\-]+", phone) or not 9 <= len(digits_only(phone)) <= 11):
        raise _err("phone", f"“{phone}” không phải số điện thoại.")
    try:
        category = LiaisonCategory(nfc(form.get("category", "")) or "regular")
    except ValueError:
        raise _err("category", "không hợp lệ.") from None
    return LiaisonMember(
        id=liaison_id, full_name=name, sex=sex, birth_date=dates["birth_date"],
        address=nfc(form.get("address", "")), phone=digits_only(phone) if phone else "",
        workplace=nfc(form["workplace"]), workplace_party_org=nfc(form.get("workplace_party_org", "")),
        workplace_contact=nfc(form.get("workplace_contact", "")),
        ggt_number=nfc(form.get("ggt_number", "")), ggt_date=dates["ggt_date"],
        received_date=dates["received_date"] or today, category=category,
        notes=nfc(form.get("notes", "")))


def save_liaison(store: Store, form: Mapping[str, str], liaison_id: int | None = None,
                 today: date | None = None) -> tuple[int, Changes]:
    m = parse_liaison(form, liaison_id, today)
    if liaison_id is not None and store.liaison.get(liaison_id) is None:
        raise ValidationError("Không tìm thấy đảng viên này trong sổ theo dõi.")
    with store.transaction():
        new_id = store.liaison.save(m, fold(f"{m.full_name} {m.phone} {m.workplace}"))
    return new_id, Changes(liaison=True)


def change_status(store: Store, liaison_id: int, status: LiaisonStatus, when_text: str,
                  note: str = "", today: date | None = None) -> Changes:
    m = store.liaison.get(liaison_id)
    if m is None:
        raise ValidationError("Không tìm thấy đảng viên này trong sổ theo dõi.")
    when = parse_date(when_text, "Ngày", key="date", required=True, today=today)
    assert when is not None
    if when < m.received_date:
        raise ValidationError("Ngày: trước ngày chi bộ nhận giấy giới thiệu.", "Ngày", "date")
    if m.status_on(when) is status:
        raise ValidationError(f"Ngày {format_date(when)} đảng viên đã ở tình trạng “{status.label}”.",
                              "Tình trạng", "status")
    with store.transaction():
        store.liaison.add_status(liaison_id, StatusChange(status, when, nfc(note)))
    return Changes(liaison=True)


def save_gathering(store: Store, when_text: str, place: str, content: str,
                   present_ids: Sequence[int], gathering_id: int | None = None,
                   today: date | None = None) -> tuple[int, Changes]:
    """A 6-monthly gathering; every member active that day who is not marked present is absent."""
    when = parse_date(when_text, "Ngày gặp mặt", key="date", required=True, today=today,
                      allow_future=False)
    assert when is not None
    active = [m.id for m in store.liaison.members() if m.status_on(when) is LiaisonStatus.ACTIVE]
    unknown = set(present_ids) - set(active)
    if unknown:
        raise ValidationError("Điểm danh: có người không giữ mối liên hệ vào ngày gặp mặt.",
                              "Điểm danh", "present")
    g = Gathering(when, nfc(place), nfc(content), tuple(present_ids),
                  tuple(i for i in active if i not in set(present_ids) and i is not None),
                  gathering_id)
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
    rows = [comment_due(m, sheets.get(m.id or 0), year, today, rules)
            for m in store.liaison.members()]
    order = {"overdue": 0, "due": 1, "done": 2, "not_needed": 3}
    return sorted(rows, key=lambda d: (order[d.state.value], d.deadline or date.max,
                                       name_sort_key(d.member.full_name), d.member.id or 0))


def members_in_order(store: Store) -> list[LiaisonMember]:
    """The liaison register in Vietnamese name order: the screen, the print and Excel list it alike."""
    return sorted(store.liaison.members(), key=lambda m: (name_sort_key(m.full_name), m.id or 0))


def record_request(store: Store, liaison_id: int, year: int, requested_text: str,
                   requesting_org: str, variant: str | None = None,
                   today: date | None = None) -> tuple[int, Changes]:
    """The workplace asks for the yearly comment: open (or update) that year's sheet."""
    m = store.liaison.get(liaison_id)
    if m is None:
        raise ValidationError("Không tìm thấy đảng viên này trong sổ theo dõi.")
    requested = parse_date(requested_text, SHEET_DATE_LABELS["requested_date"],
                           key="requested_date", required=True, today=today)
    existing = next((s for s in store.liaison.sheets(year) if s.liaison_id == liaison_id), None)
    chosen = variant or (existing.variant if existing else
                         ("full" if m.category.routine_comment else "short"))
    if chosen not in ("full", "short"):
        raise ValidationError("Loại phiếu: chọn phiếu đầy đủ hoặc phiếu rút gọn.")
    sheet = replace(existing or CommentSheet(liaison_id, year), requested_date=requested,
                    requesting_org=nfc(requesting_org), variant=chosen)
    with store.transaction():
        sheet_id = store.liaison.save_sheet(sheet)
    return sheet_id, Changes(liaison=True)


def fill_sheet(store: Store, liaison_id: int, year: int, criteria: Mapping[str, int],
               free_text: str, dates: Mapping[str, str], variant: str | None = None,
               today: date | None = None) -> tuple[int, Changes]:
    """The answers agreed with the village Front committee, and the sheet's dates."""
    m = store.liaison.get(liaison_id)
    if m is None:
        raise ValidationError("Không tìm thấy đảng viên này trong sổ theo dõi.")
    rules = rules_of(store)
    existing = next((s for s in store.liaison.sheets(year) if s.liaison_id == liaison_id), None)
    chosen = variant or (existing.variant if existing else
                         ("full" if m.category.routine_comment else "short"))
    allowed = {c["key"]: c for c in rules["comment_criteria"]}
    wanted = (list(allowed) if chosen == "full" else list(rules["comment_short_criteria"]))
    for key, level in criteria.items():
        if key not in wanted:
            raise ValidationError(f"Tiêu chí “{key}” không có trong phiếu này.", "Tiêu chí", key)
        if level not in (0, 1, 2):
            raise ValidationError(f"{allowed[key]['label']}: chọn một trong ba mức.", "Tiêu chí", key)
    parsed = {k: parse_date(dates.get(k, ""), label, key=k, today=today)
              for k, label in SHEET_DATE_LABELS.items()}
    order = ["front_met_date", "signed_date", "sent_date"]
    for earlier, later in zip(order, order[1:]):
        if parsed[earlier] and parsed[later] and parsed[later] < parsed[earlier]:
            raise ValidationError(f"{SHEET_DATE_LABELS[later]}: trước "
                                  f"{SHEET_DATE_LABELS[earlier].lower()}.",
                                  SHEET_DATE_LABELS[later], later)
    if parsed["sent_date"] and len(criteria) < len(wanted):
        missing = [allowed[k]["label"] for k in wanted if k not in criteria]
        raise ValidationError(f"Chưa đánh giá: {missing[0]}. Cần đủ các tiêu chí trước khi gửi.",
                              "Tiêu chí", "criteria")
    if parsed["sent_date"] and not parsed["front_met_date"]:
        raise ValidationError(f"{SHEET_DATE_LABELS['front_met_date']}: chi ủy nhận xét sau khi "
                              "trao đổi với Ban công tác Mặt trận — hãy ghi ngày họp.",
                              SHEET_DATE_LABELS["front_met_date"], "front_met_date")
    sheet = replace(existing or CommentSheet(liaison_id, year), variant=chosen,
                    criteria=dict(criteria), free_text=nfc(free_text),
                    requested_date=parsed["requested_date"] or (existing.requested_date
                                                                if existing else None),
                    **{k: v for k, v in parsed.items() if k != "requested_date"})
    with store.transaction():
        sheet_id = store.liaison.save_sheet(sheet)
    return sheet_id, Changes(liaison=True)
