"""Liaison registers in the whole-cell JSON export: people living here with their status
history, gatherings, comment sheets, and members working away with their contact log.
Back in, each record is read with its type checked and passed through the same parser and
checks as the liaison and working-away services, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from cellsec.codec.plain import plain
from cellsec.entities.liaison import (
    CommentSheet,
    Contact,
    Gathering,
    LiaisonMember,
    LiaisonStatus,
    StatusChange,
    WorkingAway,
)
from cellsec.errors import ValidationError
from cellsec.rules import lifecycle
from cellsec.rules.settings import Rules
from cellsec.services import import_values as v
from cellsec.services.liaison import (
    LIAISON_LABELS,
    SHEET_DATE_LABELS,
    SHEET_YEARS,
    check_gathering,
    check_sheet,
    check_status_change,
    liaison_search_text,
    parse_liaison,
)
from cellsec.services.member_io import PreparedMember
from cellsec.services.working_away import LABELS as AWAY_LABELS
from cellsec.services.working_away import check_contact, parse_working_away, register_kind
from cellsec.store import Store

_LIAISON_DATES = ("birth_date", "ggt_date", "received_date")
_AWAY_DATES = ("application_date", "start", "end")


@dataclass(frozen=True)
class LiaisonPlan:
    """The liaison registers of a file, checked; ids are still the file's."""

    people: tuple[tuple[int, LiaisonMember], ...] = ()
    gatherings: tuple[Gathering, ...] = ()
    sheets: tuple[CommentSheet, ...] = ()
    away: tuple[WorkingAway, ...] = ()


def export_liaison(store: Store) -> dict[str, Any]:
    away = []
    for w in store.liaison.working_away():
        item = plain(w)
        item.pop("member_name")
        away.append(item)
    return {
        "liaison_members": [plain(m) for m in store.liaison.members()],
        "liaison_gatherings": [plain(g) for g in store.liaison.gatherings()],
        "comment_sheets": [plain(s) for s in store.liaison.sheets()],
        "working_away": away,
    }


def _past_day(
    raw: dict[str, Any], key: str, where: str, today: date, *, required: bool = False
) -> date | None:
    """A date the services take only up to today (a contact, a gathering, a sheet's dates)."""
    result = v.day(raw, key, where, required=required)
    if result and result > today:
        raise v.fail(where, key, "ngày ở tương lai.")
    return result


def _checked(where: str, check: Any, *args: Any) -> Any:
    try:
        return check(*args)
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None


def prepare_liaison(data: Any, members: list[PreparedMember], rules: Rules, today: date) -> LiaisonPlan:
    people = _people(data, today)
    ids = {i for i, _ in people}
    gatherings, entries = [], []
    for where, raw in v.records(data, "liaison_gatherings", "Buổi gặp mặt nơi cư trú"):
        entries.append((v.ident(raw, "id", where, required=False), where))
        when = _past_day(raw, "date", where, today, required=True)
        assert when is not None
        g = Gathering(
            when,
            v.text(raw, "place", where),
            v.text(raw, "content", where),
            tuple(v.id_list(raw, "present", where)),
            tuple(v.id_list(raw, "absent", where)),
        )
        _checked(where, check_gathering, g, ids)
        gatherings.append(g)
    v.unique(entries, "buổi gặp mặt")
    return LiaisonPlan(
        tuple(people), tuple(gatherings), _sheets(data, ids, rules, today), _away(data, members, today)
    )


def _people(data: Any, today: date) -> list[tuple[int, LiaisonMember]]:
    people, entries = [], []
    for where, raw in v.records(data, "liaison_members", "Đảng viên nơi cư trú"):
        where = v.named(where, raw, "full_name")
        source_id = v.required_ident(raw, "id", where)
        entries.append((source_id, where))
        form = {
            k: v.form_day(raw, k, where) if k in _LIAISON_DATES else v.text(raw, k, where)
            for k in LIAISON_LABELS
        }
        m = _checked(where, parse_liaison, form, None, today)
        changes = []
        for inner, c in v.sub_records(raw, "history", where, "thay đổi tình trạng"):
            when = _past_day(c, "date", inner, today, required=True)
            assert when is not None
            changes.append(
                StatusChange(v.choice(c, "status", inner, LiaisonStatus), when, v.text(c, "note", inner))
            )
        for change in sorted(changes, key=lambda c: c.date):
            _checked(where, check_status_change, m, change)
            m = replace(m, history=(*m.history, change))
        people.append((source_id, m))
    v.unique(entries, "đảng viên nơi cư trú")
    return people


