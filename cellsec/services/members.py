"""Member register writes: add, edit, and record lifecycle events — each one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from cellsec.dates import add_months, format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.members import EventKind, Member, MemberEvent
from cellsec.errors import ValidationError
from cellsec.rules import lifecycle
from cellsec.rules.badges import badge_milestone
from cellsec.rules.settings import Rules
from cellsec.services.forms import form_text, record_id
from cellsec.services.member_form import parse_member, search_text
from cellsec.store import Store

ENTRY_KINDS = {
    "admitted": "Kết nạp tại chi bộ",
    "transferred_in": "Chuyển sinh hoạt chính thức đến",
    "attached_in": "Sinh hoạt tạm thời đến",
}
ENTRY_LABELS = {
    "entry_kind": "Hình thức vào chi bộ",
    "admission_date": "Ngày kết nạp (theo quyết định)",
    "admission_ref": "Số quyết định kết nạp",
    "official_date": "Ngày chính thức",
    "official_ref": "Số quyết định công nhận chính thức",
    "joined_date": "Ngày đến chi bộ",
    "origin": "Nơi chuyển đến từ (chi bộ, đảng bộ)",
    "entry_ref": "Số giấy giới thiệu",
    "attached_until": "Sinh hoạt tạm thời đến ngày",
}
EVENT_LABELS = {
    "kind": "Loại sự kiện",
    "date": "Ngày",
    "end_date": "Đến ngày",
    "decision_ref": "Số quyết định / văn bản",
    "detail": "Nội dung",
    "note": "Ghi chú",
}


def rules_of(store: Store) -> Rules:
    return Rules.with_overrides(store.settings.overrides())


def _entry_date(
    form: Mapping[str, str], key: str, today: date, required: bool = False, allow_future: bool = False
) -> date | None:
    return parse_date(
        form[key], ENTRY_LABELS[key], key=key, required=required, today=today, allow_future=allow_future
    )


def _entry_error(key: str, message: str) -> ValidationError:
    return ValidationError(f"{ENTRY_LABELS[key]}: {message}", ENTRY_LABELS[key], key)


def entry_events(member: Member, form: Mapping[str, str], rules: Rules, today: date) -> list[MemberEvent]:
    """The first events of a new member, from how they joined the cell."""
    form = form_text(form, ENTRY_LABELS)
    kind = form["entry_kind"] or "admitted"
    if kind not in ENTRY_KINDS:
        raise _entry_error("entry_kind", f"“{kind}” không hợp lệ.")
    admitted = _entry_date(form, "admission_date", today, required=True)
    official = _entry_date(form, "official_date", today)
    assert admitted is not None
    min_age = int(rules["admission_min_age"])
    if member.birth_date and admitted < add_months(member.birth_date, 12 * min_age):
        raise _entry_error(
            "admission_date", f"ngày {format_date(admitted)} người này chưa đủ {min_age} tuổi."
        )
    if official:
        earliest = add_months(admitted, int(rules["probation_months"]))
        if official < earliest:
            raise _entry_error(
                "official_date",
                f"ngày {format_date(official)} chưa hết "
                f"{rules['probation_months']} tháng dự bị kể từ ngày kết nạp "
                f"{format_date(admitted)} (sớm nhất {format_date(earliest)}).",
            )
    if member.ceremony_date and member.ceremony_date < admitted:
        raise ValidationError(
            f"Ngày lễ kết nạp: trước ngày quyết định kết nạp {format_date(admitted)}.",
            "Ngày lễ kết nạp",
            "ceremony_date",
        )
    origin = form["origin"]
    events = [
        MemberEvent(
            kind=EventKind.ADMITTED,
            date=admitted,
            decision_ref=form["admission_ref"],
            detail="" if kind == "admitted" else (origin or member.admitting_cell or "nơi khác"),
        )
    ]
    if official:
        events.append(
            MemberEvent(kind=EventKind.RECOGNISED, date=official, decision_ref=form["official_ref"])
        )
    if kind != "admitted":
        joined = _entry_date(form, "joined_date", today, required=True)
        assert joined is not None
        if joined < admitted:
            raise _entry_error("joined_date", "trước ngày kết nạp.")
        if not origin:
            raise _entry_error("origin", "chưa nhập.")
        until = _entry_date(form, "attached_until", today, allow_future=True)
        if kind == "attached_in" and until and until < joined:
            raise _entry_error("attached_until", "trước ngày đến chi bộ.")
        events.append(
            MemberEvent(
                kind=EventKind.TRANSFERRED_IN if kind == "transferred_in" else EventKind.ATTACHED_IN,
                date=joined,
                end_date=until if kind == "attached_in" else None,
                decision_ref=form["entry_ref"],
                detail=origin,
            )
        )
    lifecycle.validate_history(events)
    return events


def find_duplicates(store: Store, member: Member) -> list[Member]:
    return store.members.find_duplicates(member)


def add_member(
    store: Store, form: Mapping[str, str], entry: Mapping[str, str], *, today: date | None = None
) -> tuple[int, Changes]:
    """Add a member with the events of how they joined. Validates everything before writing."""
    today = today or date.today()
    member = parse_member(form, today=today)
    events = entry_events(member, entry, rules_of(store), today)
    with store.transaction():
        member_id = store.members.insert(member, search_text(member))
        for e in events:
            store.members.insert_event(replace(e, member_id=member_id))
    return member_id, Changes(members=True, member_ids=frozenset({member_id}))


def update_member(
    store: Store, member_id: int, form: Mapping[str, str], *, today: date | None = None
) -> Changes:
    today = today or date.today()
    current = _existing(store, member_id)
    member = parse_member(form, member_id=member_id, today=today)
    member = replace(member, created_at=current.created_at)
    admitted = lifecycle.first_admission(store.members.events_of(member_id))
    if member.ceremony_date and admitted and member.ceremony_date < admitted:
        raise ValidationError(
            f"Ngày lễ kết nạp: trước ngày quyết định kết nạp {format_date(admitted)}.",
            "Ngày lễ kết nạp",
            "ceremony_date",
        )
    with store.transaction():
        store.members.update(member, search_text(member))
    return Changes(members=True, member_ids=frozenset({member_id}))


_NO_MEMBER = "Không tìm thấy đảng viên này (có thể đã bị thay đổi ở nơi khác)."
_NO_EVENT = "Không tìm thấy sự kiện này."


def _existing(store: Store, member_id: object) -> Member:
    member = store.members.get(record_id(member_id, _NO_MEMBER))
    if member is None:
        raise ValidationError(_NO_MEMBER)
    return member


def parse_event(
    form: Mapping[str, str], member_id: int, *, event_id: int | None = None, today: date | None = None
) -> MemberEvent:
    today = today or date.today()
    form = form_text(form, EVENT_LABELS)
    try:
        kind = EventKind(form["kind"])
    except ValueError:
        raise ValidationError(
            f"{EVENT_LABELS['kind']}: chưa chọn hoặc không hợp lệ.", EVENT_LABELS["kind"], "kind"
        ) from None
    when = parse_date(form["date"], EVENT_LABELS["date"], key="date", required=True, today=today)
    until = parse_date(
        form["end_date"], EVENT_LABELS["end_date"], key="end_date", allow_future=True, today=today
    )
    assert when is not None
    detail = form["detail"]
    if kind is EventKind.DISCIPLINED and not detail:
        raise ValidationError(
            "Nội dung: ghi hình thức kỷ luật (Khiển trách, Cảnh cáo, Cách chức).",
            EVENT_LABELS["detail"],
            "detail",
        )
    return MemberEvent(
        id=event_id,
        member_id=member_id,
        kind=kind,
        date=when,
        end_date=until,
        decision_ref=form["decision_ref"],
        detail=detail,
        note=form["note"],
    )


def check_history(member: Member, events: list[MemberEvent], rules: Rules) -> None:
    """Refuse a history that contradicts itself, the member's birth date or the probation rule."""
    for e in events:
        if member.birth_date and e.date <= member.birth_date:
            raise ValidationError(f"Ngày: sự kiện “{e.kind.label}” trước ngày sinh.", "Ngày", "date")
    lifecycle.validate_history(events)
    _check_badges(events, rules)
    starts = sorted(x.date for x in events if x.kind in (EventKind.ADMITTED, EventKind.READMITTED))
    for e in events:
        if e.kind is EventKind.RECOGNISED:
            prior = [d for d in starts if d <= e.date]
            if not prior:
                continue  # validate_history already refused a recognition before admission
            earliest = add_months(prior[-1], int(rules["probation_months"]))
            if e.date < earliest:
                raise ValidationError(
                    f"Ngày: công nhận chính thức ngày {format_date(e.date)} khi chưa hết "
                    f"{rules['probation_months']} tháng dự bị (sớm nhất {format_date(earliest)}).",
                    "Ngày",
                    "date",
                )


