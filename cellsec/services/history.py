"""The audit trail, read back as a history a secretary understands: who changed what, when,
from what to what — per member, per meeting, or everything, filterable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.members import EVENT_LABELS, EventKind
from cellsec.services.forms import is_record_id
from cellsec.services.member_form import MEMBER_LABELS
from cellsec.services.profile import PROFILE_LABELS
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
    "candidates": "Quần chúng ưu tú (nguồn phát triển đảng viên)",
    "probation_helpers": "Phân công giúp đỡ đảng viên dự bị",
    "badge_choices": "Đề nghị Huy hiệu Đảng (tặng sớm, truy tặng)",
}
FIELD_LABELS = {
    **MEMBER_LABELS,
    **PROFILE_LABELS,
    "kind": "Loại",
    "date": "Ngày",
    "end_date": "Đến ngày",
    "decision_ref": "Số quyết định",
    "detail": "Nội dung",
    "note": "Ghi chú",
    "start_time": "Giờ bắt đầu",
    "end_time": "Giờ kết thúc",
    "place": "Địa điểm",
    "chair": "Chủ trì",
    "recorder": "Thư ký",
    "topic": "Chuyên đề",
    "purpose": "Mục đích",
    "dues_status": "Đảng phí",
    "resolution": "Nghị quyết",
    "status": "Tình trạng",
    "text": "Nội dung",
    "owner": "Phụ trách",
    "deadline": "Thời hạn",
    "result": "Kết quả",
    "name": "Họ và tên",
    "position": "Chức vụ",
    "phone": "Điện thoại",
    "workplace": "Nơi công tác",
    "source": "Bản sao lưu",
    "kept_aside": "Tệp cũ được giữ lại tại",
    "method": "Hình thức",
    "arrangement": "Hình thức",
    "application_date": "Ngày làm đơn",
    "start_date": "Từ ngày",
    "reason": "Lý do",
    "destination": "Nơi đến",
    "employer": "Nơi làm việc",
    "contact": "Liên lạc",
    "dues": "Đảng phí",
    "returned_date": "Ngày trở về",
    "level": "Cấp",
    "committee": "Cấp ủy",
    "category": "Diện",
    "address": "Địa chỉ",
    "workplace_party_org": "Tổ chức đảng nơi công tác",
    "workplace_contact": "Liên hệ nơi công tác",
    "ggt_number": "Số giấy giới thiệu",
    "ggt_date": "Ngày giấy giới thiệu",
    "received_date": "Ngày chi bộ nhận",
    "sent_date": "Ngày gửi",
    "requested_date": "Ngày nhận đề nghị",
    "requesting_org": "Nơi đề nghị",
    "free_text": "Ý kiến khác",
    "variant": "Loại phiếu",
    "front_met_date": "Ngày họp với Ban công tác Mặt trận",
    "signed_date": "Ngày ký",
    "confirmed_date": "Ngày Đảng ủy xã xác nhận",
    "given_by": "Người chỉ đạo",
    "sent": "Ngày thông báo",
    "start": "Từ ngày",
    "end": "Đến ngày",
    "year": "Năm",
    "number": "Số",
    "type_code": "Loại văn bản",
    "term": "Nhiệm kỳ",
    "title": "Tiêu đề",
    "present": "Có mặt",
    "criteria_json": "Đánh giá",
    "value_json": "Giá trị",
    "key": "Thiết lập",
    "content": "Nội dung",
    "topic_preparer": "Người chuẩn bị chuyên đề",
}
_CODES = {
    "sex": {"nam": "Nam", "nu": "Nữ"},
    "status": {
        "draft": "Nháp",
        "approved": "Đã thông qua",
        "open": "Chưa thực hiện",
        "in_progress": "Đang thực hiện",
        "done": "Đã hoàn thành",
        "dropped": "Không thực hiện nữa",
        "active": "Đang giữ mối liên hệ",
        "moved": "Đã chuyển nơi ở",
        "retired": "Đã nghỉ hưu",
        "ended": "Thôi giữ mối liên hệ",
    },
    "arrangement": {
        "exemption": "Miễn sinh hoạt tạm thời",
        "temporary_transfer": "Chuyển sinh hoạt tạm thời",
    },
    "level": {"commune": "Đảng ủy xã/phường", "province": "Tỉnh ủy/Thành ủy", "other": "Cấp khác"},
    "variant": {"full": "Phiếu đầy đủ", "short": "Phiếu rút gọn"},
}
_ACTIONS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa", "note": "Sửa"}
_HIDDEN = {
    "id",
    "member_id",
    "meeting_id",
    "liaison_id",
    "superior_id",
    "record_id",
    "gathering_id",
    "event_id",
    "digest",
    "approved_at",
    "self_rating",
}


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # "22/11/2026 09:15"
    user: str
    what: str  # "Sửa Hồ sơ đảng viên"
    lines: tuple[str, ...]
    subject: str = ""  # whose record: "Đảng viên Nguyễn Văn Đức", "Buổi sinh hoạt 05/11/2026"


def _show(key: str, value: Any) -> str:
    if value in (None, ""):
        return "(trống)"
    if key == "kind" and isinstance(value, str) and value in EventKind._value2member_map_:
        return EVENT_LABELS[EventKind(value)]
    if key in _CODES and isinstance(value, str):
        return _CODES[key].get(value, value)
    if key == "category" and isinstance(value, str):
        from cellsec.entities.liaison import LiaisonCategory

        if value in LiaisonCategory._value2member_map_:
            return LiaisonCategory(value).label
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _field_lines(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    keys = [k for k in {**(old or {}), **(new or {})} if k not in _HIDDEN]
    lines = []
    for key in keys:
        before = (old or {}).get(key)
        after = (new or {}).get(key)
        label = FIELD_LABELS.get(key, key)
        if old is None:
            if after not in (None, "", 0, {}, []):
                lines.append(f"{label}: {_show(key, after)}")
        elif new is None:
            if before not in (None, "", 0, {}, []):
                lines.append(f"{label}: {_show(key, before)}")
        elif before != after:
            if isinstance(before, dict) and isinstance(after, dict):
                lines += [f"{label} — {line}" for line in _field_lines(before, after)]
            else:
                lines.append(f"{label}: {_show(key, before)} → {_show(key, after)}")
    return lines


def _entry(rows: list[AuditRow]) -> HistoryEntry:
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
        lines += _field_lines(r.old, r.new)
    label = "; ".join(whats)
    return HistoryEntry(at, first.user or "(không rõ)", label[:1].upper() + label[1:], tuple(lines))


def _group(rows: list[AuditRow]) -> list[HistoryEntry]:
    """One entry per user action (transaction), newest first."""
    by_txn: dict[int, list[AuditRow]] = {}
    for r in rows:
        by_txn.setdefault(r.txn, []).append(r)
    return [_entry(group) for _, group in sorted(by_txn.items(), reverse=True)]


def note_restored(store: Store, source: str, kept_aside: str) -> Changes:
    """After the app reopens a restored file: the trail says when, by whom and from what (the
    restored file's own trail ends at the backup; the replaced file keeps its own)."""
    with store.transaction():
        store.audit.note("restore", "file", 0, None, {"source": source, "kept_aside": kept_aside})
    return Changes()


def member_history(store: Store, member_id: int) -> list[HistoryEntry]:
    return _group(store.audit.for_scope("member", member_id)) if is_record_id(member_id) else []


def meeting_history(store: Store, meeting_id: int) -> list[HistoryEntry]:
    return _group(store.audit.for_scope("meeting", meeting_id)) if is_record_id(meeting_id) else []


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


def _name_of(store: Store, scope: str, record_id: int) -> str:
    if scope == "member":
        m = store.members.get(record_id)
        return f"Đảng viên {m.full_name}" if m else f"Đảng viên (mã {record_id}, đã xóa)"
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
    entries = [
        replace(_entry(sorted(group, key=lambda r: r.id)), subject=_subject(store, group, names))
        for _, group in sorted(by_txn.items(), reverse=True)
    ]
    if text:
        needle = fold(text)
        entries = [e for e in entries if needle in fold(" ".join((e.what, e.user, e.subject, *e.lines)))]
    return entries[:limit]
