"""The cell committee (chi ủy) over time: who was secretary, deputy or committee member when.
A committee meeting's roll is the committee on its date, from the register (DOMAIN.md §1: a
cell elects a committee when it has at least 9 full members)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import CommitteePost, CommitteeRole, RollEntry
from cellsec.entities.members import Standing
from cellsec.errors import ValidationError
from cellsec.services import import_values as v
from cellsec.services.forms import record_id
from cellsec.services.register import expected_roll, load_register
from cellsec.store import Store
from cellsec.text import nfc

LABELS = {
    "member_id": "Đảng viên",
    "post": "Chức vụ trong chi ủy",
    "start": "Từ ngày",
    "end": "Đến ngày",
    "note": "Ghi chú",
}
_ORDER = {CommitteePost.SECRETARY: 0, CommitteePost.DEPUTY: 1, CommitteePost.MEMBER: 2}
NO_COMMITTEE = (
    "Chi bộ chưa có chi ủy vào ngày {day}: họp chi ủy chỉ có khi chi bộ đã bầu chi "
    "ủy (chi bộ có từ 9 đảng viên chính thức). Nếu chi bộ có chi ủy, hãy ghi danh "
    "sách chi ủy (trang Sinh hoạt chi bộ › Chi ủy…)."
)


def _err(key: str, message: str) -> ValidationError:
    return ValidationError(f"{LABELS[key]}: {message}", LABELS[key], key)


def committee_on(store: Store, on: date) -> list[tuple[CommitteeRole, RollEntry]]:
    """The committee on a date, secretary first: each seat with the member as the register
    stood that day (a member no longer on the roll holds no seat)."""
    covering = [r for r in store.meetings.committee.roles() if r.covers(on)]
    holders = sorted({r.member_id for r in covering})
    roll = {e.member_id: e for e in expected_roll(store, on, holders) if e.category != "guest"}
    seats = [r for r in covering if r.member_id in roll]
    seats.sort(key=lambda r: (_ORDER[r.post], roll[r.member_id].name))
    return [(r, roll[r.member_id]) for r in seats]


def committee_roll(store: Store, on: date) -> tuple[RollEntry, ...]:
    """A committee meeting's roll; ValidationError (in Vietnamese) when there is no committee."""
    seats = committee_on(store, on)
    if not seats:
        raise ValidationError(NO_COMMITTEE.format(day=format_date(on)), "Loại buổi sinh hoạt", "kind")
    return tuple(entry for _, entry in seats)


def add_committee_role(store: Store, form: Mapping[str, str], *, today: date | None = None) -> Changes:
    """A seat from a date (the election, or a later change)."""
    try:
        member_id = int(str(form.get("member_id", "")).strip())
    except ValueError:
        raise _err("member_id", "chưa chọn đảng viên.") from None
    member = store.members.get(member_id)
    if member is None:
        raise _err("member_id", "không tìm thấy đảng viên này.")
    try:
        post = CommitteePost(nfc(form.get("post", "")))
    except ValueError:
        raise _err("post", "chọn Bí thư, Phó Bí thư hoặc Chi ủy viên.") from None
    start = parse_date(
        form.get("start", ""), LABELS["start"], key="start", required=True, today=today, allow_future=True
    )
    end = parse_date(form.get("end", ""), LABELS["end"], key="end", allow_future=True)
    assert start is not None
    if end is not None and end < start:
        raise _err("end", "trước ngày bắt đầu.")
    state = next((r.state for r in load_register(store, start) if r.member.id == member_id), None)
    if state is None or not state.on_roll or state.standing is not Standing.FULL:
        raise _err(
            "member_id",
            f"ngày {format_date(start)} đồng chí {member.full_name} không "
            "phải đảng viên chính thức của chi bộ.",
        )
    role = CommitteeRole(member_id, post, start, end, nfc(form.get("note", "")))
    for other in store.meetings.committee.roles():
        if not _overlaps(role, other):
            continue
        if other.member_id == member_id:
            raise _err(
                "start", f"đồng chí {member.full_name} đã ở trong chi ủy từ {format_date(other.start)}."
            )
        if post is not CommitteePost.MEMBER and other.post is post:
            raise _err(
                "post",
                f"trong thời gian này chi bộ đã có {post.label.lower()} (từ {format_date(other.start)}).",
            )
    with store.transaction():
        store.meetings.committee.add(role)
    return Changes(meetings=True, members=True)


def end_committee_role(store: Store, role_id: int, end_text: str, *, today: date | None = None) -> Changes:
    not_found = "Không tìm thấy chức vụ này trong danh sách chi ủy."
    role_id = record_id(role_id, not_found)
    role = next((r for r in store.meetings.committee.roles() if r.id == role_id), None)
    if role is None:
        raise ValidationError(not_found)
    end = parse_date(end_text, LABELS["end"], key="end", required=True, today=today, allow_future=True)
    assert end is not None
    if end < role.start:
        raise _err("end", "trước ngày bắt đầu.")
    with store.transaction():
        store.meetings.committee.end(role_id, end)
    return Changes(meetings=True, members=True)


def _overlaps(a: CommitteeRole, b: CommitteeRole) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start <= b_end and b.start <= a_end


# --- in the whole-cell export -----------------------------------------------------------------
def export_committee(store: Store) -> dict[str, list[dict[str, Any]]]:
    return {
        "committee_roles": [
            {
                "member_id": r.member_id,
                "post": r.post.value,
                "start": r.start.isoformat(),
                "end": r.end.isoformat() if r.end else None,
                "note": r.note,
            }
            for r in store.meetings.committee.roles()
        ]
    }


def import_committee(store: Store, data: Mapping[str, Any], member_map: dict[int, int]) -> None:
    """Inside the import's transaction, before the meetings (a committee meeting's roll)."""
    for where, raw in v.records(data, "committee_roles", "Chi ủy, dòng"):
        source = v.required_ident(raw, "member_id", where)
        v.known(source, member_map, where, "member_id", "đảng viên")
        post = v.choice(raw, "post", where, CommitteePost)
        start, end = v.required_day(raw, "start", where), v.day(raw, "end", where)
        if end is not None and end < start:
            raise v.fail(where, "end", "ngày thôi giữ chức trước ngày bắt đầu.")
        store.meetings.committee.add(
            CommitteeRole(member_map[source], post, start, end, v.text(raw, "note", where))
        )
