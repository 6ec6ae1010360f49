"""Checks on a meeting's minutes: what a draft must hold to be saved (the same for the editor,
an import and any other caller), the roll against the register, and whether minutes are
complete enough to be approved (errors refuse; warnings are for the secretary to confirm)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from cellsec.codec.meetings import checked_meeting
from cellsec.entities.meetings import Mark, Meeting, MeetingKind, Opinion, RollEntry
from cellsec.errors import ValidationError
from cellsec.rules.counting import RollCount, count_meeting, vote_result
from cellsec.text import fold

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _fail(message: str, key: str, field: str) -> ValidationError:
    return ValidationError(f"{field}: {message}", field, key)


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def link_speakers(m: Meeting) -> Meeting:
    """Opinions point at who spoke: a member on the roll or a guest, found by the name typed
    (exactly, or folded like the register search when only one person matches); the name is
    then written as the roll or the guest list writes it."""
    items = []
    for item in m.items:
        opinions = tuple(_link(o, m) for o in item.opinions)
        items.append(replace(item, opinions=opinions))
    return replace(m, items=tuple(items))


def _link(o: Opinion, m: Meeting) -> Opinion:
    if o.member_id is not None:
        entry = next((e for e in m.roll if e.member_id == o.member_id), None)
        return replace(o, speaker=entry.name) if entry is not None else o
    if o.guest_position is not None:
        if 0 <= o.guest_position < len(m.guests):
            return replace(o, speaker=m.guests[o.guest_position].name)
        return o
    if o.speaker_title:
        return o
    for match in (lambda a, b: a == b, lambda a, b: fold(a) == fold(b)):
        members = [e for e in m.roll if match(e.name, o.speaker)]
        guests = [i for i, g in enumerate(m.guests) if match(g.name, o.speaker)]
        if len(members) + len(guests) == 1:
            if members:
                return replace(o, member_id=members[0].member_id, speaker=members[0].name)
            return replace(o, guest_position=guests[0], speaker=m.guests[guests[0]].name)
    return o


def validate_meeting(meeting: Meeting, rules: Any) -> RollCount:
    """Check a draft; return its roll count. Raises ValidationError naming the part at fault."""
    m = checked_meeting(meeting)
    for key, label in (("start_time", "Giờ bắt đầu"), ("end_time", "Giờ kết thúc")):
        value = getattr(m, key)
        if value and not _TIME.match(value):
            raise _fail(f"“{value}” không phải giờ hợp lệ (HH:MM, ví dụ 08:00).", key, label)
    if m.start_time and m.end_time and minutes(m.end_time) <= minutes(m.start_time):
        raise _fail("phải sau giờ bắt đầu.", "end_time", "Giờ kết thúc")
    if m.kind.is_thematic and not m.topic:
        raise _fail("chưa nhập chủ đề của buổi sinh hoạt chuyên đề.", "topic", "Chuyên đề")
    check_structure(m)
    for g in m.guests:
        if not g.name:
            raise _fail("có khách mời chưa ghi tên.", "guests", "Khách mời")
    for i, item in enumerate(m.items, start=1):
        if not item.title:
            raise _fail(f"mục {i} chưa có tên.", "items", "Nội dung sinh hoạt")
        for o in item.opinions:
            _check_opinion(o, item.title, m)
    for t in m.tasks:
        if not t.content:
            raise _fail("có nhiệm vụ chưa có nội dung.", "tasks", "Nhiệm vụ tháng tới")
    count = count_meeting(m.roll, rules)
    for v in m.votes:
        if not v.subject:
            raise _fail("có biểu quyết chưa ghi nội dung.", "votes", "Biểu quyết")
        vote_result(v, count, rules)
    criteria = {c["key"]: c for c in rules["meeting_quality_criteria"]}
    for key, points in m.scores:
        if key not in criteria:
            raise _fail(f"tiêu chí “{key}” không có trong thiết lập.", "scores", "Tự đánh giá")
        if not 0 <= points <= criteria[key]["max"]:
            raise _fail(
                f"“{criteria[key]['label']}” chỉ được từ 0 đến {criteria[key]['max']} điểm.",
                "scores",
                "Tự đánh giá",
            )
    return count


def check_structure(m: Meeting) -> None:
    """What any stored minutes must hold together (also sealed ones arriving in an import):
    one roll line per member, opinions pointing at a roll member or an existing guest, each
    task reviewed once, each criterion scored once."""
    _check_roll(m.roll)
    on_roll = {e.member_id for e in m.roll}
    for item in m.items:
        for o in item.opinions:
            if o.member_id is not None and o.member_id not in on_roll:
                raise _fail(
                    f"mục “{item.title}”: người phát biểu {o.speaker} không có trong danh sách điểm danh.",
                    "items",
                    "Ý kiến phát biểu",
                )
            if o.guest_position is not None and not 0 <= o.guest_position < len(m.guests):
                raise _fail(
                    f"mục “{item.title}”: người phát biểu {o.speaker} không còn trong danh sách khách mời.",
                    "items",
                    "Ý kiến phát biểu",
                )
    seen_tasks: set[int] = set()
    for r in m.reviews:
        if r.task_id in seen_tasks:
            raise _fail("một nhiệm vụ tháng trước được kiểm điểm hai lần.", "reviews", "Kiểm điểm nhiệm vụ")
        seen_tasks.add(r.task_id)
    seen: set[str] = set()
    for key, _ in m.scores:
        if key in seen:
            raise _fail(f"tiêu chí “{key}” được chấm hai lần.", "scores", "Tự đánh giá")
        seen.add(key)


def _check_roll(roll: tuple[RollEntry, ...]) -> None:
    seen: set[int] = set()
    for r in roll:
        if r.member_id in seen:
            raise _fail(f"{r.name} có hai lần trong danh sách điểm danh.", "roll", "Điểm danh")
        seen.add(r.member_id)
        if r.mark is Mark.ABSENT_REASON and not r.reason:
            raise _fail(f"{r.name} vắng có lý do nhưng chưa ghi lý do.", "roll", "Điểm danh")
        if r.mark is Mark.NOT_EXPECTED and r.expected:
            raise _fail(
                f"{r.name} không thuộc diện miễn hay sinh hoạt nơi khác: hãy ghi có mặt hoặc vắng.",
                "roll",
                "Điểm danh",
            )


def _check_opinion(o: Opinion, title: str, m: Meeting) -> None:
    where = f"mục “{title}”"
    if not o.content:
        raise _fail(f"{where}: ý kiến của {o.speaker or '…'} chưa có nội dung.", "items", "Ý kiến phát biểu")
    if o.member_id is not None:
        entry = next((e for e in m.roll if e.member_id == o.member_id), None)
        if entry is None:
            raise _fail(
                f"{where}: người phát biểu {o.speaker} không có trong danh sách điểm danh.",
                "items",
                "Ý kiến phát biểu",
            )
        if entry.mark is not Mark.PRESENT:
            raise _fail(
                f"{where}: đồng chí {entry.name} phát biểu nhưng điểm danh không có mặt.",
                "items",
                "Ý kiến phát biểu",
            )
        return
    if o.guest_position is not None:
        if not 0 <= o.guest_position < len(m.guests):
            raise _fail(
                f"{where}: người phát biểu {o.speaker} không còn trong danh sách khách mời.",
                "items",
                "Ý kiến phát biểu",
            )
        return
    if not o.speaker:
        raise _fail(f"{where}: có ý kiến chưa ghi tên người phát biểu.", "items", "Ý kiến phát biểu")
    if not o.speaker_title:
        raise _fail(
            f"{where}: “{o.speaker}” không có trong danh sách điểm danh hay khách mời; "
            "hãy chọn người phát biểu trong danh sách, hoặc ghi chức vụ nếu là người "
            "khác.",
            "items",
            "Ý kiến phát biểu",
        )


def roll_differences(roll: tuple[RollEntry, ...], expected: tuple[RollEntry, ...]) -> list[str]:
    """How a meeting's roll differs from the register (or committee) on the meeting date."""
    mine = {e.member_id: e for e in roll}
    want = {e.member_id: e for e in expected}
    problems = []
    missing = [e.name for i, e in want.items() if i not in mine]
    extra = [e.name for i, e in mine.items() if i not in want]
    if missing:
        problems.append("thiếu " + ", ".join(missing))
    if extra:
        problems.append("có người không thuộc danh sách ngày này: " + ", ".join(extra))
    for i, e in mine.items():
        w = want.get(i)
        if w is not None and (e.category, e.exempted, e.attached_out, e.suspended) != (
            w.category,
            w.exempted,
            w.attached_out,
            w.suspended,
        ):
            problems.append(f"{e.name} ghi sai diện (chính thức/dự bị, miễn, sinh hoạt nơi khác, đình chỉ)")
    return problems


