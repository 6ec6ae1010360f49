"""Superior committee members: the directory, assignments to follow the cell, notices before
meetings, and directions followed up from meeting to meeting."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.superiors import Assignment, Direction, DirectionStatus, Level, Notice, Superior
from cellsec.errors import ValidationError
from cellsec.services.forms import form_text, id_text, optional_record_id, plain_text, record_id
from cellsec.store import Store
from cellsec.text import clean_name, digits_only, fold, name_sort_key

SUPERIOR_LABELS = {
    "name": "Họ và tên",
    "position": "Chức vụ",
    "level": "Cấp",
    "committee": "Cấp ủy",
    "phone": "Điện thoại",
    "notes": "Ghi chú",
}
_ASSIGNMENT_LABELS = {"start": "Từ ngày", "end": "Đến ngày", "note": "Ghi chú"}
_NOT_IN_DIRECTORY = "Không tìm thấy người này trong danh bạ."
_NO_MEETING = "Không tìm thấy buổi sinh hoạt này."
_NOTICE_LABELS = {"sent": "Ngày thông báo", "method": "Hình thức thông báo", "note": "Ghi chú"}
_DIRECTION_LABELS = {
    "text": "Nội dung chỉ đạo",
    "superior_id": "Người chỉ đạo",
    "given_by": "Người chỉ đạo",
    "owner": "Phụ trách",
    "deadline": "Thời hạn",
}


def _err(key: str, message: str, labels: Mapping[str, str] = SUPERIOR_LABELS) -> ValidationError:
    return ValidationError(f"{labels[key]}: {message}", labels[key], key)


def parse_superior(form: Mapping[str, str], superior_id: int | None = None) -> Superior:
    form = form_text(form, SUPERIOR_LABELS)
    name = clean_name(form["name"])
    if len(name.split()) < 2:
        raise _err("name", "cần ghi đủ họ và tên.")
    try:
        level = Level(form["level"] or "commune")
    except ValueError:
        raise _err("level", "chọn Đảng ủy xã/phường, Tỉnh ủy hoặc cấp khác.") from None
    phone = form["phone"]
    if phone and (not re.fullmatch(r"\+?[0-9 .\-]+", phone) or not 9 <= len(digits_only(phone)) <= 12):
        raise _err("phone", f"“{phone}” không phải số điện thoại.")
    return Superior(
        id=superior_id,
        name=name,
        position=form["position"],
        level=level,
        committee=form["committee"],
        phone=digits_only(phone) if phone else "",
        notes=form["notes"],
    )


def save_superior(
    store: Store, form: Mapping[str, str], superior_id: int | None = None
) -> tuple[int, Changes]:
    superior_id = optional_record_id(superior_id, _NOT_IN_DIRECTORY)
    s = parse_superior(form, superior_id)
    if superior_id is not None and store.superiors.get(superior_id) is None:
        raise ValidationError(_NOT_IN_DIRECTORY)
    with store.transaction():
        new_id = store.superiors.save(s, superior_search_text(s))
    return new_id, Changes(superiors=True)


def superior_search_text(s: Superior) -> str:
    return fold(f"{s.name} {s.position} {s.phone}")


def check_assignments(assignments: list[Assignment]) -> None:
    """One person's assignments to follow the cell do not overlap, and each ends after it
    starts (what assign_follower keeps true; an import is held to it too)."""
    for a in assignments:
        if a.end and a.end < a.start:
            raise ValidationError("Đến ngày: trước ngày bắt đầu phân công.", "Đến ngày", "end")
    for i, a in enumerate(assignments):
        for b in assignments[i + 1 :]:
            if a.superior_id == b.superior_id and (a.covers(b.start) or b.covers(a.start)):
                raise ValidationError(
                    f"Người này đã được phân công theo dõi chi bộ từ {format_date(min(a.start, b.start))}.",
                    "Từ ngày",
                    "start",
                )


def assign_follower(
    store: Store,
    superior_id: int,
    start_text: str,
    end_text: str = "",
    note: str = "",
    today: date | None = None,
) -> Changes:
    """Assign a superior to follow the cell; an earlier open assignment ends the day before."""
    if store.superiors.get(record_id(superior_id, _NOT_IN_DIRECTORY)) is None:
        raise ValidationError(_NOT_IN_DIRECTORY)
    form = form_text({"start": start_text, "end": end_text, "note": note}, _ASSIGNMENT_LABELS)
    start = parse_date(form["start"], "Từ ngày", key="start", required=True, allow_future=True)
    end = parse_date(form["end"], "Đến ngày", key="end", allow_future=True)
    assert start is not None
    current = store.superiors.assignments()
    ended: dict[int, date] = {
        a.id: date.fromordinal(start.toordinal() - 1)
        for a in current
        if a.end is None and a.start < start and a.id is not None
    }
    new = Assignment(superior_id, start, end, form["note"])
    check_assignments([*(replace(a, end=ended.get(a.id or 0, a.end)) for a in current), new])
    with store.transaction():
        for assignment_id, last_day in ended.items():
            store.superiors.end_assignment(assignment_id, last_day)
        store.superiors.add_assignment(new)
    return Changes(superiors=True)


def directory_in_order(store: Store) -> list[Superior]:
    """The superiors' directory in Vietnamese name order, for every list and picker."""
    return sorted(store.superiors.all(), key=lambda s: (name_sort_key(s.name), s.id or 0))


