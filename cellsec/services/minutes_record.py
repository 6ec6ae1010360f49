"""The record of a meeting's minutes: built from the live data while a draft, sealed at approval
(and re-sealed with each correction), and the one check that a sealed record still matches."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from cellsec.codec.plain import plain
from cellsec.codec.sealed_minutes import (
    MinutesRecord,
    parse_stored,
    record_json,
    with_corrections,
    without_ids,
)
from cellsec.dates import format_date
from cellsec.entities.meetings import Meeting
from cellsec.entities.profile import CellProfile
from cellsec.entities.superiors import Direction, DirectionStatus
from cellsec.errors import CellSecError, ValidationError
from cellsec.rules.counting import MAJORITY_KEY, SPECIAL_MAJORITY_KEY, RollCount, count_meeting, vote_result
from cellsec.services.forms import is_record_id
from cellsec.services.members import rules_of
from cellsec.store import Store
from cellsec.store.seals import UPGRADE
from cellsec.wording import clause, sentence

COUNTING_RULES = ("attached_out_present_votes", MAJORITY_KEY, SPECIAL_MAJORITY_KEY)


def quality_rating(scores: tuple[tuple[str, int], ...], rules: Any) -> tuple[int, str]:
    total = sum(p for _, p in scores)
    for threshold, label in rules["meeting_quality_bands"]:
        if total >= threshold:
            return total, label
    return total, ""


def directions_reviewed(store: Store, m: Meeting) -> tuple[Direction, ...]:
    """Directions given at earlier meetings that this meeting reports on: those still open and
    those closed at it (a direction closed at a later meeting was still open at this one)."""
    out = []
    dates = {}
    for d in store.superiors.directions():
        if d.meeting_id == m.id or not d.meeting_date or d.meeting_date >= m.date:
            continue
        if d.status.is_open or (m.id is not None and d.closed_meeting_id == m.id):
            out.append(d)
        elif d.closed_meeting_id is not None:
            if d.closed_meeting_id not in dates:
                later = store.meetings.header(d.closed_meeting_id)
                dates[d.closed_meeting_id] = later.date if later else None
            closed_on = dates[d.closed_meeting_id]
            if closed_on is not None and closed_on > m.date:
                out.append(replace(d, status=DirectionStatus.IN_PROGRESS, result="", closed_meeting_id=None))
    return tuple(out)


def direction_line(d: Direction, m: Meeting) -> str:
    """A superior's direction reported on at this meeting, with its state (frozen at approval)."""
    given = f" chỉ đạo ngày {format_date(d.meeting_date)}" if d.meeting_date else ""
    owner = f"; phụ trách: {d.owner}" if d.owner else ""
    state = d.status.label.lower()
    if d.closed_meeting_id is not None and d.closed_meeting_id == m.id:
        state += " (báo cáo tại buổi sinh hoạt này)"
    result = f": {d.result}" if d.result else ""
    return sentence(f"- {clause(d.text)} (đồng chí {d.given_by}{given}{owner}) — {state}{result}")


def build_record(store: Store, m: Meeting, *, rules: Any = None) -> MinutesRecord:
    """The minutes as they stand now, from the live data (drafts; and approval seals this)."""
    rules = rules if rules is not None else rules_of(store)
    count = count_meeting(m.roll, rules)
    votes = tuple(vote_result(v, count, rules) for v in m.votes)
    profile = store.profile.get() or CellProfile()
    return MinutesRecord(
        meeting=m,
        profile=profile,
        count=count,
        votes=votes,
        score=quality_rating(m.scores, rules) if m.scores else None,
        criteria_labels=tuple((c["key"], c["label"]) for c in rules["meeting_quality_criteria"]),
        directions_given=tuple(replace(d, id=None) for d in store.superiors.directions(meeting_id=m.id))
        if m.id
        else (),
        directions_reviewed=tuple(replace(d, id=None) for d in directions_reviewed(store, m)),
        rules=tuple((k, rules[k]) for k in COUNTING_RULES),
    )


def seal(store: Store, record: MinutesRecord, reason: str) -> str:
    """Store the record as the meeting's current seal (inside the caller's transaction)."""
    assert record.meeting.id is not None
    text, digest = record_json(record)
    store.meetings.seals.add(record.meeting.id, text, digest, reason)
    return digest