def _check_badges(events: list[MemberEvent], rules: Rules) -> None:
    """A badge received names a milestone of the setting, once ("30 năm")."""
    milestones = [int(m) for m in rules["badge_milestones_years"]]
    seen: set[int] = set()
    for e in events:
        if e.kind is not EventKind.BADGE_AWARDED:
            continue
        milestone = badge_milestone(e.detail)
        if milestone not in milestones:
            raise ValidationError(
                f"Nội dung: ghi mốc Huy hiệu Đảng đã nhận, một trong "
                f"{', '.join(map(str, milestones))} năm (ví dụ “30 năm”).",
                EVENT_LABELS["detail"],
                "detail",
            )
        if milestone in seen:
            raise ValidationError(
                f"Nội dung: Huy hiệu {milestone} năm tuổi Đảng đã được ghi nhận.",
                EVENT_LABELS["detail"],
                "detail",
            )
        seen.add(milestone)


def _check_with(store: Store, member_id: int, events: list[MemberEvent]) -> None:
    check_history(_existing(store, member_id), events, rules_of(store))


def add_event(store: Store, member_id: int, form: Mapping[str, str], *, today: date | None = None) -> Changes:
    """Record a lifecycle event; refused if it contradicts the member's history."""
    _existing(store, member_id)
    event = parse_event(form, member_id, today=today)
    events = [*store.members.events_of(member_id), event]
    _check_with(store, member_id, events)
    with store.transaction():
        store.members.insert_event(event)
        store.members.touch(member_id)
    return Changes(members=True, member_ids=frozenset({member_id}))


