"""Probationers: each with their helper (đảng viên giúp đỡ), the warning and review dates, and the
rule's outcome of a failed review recorded as the removal event."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.growth import ProbationHelper
from cellsec.entities.members import Member, Standing
from cellsec.errors import ValidationError
from cellsec.rules import lifecycle
from cellsec.rules.probation import Probation, failed_review_event, probation_of
from cellsec.services.forms import form_text, record_id
from cellsec.services.members import check_history, rules_of
from cellsec.store import Store
from cellsec.text import name_sort_key

HELPER_LABELS = {"helper_id": "Đảng viên giúp đỡ", "assigned_on": "Ngày phân công", "note": "Ghi chú"}
FAILED_LABELS = {"date": "Ngày quyết định", "decision_ref": "Số quyết định", "note": "Ghi chú"}
RECOGNITION_LABELS = {
    "date": "Ngày quyết định công nhận",
    "decision_ref": "Số quyết định",
    "votes_entitled": "Số đảng viên chính thức",
    "votes_for": "Số tán thành",
}


@dataclass(frozen=True)
class ProbationRow:
    member: Member
    probation: Probation
    helper: Member | None


def probationers(store: Store, on: date) -> list[ProbationRow]:
    """Members on the roll in probation on `on`, by name, with their current helper."""
    rules = rules_of(store)
    events = store.members.all_events()
    members = {m.id: m for m in store.members.all()}
    helpers = {h.member_id: h.helper_id for h in store.growth.helpers() if h.assigned_on <= on}
    rows = []
    for mid, member in members.items():
        evs = events.get(mid or 0, [])
        state = lifecycle.state_on(evs, on)
        if not state.on_roll or state.standing is not Standing.PROBATIONARY:
            continue
        probation = probation_of(evs, rules)
        if probation is not None:
            rows.append(ProbationRow(member, probation, members.get(helpers.get(mid or 0))))
    rows.sort(key=lambda r: name_sort_key(r.member.full_name))
    return rows


def assign_helper(
    store: Store, member_id: object, form: Mapping[str, str], *, today: date | None = None
) -> Changes:
    """Assign a full member of the cell to help a probationer from a date."""
    today = today or date.today()
    values = form_text(form, HELPER_LABELS)
    mid = record_id(member_id, "Không tìm thấy đảng viên này.")
    when = parse_date(
        values["assigned_on"], HELPER_LABELS["assigned_on"], key="assigned_on", required=True, today=today
    )
    assert when is not None
    if not values["helper_id"].isdigit():
        raise ValidationError(
            f"{HELPER_LABELS['helper_id']}: chưa chọn.", HELPER_LABELS["helper_id"], "helper_id"
        )
    helper_id = int(values["helper_id"])
    probationer = lifecycle.state_on(store.members.events_of(mid), when)
    if store.members.get(mid) is None or probationer.standing is not Standing.PROBATIONARY:
        raise ValidationError(
            f"Chỉ phân công đảng viên giúp đỡ cho đảng viên dự bị (ngày {format_date(when)}).",
            HELPER_LABELS["assigned_on"],
            "assigned_on",
        )
    helper = lifecycle.state_on(store.members.events_of(helper_id), when)
    if (
        helper_id == mid
        or store.members.get(helper_id) is None
        or not helper.on_roll
        or helper.standing is not Standing.FULL
    ):
        raise ValidationError(
            f"{HELPER_LABELS['helper_id']}: chọn một đảng viên chính thức đang sinh hoạt tại chi bộ.",
            HELPER_LABELS["helper_id"],
            "helper_id",
        )
    with store.transaction():
        store.growth.add_helper(ProbationHelper(mid, helper_id, when, values["note"]))
    return Changes(members=True, growth=True, member_ids=frozenset({mid}))


def record_failed_review(
    store: Store, member_id: object, form: Mapping[str, str], *, today: date | None = None
) -> Changes:
    """The cell did not recognise the probationer: the rule's outcome (a setting with its
    source: removal) is recorded as the member's event, through the one validation path."""
    today = today or date.today()
    rules = rules_of(store)
    values = form_text(form, FAILED_LABELS)
    mid = record_id(member_id, "Không tìm thấy đảng viên này.")
    member = store.members.get(mid)
    if member is None:
        raise ValidationError("Không tìm thấy đảng viên này.")
    when = parse_date(values["date"], FAILED_LABELS["date"], key="date", required=True, today=today)
    assert when is not None
    events = store.members.events_of(mid)
    probation = probation_of([e for e in events if e.date <= when], rules)
    if probation is None or lifecycle.state_on(events, when).standing is not Standing.PROBATIONARY:
        raise ValidationError(
            "Đồng chí này không phải đảng viên dự bị vào ngày đó.", FAILED_LABELS["date"], "date"
        )
    if when < probation.ends:
        raise ValidationError(
            f"{FAILED_LABELS['date']}: chưa hết thời gian dự bị (hết ngày {format_date(probation.ends)}).",
            FAILED_LABELS["date"],
            "date",
        )
    event = failed_review_event(mid, when, values["decision_ref"], values["note"], rules)
    check_history(member, [*events, event], rules)
    with store.transaction():
        store.members.insert_event(event)
        store.members.touch(mid)
    return Changes(members=True, growth=True, member_ids=frozenset({mid}))


def full_members(store: Store, on: date) -> list[tuple[str, int]]:
    """(name, id) of the full members on the roll on `on`, by name: who may introduce a
    candidate or help a probationer."""
    events = store.members.all_events()
    found = []
    for m in store.members.all():
        state = lifecycle.state_on(events.get(m.id or 0, []), on)
        if state.on_roll and state.standing is Standing.FULL and m.id is not None:
            found.append((m.full_name, m.id))
    return sorted(found, key=lambda pair: name_sort_key(pair[0]))


def record_recognition(
    store: Store, member_id: object, form: Mapping[str, str], *, today: date | None = None
) -> Changes:
    """The Đảng ủy's decision recognising a probationer as full member, after the cell's vote
    (at least 2/3 of its full members, a setting): the recognition event through the member
    events' validation (12 months of probation first)."""
    from cellsec.rules.counting import threshold, votes_needed
    from cellsec.services.members import add_event

    values = form_text(form, RECOGNITION_LABELS)
    numbers = []
    for key in ("votes_entitled", "votes_for"):
        text = values[key].strip()
        if not text.isdigit() or len(text) > 4:
            label = RECOGNITION_LABELS[key]
            raise ValidationError(f"{label}: ghi số khi chi bộ họp xét.", label, key)
        numbers.append(int(text))
    entitled, in_favour = numbers
    needed = votes_needed(
        entitled, threshold(rules_of(store), "vote_special_majority_at_least"), at_least=True
    )
    if entitled == 0 or in_favour > entitled or in_favour < needed:
        raise ValidationError(
            f"Số tán thành: {in_favour}/{entitled} không đủ; cần ít nhất {needed} đảng viên chính thức "
            "tán thành.",
            RECOGNITION_LABELS["votes_for"],
            "votes_for",
        )
    note = f"Chi bộ họp xét: {in_favour}/{entitled} đảng viên chính thức tán thành"
    event = {
        "kind": "recognised",
        "date": values["date"],
        "decision_ref": values["decision_ref"],
        "note": note,
    }
    return add_event(store, record_id(member_id, "Không tìm thấy đảng viên này."), event, today=today)
