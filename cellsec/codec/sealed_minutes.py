"""The sealed record of approved minutes: everything they print, frozen at approval, as JSON
with a SHA-256 digest (docs/records-and-digests.md says what the digest can and cannot prove).

The digest leaves out record ids ("id" and every "…_id" key), so a cell exported from one file
and imported into another still verifies; everything else a reader shows is covered."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from cellsec.codec.meetings import Reader, meeting_from_plain
from cellsec.codec.plain import plain
from cellsec.entities.meetings import Correction, Meeting
from cellsec.entities.profile import CellProfile
from cellsec.entities.superiors import Direction, DirectionStatus
from cellsec.errors import ValidationError
from cellsec.rules.counting import RollCount, VoteResult

FORMAT = "cellsec-minutes-record"
VERSION = 1
PROFILE_FIELDS = ("cell_name", "superior_name", "place_name", "secretary", "deputy_secretary", "term_label")


@dataclass(frozen=True)
class MinutesRecord:
    """What the minutes and the resolution print (and the editor shows) for one meeting."""

    meeting: Meeting
    profile: CellProfile  # the header: cell, superior body, place, secretary
    count: RollCount
    votes: tuple[VoteResult, ...]
    score: tuple[int, str] | None
    criteria_labels: tuple[tuple[str, str], ...]
    directions_given: tuple[Direction, ...] = ()  # given by superiors at this meeting
    directions_reviewed: tuple[Direction, ...] = ()  # earlier ones, reported on at it
    rules: tuple[tuple[str, Any], ...] = ()  # the counting rules it was made with
    upgrade_verified: bool | None = None  # sealed at the upgrade: did the old digest match?

    @property
    def rule_values(self) -> dict[str, Any]:
        return dict(self.rules)


def record_to_plain(record: MinutesRecord) -> dict[str, Any]:
    meeting = plain(record.meeting)
    meeting.pop("digest", None)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "meeting": meeting,
        "profile": {k: getattr(record.profile, k) for k in PROFILE_FIELDS},
        "rules": [[k, plain(v)] for k, v in record.rules],
        "count": plain(record.count),
        "votes": [
            {"eligible": v.eligible, "present": v.present, "needed": v.needed, "passed": v.passed}
            for v in record.votes
        ],
        "score": list(record.score) if record.score else None,
        "criteria": [list(pair) for pair in record.criteria_labels],
        "directions_given": [plain(d) for d in record.directions_given],
        "directions_reviewed": [plain(d) for d in record.directions_reviewed],
    }
    if record.upgrade_verified is not None:
        data["upgrade_verified"] = record.upgrade_verified
    return data


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def without_ids(data: Any) -> Any:
    """The record with every record id left out ("id", "member_id", "task_id" ...)."""
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if not (k == "id" or k.endswith("_id"))}
    if isinstance(data, list):
        return [without_ids(v) for v in data]
    return data


def record_digest(data: dict[str, Any]) -> str:
    """SHA-256 of the plain record without its ids."""
    return hashlib.sha256(canonical_json(without_ids(data)).encode("utf-8")).hexdigest()


def record_from_plain(
    data: Any, where: str = "Biên bản đã niêm phong", *, exact: bool = False
) -> MinutesRecord:
    """Parse a record (from the file or an import); ValidationError if anything is wrong.
    `exact`: its text as sealed, to compare or keep (else cleaned, to show and print)."""
    r = Reader(where, "", exact)
    data = r.mapping(data, "Bản niêm phong")
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise r.fail("bản niêm phong không đúng định dạng.")
    meeting = meeting_from_plain(data.get("meeting"), where, exact=exact)
    prof = r.mapping(data.get("profile"), "Thông tin chi bộ")
    texts: dict[str, Any] = {k: r.text(prof, k, f"Thông tin chi bộ: {k}") for k in PROFILE_FIELDS}
    profile = CellProfile(**texts)
    count = _count(r, data.get("count"), meeting)
    raw_votes = r.list(data, "votes", "Kết quả biểu quyết")
    if len(raw_votes) != len(meeting.votes):
        raise r.fail("kết quả biểu quyết không khớp các biểu quyết.")
    votes = []
    for vote, raw in zip(meeting.votes, raw_votes):
        raw = r.mapping(raw, "Kết quả biểu quyết")
        votes.append(
            VoteResult(
                vote=vote,
                eligible=r.integer(raw, "eligible", "Số có quyền biểu quyết") or 0,
                needed=r.integer(raw, "needed", "Số phiếu cần") or 0,
                passed=r.flag(raw, "passed", "Kết quả"),
                present=r.integer(raw, "present", "Số có mặt") or 0,
            )
        )
    score = data.get("score")
    if score is not None:
        if not (isinstance(score, list) and len(score) == 2):
            raise r.fail("điểm tự đánh giá không đúng định dạng.")
        pair = {"total": score[0], "rating": score[1]}
        score = (r.integer(pair, "total", "Tổng điểm") or 0, r.text(pair, "rating", "Xếp loại"))
    criteria = []
    for item in r.list(data, "criteria", "Tiêu chí"):
        if not (isinstance(item, list) and len(item) == 2):
            raise r.fail("tiêu chí không đúng định dạng.")
        pair = {"key": item[0], "label": item[1]}
        criteria.append((r.text(pair, "key", "Tiêu chí"), r.text(pair, "label", "Tiêu chí")))
    rules = []
    for item in r.list(data, "rules", "Quy định"):
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            raise r.fail("quy định không đúng định dạng.")
        rules.append((item[0], item[1]))
    verified = data.get("upgrade_verified")
    if verified is not None and not isinstance(verified, bool):
        raise r.fail("dấu nâng cấp không đúng định dạng.")
    return MinutesRecord(
        meeting=meeting,
        profile=profile,
        count=count,
        votes=tuple(votes),
        score=score,
        criteria_labels=tuple(criteria),
        directions_given=tuple(
            direction_from_plain(r, d) for d in r.list(data, "directions_given", "Ý kiến chỉ đạo")
        ),
        directions_reviewed=tuple(
            direction_from_plain(r, d) for d in r.list(data, "directions_reviewed", "Ý kiến chỉ đạo")
        ),
        rules=tuple(rules),
        upgrade_verified=verified,
    )


def _count(r: Reader, raw: Any, meeting: Meeting) -> RollCount:
    raw = r.mapping(raw, "Số liệu điểm danh")
    numbers: dict[str, Any] = {
        k: r.integer(raw, k, f"Số liệu điểm danh: {k}") or 0
        for k in (
            "total",
            "full",
            "probationary",
            "exempted",
            "attached_out",
            "guests",
            "present",
            "present_full",
            "present_probationary",
            "present_guests",
            "eligible_voters",
            "expected",
            "expected_present",
            "eligible_present",
        )
    }
    by_id = {e.member_id: e for e in meeting.roll}
    lists: dict[str, Any] = {}
    for key in ("absent_reason", "absent_no_reason"):
        entries = []
        for item in r.list(raw, key, "Danh sách vắng"):
            item = r.mapping(item, "Danh sách vắng")
            entry = by_id.get(r.record_id(item, "member_id", "Danh sách vắng: mã đảng viên") or 0)
            if entry is None:
                raise r.fail("danh sách vắng có người không có trong điểm danh.")
            entries.append(entry)
        lists[key] = tuple(entries)
    return RollCount(**numbers, **lists)


def direction_from_plain(r: Reader, raw: Any) -> Direction:
    raw = r.mapping(raw, "Ý kiến chỉ đạo")
    what = "Ý kiến chỉ đạo"
    meeting_id = r.record_id(raw, "meeting_id", f"{what}: buổi sinh hoạt")
    return Direction(
        meeting_id=meeting_id or 0,
        given_by=r.text(raw, "given_by", f"{what}: người chỉ đạo"),
        text=r.text(raw, "text", f"{what}: nội dung"),
        owner=r.text(raw, "owner", "Phụ trách"),
        deadline=r.day(raw, "deadline", f"{what}: thời hạn"),
        status=r.choice(raw, "status", DirectionStatus, f"{what}: tình trạng"),
        superior_id=r.record_id(raw, "superior_id", f"{what}: người chỉ đạo"),
        closed_meeting_id=r.record_id(raw, "closed_meeting_id", f"{what}: buổi báo cáo"),
        result=r.text(raw, "result", f"{what}: kết quả"),
        id=r.record_id(raw, "id", f"{what}: mã"),
        meeting_date=r.day(raw, "meeting_date", f"{what}: ngày"),
    )


def record_json(record: MinutesRecord) -> tuple[str, str]:
    """(JSON text to store, digest) of a record."""
    data = record_to_plain(record)
    return canonical_json(data), record_digest(data)


def parse_stored(text: str, *, exact: bool = False) -> tuple[MinutesRecord, str]:
    """A stored record and the digest its content has now (ValidationError if unreadable).
    `exact`: text as sealed (to check or re-seal), else cleaned for showing and printing."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        raise ValidationError("Bản niêm phong của biên bản bị hỏng (không đọc được).") from None
    return (record_from_plain(data, exact=exact), record_digest(data) if isinstance(data, dict) else "")


def with_corrections(record: MinutesRecord, corrections: tuple[Correction, ...]) -> MinutesRecord:
    return replace(record, meeting=replace(record.meeting, corrections=corrections))


def approved_on(record: MinutesRecord) -> date | None:
    text = record.meeting.approved_at or ""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
