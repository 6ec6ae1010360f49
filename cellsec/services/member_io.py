"""The cell profile and the register in the whole-cell export: plain dicts out; back in, every
member and event goes through the member form's parser and the history check the app's forms
use, before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from cellsec.dates import format_date, to_iso
from cellsec.entities.members import MEMBER_DATA_FIELDS, MEMBER_DATE_FIELDS, Member, MemberEvent
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.rules.settings import Rules
from cellsec.services import import_values as v
from cellsec.services.member_form import parse_member, search_text
from cellsec.services.members import check_history, parse_event
from cellsec.services.profile import PROFILE_LABELS, parse_profile, profile_form
from cellsec.store import Store

_EVENT_TEXT = ("kind", "decision_ref", "detail", "note")


@dataclass(frozen=True)
class PreparedMember:
    source_id: int | None
    member: Member
    events: tuple[tuple[int | None, MemberEvent], ...]  # (the file's event id, the event)
    where: str


def export_profile(store: Store) -> dict[str, Any] | None:
    profile = store.profile.get()
    if not profile:
        return None
    prof: dict[str, Any] = dict(profile_form(profile))
    prof["term_start"] = to_iso(profile.term_start)
    return prof


def export_members(store: Store) -> list[dict[str, Any]]:
    events = store.members.all_events()
    members = []
    for m in store.members.all():
        item: dict[str, Any] = {"id": m.id}
        for key in MEMBER_DATA_FIELDS:
            value = getattr(m, key)
            item[key] = (
                to_iso(value) if key in MEMBER_DATE_FIELDS else (m.sex.value if key == "sex" else value)
            )
        item["events"] = [
            {
                "id": e.id,
                "kind": e.kind.value,
                "date": e.date.isoformat(),
                "end_date": to_iso(e.end_date),
                "decision_ref": e.decision_ref,
                "detail": e.detail,
                "note": e.note,
            }
            for e in events.get(m.id or 0, [])
        ]
        members.append(item)
    return members


def prepare_profile(raw: Any) -> CellProfile | None:
    if raw is None:
        return None
    where = "Thông tin chi bộ"
    if not isinstance(raw, dict):
        raise ValidationError(f"{where}: không đúng định dạng (cần một bản ghi có các trường).")
    form = {k: v.text(raw, k, where) for k in PROFILE_LABELS if k != "term_start"}
    form["term_start"] = v.form_day(raw, "term_start", where)
    try:
        return parse_profile(form)
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None


def prepare_members(data: Any, rules: Rules, today: date) -> list[PreparedMember]:
    """Every member of the file checked as the member form and the history check would."""
    prepared = []
    for where, raw in v.records(data, "members", "Đảng viên"):
        where = v.named(where, raw, "full_name")
        source_id = v.ident(raw, "id", where, required=False)
        form = {
            k: v.form_day(raw, k, where) if k in MEMBER_DATE_FIELDS else v.text(raw, k, where)
            for k in MEMBER_DATA_FIELDS
        }
        raw_events = v.sub_records(raw, "events", where, "sự kiện")
        try:
            member = parse_member(form, today=today)
            events = []
            for inner, e in raw_events:
                values = {k: v.text(e, k, inner) for k in _EVENT_TEXT}
                values.update(
                    date=format_date(v.required_day(e, "date", inner)),
                    end_date=v.form_day(e, "end_date", inner),
                )
                event_id = v.ident(e, "id", inner, required=False)
                try:
                    events.append((event_id, parse_event(values, member_id=0, today=today)))
                except ValidationError as exc:
                    raise ValidationError(f"{inner}: {exc}", exc.field, exc.key) from None
            if not events:
                raise ValidationError("không có sự kiện nào (cần ít nhất ngày kết nạp).")
            check_history(member, [e for _, e in events], rules)
        except ValidationError as exc:
            if str(exc).startswith(where):
                raise
            raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None
        prepared.append(PreparedMember(source_id, member, tuple(events), where))
    v.unique(((p.source_id, p.where) for p in prepared), "đảng viên")
    v.unique(
        ((event_id, f"{p.where}, sự kiện {e.kind.label}") for p in prepared for event_id, e in p.events),
        "sự kiện",
    )
    return prepared


def write_members(
    store: Store, prepared: list[PreparedMember], progress: Callable[[int, int], None] | None = None
) -> tuple[dict[int, int], dict[int, int]]:
    """Insert inside the caller's transaction. Returns the file's member and event ids ->
    the new ids."""
    member_map: dict[int, int] = {}
    event_map: dict[int, int] = {}
    for done, p in enumerate(prepared, start=1):
        member_id = store.members.insert(p.member, search_text(p.member))
        if p.source_id is not None:
            member_map[p.source_id] = member_id
        for source_event, e in p.events:
            new_event = store.members.insert_event(replace(e, member_id=member_id, id=None))
            if source_event is not None:
                event_map[source_event] = new_event
        if progress:
            progress(done, len(prepared))
    return member_map, event_map
