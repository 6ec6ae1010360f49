"""Meetings and minutes: prepare a draft, take the roll, save, approve (lock + digest + number),
add dated corrections, and the year's calendar of meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from cellsec.codec.meetings import checked_meeting, checked_text
from cellsec.codec.plain import normalised, plain
from cellsec.dates import format_date, month_year
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import (
    AgendaItem,
    Meeting,
    MeetingKind,
    ReviewStatus,
    RollEntry,
    TaskReview,
)
from cellsec.errors import ValidationError
from cellsec.services.committee import committee_roll
from cellsec.services.forms import record_id
from cellsec.services.meeting_calendar import MonthRow, NoticeDue, YearCalendar, notices_due, year_calendar
from cellsec.services.meeting_checks import (
    ApprovalCheck,
    approval_check,
    duration_warning,
    link_speakers,
    minutes,
    roll_differences,
    validate_meeting,
)
from cellsec.services.members import rules_of
from cellsec.services.minutes_record import (
    RecordCheck,
    build_record,
    check_record,
    quality_rating,
    reseal_with_corrections,
    seal,
    upgrade_old_approvals,
)
from cellsec.services.register import expected_roll
from cellsec.store import Store
from cellsec.store.seals import APPROVAL

__all__ = [
    "ApprovalCheck",
    "MonthRow",
    "NoticeDue",
    "RecordCheck",
    "YearCalendar",
    "approval_check",
    "check_record",
    "duration_warning",
    "expected_roll",
    "minutes",
    "notices_due",
    "quality_rating",
    "validate_meeting",
    "year_calendar",
]

# HD 42-HD/BTCTW (2025): the order of a regular meeting's agenda.
REGULAR_AGENDA = (
    "Đánh giá kết quả thực hiện nghị quyết tháng trước",
    "Thông tin thời sự, phổ biến chủ trương, nghị quyết, chỉ thị của cấp trên",
    "Thảo luận, phê bình và tự phê bình",
    "Phương hướng, nhiệm vụ tháng tới",
)
THEMATIC_AGENDA = ("Trình bày báo cáo chuyên đề", "Thảo luận chuyên đề", "Kết luận chuyên đề")
DIRECTIONS_ITEM = "Kiểm điểm thực hiện ý kiến chỉ đạo của cấp trên"


def expected_roll_for(store: Store, kind: MeetingKind, on: date) -> tuple[RollEntry, ...]:
    """The roll a meeting of this kind must have: the committee on its date for a committee
    meeting (ValidationError if the cell has none), else the register on its date."""
    if kind is MeetingKind.COMMITTEE:
        return committee_roll(store, on)
    return expected_roll(store, on)


def merge_roll(fresh: tuple[RollEntry, ...], marked: tuple[RollEntry, ...]) -> tuple[RollEntry, ...]:
    """The roll for a (new) date, keeping the marks already taken for members still on it."""
    old = {e.member_id: e for e in marked}
    merged = []
    for e in fresh:
        prior = old.get(e.member_id)
        if prior is not None:
            e = replace(e, mark=prior.mark, reason=prior.reason, reason_accepted=prior.reason_accepted)
        merged.append(e)
    return tuple(merged)


def new_meeting(store: Store, kind: MeetingKind, on: date) -> Meeting:
    """A draft pre-filled the way the cell runs its meetings (not saved yet)."""
    profile = store.profile.get()
    items: list[AgendaItem] = []
    if kind.is_regular or kind is MeetingKind.EXTRAORDINARY:
        items += [AgendaItem(t) for t in REGULAR_AGENDA] if kind.is_regular else [AgendaItem("Nội dung")]
    if kind.is_thematic:
        items += [AgendaItem(t) for t in THEMATIC_AGENDA]
    if kind is MeetingKind.COMMITTEE:
        items.append(AgendaItem("Chuẩn bị nội dung sinh hoạt chi bộ"))
    if kind.is_regular:
        # The item's list of directions is printed from the directions records (until the
        # minutes are approved and sealed), never typed here: see reports.minutes.
        pending = [
            d
            for d in store.superiors.directions()
            if d.status.is_open and d.meeting_date and d.meeting_date < on
        ]
        if pending:
            items.insert(1, AgendaItem(DIRECTIONS_ITEM))
    reviews: tuple[TaskReview, ...] = ()
    if kind.is_regular:
        reviews = tuple(
            TaskReview(task_id=t.id or 0, status=ReviewStatus.IN_PROGRESS, task=t)
            for t in store.meetings.open_tasks_before(on, None)
        )
    return Meeting(
        kind=kind,
        date=on,
        start_time="08:00",
        end_time="",
        place=f"Nhà văn hóa {profile.cell_name.removeprefix('Chi bộ ')}" if profile else "",
        chair=profile.secretary if profile else "",
        items=tuple(items),
        roll=expected_roll_for(store, kind, on),
        reviews=reviews,
    )


def save_meeting(store: Store, meeting: Meeting) -> tuple[int, Changes]:
    """Save a draft (new or edited) as one transaction. Approved minutes are refused."""
    m = link_speakers(checked_meeting(normalised(meeting)))
    # A guest picked from the superiors directory is a superior committee member, always.
    m = replace(
        m, guests=tuple(replace(g, is_superior=True) if g.superior_id is not None else g for g in m.guests)
    )
    rules = rules_of(store)
    if m.id is not None:
        _editable(store, m.id)
    validate_meeting(m, rules)
    m = _checked_against_store(store, m)
    if m.scores:
        m = replace(m, self_rating=quality_rating(m.scores, rules)[1])
    before = content_for_audit(store.meetings.get_live(m.id)) if m.id is not None else None
    with store.transaction():
        meeting_id = store.meetings.save(m)
        after = content_for_audit(m)
        if after != before:
            store.audit.note("meeting_content", "meeting", meeting_id, before, after)
    return meeting_id, Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def _editable(store: Store, meeting_id: int) -> Meeting:
    current = _existing(store, meeting_id)
    if current.approved or store.meetings.seals.latest(meeting_id) is not None:
        raise ValidationError("Biên bản đã được thông qua và khóa: chỉ được thêm ghi chú đính chính.")
    return current


def _checked_against_store(store: Store, m: Meeting) -> Meeting:
    """What only the data file can say: the roll is the register on the meeting date, guests
    from the directory exist, reviewed tasks exist (their content is copied for the record)."""
    problems = roll_differences(m.roll, expected_roll_for(store, m.kind, m.date))
    if problems:
        whose = "danh sách chi ủy" if m.kind is MeetingKind.COMMITTEE else "sổ đảng viên"
        raise ValidationError(
            f"Điểm danh: không khớp {whose} ngày {format_date(m.date)} "
            f"({'; '.join(problems)}). Hãy mở lại biên bản để cập nhật danh "
            "sách điểm danh.",
            "Điểm danh",
            "roll",
        )
    for g in m.guests:
        if g.superior_id is not None and store.superiors.get(g.superior_id) is None:
            raise ValidationError(
                f"Khách mời: {g.name} không còn trong danh bạ cấp trên.", "Khách mời", "guests"
            )
    reviews = []
    for r in m.reviews:
        task = store.meetings.task(r.task_id)
        if task is None or task[0] == m.id:
            raise ValidationError(
                "Kiểm điểm nhiệm vụ: có nhiệm vụ không còn trong các buổi sinh hoạt trước.",
                "Kiểm điểm nhiệm vụ",
                "reviews",
            )
        reviews.append(replace(r, task=task[1]))
    return replace(m, reviews=tuple(reviews))


def content_for_audit(m: Meeting | None) -> dict[str, Any] | None:
    """The minutes' content (not the header, which the audit triggers record field by field)
    in a form whose differences read well: roll by name, items by title."""
    if m is None:
        return None
    return {
        "Điểm danh": {e.name: e.mark.label + (f" ({e.reason})" if e.reason else "") for e in m.roll},
        "Nội dung": {f"{i + 1}. {item.title}": plain(item) for i, item in enumerate(m.items)},
        "Khách mời": [f"{g.name} — {g.title}" for g in m.guests],
        "Biểu quyết": [f"{v.subject}: {v.in_favour}/{v.against}/{v.other}" for v in m.votes],
        "Nhiệm vụ": [
            f"{t.content} ({t.owner}, {format_date(t.deadline) if t.deadline else ''})" for t in m.tasks
        ],
        "Kiểm điểm nhiệm vụ": [
            f"{r.task.content if r.task else 'Nhiệm vụ'}: {r.status.label}"
            + (f" — {r.result}" if r.result else "")
            for r in m.reviews
        ],
        "Tự đánh giá": dict(m.scores),
    }


def _existing(store: Store, meeting_id: int) -> Meeting:
    not_found = "Không tìm thấy buổi sinh hoạt này."
    m = store.meetings.get_live(record_id(meeting_id, not_found))
    if m is None:
        raise ValidationError(not_found)
    return m


def check_approval(store: Store, meeting_id: int) -> ApprovalCheck:
    """The completeness check of a saved draft (the editor asks it before approving)."""
    return approval_check(_existing(store, meeting_id), rules_of(store))


def approve_meeting(store: Store, meeting_id: int) -> Changes:
    """Lock the minutes ("read back and approved"): number the resolution and seal the whole
    record (roll, counts, reviews, directions, votes, scores, header ...). Refused, with the
    list of what is missing, unless the minutes are complete (warnings do not refuse)."""
    upgrade_old_approvals(store)
    m = _editable(store, meeting_id)
    rules = rules_of(store)
    check = approval_check(m, rules)
    if check.errors:
        raise ValidationError(
            "Chưa thông qua được biên bản:\n- " + "\n- ".join(check.errors), "Thông qua", "approval"
        )
    _checked_against_store(store, m)
    profile = store.profile.get()
    term = (profile.term_label if profile else "") or ""
    issuer = str(rules["document_type_code_cell"])
    with store.transaction():
        number, approved_at = "", store.meetings.approve(meeting_id)
        if m.kind is not MeetingKind.COMMITTEE:
            n = store.meetings.next_number("NQ", term)
            store.meetings.assign_number(
                "NQ",
                term,
                n,
                meeting_id,
                m.date,
                f"Nghị quyết {m.kind.label.lower()} {month_year(m.date.month, m.date.year)}",
                issuer,
            )
            number = f"{n:02d}-NQ"
        approved = replace(
            m,
            status="approved",
            approved_at=approved_at,
            resolution_number=number,
            resolution_issuer=issuer if number else "",
        )
        seal(store, build_record(store, approved, rules=rules), APPROVAL)
    return Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def add_correction(store: Store, meeting_id: int, text: str, *, today: date | None = None) -> Changes:
    """A dated correction note under approved minutes (the original is never rewritten); the
    record is sealed again with it."""
    text = checked_text(text, "Đính chính", "correction")
    m = _existing(store, meeting_id)
    if not m.approved:
        raise ValidationError("Biên bản chưa thông qua: hãy sửa trực tiếp nội dung.")
    if not text:
        raise _fail("chưa nhập nội dung đính chính.", "correction", "Đính chính")
    when = today or date.today()
    if when < m.date:
        raise _fail(
            f"ngày đính chính {format_date(when)} trước ngày sinh hoạt "
            f"{format_date(m.date)} (hãy kiểm tra đồng hồ của máy tính).",
            "correction",
            "Đính chính",
        )
    problem = check_record(store, meeting_id)
    if problem.ok is False:
        raise ValidationError(
            "Biên bản không khớp bản đã thông qua ("
            + problem.message
            + "): không thêm đính chính vào bản đã bị sửa."
        )
    with store.transaction():
        store.meetings.add_correction(meeting_id, when, text)
        reseal_with_corrections(store, meeting_id)
    return Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def delete_meeting(store: Store, meeting_id: int) -> Changes:
    m = _existing(store, meeting_id)
    if m.approved or store.meetings.seals.latest(meeting_id) is not None:
        raise ValidationError("Biên bản đã thông qua là hồ sơ lưu trữ vĩnh viễn: không xóa được.")
    with store.transaction():
        store.meetings.delete(meeting_id)
    return Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def _fail(message: str, key: str, field: str) -> ValidationError:
    return ValidationError(f"{field}: {message}", field, key)