def duration_warning(m: Meeting, rules: Any) -> str | None:
    """A warning (not a refusal) when the meeting was shorter than the configured minimum."""
    if not (m.start_time and m.end_time) or m.kind is MeetingKind.COMMITTEE:
        return None
    if not (_TIME.match(m.start_time) and _TIME.match(m.end_time)):
        return None
    key = "meeting_min_minutes_combined" if m.kind is MeetingKind.COMBINED else "meeting_min_minutes_regular"
    needed = int(rules[key])
    length = minutes(m.end_time) - minutes(m.start_time)
    if length < needed:
        return (
            f"Buổi sinh hoạt kéo dài {length} phút, ít hơn {needed} phút theo quy định "
            f"({rules.settings[key].source})."
        )
    return None


@dataclass(frozen=True)
class ApprovalCheck:
    """What stands between a draft and its approval: errors refuse, warnings are confirmed."""

    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def approval_check(m: Meeting, rules: Any) -> ApprovalCheck:
    """Is the draft complete enough to be the cell's permanent minutes? One answer, listing
    everything missing (the editor turns warnings into a question)."""
    errors: list[str] = []
    warnings: list[str] = []
    try:
        validate_meeting(m, rules)
    except ValidationError as exc:
        return ApprovalCheck((str(exc),))
    present = {e.name for e in m.roll if e.mark is Mark.PRESENT}
    if not m.roll:
        errors.append("Chưa điểm danh.")
    for key, label in (("chair", "Chủ trì"), ("recorder", "Thư ký")):
        name = getattr(m, key)
        if not name:
            errors.append(f"Chưa ghi {label.lower()}.")
        elif name not in present:
            errors.append(f"{label} ({name}) phải có mặt trong danh sách điểm danh.")
    if not m.start_time:
        errors.append("Chưa ghi giờ bắt đầu.")
    if not m.end_time:
        errors.append("Chưa ghi giờ kết thúc.")
    if not m.place:
        errors.append("Chưa ghi địa điểm.")
    if not m.items:
        errors.append("Chưa có nội dung sinh hoạt.")
    for i, item in enumerate(m.items, start=1):
        if not (item.content or item.opinions or item.conclusion):
            errors.append(f"Mục {i} “{item.title}” chưa ghi nội dung.")
    if m.kind.is_regular and not m.resolution:
        errors.append("Sinh hoạt thường kỳ cần có nội dung nghị quyết (kết luận).")
    for v in m.votes:
        if v.in_favour + v.against + v.other == 0:
            errors.append(f"Biểu quyết “{v.subject}” chưa ghi kết quả.")
    if m.kind.is_regular and not any(v.kind.value == "resolution" for v in m.votes):
        warnings.append("Chưa ghi biểu quyết thông qua nghị quyết.")
    short = duration_warning(m, rules)
    if short:
        warnings.append(short)
    if not any(item.opinions for item in m.items):
        warnings.append("Không có ý kiến phát biểu nào được ghi.")
    if m.kind is not MeetingKind.COMMITTEE and not m.scores:
        warnings.append("Chưa tự đánh giá chất lượng buổi sinh hoạt.")
    return ApprovalCheck(tuple(errors), tuple(warnings))
