"""The cell's own members who go to work far away: the application and the cell's decision
(temporary exemption or temporary transfer, recorded in the register as the matching event in the
same transaction), contact log, dues arrangement, return, and reminders when a period ends."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.liaison import Arrangement, Contact, WorkingAway
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.errors import ValidationError
from cellsec.rules import lifecycle
from cellsec.services.forms import form_text, id_text, plain_text
from cellsec.services.forms import record_id as checked_id
from cellsec.services.members import check_history, rules_of
from cellsec.store import Store

LABELS = {
    "member_id": "Đảng viên",
    "arrangement": "Hình thức",
    "application_date": "Ngày làm đơn",
    "start": "Từ ngày",
    "end": "Đến ngày",
    "reason": "Lý do",
    "destination": "Nơi đến",
    "employer": "Nơi làm việc",
    "contact": "Cách liên lạc",
    "decision_ref": "Số quyết định",
    "dues": "Đảng phí",
    "notes": "Ghi chú",
}
_CONTACT_LABELS = {"date": "Ngày liên lạc", "method": "Cách liên lạc", "note": "Nội dung"}
_EVENT = {
    Arrangement.EXEMPTION: (EventKind.EXEMPTED, EventKind.EXEMPTION_END),
    Arrangement.TEMPORARY_TRANSFER: (EventKind.ATTACHED_OUT, EventKind.ATTACHED_OUT_END),
}


_NO_MEMBER = "Đảng viên: không tìm thấy đảng viên này."
_NO_RECORD = "Không tìm thấy hồ sơ đi làm ăn xa này."


def _date(
    form: Mapping[str, str], key: str, today: date, required: bool = True, future: bool = False
) -> date | None:
    return parse_date(form[key], LABELS[key], key=key, required=required, today=today, allow_future=future)


def parse_working_away(form: Mapping[str, str], today: date) -> WorkingAway:
    form = form_text(form, LABELS)
    member_id = id_text(form["member_id"], LABELS["member_id"], "member_id", _NO_MEMBER)
    try:
        arrangement = Arrangement(form["arrangement"])
    except ValueError:
        raise ValidationError(
            "Hình thức: chọn miễn sinh hoạt tạm thời hoặc chuyển sinh hoạt tạm thời.",
            LABELS["arrangement"],
            "arrangement",
        ) from None
    applied = _date(form, "application_date", today)
    start = _date(form, "start", today, future=True)
    end = _date(form, "end", today, future=True)
    assert applied and start and end
    if end < start:
        raise ValidationError("Đến ngày: trước ngày bắt đầu.", LABELS["end"], "end")
    if start < applied:
        raise ValidationError("Từ ngày: trước ngày làm đơn.", LABELS["start"], "start")
    if not form["destination"]:
        raise ValidationError(
            "Nơi đến: chưa nhập (tỉnh, thành phố nơi đến làm việc).", LABELS["destination"], "destination"
        )
    return WorkingAway(
        member_id=member_id,
        arrangement=arrangement,
        application_date=applied,
        start=start,
        end=end,
        reason=form["reason"],
        destination=form["destination"],
        employer=form["employer"],
        contact=form["contact"],
        decision_ref=form["decision_ref"],
        dues=form["dues"],
        notes=form["notes"],
    )


def register_kind(w: WorkingAway) -> EventKind:
    """The register event a working-away record goes with (exempted or attached out)."""
    return _EVENT[w.arrangement][0]


def _register_event(w: WorkingAway) -> MemberEvent:
    kind = register_kind(w)
    return MemberEvent(
        member_id=w.member_id,
        kind=kind,
        date=w.start,
        end_date=w.end,
        decision_ref=w.decision_ref,
        detail=f"Đi làm ăn xa: {w.destination}" + (f" ({w.employer})" if w.employer else ""),
        note=w.reason,
    )


def start_working_away(
    store: Store, form: Mapping[str, str], today: date | None = None
) -> tuple[int, Changes]:
    """Record the application and the cell's decision, and the register event with it."""
    today = today or date.today()
    w = parse_working_away(form, today)
    member = store.members.get(w.member_id)
    if member is None:
        raise ValidationError(_NO_MEMBER, LABELS["member_id"], "member_id")
    events = store.members.events_of(w.member_id)
    state = lifecycle.state_on(events, w.start)
    if not state.on_roll:
        raise ValidationError(
            f"Đảng viên {member.full_name} không có trong đảng số ngày {format_date(w.start)}.",
            LABELS["start"],
            "start",
        )
    event = _register_event(w)
    try:
        check_history(member, [*events, event], rules_of(store))
    except ValidationError as exc:
        raise ValidationError(f"Không ghi được vào sổ đảng viên: {exc}", LABELS["start"], "start") from None
    with store.transaction():
        event_id = store.members.insert_event(event)
        record_id = store.liaison.save_working_away(replace(w, event_id=event_id))
        store.members.touch(w.member_id)
    return record_id, Changes(liaison=True, members=True, member_ids=frozenset({w.member_id}))


