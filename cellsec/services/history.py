"""The audit trail, read back as a history a secretary understands: who changed what, when,
from what to what — per member, per meeting, or everything, filterable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.services.forms import is_record_id
from cellsec.services.history_words import Vocabulary, field_lines
from cellsec.services.members import rules_of
from cellsec.store import Store
from cellsec.store.audit import AuditRow

ENTITY_LABELS = {
    "cell_profile": "Thông tin chi bộ",
    "members": "Hồ sơ đảng viên",
    "member_events": "Quá trình sinh hoạt",
    "meetings": "Buổi sinh hoạt",
    "meeting_content": "Nội dung biên bản",
    "corrections": "Đính chính biên bản",
    "document_numbers": "Số văn bản",
    "superiors": "Cấp ủy viên cấp trên",
    "superior_assignments": "Phân công theo dõi chi bộ",
    "meeting_notices": "Thông báo họp",
    "directions": "Ý kiến chỉ đạo",
    "liaison_members": "Đảng viên nơi cư trú",
    "liaison_status": "Tình trạng giữ mối liên hệ",
    "liaison_gatherings": "Gặp mặt định kỳ",
    "liaison_attendance": "Dự gặp mặt",
    "comment_sheets": "Phiếu nhận xét",
    "working_away": "Đi làm ăn xa",
    "working_away_contacts": "Liên lạc khi đi làm ăn xa",
    "rule_settings": "Thiết lập quy định",
    "restore": "Khôi phục dữ liệu từ bản sao lưu",
    "committee_roles": "Chức vụ trong chi ủy",
    "due_marks": "Việc cần làm",
    "review_years": "Kiểm điểm cuối năm",
    "member_reviews": "Kiểm điểm, xếp loại đảng viên",
    "candidates": "Quần chúng ưu tú (nguồn phát triển đảng viên)",
    "probation_helpers": "Phân công giúp đỡ đảng viên dự bị",
    "badge_choices": "Đề nghị Huy hiệu Đảng (tặng sớm, truy tặng)",
}
_ACTIONS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa", "note": "Sửa"}


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # "22/11/2026 09:15"
    user: str
    what: str  # "Sửa Hồ sơ đảng viên"
    lines: tuple[str, ...]
    subject: str = ""  # whose record: "Đảng viên Nguyễn Văn Đức", "Buổi sinh hoạt 05/11/2026"


def _entry(rows: list[AuditRow], words: Vocabulary) -> HistoryEntry:
    first = rows[0]
    at = first.at.replace("T", " ")[:16]
    if len(at) >= 10:
        at = f"{at[8:10]}/{at[5:7]}/{at[0:4]}{at[10:]}"
    whats, lines = [], []
    for r in rows:
        what = (
            ENTITY_LABELS["restore"]
            if r.entity == "restore"
            else f"{_ACTIONS[r.action]} {ENTITY_LABELS.get(r.entity, r.entity).lower()}"
        )
        if what not in whats:
            whats.append(what)
        lines += field_lines(r.old, r.new, words)
    label = "; ".join(whats)
    return HistoryEntry(at, first.user or "(không rõ)", label[:1].upper() + label[1:], tuple(lines))


def _group(store: Store, rows: list[AuditRow]) -> list[HistoryEntry]:
    """One entry per user action (transaction), newest first."""
    by_txn: dict[int, list[AuditRow]] = {}
    for r in rows:
        by_txn.setdefault(r.txn, []).append(r)
    words = vocabulary(store, {})
    return [_entry(group, words) for _, group in sorted(by_txn.items(), reverse=True)]


def vocabulary(store: Store, names: dict[tuple[str, int], str]) -> Vocabulary:
    """The labels this file's history speaks with (its rules; its meetings and members by name)."""

    def meeting_name(meeting_id: int) -> str:
        key = ("meeting", meeting_id)
        if key not in names:
            names[key] = _name_of(store, *key)
        return names[key]

    def member_name(member_id: int) -> str:
        key = ("member-name", member_id)
        if key not in names:
            names[key] = _member_name(store, member_id)
        return names[key]

    return Vocabulary(rules_of(store), meeting_name=meeting_name, member_name=member_name)


def note_restored(store: Store, source: str, kept_aside: str) -> Changes:
    """After the app reopens a restored file: the trail says when, by whom and from what (the
    restored file's own trail ends at the backup; the replaced file keeps its own)."""
    with store.transaction():
        store.audit.note("restore", "file", 0, None, {"source": source, "kept_aside": kept_aside})
    return Changes()


def member_history(store: Store, member_id: int) -> list[HistoryEntry]:
    return _group(store, store.audit.for_scope("member", member_id)) if is_record_id(member_id) else []


def meeting_history(store: Store, meeting_id: int) -> list[HistoryEntry]:
    return _group(store, store.audit.for_scope("meeting", meeting_id)) if is_record_id(meeting_id) else []


def _subject(store: Store, rows: list[AuditRow], names: dict[tuple[str, int], str]) -> str:
    """Whose record an action touched, named as the secretary knows it (`names` caches the
    look-ups: a long history names the same few records again and again)."""
    for r in rows:
        if r.scope in ("member", "meeting", "liaison", "superior") and r.scope_id:
            key = (r.scope, r.scope_id)
            if key not in names:
                names[key] = _name_of(store, *key)
            return names[key]
    return ""


def _member_name(store: Store, member_id: int) -> str:
    """A member named in a field (a helper, an introducer): the name, or its id if deleted."""
    m = store.members.get(member_id)
    return m.full_name if m else f"(mã {member_id}, đã xóa)"


def _name_of(store: Store, scope: str, record_id: int) -> str:
    if scope == "member":
        return f"Đảng viên {_member_name(store, record_id)}"
    if scope == "meeting":
        meeting = store.meetings.header(record_id)
        return (
            f"{meeting.kind.label} ngày {format_date(meeting.date)}"
            if meeting
            else f"Buổi sinh hoạt (mã {record_id}, đã xóa)"
        )
    if scope == "liaison":
        person = store.liaison.get(record_id)
        return f"Đảng viên nơi cư trú {person.full_name}" if person else ""
    sup = store.superiors.get(record_id)
    return f"Cấp ủy viên cấp trên {sup.name}" if sup else ""


def history_users(store: Store) -> list[str]:
    """Every PC user who appears in the trail (for the filter)."""
    return store.audit.users()


def recent_history(
    store: Store,
    *,
    entity: str | None = None,
    user: str | None = None,
    since: date | None = None,
    text: str = "",
    limit: int = 500,
) -> list[HistoryEntry]:
    from dataclasses import replace

    from cellsec.text import fold

    rows = store.audit.recent(limit * 4, entity=entity, user=user, since=since.isoformat() if since else None)
    by_txn: dict[int, list[AuditRow]] = {}
    for r in rows:
        by_txn.setdefault(r.txn, []).append(r)
    names: dict[tuple[str, int], str] = {}
    words = vocabulary(store, names)
    entries = [
        replace(_entry(sorted(group, key=lambda r: r.id), words), subject=_subject(store, group, names))
        for _, group in sorted(by_txn.items(), reverse=True)
    ]
    if text:
        needle = fold(text)
        entries = [e for e in entries if needle in fold(" ".join((e.what, e.user, e.subject, *e.lines)))]
    return entries[:limit]
