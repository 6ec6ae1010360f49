"""Reading the register: each member's state on a date, the roll summary, search and filters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum

from cellsec.dates import add_months, format_date
from cellsec.entities.meetings import Mark, RollEntry
from cellsec.entities.members import Member, MemberEvent, MemberRow, MemberState, Presence, Standing
from cellsec.errors import ValidationError
from cellsec.rules import lifecycle
from cellsec.rules.exemption import age_note, exemption_age_warning, next_badge
from cellsec.services.forms import is_record_id
from cellsec.services.member_form import search_text
from cellsec.services.members import parse_event, rules_of
from cellsec.store import Store
from cellsec.text import matches, name_sort_key, search_terms


class StatusFilter(str, Enum):
    ROLL = "roll"
    ALL = "all"
    FULL = "full"
    PROBATIONARY = "probationary"
    EXEMPTED = "exempted"
    ATTACHED_OUT = "attached_out"
    GUEST = "guest"
    LEFT = "left"

    @property
    def label(self) -> str:
        return {
            StatusFilter.ROLL: "Đảng số (đang sinh hoạt)",
            StatusFilter.ALL: "Tất cả hồ sơ",
            StatusFilter.FULL: "Chính thức",
            StatusFilter.PROBATIONARY: "Dự bị",
            StatusFilter.EXEMPTED: "Miễn sinh hoạt",
            StatusFilter.ATTACHED_OUT: "Sinh hoạt tạm thời nơi khác",
            StatusFilter.GUEST: "Sinh hoạt tạm thời đến",
            StatusFilter.LEFT: "Đã rời chi bộ (lưu trữ)",
        }[self]

    def accepts(self, s: MemberState) -> bool:
        if self is StatusFilter.ALL:
            return True
        if self is StatusFilter.ROLL:
            return s.on_roll
        if self is StatusFilter.FULL:
            return s.on_roll and s.standing is Standing.FULL
        if self is StatusFilter.PROBATIONARY:
            return s.on_roll and s.standing is Standing.PROBATIONARY
        if self is StatusFilter.EXEMPTED:
            return s.on_roll and s.exempted
        if self is StatusFilter.ATTACHED_OUT:
            return s.on_roll and s.attached_out
        if self is StatusFilter.GUEST:
            return s.presence is Presence.GUEST
        return s.presence is Presence.LEFT


@dataclass(frozen=True)
class RollSummary:
    """The cell's roll on a date, as the minutes and reports state it."""

    on: date
    total: int = 0  # đảng số: full + probationary
    full: int = 0
    probationary: int = 0
    exempted: int = 0
    attached_out: int = 0
    suspended: int = 0
    guests: int = 0  # temporarily attached in: not on the roll

    @property
    def text(self) -> str:
        return (
            f"Đảng số {self.total} (chính thức {self.full}, dự bị {self.probationary}); "
            f"miễn sinh hoạt {self.exempted}; sinh hoạt tạm thời nơi khác {self.attached_out}; "
            f"sinh hoạt tạm thời đến {self.guests}"
        )


def make_row(member: Member, events: list[MemberEvent], on: date, folded: str | None = None) -> MemberRow:
    state, admitted, official, age = lifecycle.snapshot(events, on)
    return MemberRow(
        member=member,
        state=state,
        admission_date=admitted,
        official_date=official,
        party_age_months=age,
        search_text=search_text(member) if folded is None else folded,
        sort_key=name_sort_key(member.full_name),
    )


def load_register(store: Store, on: date, member_ids: list[int] | None = None) -> list[MemberRow]:
    """Every member (or just `member_ids`, read alone) with their state on `on`, in Vietnamese
    name order."""
    if member_ids is None:
        events = store.members.all_events()
        texts = store.members.search_texts()
        members = store.members.all()
    else:
        events, texts = store.members.events_of_members(member_ids), {}
        members = store.members.of_ids(member_ids)
    rows = [make_row(m, events.get(m.id or 0, []), on, texts.get(m.id or 0, "")) for m in members]
    rows.sort(key=lambda r: (r.sort_key, r.member.id))
    return rows


