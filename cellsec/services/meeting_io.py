"""Meetings in the whole-cell JSON export: plain dicts out, checked Meeting records back in.

Approved minutes travel with their sealed record and its digest ("seal"); an import verifies
the digest (which holds no ids) and refuses the whole file if it does not match, is missing,
or the record disagrees with the minutes beside it — it never seals anything anew: the record
is kept exactly as sealed (its text is not cleaned, see meeting_codec.exact_text) and keeps its
digest. Drafts pass the same checks as the editor's, their text cleaned as typed text is.
Member, superior, task and meeting ids are re-mapped."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from cellsec.codec.meetings import meeting_from_plain, meeting_where
from cellsec.codec.plain import normalised, plain
from cellsec.codec.sealed_minutes import (
    MinutesRecord,
    record_digest,
    record_from_plain,
    record_json,
    without_ids,
)
from cellsec.dates import format_date, iso_date
from cellsec.entities.meetings import Meeting, RollEntry, Task
from cellsec.errors import ValidationError
from cellsec.services.meeting_checks import check_structure, roll_differences, validate_meeting
from cellsec.services.meetings import expected_roll_for
from cellsec.services.minutes_record import legacy_content_digest, upgrade_old_approvals
from cellsec.store import Store
from cellsec.store.seals import IMPORT


@dataclass(frozen=True)
class ImportedMeeting(Meeting):
    """A meeting read from an export, with the seal it carries (approved minutes)."""

    record: MinutesRecord | None = None
    legacy: bool = False  # approved before sealed records: verified with the old digest


def export_meetings(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    upgrade_old_approvals(store)
    meetings = []
    for meeting_id in store.meetings.all_ids():
        m = store.meetings.get(meeting_id)
        assert m is not None
        data = plain(m)
        data.pop("digest", None)
        row = store.meetings.seals.latest(meeting_id)
        if row is not None:
            data["seal"] = {"record": json.loads(row.record_json), "digest": row.digest}
        meetings.append(data)
    return meetings, store.meetings.document_numbers()


def prepare_meetings(items: Any, member_ids: set[int], rules: Any) -> list[Meeting]:
    """Parse and check every meeting of an export (ids still the exporting file's)."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValidationError("Danh sách buổi sinh hoạt (“meetings”) không đúng định dạng.")
    parsed = []
    for index, raw in enumerate(items, start=1):
        where = meeting_where(index, raw)
        parsed.append((raw, where, normalised(meeting_from_plain(raw, where))))
    # Older exports left the reviewed tasks' copies out: they are the earlier meetings' tasks,
    # as stored (their old approval digest covers them so).
    tasks = {t.id: t for raw, where, m in parsed for t in _stored_tasks(raw, where, m) if t.id is not None}
    prepared: list[Meeting] = []
    for raw, where, m in parsed:
        unknown = {e.member_id for e in m.roll} - member_ids
        if unknown:
            raise ValidationError(f"{where}: điểm danh có đảng viên không có trong tệp.")
        if m.approved:
            prepared.append(_approved(raw, m, where, tasks))
            continue
        if m.corrections or m.approved_at or m.resolution_number or raw.get("seal"):
            raise ValidationError(
                f"{where}: bản nháp không thể có số nghị quyết, ngày thông qua, "
                "đính chính hay bản niêm phong."
            )
        try:
            validate_meeting(m, rules)
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None
        prepared.append(ImportedMeeting(**_fields(m)))
    _check_ids(prepared)
    return prepared


def _stored_tasks(raw: Any, where: str, m: Meeting) -> tuple[Task, ...]:
    try:
        return meeting_from_plain(raw, where, exact=True).tasks
    except ValidationError:
        return m.tasks


def _fields(m: Meeting) -> dict[str, Any]:
    return {f: getattr(m, f) for f in Meeting.__dataclass_fields__}


def _approved(raw: dict[str, Any], m: Meeting, where: str, tasks: dict[int, Task]) -> ImportedMeeting:
    """Approved minutes are taken only with a seal that verifies and agrees with them."""
    seal = raw.get("seal")
    if seal is None and isinstance(raw.get("digest"), str) and raw.get("digest"):
        # An export made before sealed records: the content, exactly as approved, must match
        # its approval digest.
        m = meeting_from_plain(raw, where, exact=True)
        m = replace(m, reviews=tuple(replace(r, task=r.task or tasks.get(r.task_id)) for r in m.reviews))
        if raw["digest"] != legacy_content_digest(m):
            raise ValidationError(
                f"{where}: biên bản đã thông qua nhưng nội dung không khớp dấu "
                "kiểm: tệp đã bị sửa, không nhập."
            )
        try:
            check_structure(m)
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None
        return ImportedMeeting(**_fields(m), legacy=True)
    if (
        not isinstance(seal, dict)
        or not isinstance(seal.get("digest"), str)
        or not isinstance(seal.get("record"), dict)
    ):
        raise ValidationError(
            f"{where}: biên bản đã thông qua nhưng thiếu bản niêm phong hoặc "
            "dấu kiểm: không nhập (không niêm phong lại biên bản)."
        )
    if record_digest(seal["record"]) != seal["digest"]:
        raise ValidationError(f"{where}: bản niêm phong không khớp dấu kiểm: tệp đã bị sửa, không nhập.")
    record = record_from_plain(seal["record"], where, exact=True)
    try:
        check_structure(record.meeting)
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None
    # The minutes beside the seal are compared as shown (cleaned); the seal is kept as sealed.
    shown = normalised(record_from_plain(seal["record"], where).meeting)
    if not record.meeting.approved or _comparable(shown) != _comparable(m):
        raise ValidationError(
            f"{where}: nội dung biên bản không khớp bản niêm phong: tệp đã bị sửa, không nhập."
        )
    return ImportedMeeting(**{**_fields(record.meeting), "digest": seal["digest"]}, record=record)


def _comparable(m: Meeting) -> Any:
    return without_ids(plain(replace(m, digest=None)))


def _check_ids(meetings: list[Meeting]) -> None:
    """Ids that link records must be unambiguous (never silently re-linked)."""
    meeting_ids: set[int] = set()
    tasks: dict[int, Meeting] = {}
    for m in meetings:
        where = f"Buổi sinh hoạt ngày {format_date(m.date)}"
        if m.id is not None:
            if m.id in meeting_ids:
                raise ValidationError(f"{where}: mã buổi sinh hoạt {m.id} bị trùng trong tệp.")
            meeting_ids.add(m.id)
        for t in m.tasks:
            if t.id is None:
                raise ValidationError(f"{where}: nhiệm vụ “{t.content}” thiếu mã.")
            if t.id in tasks:
                raise ValidationError(f"{where}: mã nhiệm vụ {t.id} bị trùng trong tệp.")
            tasks[t.id] = m
    for m in meetings:
        where = f"Buổi sinh hoạt ngày {format_date(m.date)}"
        for r in m.reviews:
            owner = tasks.get(r.task_id)
            if owner is None or owner.date >= m.date:
                raise ValidationError(
                    f"{where}: kiểm điểm một nhiệm vụ (mã {r.task_id}) không có "
                    "trong các buổi sinh hoạt trước."
                )


def write_meetings(
    store: Store,
    meetings: list[Meeting],
    numbers: Any,
    member_map: dict[int, int],
    superior_map: dict[int, int],
) -> dict[int, int]:
    """Insert inside the caller's transaction, re-mapping member, superior and task ids; the
    roll of each meeting must be the imported register on its date. Returns old -> new ids."""
    task_map: dict[int, int] = {}
    meeting_map: dict[int, int] = {}
    sealed: list[tuple[int, MinutesRecord, str]] = []
    for m in sorted(meetings, key=lambda x: (x.date, x.id or 0)):
        where = f"Buổi sinh hoạt ngày {format_date(m.date)}"
        ids = _Ids(member_map, superior_map, task_map, meeting_map)
        fresh = ids.meeting(
            replace(
                Meeting(**_fields(m)),
                id=None,
                status="draft",
                approved_at=None,
                digest=None,
                resolution_number="",
                resolution_issuer="",
                corrections=(),
            ),
            new_tasks=True,
        )
        try:
            problems = roll_differences(fresh.roll, expected_roll_for(store, m.kind, m.date))
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc}") from None
        if problems:
            raise ValidationError(
                f"{where}: điểm danh không khớp sổ đảng viên trong tệp vào ngày đó ({'; '.join(problems)})."
            )
        new_id = store.meetings.save(fresh)
        if m.id is not None:
            meeting_map[m.id] = new_id
        saved = store.meetings.get_live(new_id)
        assert saved is not None
        for old, task in zip(m.tasks, saved.tasks):
            if old.id is not None and task.id is not None:
                task_map[old.id] = task.id
        if not m.approved:
            continue
        store.meetings.approve(new_id, m.approved_at)
        for c in m.corrections:
            store.meetings.add_correction(new_id, c.date, c.text)
        record = getattr(m, "record", None)
        if record is None:  # verified with the old digest: sealed once the import is done
            store.meetings.seals.mark_pending(new_id, m.digest)
            continue
        sealed.append((new_id, ids.record(record, new_id), m.digest or ""))
    _write_numbers(store, numbers, meeting_map)
    _write_seals(store, sealed)
    return meeting_map