def update_event(
    store: Store, member_id: int, event_id: int, form: Mapping[str, str], *, today: date | None = None
) -> Changes:
    _existing(store, member_id)
    event = parse_event(form, member_id, event_id=record_id(event_id, _NO_EVENT), today=today)
    current = store.members.events_of(member_id)
    if not any(e.id == event_id for e in current):
        raise ValidationError(_NO_EVENT)
    if store.members.event_in_use(event_id):
        raise ValidationError(
            "Sự kiện này gắn với hồ sơ đi làm ăn xa của đảng viên: hãy sửa ở mục "
            "Nơi cư trú › Đảng viên đi làm ăn xa (ghi ngày trở về)."
        )
    events = [event if e.id == event_id else e for e in current]
    lifecycle.require_entry(events)
    _check_with(store, member_id, events)
    with store.transaction():
        store.members.update_event(event)
        store.members.touch(member_id)
    return Changes(members=True, member_ids=frozenset({member_id}))


def delete_event(store: Store, member_id: int, event_id: int) -> Changes:
    """Remove an event entered by mistake, if the remaining history still holds together
    (it keeps its admission: see lifecycle.validate_history)."""
    _existing(store, member_id)
    record_id(event_id, _NO_EVENT)
    current = store.members.events_of(member_id)
    remaining = [e for e in current if e.id != event_id]
    if len(remaining) == len(current):
        raise ValidationError(_NO_EVENT)
    if store.members.event_in_use(event_id):
        raise ValidationError(
            "Sự kiện này gắn với hồ sơ đi làm ăn xa của đảng viên: hãy ghi ngày "
            "trở về ở mục Liên hệ nơi cư trú thay vì xóa."
        )
    if not remaining:
        raise ValidationError(
            "Không thể xóa sự kiện duy nhất của đảng viên: hồ sơ cần ít nhất "
            "một sự kiện (kết nạp hoặc chuyển đến)."
        )
    lifecycle.require_entry(remaining)
    _check_with(store, member_id, remaining)
    with store.transaction():
        store.members.delete_event(event_id)
        store.members.touch(member_id)
    return Changes(members=True, member_ids=frozenset({member_id}))