def assigned_on(store: Store, day: date) -> list[Superior]:
    """Who is assigned to follow the cell on that day (the people to notify)."""
    ids = [a.superior_id for a in store.superiors.assignments() if a.covers(day)]
    return [s for s in (store.superiors.get(i) for i in ids) if s is not None]


def record_notice(
    store: Store,
    meeting_id: int,
    superior_id: int,
    sent_text: str,
    method: str,
    note: str = "",
    today: date | None = None,
) -> Changes:
    not_found = "Không tìm thấy buổi sinh hoạt hoặc người được thông báo."
    meeting_id, superior_id = record_id(meeting_id, not_found), record_id(superior_id, not_found)
    meeting = store.meetings.get(meeting_id)
    if meeting is None or store.superiors.get(superior_id) is None:
        raise ValidationError(not_found)
    form = form_text({"sent": sent_text, "method": method, "note": note}, _NOTICE_LABELS)
    sent = parse_date(form["sent"], "Ngày thông báo", key="sent", required=True, today=today)
    assert sent is not None
    if sent > meeting.date:
        raise ValidationError("Ngày thông báo: sau ngày sinh hoạt.", "Ngày thông báo", "sent")
    with store.transaction():
        store.superiors.put_notice(Notice(meeting_id, superior_id, sent, form["method"], form["note"]))
    return Changes(superiors=True, meetings=True, meeting_ids=frozenset({meeting_id}))


def add_direction(store: Store, meeting_id: int, form: Mapping[str, str]) -> Changes:
    """A direction from a superior at a meeting becomes a follow-up item."""
    meeting = store.meetings.get(record_id(meeting_id, _NO_MEETING))
    if meeting is None:
        raise ValidationError(_NO_MEETING)
    if meeting.approved:
        raise ValidationError(
            "Biên bản buổi này đã thông qua: ý kiến chỉ đạo phải ghi trước khi "
            "thông qua (nếu thiếu, hãy thêm ghi chú đính chính)."
        )
    form = form_text(form, _DIRECTION_LABELS)
    text = form["text"]
    if not text:
        raise ValidationError("Nội dung chỉ đạo: chưa nhập.", "Nội dung chỉ đạo", "text")
    superior_id = (
        id_text(
            form["superior_id"], "Người chỉ đạo", "superior_id", "Không tìm thấy người chỉ đạo trong danh bạ."
        )
        if form["superior_id"]
        else None
    )
    given_by = form["given_by"]
    if superior_id is not None:
        s = store.superiors.get(superior_id)
        if s is None:
            raise ValidationError("Không tìm thấy người chỉ đạo trong danh bạ.")
        given_by = given_by or s.name
    if not given_by:
        raise ValidationError("Người chỉ đạo: chưa chọn.", "Người chỉ đạo", "given_by")
    deadline = parse_date(form["deadline"], "Thời hạn", key="deadline", allow_future=True)
    if deadline and deadline < meeting.date:
        raise ValidationError("Thời hạn: trước ngày buổi sinh hoạt.", "Thời hạn", "deadline")
    with store.transaction():
        store.superiors.save_direction(
            Direction(
                meeting_id=meeting_id,
                given_by=given_by,
                text=text,
                owner=form["owner"] or "Chi ủy",
                deadline=deadline,
                superior_id=superior_id,
            )
        )
    return Changes(superiors=True, meetings=True, meeting_ids=frozenset({meeting_id}))


def follow_up(
    store: Store, direction_id: int, status: DirectionStatus, result: str = "", meeting_id: int | None = None
) -> Changes:
    """Report on a direction, usually at a later meeting; done or dropped closes it there."""
    no_direction = "Không tìm thấy nội dung chỉ đạo này."
    d = store.superiors.get_direction(record_id(direction_id, no_direction))
    if d is None:
        raise ValidationError(no_direction)
    if not isinstance(status, DirectionStatus):
        raise ValidationError(
            "Tình trạng thực hiện: chưa chọn hoặc không hợp lệ.", "Tình trạng thực hiện", "status"
        )
    result = plain_text(result, "Kết quả thực hiện", "result")
    meeting_id = optional_record_id(meeting_id, _NO_MEETING)
    if meeting_id is not None:
        m = store.meetings.get(meeting_id)
        if m is None:
            raise ValidationError(_NO_MEETING)
        if d.meeting_date and m.date < d.meeting_date:
            raise ValidationError("Buổi sinh hoạt báo cáo kết quả phải sau buổi nhận chỉ đạo.")
        if m.approved:
            raise ValidationError(
                "Biên bản buổi này đã thông qua: kết quả thực hiện chỉ đạo "
                "phải ghi trước khi thông qua (nếu thiếu, hãy thêm ghi chú "
                "đính chính)."
            )
    closed = meeting_id if not status.is_open else None
    with store.transaction():
        store.superiors.save_direction(replace(d, status=status, result=result, closed_meeting_id=closed))
    return Changes(superiors=True, meetings=True)


def open_directions(store: Store, before: date | None = None) -> list[Direction]:
    """Directions still open, given before `before` (the ones the next meeting reviews)."""
    return [
        d
        for d in store.superiors.directions()
        if d.status.is_open and (before is None or (d.meeting_date or before) < before)
    ]


def overdue_directions(store: Store, today: date | None = None) -> list[Direction]:
    today = today or date.today()
    return [d for d in open_directions(store) if d.deadline is not None and d.deadline < today]
