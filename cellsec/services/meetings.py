"""Meetings and minutes: prepare a draft, take the roll, save, approve (lock + digest + number),
add dated corrections, and the year's calendar of meetings."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from ..entities import Changes, Presence, Standing
from ..errors import ValidationError
from ..meeting_entities import (AgendaItem, Mark, Meeting, MeetingKind, ReviewStatus, RollEntry,
                                TaskReview)
from ..rules.counting import RollCount, count_roll, vote_result
from ..store import Store
from ..records import normalised, plain
from ..text import nfc
from .members import rules_of
from .register import load_register

# HD 42-HD/BTCTW (2025): the order of a regular meeting's agenda.
REGULAR_AGENDA = (
    "Đánh giá kết quả thực hiện nghị quyết tháng trước",
    "Thông tin thời sự, phổ biến chủ trương, nghị quyết, chỉ thị của cấp trên",
    "Thảo luận, phê bình và tự phê bình",
    "Phương hướng, nhiệm vụ tháng tới",
)
THEMATIC_AGENDA = ("Trình bày báo cáo chuyên đề", "Thảo luận chuyên đề", "Kết luận chuyên đề")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def expected_roll(store: Store, on: date) -> tuple[RollEntry, ...]:
    """The member register as of the meeting date: the roll (full and probationary members,
    exempted and attached-out ones not expected) and members temporarily attached in."""
    entries = []
    for row in load_register(store, on):
        s = row.state
        if s.presence is Presence.GUEST:
            category = "guest"
        elif s.on_roll:
            category = "full" if s.standing is Standing.FULL else "probationary"
        else:
            continue
        expected = not (s.exempted or s.attached_out)
        entries.append(RollEntry(
            member_id=row.member.id or 0, name=row.member.full_name, category=category,
            exempted=s.exempted, attached_out=s.attached_out, suspended=s.suspended,
            mark=Mark.PRESENT if expected else Mark.NOT_EXPECTED))
    return tuple(entries)


def merge_roll(fresh: tuple[RollEntry, ...], marked: tuple[RollEntry, ...]) -> tuple[RollEntry, ...]:
    """The roll for a (new) date, keeping the marks already taken for members still on it."""
    old = {e.member_id: e for e in marked}
    merged = []
    for e in fresh:
        prior = old.get(e.member_id)
        if prior is not None:
            e = replace(e, mark=prior.mark, reason=prior.reason,
                        reason_accepted=prior.reason_accepted)
        merged.append(e)
    return tuple(merged)


def new_meeting(store: Store, kind: MeetingKind, on: date) -> Meeting:
    """A draft pre-filled the way the cell runs its meetings (not saved yet)."""
    profile = store.profile.get()
    items: list[AgendaItem] = []
    if kind.is_regular or kind is MeetingKind.EXTRAORDINARY:
        items += [AgendaItem(t) for t in REGULAR_AGENDA] if kind.is_regular else [
            AgendaItem("Nội dung")]
    if kind.is_thematic:
        items += [AgendaItem(t) for t in THEMATIC_AGENDA]
    if kind is MeetingKind.COMMITTEE:
        items.append(AgendaItem("Chuẩn bị nội dung sinh hoạt chi bộ"))
    if kind.is_regular:
        pending = [d for d in store.superiors.directions()
                   if d.status.is_open and d.meeting_date and d.meeting_date < on]
        if pending:
            lines = [f"- {d.text} (đồng chí {d.given_by} chỉ đạo ngày "
                     f"{d.meeting_date.strftime('%d/%m/%Y') if d.meeting_date else ''}; "
                     f"phụ trách: {d.owner}): {d.status.label.lower()}." for d in pending]
            items.insert(1, AgendaItem("Kiểm điểm thực hiện ý kiến chỉ đạo của cấp trên",
                                       "\n".join(lines)))
    reviews: tuple[TaskReview, ...] = ()
    if kind.is_regular:
        reviews = tuple(TaskReview(task_id=t.id or 0, status=ReviewStatus.IN_PROGRESS, task=t)
                        for t in store.meetings.open_tasks_before(on, None))
    return Meeting(kind=kind, date=on, start_time="08:00", end_time="",
                   place=f"Nhà văn hóa {profile.cell_name.removeprefix('Chi bộ ')}" if profile
                   else "", chair=profile.secretary if profile else "",
                   items=tuple(items), roll=expected_roll(store, on), reviews=reviews)


def _fail(message: str, key: str, field: str) -> ValidationError:
    return ValidationError(f"{field}: {message}", field, key)


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def validate_meeting(m: Meeting, rules: Any) -> RollCount:
    """Check a draft; return its roll count. Raises ValidationError naming the part at fault."""
    for key, label in (("start_time", "Giờ bắt đầu"), ("end_time", "Giờ kết thúc")):
        value = getattr(m, key)
        if value and not _TIME.match(value):
            raise _fail(f"“{value}” không phải giờ hợp lệ (HH:MM, ví dụ 08:00).", key, label)
    if m.start_time and m.end_time and minutes(m.end_time) <= minutes(m.start_time):
        raise _fail("phải sau giờ bắt đầu.", "end_time", "Giờ kết thúc")
    if m.kind.is_thematic and not m.topic:
        raise _fail("chưa nhập chủ đề của buổi sinh hoạt chuyên đề.", "topic", "Chuyên đề")
    for i, item in enumerate(m.items, start=1):
        if not item.title:
            raise _fail(f"mục {i} chưa có tên.", "items", "Nội dung sinh hoạt")
        for o in item.opinions:
            if not o.speaker:
                raise _fail(f"mục “{item.title}”: có ý kiến chưa ghi tên người phát biểu.",
                            "items", "Ý kiến phát biểu")
            if not o.content:
                raise _fail(f"mục “{item.title}”: ý kiến của {o.speaker} chưa có nội dung.",
                            "items", "Ý kiến phát biểu")
    for g in m.guests:
        if not g.name:
            raise _fail("có khách mời chưa ghi tên.", "guests", "Khách mời")
    for r in m.roll:
        if r.mark is Mark.ABSENT_REASON and not r.reason:
            raise _fail(f"{r.name} vắng có lý do nhưng chưa ghi lý do.", "roll", "Điểm danh")
    for t in m.tasks:
        if not t.content:
            raise _fail("có nhiệm vụ chưa có nội dung.", "tasks", "Nhiệm vụ tháng tới")
    count = count_roll(m.roll, attached_out_present_counts=bool(rules["attached_out_present_votes"]))
    for v in m.votes:
        if not v.subject:
            raise _fail("có biểu quyết chưa ghi nội dung.", "votes", "Biểu quyết")
        vote_result(v, count.eligible_voters)
    criteria = {c["key"]: c for c in rules["meeting_quality_criteria"]}
    for key, points in m.scores:
        if key not in criteria:
            raise _fail(f"tiêu chí “{key}” không có trong thiết lập.", "scores", "Tự đánh giá")
        if not 0 <= points <= criteria[key]["max"]:
            raise _fail(f"“{criteria[key]['label']}” chỉ được từ 0 đến {criteria[key]['max']} "
                        "điểm.", "scores", "Tự đánh giá")
    return count


def duration_warning(m: Meeting, rules: Any) -> str | None:
    """A warning (not a refusal) when the meeting was shorter than the configured minimum."""
    if not (m.start_time and m.end_time) or m.kind is MeetingKind.COMMITTEE:
        return None
    key = "meeting_min_minutes_combined" if m.kind is MeetingKind.COMBINED else \
        "meeting_min_minutes_regular"
    needed = int(rules[key])
    length = minutes(m.end_time) - minutes(m.start_time)
    if length < needed:
        return (f"Buổi sinh hoạt kéo dài {length} phút, ít hơn {needed} phút theo quy định "
                f"({rules.settings[key].source}).")
    return None


def quality_rating(scores: tuple[tuple[str, int], ...], rules: Any) -> tuple[int, str]:
    total = sum(p for _, p in scores)
    for threshold, label in rules["meeting_quality_bands"]:
        if total >= threshold:
            return total, label
    return total, ""


def save_meeting(store: Store, meeting: Meeting) -> tuple[int, Changes]:
    """Save a draft (new or edited) as one transaction. Approved minutes are refused."""
    m = normalised(meeting)
    # A guest picked from the superiors directory is a superior committee member, always.
    m = replace(m, guests=tuple(replace(g, is_superior=True) if g.superior_id is not None else g
                                for g in m.guests))
    rules = rules_of(store)
    if m.id is not None:
        current = _existing(store, m.id)
        if current.approved:
            raise ValidationError("Biên bản đã được thông qua và khóa: chỉ được thêm ghi chú "
                                  "đính chính.")
    validate_meeting(m, rules)
    if m.scores:
        m = replace(m, self_rating=quality_rating(m.scores, rules)[1])
    before = content_for_audit(store.meetings.get(m.id)) if m.id is not None else None
    with store.transaction():
        meeting_id = store.meetings.save(m)
        after = content_for_audit(m)
        if after != before:
            store.audit.note("meeting_content", "meeting", meeting_id, before, after)
    return meeting_id, Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def content_for_audit(m: Meeting | None) -> dict[str, Any] | None:
    """The minutes' content (not the header, which the audit triggers record field by field)
    in a form whose differences read well: roll by name, items by title."""
    if m is None:
        return None
    return {
        "Điểm danh": {e.name: e.mark.label + (f" ({e.reason})" if e.reason else "")
                      for e in m.roll},
        "Nội dung": {f"{i + 1}. {item.title}": plain(item) for i, item in
                     enumerate(m.items)},
        "Khách mời": [f"{g.name} — {g.title}" for g in m.guests],
        "Biểu quyết": [f"{v.subject}: {v.in_favour}/{v.against}/{v.other}" for v in m.votes],
        "Nhiệm vụ": [f"{t.content} ({t.owner}, {t.deadline.isoformat() if t.deadline else ''})"
                     for t in m.tasks],
        "Kiểm điểm nhiệm vụ": [f"{r.task_id}: {r.status.label} {r.result}" for r in m.reviews],
        "Tự đánh giá": dict(m.scores),
    }


def content_digest(m: Meeting) -> str:
    """SHA-256 of everything the minutes say (not the lock state, number or corrections).

    Row ids are left out, so a cell exported and imported elsewhere still verifies."""
    data = asdict(m)
    for key in ("id", "status", "approved_at", "digest", "corrections", "resolution_number",
                "resolution_issuer"):
        data.pop(key)
    for entry in data["roll"]:
        entry.pop("member_id")
    for item in data["items"]:
        for opinion in item["opinions"]:
            opinion.pop("member_id")
    for task in data["tasks"]:
        task.pop("id")
    for guest in data["guests"]:
        guest.pop("superior_id")
    for review in data["reviews"]:
        task = review.pop("task") or {}
        review.pop("task_id")
        review["task"] = {k: task.get(k) for k in ("content", "owner", "deadline")}
    canonical = json.dumps(plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def digest_ok(m: Meeting) -> bool | None:
    """None for a draft; otherwise whether the stored record still matches its approval."""
    if not m.approved:
        return None
    return m.digest == content_digest(m)


def _existing(store: Store, meeting_id: int) -> Meeting:
    m = store.meetings.get(meeting_id)
    if m is None:
        raise ValidationError("Không tìm thấy buổi sinh hoạt này.")
    return m


def approve_meeting(store: Store, meeting_id: int) -> Changes:
    """Lock the minutes ("read back and approved"), store their digest, number the resolution."""
    m = _existing(store, meeting_id)
    if m.approved:
        raise ValidationError("Biên bản này đã được thông qua.")
    for key, label in (("chair", "Chủ trì"), ("recorder", "Thư ký"), ("end_time", "Giờ kết thúc"),
                       ("place", "Địa điểm")):
        if not getattr(m, key):
            raise _fail("cần ghi trước khi thông qua biên bản.", key, label)
    if not m.roll:
        raise _fail("chưa điểm danh.", "roll", "Điểm danh")
    rules = rules_of(store)
    validate_meeting(m, rules)
    profile = store.profile.get()
    term = (profile.term_label if profile else "") or ""
    with store.transaction():
        if m.kind is not MeetingKind.COMMITTEE:
            number = store.meetings.next_number("NQ", term)
            store.meetings.assign_number("NQ", term, number, meeting_id, m.date,
                                         f"Nghị quyết {m.kind.label.lower()} "
                                         f"tháng {m.date.month}/{m.date.year}",
                                         str(rules["document_type_code_cell"]))
        store.meetings.approve(meeting_id, content_digest(m))
    return Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def add_correction(store: Store, meeting_id: int, text: str, *, today: date | None = None) -> Changes:
    """A dated correction note under approved minutes (the original is never rewritten)."""
    text = nfc(text)
    m = _existing(store, meeting_id)
    if not m.approved:
        raise ValidationError("Biên bản chưa thông qua: hãy sửa trực tiếp nội dung.")
    if not text:
        raise _fail("chưa nhập nội dung đính chính.", "correction", "Đính chính")
    with store.transaction():
        store.meetings.add_correction(meeting_id, today or date.today(), text)
    return Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


def delete_meeting(store: Store, meeting_id: int) -> Changes:
    m = _existing(store, meeting_id)
    if m.approved:
        raise ValidationError("Biên bản đã thông qua là hồ sơ lưu trữ vĩnh viễn: không xóa được.")
    with store.transaction():
        store.meetings.delete(meeting_id)
    return Changes(meetings=True, meeting_ids=frozenset({meeting_id}))


@dataclass(frozen=True)
class MonthRow:
    month: int
    meetings: tuple[Meeting, ...]
    missing_regular: bool           # a past month without a regular meeting
    regular_pending: bool = False   # the current month, no regular meeting yet


@dataclass(frozen=True)
class YearCalendar:
    year: int
    months: tuple[MonthRow, ...]
    quarters_without_thematic: tuple[int, ...]


def year_calendar(store: Store, year: int, *, today: date | None = None) -> YearCalendar:
    today = today or date.today()
    meetings = store.meetings.list_between(date(year, 1, 1), date(year, 12, 31))
    months = []
    for month in range(1, 13):
        mine = tuple(m for m in meetings if m.date.month == month)
        over = (year, month) < (today.year, today.month)
        has_regular = any(m.kind.is_regular for m in mine)
        months.append(MonthRow(month, mine, over and not has_regular,
                               (year, month) == (today.year, today.month) and not has_regular))
    quarters = []
    for q in range(1, 5):
        quarter_over = date(year + (q == 4), 1 if q == 4 else q * 3 + 1, 1) <= today
        if quarter_over and not any(m.kind.is_thematic for m in meetings
                                    if (m.date.month - 1) // 3 + 1 == q):
            quarters.append(q)
    return YearCalendar(year, tuple(months), tuple(quarters))