def sealed_record(store: Store, meeting_id: int) -> MinutesRecord | None:
    """The record the meeting was approved with (None for a draft, or an unreadable seal)."""
    if not is_record_id(meeting_id):
        return None
    row = store.meetings.seals.latest(meeting_id)
    if row is None:
        return None
    try:
        record, _ = parse_stored(row.record_json)
    except ValidationError:
        return None
    return replace(record, meeting=replace(record.meeting, id=meeting_id, digest=row.digest))


def minutes_record(store: Store, meeting_id: int) -> MinutesRecord:
    """What the minutes print and the editor shows: the sealed record once approved, the live
    data while a draft. Every reader of one meeting's minutes comes here."""
    upgrade_old_approvals(store)
    sealed = sealed_record(store, meeting_id)
    if sealed is not None:
        return sealed
    m = store.meetings.get_live(meeting_id) if is_record_id(meeting_id) else None
    if m is None:
        raise ValidationError("Không tìm thấy buổi sinh hoạt này.")
    return build_record(store, m)


def meeting_counts(store: Store, m: Meeting, rules: Any = None) -> RollCount:
    """A meeting's figures: frozen with approved minutes, from the roll and the cell's rules for
    a draft. The screen, the minutes, Excel, JSON and the CLI all call this."""
    if m.id is not None:
        sealed = sealed_record(store, m.id)
        if sealed is not None:
            return sealed.count
    return count_meeting(m.roll, rules if rules is not None else rules_of(store))


# --- the one check ----------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordCheck:
    """Whether the stored minutes still match their seal. `ok`: None for a draft."""

    sealed: bool
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool | None:
        return None if not self.sealed else not self.problems

    @property
    def message(self) -> str:
        return " ".join(self.problems)


DRAFT = RecordCheck(False)
# What the secretary is told wherever approved minutes that fail the check are shown or printed.
MISMATCH_TITLE = "Biên bản không khớp"
MISMATCH_WARNING = (
    "CẢNH BÁO: nội dung biên bản đang lưu trong tệp không còn khớp với bản chi bộ "
    "đã thông qua. Có thể tệp dữ liệu đã bị sửa ngoài chương trình; hãy đối chiếu "
    "với sổ biên bản giấy."
)


def check_record(store: Store, meeting_id: int) -> RecordCheck:
    """Does the meeting's stored record still match its seal? Used by every screen, print and
    command that shows approved minutes."""
    upgrade_old_approvals(store)
    if not is_record_id(meeting_id):
        return DRAFT  # no meeting can have that id: nothing sealed
    live = store.meetings.get_live(meeting_id)
    row = store.meetings.seals.latest(meeting_id)
    if row is None:
        if live is not None and live.approved:
            return RecordCheck(
                True,
                (
                    "Biên bản ghi là đã thông qua nhưng không có bản niêm phong "
                    "(trạng thái bị sửa ngoài chương trình).",
                ),
            )
        return DRAFT
    problems: list[str] = []
    try:
        # The rows are compared with the seal exactly as sealed: text an older version stored
        # (a Word line break ...) is not cleaned on either side.
        record, digest = parse_stored(row.record_json, exact=True)
    except ValidationError:
        return RecordCheck(True, ("Bản niêm phong của biên bản bị hỏng hoặc bị sửa.",))
    if digest != row.digest:
        problems.append("Nội dung bản niêm phong không khớp dấu kiểm.")
    if record.upgrade_verified is False:
        problems.append("Khi nâng cấp phần mềm, nội dung biên bản đã không khớp dấu kiểm lúc thông qua.")
    if live is None:
        return RecordCheck(True, (*problems, "Biên bản đã thông qua bị xóa ngoài chương trình."))
    return RecordCheck(True, (*problems, *_live_differences(store, live, record, row.digest)))


def _live_differences(store: Store, live: Meeting, record: MinutesRecord, sealed: str) -> list[str]:
    """How the meeting's live rows differ from its seal (nothing: they match)."""
    meeting_id = live.id or 0
    problems: list[str] = []
    if not live.approved:
        problems.append("Biên bản đã thông qua bị đổi về trạng thái nháp ngoài chương trình.")
    if live.digest != sealed or live.approved_at != record.meeting.approved_at:
        problems.append("Dấu kiểm hoặc ngày thông qua lưu trong tệp đã bị sửa.")
    if store.meetings.live_number(meeting_id) != record.meeting.full_resolution_number:
        problems.append("Số nghị quyết lưu trong tệp không khớp bản đã thông qua.")
    live_fixes = [(c.date, c.text) for c in store.meetings.live_corrections(meeting_id)]
    if live_fixes != [(c.date, c.text) for c in record.meeting.corrections]:
        problems.append("Ghi chú đính chính bị thêm, sửa hoặc xóa ngoài chương trình.")
    if _content(live) != _content(record.meeting):
        problems.append("Nội dung biên bản lưu trong tệp đã bị sửa sau khi thông qua.")
    return problems


