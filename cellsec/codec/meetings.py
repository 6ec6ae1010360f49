"""Meetings as plain JSON values and back, checked field by field: the one parser for an export
file, a sealed minutes record and a service's own input (a wrong value is a ValidationError in
Vietnamese naming the meeting and the field, never a KeyError or TypeError)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, TypeVar

from cellsec.codec.plain import plain
from cellsec.dates import iso_date
from cellsec.entities.meetings import (
    AgendaItem,
    Correction,
    Guest,
    Mark,
    Meeting,
    MeetingKind,
    Opinion,
    ReviewStatus,
    RollEntry,
    Task,
    TaskReview,
    Vote,
    VoteKind,
)
from cellsec.errors import ValidationError
from cellsec.text import nfc

MAX_TEXT = 20_000  # characters in one field: far more than any minutes need
MAX_COUNT = 10_000  # votes, points: a cell has at most a few hundred members
MAX_ROWS = 2_000  # rows in one list (roll, opinions ...)
E = TypeVar("E", bound=Enum)

FIELD_LABELS = {
    "kind": "Loại buổi sinh hoạt",
    "date": "Ngày sinh hoạt",
    "start_time": "Giờ bắt đầu",
    "end_time": "Giờ kết thúc",
    "place": "Địa điểm",
    "chair": "Chủ trì",
    "recorder": "Thư ký",
    "topic": "Chuyên đề",
    "topic_preparer": "Người chuẩn bị chuyên đề",
    "purpose": "Mục đích",
    "dues_status": "Tình hình đảng phí",
    "resolution": "Nghị quyết",
    "self_rating": "Xếp loại",
    "status": "Tình trạng",
    "approved_at": "Ngày thông qua",
    "digest": "Dấu kiểm",
    "resolution_number": "Số nghị quyết",
    "resolution_issuer": "Ký hiệu cơ quan ban hành",
    "items": "Nội dung sinh hoạt",
    "guests": "Khách mời",
    "roll": "Điểm danh",
    "votes": "Biểu quyết",
    "tasks": "Nhiệm vụ tháng tới",
    "reviews": "Kiểm điểm nhiệm vụ",
    "scores": "Tự đánh giá",
    "corrections": "Đính chính",
}
_HEADER_TEXT = (
    "start_time",
    "end_time",
    "place",
    "chair",
    "recorder",
    "topic",
    "topic_preparer",
    "purpose",
    "dues_status",
    "resolution",
    "self_rating",
    "resolution_number",
    "resolution_issuer",
)


class Reader:
    """Reads values out of one record's dict, naming `where` (and the list) in every error."""

    def __init__(self, where: str, key: str, exact: bool = False) -> None:
        self.where = where
        self.key = key  # the part of the minutes, for the editor to show its tab
        self.exact = exact  # sealed minutes: text checked but kept exactly as it was sealed

    def fail(self, message: str) -> ValidationError:
        label = FIELD_LABELS.get(self.key, self.key)
        return ValidationError(f"{self.where}: {message}", label, self.key)

    def mapping(self, raw: Any, what: str) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(f"{what} không đúng định dạng.")
        return raw

    def list(self, raw: dict[str, Any], field: str, what: str) -> list[Any]:
        value = raw.get(field)
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise self.fail(f"{what} phải là một danh sách.")
        if len(value) > MAX_ROWS:
            raise self.fail(f"{what} có quá nhiều dòng ({len(value)}).")
        return list(value)

    def text(self, raw: dict[str, Any], field: str, what: str, *, required: bool = False) -> str:
        """A text field: absent means empty (older files lack newer fields); null or another
        type is refused."""
        if field not in raw and not required:
            return ""
        value = raw.get(field)
        if not isinstance(value, str):
            raise self.fail(
                f"{what}: chưa nhập." if value is None or value == "" else f"{what} phải là văn bản."
            )
        value = exact_text(value, self, what) if self.exact else clean_text(value, self, what)
        if required and not value:
            raise self.fail(f"{what}: chưa nhập.")
        return value

    def optional_text(self, raw: dict[str, Any], field: str, what: str) -> str | None:
        return self.text(raw, field, what) if raw.get(field) is not None else None

    def integer(
        self,
        raw: dict[str, Any],
        field: str,
        what: str,
        *,
        low: int = 0,
        high: int = MAX_COUNT,
        optional: bool = False,
    ) -> int | None:
        value = raw.get(field)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{what} phải là số nguyên.")
        if not low <= value <= high:
            raise self.fail(f"{what} phải từ {low} đến {high} (đang là {value}).")
        return value

    def record_id(self, raw: dict[str, Any], field: str, what: str) -> int | None:
        return self.integer(raw, field, what, low=1, high=2**62, optional=True)

    def flag(self, raw: dict[str, Any], field: str, what: str, default: bool = False) -> bool:
        value = raw.get(field, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        raise self.fail(f"{what} phải là có/không.")

    def choice(
        self, raw: dict[str, Any], field: str, enum: type[E], what: str, default: E | None = None
    ) -> E:
        value = raw.get(field)
        if value is None and default is not None:
            return default
        try:
            return enum(value)
        except (ValueError, TypeError):
            shown = f" “{value}”" if isinstance(value, (str, int)) else ""
            raise self.fail(f"{what}{shown} không hợp lệ.") from None

    def day(self, raw: dict[str, Any], field: str, what: str, *, required: bool = False) -> date | None:
        value = raw.get(field)
        if isinstance(value, date):
            return value
        if value in (None, ""):
            if required:
                raise self.fail(f"{what}: chưa có ngày.")
            return None
        if not isinstance(value, str):
            raise self.fail(f"{what} phải là ngày dạng yyyy-mm-dd.")
        try:
            result = iso_date(value)
        except ValueError:
            raise self.fail(f"{what}: ngày “{value}” không hợp lệ (cần yyyy-mm-dd).") from None
        if result.year < 1900:
            raise self.fail(f"{what}: năm {result.year} không hợp lệ.")
        return result

    def sub(self, key: str) -> Reader:
        return Reader(self.where, key, self.exact)


def clean_text(value: str, reader: Reader, what: str) -> str:
    """The text as every entry point cleans it (`text.nfc`); refuses absurdly long text."""
    if len(value) > MAX_TEXT:
        raise reader.fail(f"{what} quá dài ({len(value)} ký tự).")
    return nfc(value)


def exact_text(value: str, reader: Reader, what: str) -> str:
    """Text of a sealed record, as it was sealed (an older version may have stored a Word line
    break or "\\r\\n" that today's cleaner would change: cleaning it would break the seal). Only
    what no version could have stored is refused."""
    if len(value) > MAX_TEXT:
        raise reader.fail(f"{what} quá dài ({len(value)} ký tự).")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise reader.fail(f"{what} có ký tự hỏng (không mã hóa được).") from None
    return value


def checked_text(value: Any, what: str, key: str, where: str = "") -> str:
    """One text value from a service's caller, cleaned as the parser cleans (ValidationError)."""
    reader = Reader(where or what, key)
    if not isinstance(value, str):
        raise ValidationError(f"{what}: nội dung không hợp lệ.", what, key)
    return clean_text(value, reader, what)


def meeting_where(index: int | None, raw: Any) -> str:
    """ "Buổi sinh hoạt thứ 3 (ngày 05/10/2026)" — as precise as the raw record allows."""
    base = f"Buổi sinh hoạt thứ {index}" if index is not None else "Buổi sinh hoạt"
    when = raw.get("date") if isinstance(raw, dict) else None
    if isinstance(when, date):
        return f"{base} (ngày {when.strftime('%d/%m/%Y')})"
    if isinstance(when, str):
        try:
            return f"{base} (ngày {iso_date(when).strftime('%d/%m/%Y')})"
        except ValueError:
            pass
    return base


def meeting_from_plain(raw: Any, where: str, *, exact: bool = False) -> Meeting:
    """A Meeting from plain values (an export, a sealed record, or `plain(meeting)`); text is
    cleaned as every entry point cleans it, or with `exact` kept as sealed (see exact_text)."""
    r = Reader(where, "", exact)
    raw = r.mapping(raw, "Buổi sinh hoạt")
    head = {k: r.sub(k).text(raw, k, FIELD_LABELS[k]) for k in _HEADER_TEXT}
    status = r.sub("status").text(raw, "status", FIELD_LABELS["status"]) or "draft"
    if status not in ("draft", "approved"):
        raise r.sub("status").fail(f"tình trạng “{status}” không hợp lệ.")
    guests = tuple(
        _guest(r.sub("guests"), g, i)
        for i, g in enumerate(r.list(raw, "guests", FIELD_LABELS["guests"]), start=1)
    )
    return Meeting(
        id=r.record_id(raw, "id", "Mã buổi sinh hoạt"),
        kind=r.sub("kind").choice(raw, "kind", MeetingKind, FIELD_LABELS["kind"]),
        date=r.sub("date").day(raw, "date", FIELD_LABELS["date"], required=True) or date.min,
        status=status,
        approved_at=r.sub("approved_at").optional_text(raw, "approved_at", "Ngày thông qua"),
        digest=r.sub("digest").optional_text(raw, "digest", "Dấu kiểm"),
        items=tuple(
            _item(r.sub("items"), it, i)
            for i, it in enumerate(r.list(raw, "items", FIELD_LABELS["items"]), start=1)
        ),
        guests=guests,
        roll=tuple(
            _roll_entry(r.sub("roll"), e, i)
            for i, e in enumerate(r.list(raw, "roll", FIELD_LABELS["roll"]), start=1)
        ),
        votes=tuple(
            _vote(r.sub("votes"), v, i)
            for i, v in enumerate(r.list(raw, "votes", FIELD_LABELS["votes"]), start=1)
        ),
        tasks=tuple(
            task_from_plain(r.sub("tasks"), t, f"Nhiệm vụ thứ {i}")
            for i, t in enumerate(r.list(raw, "tasks", FIELD_LABELS["tasks"]), start=1)
        ),
        reviews=tuple(
            _review(r.sub("reviews"), x, i)
            for i, x in enumerate(r.list(raw, "reviews", FIELD_LABELS["reviews"]), start=1)
        ),
        scores=tuple(
            _score(r.sub("scores"), s, i)
            for i, s in enumerate(r.list(raw, "scores", FIELD_LABELS["scores"]), start=1)
        ),
        corrections=tuple(
            _correction(r.sub("corrections"), c, i)
            for i, c in enumerate(r.list(raw, "corrections", FIELD_LABELS["corrections"]), start=1)
        ),
        **head,
    )


def _item(r: Reader, raw: Any, i: int) -> AgendaItem:
    what = f"Mục nội dung thứ {i}"
    raw = r.mapping(raw, what)
    opinions = []
    for j, o in enumerate(r.list(raw, "opinions", f"{what}: ý kiến"), start=1):
        ow = f"{what}, ý kiến thứ {j}"
        o = r.mapping(o, ow)
        opinions.append(
            Opinion(
                speaker=r.text(o, "speaker", f"{ow}: người phát biểu"),
                content=r.text(o, "content", f"{ow}: nội dung"),
                member_id=r.record_id(o, "member_id", f"{ow}: mã đảng viên"),
                guest_position=r.integer(
                    o, "guest_position", f"{ow}: khách mời", high=MAX_ROWS, optional=True
                ),
                speaker_title=r.text(o, "speaker_title", f"{ow}: chức vụ người phát biểu"),
            )
        )
    return AgendaItem(
        title=r.text(raw, "title", f"{what}: tên mục"),
        content=r.text(raw, "content", f"{what}: nội dung trình bày"),
        conclusion=r.text(raw, "conclusion", f"{what}: kết luận"),
        opinions=tuple(opinions),
    )


def _guest(r: Reader, raw: Any, i: int) -> Guest:
    what = f"Khách mời thứ {i}"
    raw = r.mapping(raw, what)
    return Guest(
        name=r.text(raw, "name", f"{what}: họ tên"),
        title=r.text(raw, "title", f"{what}: chức vụ"),
        is_superior=r.flag(raw, "is_superior", f"{what}: cấp ủy cấp trên"),
        remarks=r.text(raw, "remarks", f"{what}: ý kiến"),
        superior_id=r.record_id(raw, "superior_id", f"{what}: mã trong danh bạ"),
    )


def _roll_entry(r: Reader, raw: Any, i: int) -> RollEntry:
    what = f"Dòng điểm danh thứ {i}"
    raw = r.mapping(raw, what)
    category = r.text(raw, "category", f"{what}: loại đảng viên", required=True)
    if category not in ("full", "probationary", "guest"):
        raise r.fail(f"{what}: loại đảng viên “{category}” không hợp lệ.")
    member_id = r.record_id(raw, "member_id", f"{what}: mã đảng viên")
    if member_id is None:
        raise r.fail(f"{what}: thiếu mã đảng viên.")
    return RollEntry(
        member_id=member_id,
        name=r.text(raw, "name", f"{what}: họ tên", required=True),
        category=category,
        exempted=r.flag(raw, "exempted", f"{what}: miễn"),
        attached_out=r.flag(raw, "attached_out", f"{what}: sinh hoạt nơi khác"),
        suspended=r.flag(raw, "suspended", f"{what}: đình chỉ"),
        mark=r.choice(raw, "mark", Mark, f"{what}: điểm danh"),
        reason=r.text(raw, "reason", f"{what}: lý do vắng"),
        reason_accepted=r.flag(raw, "reason_accepted", f"{what}: lý do được chấp nhận", default=True),
    )


def _vote(r: Reader, raw: Any, i: int) -> Vote:
    what = f"Biểu quyết thứ {i}"
    raw = r.mapping(raw, what)
    return Vote(
        subject=r.text(raw, "subject", f"{what}: nội dung"),
        kind=r.choice(raw, "kind", VoteKind, f"{what}: loại biểu quyết", VoteKind.RESOLUTION),
        in_favour=r.integer(raw, "in_favour", f"{what}: số tán thành") or 0,
        against=r.integer(raw, "against", f"{what}: số không tán thành") or 0,
        other=r.integer(raw, "other", f"{what}: số ý kiến khác") or 0,
    )


def task_from_plain(r: Reader, raw: Any, what: str) -> Task:
    raw = r.mapping(raw, what)
    return Task(
        content=r.text(raw, "content", f"{what}: nội dung"),
        owner=r.text(raw, "owner", f"{what}: người phụ trách"),
        deadline=r.day(raw, "deadline", f"{what}: thời hạn"),
        id=r.record_id(raw, "id", f"{what}: mã nhiệm vụ"),
    )


def _review(r: Reader, raw: Any, i: int) -> TaskReview:
    what = f"Kiểm điểm nhiệm vụ thứ {i}"
    raw = r.mapping(raw, what)
    task_id = r.record_id(raw, "task_id", f"{what}: mã nhiệm vụ")
    task = raw.get("task")
    return TaskReview(
        task_id=task_id or 0,
        status=r.choice(raw, "status", ReviewStatus, f"{what}: kết quả"),
        result=r.text(raw, "result", f"{what}: đánh giá"),
        task=task_from_plain(r, task, f"{what}: nhiệm vụ") if task is not None else None,
    )


def _score(r: Reader, raw: Any, i: int) -> tuple[str, int]:
    what = f"Điểm tự đánh giá thứ {i}"
    if not isinstance(raw, (list, tuple)) or len(raw) != 2:
        raise r.fail(f"{what} không đúng định dạng (cần [tiêu chí, điểm]).")
    pair = {"key": raw[0], "points": raw[1]}
    return (
        r.text(pair, "key", f"{what}: tiêu chí", required=True),
        r.integer(pair, "points", f"{what}: điểm") or 0,
    )


def _correction(r: Reader, raw: Any, i: int) -> Correction:
    what = f"Đính chính thứ {i}"
    raw = r.mapping(raw, what)
    return Correction(
        date=r.day(raw, "date", f"{what}: ngày", required=True) or date.min,
        text=r.text(raw, "text", f"{what}: nội dung", required=True),
        id=r.record_id(raw, "id", f"{what}: mã"),
    )


def checked_meeting(m: Meeting, where: str = "Buổi sinh hoạt") -> Meeting:
    """A service's own input, checked like an import: plain values and back (so None where
    text is needed, a string where a number is, a lone surrogate ... become ValidationError)."""
    try:
        raw = plain(m)
    except (TypeError, ValueError, RecursionError):
        raise ValidationError(f"{where}: dữ liệu không đúng định dạng.") from None
    return meeting_from_plain(raw, where)