def _write_seals(store: Store, sealed: list[tuple[int, MinutesRecord, str]]) -> None:
    """Each imported approved record, taken exactly as sealed (refused if it would change)."""
    for new_id, record, exported in sealed:
        text, digest = record_json(record)
        where = f"Buổi sinh hoạt ngày {format_date(record.meeting.date)}"
        if store.meetings.live_number(new_id) != record.meeting.full_resolution_number:
            raise ValidationError(f"{where}: số nghị quyết trong tệp không khớp bản niêm phong.")
        if digest != exported:  # the record is taken as sealed, never sealed anew
            raise ValidationError(
                f"{where}: bản niêm phong không giữ nguyên được khi nhập (dấu kiểm thay đổi), không nhập."
            )
        store.meetings.seals.add(new_id, text, digest, IMPORT)


class _Ids:
    """Re-maps the exporting file's ids to the new file's (unknown ones become None)."""

    def __init__(
        self,
        members: dict[int, int],
        superiors: dict[int, int],
        tasks: dict[int, int],
        meetings: dict[int, int],
    ) -> None:
        self.members, self.superiors, self.tasks, self.meetings = members, superiors, tasks, meetings

    def entry(self, e: RollEntry) -> RollEntry:
        return replace(e, member_id=self.members[e.member_id])

    def meeting(self, m: Meeting, *, new_tasks: bool) -> Meeting:
        items = tuple(
            replace(
                i,
                opinions=tuple(
                    replace(o, member_id=self.members.get(o.member_id) if o.member_id else None)
                    for o in i.opinions
                ),
            )
            for i in m.items
        )
        guests = tuple(
            replace(g, superior_id=self.superiors.get(g.superior_id)) if g.superior_id is not None else g
            for g in m.guests
        )
        reviews = tuple(
            replace(
                r,
                task_id=self.tasks[r.task_id],
                task=replace(r.task, id=self.tasks[r.task_id]) if r.task else None,
            )
            for r in m.reviews
        )
        tasks = tuple(replace(t, id=None if new_tasks else self.tasks.get(t.id or 0)) for t in m.tasks)
        return replace(
            m,
            roll=tuple(self.entry(e) for e in m.roll),
            items=items,
            guests=guests,
            reviews=reviews,
            tasks=tasks,
        )

    def record(self, record: MinutesRecord, new_id: int) -> MinutesRecord:
        count = replace(
            record.count,
            absent_reason=tuple(self.entry(e) for e in record.count.absent_reason),
            absent_no_reason=tuple(self.entry(e) for e in record.count.absent_no_reason),
        )

        def direction(d):
            return replace(
                d,
                id=None,
                meeting_id=self.meetings.get(d.meeting_id, new_id),
                superior_id=self.superiors.get(d.superior_id or 0),
                closed_meeting_id=self.meetings.get(d.closed_meeting_id or 0),
            )

        meeting = replace(self.meeting(record.meeting, new_tasks=False), id=new_id)
        return replace(
            record,
            meeting=meeting,
            count=count,
            votes=tuple(replace(v, vote=mv) for v, mv in zip(record.votes, meeting.votes)),
            directions_given=tuple(direction(d) for d in record.directions_given),
            directions_reviewed=tuple(direction(d) for d in record.directions_reviewed),
        )


def _write_numbers(store: Store, numbers: Any, meeting_map: dict[int, int]) -> None:
    if numbers is None:
        return
    if not isinstance(numbers, list):
        raise ValidationError("Danh sách số văn bản (“document_numbers”) không đúng định dạng.")
    seen = set()
    for index, n in enumerate(numbers, start=1):
        where = f"Số văn bản thứ {index}"
        try:
            if not isinstance(n, dict):
                raise TypeError
            type_code, term, number = str(n["type_code"]), str(n["term"]), n["number"]
            if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 10**6:
                raise ValueError
            when = iso_date(n["date"])
            meeting_id = n.get("meeting_id")
            title, issuer = str(n.get("title") or ""), str(n.get("issuer") or "CB")
        except (KeyError, TypeError, ValueError):
            raise ValidationError(f"{where}: thiếu hoặc sai trường.") from None
        if (type_code, term, number) in seen:
            raise ValidationError(f"{where}: số {number:02d}-{type_code} nhiệm kỳ {term} bị trùng.")
        seen.add((type_code, term, number))
        store.meetings.assign_number(
            type_code,
            term,
            number,
            meeting_map.get(meeting_id) if isinstance(meeting_id, int) else None,
            when,
            title,
            issuer,
        )
