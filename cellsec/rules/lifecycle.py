"""A member's lifecycle: replay dated events into states, refuse contradictory histories."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from cellsec.dates import format_date, months_between
from cellsec.entities.members import (
    PARTY_AGE_GAPS,
    EventKind,
    MemberEvent,
    MemberState,
    Presence,
    Standing,
)
from cellsec.errors import ValidationError

K = EventKind
_ORDER = {kind: i for i, kind in enumerate(EventKind)}


def ordered(events: Iterable[MemberEvent]) -> list[MemberEvent]:
    """Events in the order they happened: by date, then by the natural order of kinds, then id."""
    return sorted(events, key=lambda e: (e.date, _ORDER[e.kind], e.id or 0))


def replace(state: MemberState, **changes: object) -> MemberState:
    """dataclasses.replace without re-running __init__: replaying 10,000 events is a hot path."""
    new = object.__new__(MemberState)
    new.__dict__.update(state.__dict__, **changes)
    return new


def _fail(event: MemberEvent, why: str) -> ValidationError:
    return ValidationError(
        f"Sự kiện “{event.kind.label}” ngày {format_date(event.date)}: {why}", "Sự kiện", "kind"
    )


def _apply(state: MemberState, e: MemberEvent, readmitted_before: bool) -> MemberState:
    """The state right after event e; raises ValidationError if e contradicts `state`."""
    s = state
    live = s.standing in (Standing.PROBATIONARY, Standing.FULL)
    if e.kind is K.BADGE_AWARDED:  # also posthumously; the milestone is checked by the service
        if s.standing is Standing.NONE:
            raise _fail(e, "chưa có ngày kết nạp trước ngày này.")
        return s
    if s.standing is Standing.DECEASED:
        raise _fail(e, "đảng viên đã từ trần.")
    if e.kind is K.ADMITTED:
        if s.standing is not Standing.NONE:
            raise _fail(e, "đảng viên đã được kết nạp trước đó (dùng “Kết nạp lại” nếu đúng).")
        # Admitted in this cell unless `detail` names another organisation.
        presence = Presence.IN if not e.detail else s.presence
        return replace(s, standing=Standing.PROBATIONARY, presence=presence)
    if e.kind is K.READMITTED:
        if s.standing is not Standing.ENDED:
            raise _fail(e, "chỉ kết nạp lại người đã bị xóa tên hoặc khai trừ.")
        if readmitted_before:
            raise _fail(e, "chỉ được kết nạp lại một lần.")
        presence = Presence.IN if not e.detail else Presence.LEFT
        return replace(s, standing=Standing.PROBATIONARY, presence=presence, left_by=None)
    if e.kind is K.RECOGNISED:
        if s.standing is not Standing.PROBATIONARY:
            raise _fail(e, "chỉ công nhận chính thức cho đảng viên dự bị.")
        return replace(s, standing=Standing.FULL)
    if e.kind is K.TRANSFERRED_IN:
        if not live:
            raise _fail(e, "chưa có ngày kết nạp trước ngày chuyển đến.")
        if s.presence in (Presence.IN,):
            raise _fail(e, "đảng viên đang sinh hoạt tại chi bộ.")
        return replace(s, presence=Presence.IN, left_by=None, attached_out=False)
    if e.kind is K.ATTACHED_IN:
        if not live:
            raise _fail(e, "chưa có ngày kết nạp trước ngày đến sinh hoạt tạm thời.")
        if s.presence in (Presence.IN, Presence.GUEST):
            raise _fail(e, "đảng viên đang sinh hoạt tại chi bộ.")
        return replace(s, presence=Presence.GUEST, left_by=None)
    if e.kind is K.ATTACHED_IN_END:
        if s.presence is not Presence.GUEST:
            raise _fail(e, "đảng viên không sinh hoạt tạm thời tại chi bộ.")
        return replace(s, presence=Presence.LEFT, left_by=K.ATTACHED_IN_END)
    if e.kind in _GAPS:
        return _gap(s, e, live)
    # Everything below concerns a member on this cell's roll.
    if e.kind is K.DECEASED:
        if s.standing is Standing.NONE:
            raise _fail(e, "chưa có ngày kết nạp trước ngày này.")
        return replace(
            s,
            standing=Standing.DECEASED,
            presence=Presence.LEFT,
            left_by=K.DECEASED,
            exempted=False,
            attached_out=False,
            suspended=False,
            lost_contact=False,
            transfer_gap=False,
            transfer_pending=False,
        )
    if s.presence is not Presence.IN or not live:
        raise _fail(e, "đảng viên không có trong đảng số của chi bộ vào ngày này.")
    if e.kind is K.TRANSFERRED_OUT:
        return replace(
            s,
            presence=Presence.LEFT,
            left_by=K.TRANSFERRED_OUT,
            exempted=False,
            attached_out=False,
            suspended=False,
            transfer_pending=False,
        )
    if e.kind in (K.REMOVED, K.EXPELLED):
        return replace(
            s,
            standing=Standing.ENDED,
            presence=Presence.LEFT,
            left_by=e.kind,
            exempted=False,
            attached_out=False,
            suspended=False,
            lost_contact=False,
            transfer_gap=False,
            transfer_pending=False,
        )
    toggles = {
        K.ATTACHED_OUT: ("attached_out", True, "đảng viên đang sinh hoạt tạm thời nơi khác."),
        K.ATTACHED_OUT_END: ("attached_out", False, "đảng viên không sinh hoạt tạm thời nơi khác."),
        K.EXEMPTED: ("exempted", True, "đảng viên đang được miễn sinh hoạt."),
        K.EXEMPTION_END: ("exempted", False, "đảng viên không được miễn sinh hoạt."),
        K.SUSPENDED: ("suspended", True, "đảng viên đang bị đình chỉ sinh hoạt."),
        K.SUSPENSION_END: ("suspended", False, "đảng viên không bị đình chỉ sinh hoạt."),
        K.TRANSFER_PENDING: ("transfer_pending", True, "đảng viên đang chờ chuyển sinh hoạt đi."),
    }
    if e.kind in toggles:
        attr, value, why = toggles[e.kind]
        if getattr(s, attr) == value:
            raise _fail(e, why)
        return replace(s, **{attr: value})
    if e.kind is K.DISCIPLINED:
        return s
    raise AssertionError(e.kind)


# A gap in party age (lost contact, between two cells while transferring) opens and closes
# wherever the member is, as long as they are in the Party.
_GAPS = {
    K.LOST_CONTACT: ("lost_contact", True, "đảng viên đang mất liên lạc."),
    K.CONTACT_RESTORED: ("lost_contact", False, "đảng viên không ở trong thời gian mất liên lạc."),
    K.TRANSFER_GAP: ("transfer_gap", True, "đảng viên đang trong thời gian không sinh hoạt."),
    K.TRANSFER_GAP_END: ("transfer_gap", False, "đảng viên không ở trong thời gian không sinh hoạt."),
}


def _gap(s: MemberState, e: MemberEvent, live: bool) -> MemberState:
    if not live:
        raise _fail(e, "đảng viên không còn trong Đảng vào ngày này.")
    attr, value, why = _GAPS[e.kind]
    if getattr(s, attr) == value:
        raise _fail(e, why)
    return replace(s, **{attr: value})


_PERIOD_END = {
    **PARTY_AGE_GAPS,
    K.ATTACHED_IN: K.ATTACHED_IN_END,
    K.ATTACHED_OUT: K.ATTACHED_OUT_END,
    K.EXEMPTED: K.EXEMPTION_END,
    K.SUSPENDED: K.SUSPENSION_END,
}


IMPLIED_NOTE = "(hết thời hạn)"


def _with_period_ends(events: Sequence[MemberEvent]) -> list[tuple[MemberEvent, bool]]:
    """Turn a period's planned end date into an implied closing event the day after it,
    unless the user recorded a closing event (or anything that ends the period) earlier.
    Returns (event, implied) in order; `events` must already be ordered."""
    implied: list[MemberEvent] = []
    for e in events:
        if e.kind in _PERIOD_END and e.end_date:
            closing = _PERIOD_END[e.kind]
            explicit = any(x.kind == closing and e.date <= x.date <= e.end_date for x in events)
            if not explicit:
                implied.append(
                    MemberEvent(
                        id=None,
                        member_id=e.member_id,
                        kind=closing,
                        date=e.end_date + timedelta(days=1),
                        note=IMPLIED_NOTE,
                    )
                )
    if not implied:
        return [(e, False) for e in events]
    marked = [(e, False) for e in events] + [(e, True) for e in implied]
    return sorted(marked, key=lambda pair: (pair[0].date, _ORDER[pair[0].kind], pair[0].id or 0))


def _check_event(e: MemberEvent) -> None:
    if e.end_date and e.end_date < e.date:
        raise ValidationError(
            f"Sự kiện “{e.kind.label}”: ngày kết thúc {format_date(e.end_date)} trước ngày bắt "
            f"đầu {format_date(e.date)}.",
            "Đến ngày",
            "end_date",
        )
    if e.end_date and not e.kind.has_period:
        raise ValidationError(f"Sự kiện “{e.kind.label}” không có ngày kết thúc.", "Đến ngày", "end_date")


def timeline(events: Iterable[MemberEvent]) -> list[tuple[MemberEvent, MemberState]]:
    """Every event (with implied period ends) and the state after it; validates the history."""
    real = ordered(events)
    for e in real:
        _check_event(e)
    return list(_replay(real))


def _replay(real: list[MemberEvent], until: date | None = None) -> Iterator[tuple[MemberEvent, MemberState]]:
    state = MemberState()
    readmitted = False
    for e, implied in _with_period_ends(real):
        if until is not None and e.date > until:
            return
        if implied:
            # An implied end may fall after the period was closed another way: skip quietly.
            try:
                state = _apply(state, e, readmitted)
            except ValidationError:
                continue
        else:
            state = _apply(state, e, readmitted)
        readmitted = readmitted or e.kind is K.READMITTED
        yield e, state


def snapshot(events: Sequence[MemberEvent], on: date) -> tuple[MemberState, date | None, date | None, int]:
    """(state on the date, first admission, official date, party age in months) in one pass:
    what the register list needs for each member. A history that no longer holds together
    (edited outside the app) stops at the last consistent state instead of failing the list."""
    real = ordered(events)
    state = MemberState()
    try:
        for _, after in _replay(real, until=on):
            state = after
    except ValidationError:
        pass
    return state, first_admission(real), official_date(real), party_age_months(real, on)


def validate_history(events: Iterable[MemberEvent]) -> None:
    """Refuse a history that contradicts itself or has lost its admission: every write of a
    member's events (add, edit, delete, import) passes here, so no edit can leave a member
    without the event that brought them into the Party and into the cell."""
    events = list(events)
    timeline(events)
    require_entry(events)


def require_entry(events: Iterable[MemberEvent]) -> None:
    """The history keeps its admission and an event that brought the member into the cell."""
    events = list(events)
    if not any(e.kind is K.ADMITTED for e in events):
        raise ValidationError(
            f"Hồ sơ đảng viên phải có sự kiện “{K.ADMITTED.label}” (ngày kết nạp theo quyết "
            "định): không xóa hoặc đổi sự kiện này.",
            "Sự kiện",
            "kind",
        )
    if not any(is_entry(e) for e in events):
        raise ValidationError(
            "Hồ sơ đảng viên phải có sự kiện vào chi bộ (kết nạp tại chi bộ, chuyển sinh hoạt "
            "chính thức đến hoặc sinh hoạt tạm thời đến): không xóa hoặc đổi sự kiện này.",
            "Sự kiện",
            "kind",
        )


def is_entry(e: MemberEvent) -> bool:
    """An event that brings the member into this cell (an admission here names no other
    organisation in `detail`)."""
    return e.kind in (K.TRANSFERRED_IN, K.ATTACHED_IN) or (
        e.kind in (K.ADMITTED, K.READMITTED) and not e.detail
    )


def state_on(events: Iterable[MemberEvent], on: date) -> MemberState:
    real = ordered(events)
    for e in real:
        _check_event(e)
    state = MemberState()
    for _, after in _replay(real, until=on):
        state = after
    return state


def first_admission(events: Iterable[MemberEvent]) -> date | None:
    dates = [e.date for e in events if e.kind is K.ADMITTED]
    return min(dates) if dates else None


def official_date(events: Iterable[MemberEvent]) -> date | None:
    """The latest recognition as full member (after a re-admission, the new one)."""
    dates = [e.date for e in events if e.kind is K.RECOGNISED]
    return max(dates) if dates else None


def party_age_months(events: Iterable[MemberEvent], on: date) -> int:
    """Party age in whole months on a date: from the admission decision, minus every gap
    DOMAIN.md §2 lists — removal or expulsion until re-admission, lost contact, time without
    party activity while transferring (a gap's planned end closes it the day after) — each gap
    counted in its whole months; it stops at death (and during an open gap)."""
    evs = ordered(events)
    start = first_admission(evs)
    if start is None or start > on:
        return 0
    gap_months = 0
    in_party = False
    gaps: set[EventKind] = set()
    stopped: date | None = None  # the start of the gap running now
    for e, _implied in _with_period_ends(evs):
        if e.date > on:
            break
        counting = in_party and not gaps
        if e.kind in (K.ADMITTED, K.READMITTED):
            in_party = True
        elif e.kind in (K.REMOVED, K.EXPELLED, K.DECEASED):
            in_party = False
            gaps.clear()
        elif e.kind in PARTY_AGE_GAPS and in_party:
            gaps.add(e.kind)
        elif e.kind in _GAP_OPENED_BY:
            gaps.discard(_GAP_OPENED_BY[e.kind])
        now_counting = in_party and not gaps
        if counting and not now_counting:
            stopped = e.date
        elif now_counting and not counting and stopped is not None:
            gap_months += months_between(stopped, e.date)
            stopped = None
    if stopped is not None:
        return max(months_between(start, stopped) - gap_months, 0)
    return max(months_between(start, on) - gap_months, 0)


_GAP_OPENED_BY = {end: start for start, end in PARTY_AGE_GAPS.items()}