def _record(store: Store, record_id: int) -> WorkingAway:
    checked_id(record_id, _NO_RECORD)
    w = next((x for x in store.liaison.working_away() if x.id == record_id), None)
    if w is None:
        raise ValidationError(_NO_RECORD)
    return w


def check_contact(w: WorkingAway, c: Contact) -> None:
    if c.date < w.application_date:
        raise ValidationError("Ngày liên lạc: trước ngày làm đơn.", "Ngày liên lạc", "date")
    if not c.note and not c.method:
        raise ValidationError("Nội dung liên lạc: chưa nhập.", "Nội dung", "note")


def add_contact(
    store: Store, record_id: int, when_text: str, method: str, note: str, today: date | None = None
) -> Changes:
    w = _record(store, record_id)
    form = form_text({"date": when_text, "method": method, "note": note}, _CONTACT_LABELS)
    when = parse_date(form["date"], "Ngày liên lạc", key="date", required=True, today=today)
    assert when is not None
    contact = Contact(when, form["method"], form["note"])
    check_contact(w, contact)
    with store.transaction():
        store.liaison.add_contact(record_id, contact)
    return Changes(liaison=True)


def update_dues(store: Store, record_id: int, dues: str) -> Changes:
    w = _record(store, record_id)
    text = plain_text(dues, LABELS["dues"], "dues")
    with store.transaction():
        store.liaison.save_working_away(replace(w, dues=text))
    return Changes(liaison=True)


def record_return(store: Store, record_id: int, when_text: str, today: date | None = None) -> Changes:
    """The member is back: close the record and, if before the planned end, the register period."""
    today = today or date.today()
    w = _record(store, record_id)
    if w.returned_date is not None:
        raise ValidationError(f"Đã ghi ngày trở về {format_date(w.returned_date)}.")
    back = parse_date(
        plain_text(when_text, "Ngày trở về", "returned_date"),
        "Ngày trở về",
        key="returned_date",
        required=True,
        today=today,
    )
    assert back is not None
    if back < w.start:
        raise ValidationError("Ngày trở về: trước ngày bắt đầu.", "Ngày trở về", "returned_date")
    member = store.members.get(w.member_id)
    assert member is not None
    events = store.members.events_of(w.member_id)
    closing = None
    if back <= w.end:
        _, end_kind = _EVENT[w.arrangement]
        closing = MemberEvent(
            member_id=w.member_id, kind=end_kind, date=back, note="Trở về sau thời gian đi làm ăn xa"
        )
        check_history(member, [*events, closing], rules_of(store))
    with store.transaction():
        if closing is not None:
            store.members.insert_event(closing)
            store.members.touch(w.member_id)
        store.liaison.save_working_away(replace(w, returned_date=back))
    return Changes(liaison=True, members=True, member_ids=frozenset({w.member_id}))


@dataclass(frozen=True)
class Reminder:
    record: WorkingAway
    message: str


def reminders(store: Store, today: date | None = None) -> list[Reminder]:
    """Periods ending soon or already over without a recorded return."""
    today = today or date.today()
    days = int(rules_of(store)["working_away_reminder_days"])
    out = []
    for w in store.liaison.working_away():
        if w.returned_date is not None:
            continue
        if w.end < today:
            out.append(
                Reminder(
                    w,
                    f"{w.member_name}: hết thời hạn {w.arrangement.label.lower()} "
                    f"từ {format_date(w.end)} nhưng chưa ghi ngày trở về.",
                )
            )
        elif w.end <= today + timedelta(days=days):
            out.append(
                Reminder(
                    w, f"{w.member_name}: {w.arrangement.label.lower()} hết hạn ngày {format_date(w.end)}."
                )
            )
    return out


def inconsistencies(store: Store) -> list[str]:
    """Records whose register event is missing or no longer matches (edited by hand)."""
    problems = []
    for w in store.liaison.working_away():
        events = {e.id: e for e in store.members.events_of(w.member_id)}
        e = events.get(w.event_id)
        kind, _ = _EVENT[w.arrangement]
        if e is None or e.kind is not kind or e.date != w.start or e.end_date != w.end:
            problems.append(
                f"{w.member_name}: hồ sơ đi làm ăn xa ({format_date(w.start)} – "
                f"{format_date(w.end)}) không khớp với sự kiện trong sổ đảng viên."
            )
    return problems