def summarise(rows: list[MemberRow], on: date) -> RollSummary:
    roll = [r.state for r in rows if r.state.on_roll]
    return RollSummary(
        on=on,
        total=len(roll),
        full=sum(s.standing is Standing.FULL for s in roll),
        probationary=sum(s.standing is Standing.PROBATIONARY for s in roll),
        exempted=sum(s.exempted for s in roll),
        attached_out=sum(s.attached_out for s in roll),
        suspended=sum(s.suspended for s in roll),
        guests=sum(r.state.presence is Presence.GUEST for r in rows),
    )


def filter_rows(rows: list[MemberRow], query: str, status: StatusFilter) -> list[MemberRow]:
    """Rows whose folded text holds every word of the query (any order), with that status."""
    terms = search_terms(query)
    return [r for r in rows if status.accepts(r.state) and matches(r.search_text, terms)]


@dataclass(frozen=True)
class MemberDetail:
    row: MemberRow
    timeline: list[tuple[MemberEvent, MemberState]]
    warnings: list[str]
    age_note: str = ""  # "67 tuổi, trên tuổi được xét miễn sinh hoạt đảng"
    badge_note: str = ""  # "đủ 50 năm ngày 03/02/2027 (Huy hiệu Đảng)"


def member_detail(store: Store, member_id: int, on: date) -> MemberDetail | None:
    member = store.members.get(member_id) if is_record_id(member_id) else None
    if member is None:
        return None
    events = store.members.events_of(member_id)
    row = make_row(member, events, on)
    rules = rules_of(store)
    badge = next_badge(events, on, rules["badge_milestones_years"]) if row.state.on_roll else None
    return MemberDetail(
        row=row,
        timeline=lifecycle.timeline(events),
        warnings=_warnings(store, row, events, on),
        age_note=age_note(member, on, rules),
        badge_note=(
            f"đủ {badge[0]} năm ngày {format_date(badge[1])} — mốc xét Huy hiệu Đảng" if badge else ""
        ),
    )


def event_warning(
    store: Store,
    member_id: int,
    form: Mapping[str, str],
    *,
    event_id: int | None = None,
    today: date | None = None,
) -> str:
    """What to confirm before recording this event ("" if nothing): today, an exemption for old
    age before the member is over the exemption age. Bad input is refused by add_event."""
    member = store.members.get(member_id) if is_record_id(member_id) else None
    try:
        event = parse_event(form, member_id, event_id=event_id, today=today)
    except ValidationError:
        return ""
    return exemption_age_warning(member, event, rules_of(store)) if member else ""


def _warnings(store: Store, row: MemberRow, events: list[MemberEvent], on: date) -> list[str]:
    rules = rules_of(store)
    notes = []
    s = row.state
    if s.on_roll and s.standing is Standing.PROBATIONARY:
        starts = [e.date for e in events if e.kind.value in ("admitted", "readmitted")]
        due = add_months(max(starts), int(rules["probation_months"]))
        if due <= on:
            notes.append(
                f"Đã hết {rules['probation_months']} tháng dự bị từ {format_date(due)}: "
                f"chi bộ cần xét công nhận chính thức trong "
                f"{rules['recognition_review_working_days']} ngày làm việc."
            )
        else:
            notes.append(f"Hết thời gian dự bị ngày {format_date(due)}.")
    exempted = [e for e in events if e.kind.value == "exempted" and e.date <= on]
    if s.on_roll and s.exempted and exempted:
        note = exemption_age_warning(row.member, exempted[-1], rules)
        if note:
            notes.append(note)
    return notes


def expected_roll(store: Store, on: date, member_ids: list[int] | None = None) -> tuple[RollEntry, ...]:
    """The member register as of the meeting date: the roll (full and probationary members,
    exempted and attached-out ones not expected) and members temporarily attached in; with
    `member_ids`, only those members' entries (read alone)."""
    entries = []
    for row in load_register(store, on, member_ids):
        s = row.state
        if s.presence is Presence.GUEST:
            category = "guest"
        elif s.on_roll:
            category = "full" if s.standing is Standing.FULL else "probationary"
        else:
            continue
        expected = not (s.exempted or s.attached_out)
        entries.append(
            RollEntry(
                member_id=row.member.id or 0,
                name=row.member.full_name,
                category=category,
                exempted=s.exempted,
                attached_out=s.attached_out,
                suspended=s.suspended,
                mark=Mark.PRESENT if expected else Mark.NOT_EXPECTED,
            )
        )
    return tuple(entries)