def _sheets(data: Any, people: set[int], rules: Rules, today: date) -> tuple[CommentSheet, ...]:
    sheets: dict[tuple[int, int], CommentSheet] = {}
    entries = []
    for where, raw in v.records(data, "comment_sheets", "Phiếu nhận xét"):
        entries.append((v.ident(raw, "id", where, required=False), where))
        liaison_id = v.required_ident(raw, "liaison_id", where)
        v.known(liaison_id, people, where, "liaison_id", "đảng viên nơi cư trú")
        year = v.whole(raw, "year", where, *SHEET_YEARS)
        criteria = raw.get("criteria") or {}
        if not isinstance(criteria, dict) or not all(isinstance(k, str) for k in criteria):
            raise v.fail(where, "criteria", "phải là các cặp tiêu chí: mức.")
        sheet = CommentSheet(
            liaison_id,
            year,
            v.text(raw, "variant", where),
            criteria=dict(criteria),
            requesting_org=v.text(raw, "requesting_org", where),
            free_text=v.text(raw, "free_text", where),
            **_sheet_days(raw, where, today),
        )
        _checked(where, check_sheet, sheet, rules)
        if (liaison_id, year) in sheets:
            raise ValidationError(f"{where}: người này đã có phiếu nhận xét năm {year}.")
        sheets[(liaison_id, year)] = sheet
    v.unique(entries, "phiếu nhận xét")
    return tuple(sheets.values())


def _away(data: Any, members: list[PreparedMember], today: date) -> tuple[WorkingAway, ...]:
    by_id = {p.source_id: p for p in members if p.source_id is not None}
    records, entries, contact_entries = [], [], []
    for where, raw in v.records(data, "working_away", "Hồ sơ đi làm ăn xa"):
        entries.append((v.ident(raw, "id", where, required=False), where))
        member_id = v.required_ident(raw, "member_id", where)
        v.known(member_id, by_id, where, "member_id", "đảng viên")
        form = {
            k: v.form_day(raw, k, where) if k in _AWAY_DATES else v.text(raw, k, where)
            for k in AWAY_LABELS
            if k != "member_id"
        }
        w = _checked(where, parse_working_away, {**form, "member_id": str(member_id)}, today)
        member = by_id[member_id]
        events = dict((i, e) for i, e in member.events if i is not None)
        if not lifecycle.state_on([e for _, e in member.events], w.start).on_roll:
            raise v.fail(where, "start", "đảng viên không có trong đảng số ngày bắt đầu.")
        event_id = v.ident(raw, "event_id", where, required=False)
        if event_id is not None and (event_id not in events or events[event_id].kind is not register_kind(w)):
            raise v.fail(where, "event_id", "không phải sự kiện tương ứng trong hồ sơ của đảng viên này.")
        back = _past_day(raw, "returned_date", where, today)
        if back and back < w.start:
            raise v.fail(where, "returned_date", "ngày trở về trước ngày bắt đầu.")
        contacts = []
        for inner, c in v.sub_records(raw, "contacts", where, "lần liên lạc"):
            contact_entries.append((v.ident(c, "id", inner, required=False), inner))
            when = _past_day(c, "date", inner, today, required=True)
            assert when is not None
            contact = Contact(when, v.text(c, "method", inner), v.text(c, "note", inner))
            _checked(inner, check_contact, w, contact)
            contacts.append(contact)
        records.append(
            replace(
                w,
                returned_date=back,
                event_id=event_id,
                contacts=tuple(sorted(contacts, key=lambda c: c.date)),
            )
        )
    v.unique(entries, "hồ sơ đi làm ăn xa")
    v.unique(contact_entries, "lần liên lạc")
    return tuple(records)


def write_liaison(store: Store, plan: LiaisonPlan, members: dict[int, int], events: dict[int, int]) -> None:
    """Inside the caller's transaction; ids re-mapped (members and register events)."""
    people: dict[int, int] = {}
    for source_id, m in plan.people:
        new_id = store.liaison.save(replace(m, history=()), liaison_search_text(m))
        people[source_id] = new_id
        for change in m.history:
            store.liaison.add_status(new_id, change)
    for g in plan.gatherings:
        store.liaison.save_gathering(
            replace(g, present=tuple(people[i] for i in g.present), absent=tuple(people[i] for i in g.absent))
        )
    for s in plan.sheets:
        store.liaison.save_sheet(replace(s, liaison_id=people[s.liaison_id]))
    for w in plan.away:
        record_id = store.liaison.save_working_away(
            replace(
                w,
                member_id=members[w.member_id],
                contacts=(),
                event_id=events[w.event_id] if w.event_id is not None else None,
            )
        )
        for c in w.contacts:
            store.liaison.add_contact(record_id, c)


def _sheet_days(raw: Any, where: str, today: date) -> dict[str, Any]:
    return {k: _past_day(raw, k, where, today) for k in SHEET_DATE_LABELS}