def _content(m: Meeting) -> Any:
    """The meeting's own rows as compared with the seal (reviews of earlier meetings' tasks are
    left out: the seal holds their copies, and deleting a draft may remove the live rows)."""
    data = plain(
        replace(
            m,
            reviews=(),
            corrections=(),
            status="",
            approved_at=None,
            digest=None,
            resolution_number="",
            resolution_issuer="",
        )
    )
    return without_ids(data)


def check_records(store: Store, meeting_ids: list[int]) -> dict[int, RecordCheck]:
    return {i: check_record(store, i) for i in meeting_ids}


def vanished_minutes(store: Store) -> list[MinutesRecord]:
    """Approved minutes whose meeting row was deleted outside the app (their seal remains)."""
    out = []
    for row in store.meetings.seals.orphans():
        try:
            out.append(parse_stored(row.record_json)[0])
        except ValidationError:
            continue
    return out


def reseal_with_corrections(store: Store, meeting_id: int) -> None:
    """After a correction (inside its transaction): the record with every correction, sealed."""
    row = store.meetings.seals.latest(meeting_id)
    if row is None:
        raise ValidationError("Biên bản này chưa được niêm phong.")
    record, _ = parse_stored(row.record_json, exact=True)  # re-sealed as it was, never cleaned
    record = with_corrections(
        replace(record, meeting=replace(record.meeting, id=meeting_id)),
        store.meetings.live_corrections(meeting_id),
    )
    seal(store, record, "correction")


# --- minutes approved before schema v9 -----------------------------------------------------
def legacy_content_digest(m: Meeting) -> str:
    """The digest approvals carried before schema v9 (content only; no ids, number, date)."""
    data = asdict(m)
    for key in (
        "id",
        "status",
        "approved_at",
        "digest",
        "corrections",
        "resolution_number",
        "resolution_issuer",
    ):
        data.pop(key)
    for entry in data["roll"]:
        entry.pop("member_id")
    for item in data["items"]:
        for opinion in item["opinions"]:
            opinion.pop("member_id")
            opinion.pop("speaker_title", None)
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


def upgrade_old_approvals(store: Store) -> None:
    """Seal, once, the minutes approved before schema v9 from their stored content, noting
    whether it still matched the digest they were approved with. Runs when first needed; on a
    file that cannot be written it is simply tried again next time."""
    pending = store.meetings.seals.pending()
    if not pending:
        return
    try:
        with store.transaction():
            rules = rules_of(store)
            for meeting_id, old_digest in pending:
                m = store.meetings.get_live(meeting_id)
                if m is not None and m.approved and store.meetings.seals.latest(meeting_id) is None:
                    verified = old_digest is not None and old_digest == legacy_content_digest(m)
                    record = replace(_tolerant_record(store, m, rules), upgrade_verified=verified)
                    seal(store, record, UPGRADE)
                store.meetings.seals.done_pending(meeting_id)
    except CellSecError:
        return  # a file opened read-only: readers use the rows until it can be written
    except Exception as exc:
        if type(exc).__module__ != "sqlite3":  # a busy or read-only file: same; else a bug
            raise


def _tolerant_record(store: Store, m: Meeting, rules: Any) -> MinutesRecord:
    """An old approval's record even if its votes no longer pass today's checks."""
    try:
        return build_record(store, m, rules=rules)
    except ValidationError:
        count = count_meeting(m.roll, rules)
        return replace(
            build_record(store, replace(m, votes=()), rules=rules),
            meeting=m,
            count=count,
            votes=tuple(_unchecked_vote(v, count, rules) for v in m.votes),
        )


def _unchecked_vote(vote: Any, count: RollCount, rules: Any) -> Any:
    big = replace(
        count, eligible_present=max(count.eligible_present, vote.in_favour + vote.against + vote.other)
    )
    return vote_result(vote, big, rules)
