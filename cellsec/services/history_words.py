"""How the change history says a change: a Vietnamese label for every stored key and code, dates
as dd/mm/yyyy, lists and roll calls as sentences, a long text as a short diff (screen and exports
read the same lines)."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from cellsec.dates import format_date
from cellsec.entities.liaison import LiaisonCategory
from cellsec.entities.meetings import CommitteePost, MeetingKind
from cellsec.entities.members import EVENT_LABELS, EventKind
from cellsec.rules.badges import BASIS_LABELS
from cellsec.rules.settings import Rules
from cellsec.services.member_form import MEMBER_LABELS
from cellsec.services.profile import PROFILE_LABELS
from cellsec.services.review_form import HISTORY_CODES, HISTORY_EMPTY, HISTORY_LABELS
from cellsec.services.rule_settings import show_value as rule_value

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
    "issuer": "Ký hiệu nơi ban hành",
    "term": "Nhiệm kỳ",
    "title": "Tiêu đề",
    "present": "Có mặt",
    "criteria_json": "Đánh giá",
    "value_json": "Giá trị",
    "key": "Thiết lập",
    "content": "Nội dung",
    "conclusion": "Kết luận",
    "opinions": "Ý kiến phát biểu",
    "speaker": "Người phát biểu",
    "speaker_title": "Chức vụ người phát biểu",
    "remarks": "Phát biểu",
    "topic_preparer": "Người chuẩn bị chuyên đề",
    "role": "Chức vụ",
    "closed_meeting_id": "Kết thúc tại buổi",
    "what": "Việc",
    "on_date": "Ngày ghi",
    "until_date": "Hoãn đến ngày",
    # the candidates for admission, probation helpers and badge choices (party development)
    "person_json": "Thông tin cá nhân",
    "course_date": "Ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng",
    "course_certificate_no": "Số giấy chứng nhận",
    "cv_date": "Ngày hoàn thành lý lịch",
    "verification_date": "Ngày thẩm tra lý lịch xong",
    "introducer_1_id": "Người giới thiệu thứ nhất",
    "introducer_1_since": "Người giới thiệu thứ nhất cùng công tác, sinh sống từ",
    "introducer_2_id": "Người giới thiệu thứ hai",
    "introducer_2_since": "Người giới thiệu thứ hai cùng công tác, sinh sống từ",
    "youth_union_introduces": "Đoàn thanh niên giới thiệu",
    "resolution_date": "Ngày nghị quyết chi bộ đề nghị kết nạp",
    "resolution_ref": "Số nghị quyết",
    "votes_for": "Số đảng viên chính thức tán thành",
    "votes_entitled": "Số đảng viên chính thức của chi bộ",
    "decision_date": "Ngày quyết định",
    "ceremony_date": "Ngày lễ kết nạp",
    "dropped_on": "Thôi theo dõi từ ngày",
    "dropped_reason": "Lý do thôi theo dõi",
    "notes": "Ghi chú",
    "helper_id": "Đảng viên giúp đỡ",
    "assigned_on": "Phân công từ ngày",
    "basis": "Căn cứ đề nghị",
    "recorded_on": "Ngày ghi nhận",
    **HISTORY_LABELS,  # the year-end review's fields
}
# Stored for the program's own use: never a line of the history.
HIDDEN = {
    "id",
    "member_id",
    "meeting_id",
    "liaison_id",
    "superior_id",
    "record_id",
    "gathering_id",
    "event_id",
    "task_id",
    "guest_position",
    "digest",
    "approved_at",
    "self_rating",
    "search_text",
    "created_at",
    "updated_at",
    "changed_at",
    "item_key",
    "rule",
    "review_year_id",
}
YES_NO_KEYS = {"present", "is_superior", "exempted", "attached_out", "suspended", "youth_union_introduces"}
# A member named by the record's id (the introducers, a probationer's helper).
MEMBER_KEYS = {"helper_id", "introducer_1_id", "introducer_2_id"}
# A column holding a record as JSON (the candidate as typed on the member form): read and
# compared field by field.
RECORD_JSON_KEYS = {"person_json"}
CODES = {
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
    "role": {post.value: post.label for post in CommitteePost},
    "category": {c.value: c.label for c in LiaisonCategory},
    "kind": {
        **{k.value: k.label for k in MeetingKind},
        **{k.value: EVENT_LABELS[k] for k in EventKind},
        "done": "Đã làm",  # a mark on the to-do list
        "postponed": "Hoãn",
    },
    "basis": {code: label for code, label in BASIS_LABELS.items() if code},
    **HISTORY_CODES,
}
EMPTY = "(trống)"
LONG_TEXT = 70  # characters: a change to a longer text is said as a short diff
# A task review was noted as "<task id>: <status> <result>" before reviews named their task.
_TASK_REF = re.compile(r"^\d+: (?=Đã|Đang|Chưa)")
_ISO_DATE = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/.-])")  # not in a file name


@dataclass(frozen=True)
class Vocabulary:
    """What only the data file knows: the rules in force (names of criteria and settings) and
    the name of a meeting by its id."""

    rules: Rules
    meeting_name: Callable[[int], str] = str
    member_name: Callable[[int], str] = str

    def _criterion(self, key: str) -> dict[str, Any]:
        for setting in ("meeting_quality_criteria", "comment_criteria"):
            for source in (self.rules[setting], self.rules.settings[setting].default):
                for c in source:
                    if isinstance(c, dict) and c.get("key") == key:
                        return c
        return {}

    def criterion(self, key: str) -> str:
        """A score's or a comment's criterion by its name ("preparation" → "Chuẩn bị …")."""
        return str(self._criterion(key).get("label", key))

    def score(self, key: str, value: Any) -> str:
        """A comment's level in words ("Tốt"); a meeting score as its number."""
        levels = self._criterion(key).get("levels")
        if isinstance(levels, list) and isinstance(value, int) and 0 <= value < len(levels):
            return str(levels[value])
        return str(value)


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def dates_in(text: str) -> str:
    """ISO dates inside a text (older notes kept them) as dd/mm/yyyy."""

    def day(match: re.Match[str]) -> str:
        try:
            return format_date(date.fromisoformat(match.group(0)))
        except ValueError:
            return match.group(0)

    return _ISO_DATE.sub(day, text)


