"""Superiors, assignments, notices and directions in the whole-cell JSON export. Back in, every
record is read with its type checked, passed through the directory form's parser and the same
consistency checks as the services, and its references resolved to records of the file,
before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from cellsec.codec.plain import plain
from cellsec.entities.meetings import Meeting
from cellsec.entities.superiors import Assignment, Direction, DirectionStatus, Notice, Superior
from cellsec.errors import ValidationError
from cellsec.services import import_values as v
from cellsec.services.superiors import (
    SUPERIOR_LABELS,
    check_assignments,
    parse_superior,
    superior_search_text,
)
from cellsec.store import Store


@dataclass(frozen=True)
class SuperiorPlan:
    """The directory of a file, checked; ids are still the file's."""

    people: tuple[tuple[int, Superior], ...] = ()
    assignments: tuple[Assignment, ...] = ()


@dataclass(frozen=True)
class FollowUpPlan:
    notices: tuple[Notice, ...] = ()
    directions: tuple[Direction, ...] = ()


def export_superiors(store: Store) -> dict[str, list[dict[str, Any]]]:
    directions = []
    for d in store.superiors.directions():
        item = plain(d)
        item.pop("meeting_date")
        directions.append(item)
    return {
        "superiors": [plain(s) for s in store.superiors.all()],
        "superior_assignments": [plain(a) for a in store.superiors.assignments()],
        "meeting_notices": [plain(n) for n in store.superiors.notices()],
        "directions": directions,
    }


def prepare_superiors(data: Any) -> SuperiorPlan:
    people = []
    for where, raw in v.records(data, "superiors", "Cấp ủy viên cấp trên"):
        where = v.named(where, raw, "name")
        source_id = v.required_ident(raw, "id", where)
        form = {k: v.text(raw, k, where) for k in SUPERIOR_LABELS}
        try:
            people.append((source_id, parse_superior(form), where))
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None
    v.unique(((i, where) for i, _, where in people), "cấp ủy viên")
    ids = {i for i, _, _ in people}
    assignments = []
    entries = []
    for where, raw in v.records(data, "superior_assignments", "Phân công theo dõi"):
        entries.append((v.ident(raw, "id", where, required=False), where))
        superior = v.required_ident(raw, "superior_id", where)
        v.known(superior, ids, where, "superior_id", "cấp ủy viên")
        assignments.append(
            Assignment(
                superior,
                v.required_day(raw, "start", where),
                v.day(raw, "end", where),
                v.text(raw, "note", where),
            )
        )
    v.unique(entries, "phân công")
    try:
        check_assignments(assignments)
    except ValidationError as exc:
        raise ValidationError(f"Phân công theo dõi: {exc}", exc.field, exc.key) from None
    return SuperiorPlan(tuple((i, s) for i, s, _ in people), tuple(assignments))


def write_superiors(store: Store, plan: SuperiorPlan) -> dict[int, int]:
    """Insert inside the caller's transaction; returns the file's ids -> the new ids."""
    mapping = {source_id: store.superiors.save(s, superior_search_text(s)) for source_id, s in plan.people}
    for a in plan.assignments:
        store.superiors.add_assignment(replace(a, superior_id=mapping[a.superior_id]))
    return mapping


def prepare_follow_ups(data: Any, superiors: SuperiorPlan, meetings: dict[int, Meeting]) -> FollowUpPlan:
    """Notices and directions, checked against the file's superiors and meetings
    (`meetings`: the file's meeting id -> the prepared meeting)."""
    people = {i for i, _ in superiors.people}
    notices: dict[tuple[int, int], Notice] = {}
    for where, raw in v.records(data, "meeting_notices", "Thông báo dự họp"):
        meeting_id = v.required_ident(raw, "meeting_id", where)
        superior_id = v.required_ident(raw, "superior_id", where)
        v.known(meeting_id, meetings, where, "meeting_id", "buổi sinh hoạt")
        v.known(superior_id, people, where, "superior_id", "cấp ủy viên")
        sent = v.required_day(raw, "sent", where)
        if sent > meetings[meeting_id].date:
            raise v.fail(where, "sent", "ngày thông báo sau ngày sinh hoạt.")
        if (meeting_id, superior_id) in notices:
            raise ValidationError(f"{where}: buổi sinh hoạt này đã có thông báo cho người này.")
        notices[(meeting_id, superior_id)] = Notice(
            meeting_id, superior_id, sent, v.text(raw, "method", where), v.text(raw, "note", where)
        )
    directions = []
    entries = []
    for where, raw in v.records(data, "directions", "Ý kiến chỉ đạo"):
        entries.append((v.ident(raw, "id", where, required=False), where))
        directions.append(_direction(raw, where, people, meetings))
    v.unique(entries, "ý kiến chỉ đạo")
    return FollowUpPlan(tuple(notices.values()), tuple(directions))


def _direction(raw: dict[str, Any], where: str, people: set[int], meetings: dict[int, Meeting]) -> Direction:
    """A direction as add_direction and follow_up would have left it."""
    meeting_id = v.required_ident(raw, "meeting_id", where)
    v.known(meeting_id, meetings, where, "meeting_id", "buổi sinh hoạt")
    superior_id = v.ident(raw, "superior_id", where, required=False)
    v.known(superior_id, people, where, "superior_id", "cấp ủy viên")
    closed = v.ident(raw, "closed_meeting_id", where, required=False)
    v.known(closed, meetings, where, "closed_meeting_id", "buổi sinh hoạt")
    given = meetings[meeting_id].date
    status = v.choice(raw, "status", where, DirectionStatus, DirectionStatus.OPEN)
    d = Direction(
        meeting_id=meeting_id,
        given_by=v.text(raw, "given_by", where),
        text=v.text(raw, "text", where),
        owner=v.text(raw, "owner", where),
        deadline=v.day(raw, "deadline", where),
        status=status,
        superior_id=superior_id,
        closed_meeting_id=closed,
        result=v.text(raw, "result", where),
    )
    if not d.text:
        raise v.fail(where, "text", "chưa có nội dung chỉ đạo.")
    if not d.given_by:
        raise v.fail(where, "given_by", "chưa có người chỉ đạo.")
    if d.deadline and d.deadline < given:
        raise v.fail(where, "deadline", "thời hạn trước ngày buổi sinh hoạt.")
    if closed is not None and (status.is_open or meetings[closed].date < given):
        raise v.fail(
            where, "closed_meeting_id", "chỉ đạo đang mở, hoặc buổi báo cáo kết quả trước buổi nhận chỉ đạo."
        )
    return d


def write_follow_ups(
    store: Store, plan: FollowUpPlan, superiors: dict[int, int], meetings: dict[int, int]
) -> None:
    """Inside the caller's transaction, once meetings exist in the new file."""
    for n in plan.notices:
        store.superiors.put_notice(
            replace(n, meeting_id=meetings[n.meeting_id], superior_id=superiors[n.superior_id])
        )
    for d in plan.directions:
        store.superiors.save_direction(
            replace(
                d,
                meeting_id=meetings[d.meeting_id],
                superior_id=superiors[d.superior_id] if d.superior_id is not None else None,
                closed_meeting_id=meetings[d.closed_meeting_id] if d.closed_meeting_id is not None else None,
            )
        )