def show_value(key: str, value: Any, words: Vocabulary) -> str:
    """One stored value as the secretary would say it."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if key in YES_NO_KEYS and isinstance(value, (bool, int)):
        return "Có" if value else "Không"
    if key.endswith("_json") and isinstance(value, str):
        return _show_json(key, value, words)
    if key in CODES and isinstance(value, str):
        return CODES[key].get(value, value)
    if key == "closed_meeting_id" and isinstance(value, int):
        return words.meeting_name(value)
    if key in MEMBER_KEYS and isinstance(value, int):
        return words.member_name(value)
    if key == "key" and isinstance(value, str) and value in words.rules.settings:
        return words.rules.settings[value].label
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dict):
        return _show_dict(value, words)
    if isinstance(value, list):
        return "; ".join(_show_item(v, words) for v in value)
    return dates_in(_TASK_REF.sub("", str(value)))


def _show_json(key: str, value: str, words: Vocabulary) -> str:
    """A column stored as JSON: its content in words; an empty one in its own word."""
    try:
        decoded = json.loads(value)
    except ValueError:
        return dates_in(value)
    if decoded in ({}, []):
        return HISTORY_EMPTY.get(key, EMPTY)
    if key in RECORD_JSON_KEYS:
        return _show_item(decoded, words)
    return show_value("", decoded, words)


def _show_item(value: Any, words: Vocabulary) -> str:
    if isinstance(value, dict):
        if "speaker" in value:
            return f"{value['speaker']}: {dates_in(str(value.get('content', '')))}"
        if "label" in value:
            return str(value["label"])
        return ", ".join(
            f"{field_label(k)}: {show_value(k, v, words)}" for k, v in value.items() if k not in HIDDEN and v
        )
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return show_value("", value, words)


def _show_dict(value: dict[str, Any], words: Vocabulary) -> str:
    """A roll call by mark ("Có mặt: 24 người; Vắng có lý do (Ốm): Dương Ngọc Bảo"), scores or
    criteria by their names, agenda items by their titles."""
    inner = list(value.values())
    if inner and all(isinstance(v, dict) for v in inner):
        return "; ".join(value)
    if inner and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in inner):
        return "; ".join(f"{words.criterion(k)}: {words.score(k, v)}" for k, v in value.items())
    by_mark: dict[str, list[str]] = {}
    for name, mark in value.items():
        by_mark.setdefault(show_value("", mark, words), []).append(name)
    return "; ".join(
        f"{mark}: {len(names)} người" if len(names) > 3 else f"{mark}: {', '.join(names)}"
        for mark, names in by_mark.items()
    )


def short_diff(before: str, after: str, context: int = 3) -> str:
    """A long text's change as the words around it: "…nghị quyết “tháng 11” → “tháng 12” của…"."""
    old, new = before.split(), after.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lead = old[max(0, i1 - context) : i1]
        trail = old[i2 : i2 + context]
        removed = " ".join(old[i1:i2]) or EMPTY
        added = " ".join(new[j1:j2]) or EMPTY
        parts.append(
            ("…" if i1 > context else "")
            + " ".join([*lead, f"“{_clip(removed)}” → “{_clip(added)}”", *trail])
            + ("…" if i2 + context < len(old) else "")
        )
    return dates_in(" / ".join(parts[:3]) + (" / …" if len(parts) > 3 else ""))


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _changed(key: str, before: Any, after: Any, words: Vocabulary) -> list[str]:
    """What changed in one field, without its label: "A → B", "thêm X", a short diff."""
    if isinstance(before, dict) and isinstance(after, dict):
        return _dict_changes(before, after, words)
    if isinstance(before, list) and isinstance(after, list):
        gone = [f"bỏ {_show_item(v, words)}" for v in before if v not in after]
        return gone + [f"thêm {_show_item(v, words)}" for v in after if v not in before]
    if isinstance(before, str) and isinstance(after, str) and max(len(before), len(after)) > LONG_TEXT:
        return [short_diff(before, after)]
    if isinstance(before, int) and isinstance(after, int) and key not in YES_NO_KEYS:
        return [f"{words.score(key, before)} → {words.score(key, after)}"]
    return [f"{show_value(key, before, words)} → {show_value(key, after, words)}"]


def _dict_changes(before: dict[str, Any], after: dict[str, Any], words: Vocabulary) -> list[str]:
    """Inside a roll call, a score sheet or the agenda: "Nguyễn Văn A — Có mặt → Vắng"."""
    lines = []
    for sub in {**before, **after}:
        old, new = before.get(sub), after.get(sub)
        if sub in HIDDEN or old == new:
            continue
        name = field_label(sub) if sub in FIELD_LABELS else words.criterion(sub)
        if old is None:
            lines.append(f"thêm {name}")
        elif new is None:
            lines.append(f"bỏ {name}")
        else:
            lines += [f"{name} — {text}" for text in _changed(sub, old, new, words)]
    return lines


def field_lines(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, words: Vocabulary) -> list[str]:
    """What one recorded row says: every field of an added or removed record, or each change."""
    keys = [k for k in {**(old or {}), **(new or {})} if k not in HIDDEN]
    lines = []
    for key in keys:
        before = (old or {}).get(key)
        after = (new or {}).get(key)
        if old is None or new is None:
            value = after if old is None else before
            if value not in (None, "", 0, {}, [], "{}", "[]"):
                lines.append(f"{field_label(key)}: {_said(key, value, old or new or {}, words)}")
        elif before != after:
            if key in RECORD_JSON_KEYS:
                before, after = _record(before), _record(after)
            if key == "value_json":
                before, after = (_said(key, v, r, words) for v, r in ((before, old), (after, new)))
            lines += [f"{field_label(key)}: {text}" for text in _changed(key, before, after, words)]
    return lines


def _record(value: Any) -> Any:
    """A record kept as JSON, decoded for a field-by-field comparison (as stored when not JSON)."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _said(key: str, value: Any, row: Mapping[str, Any], words: Vocabulary) -> str:
    """A rule setting's value says itself with the setting's own words (labels, not codes)."""
    setting = row.get("key")
    if key == "value_json" and isinstance(value, str) and isinstance(setting, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        return rule_value(parsed, setting, words.rules)
    return show_value(key, value, words)
