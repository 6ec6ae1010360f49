"""Meetings in the whole-cell JSON export: plain dicts out, validated Meeting records back in.

Approved minutes keep their approval, digest, number and corrections; member and task ids are
re-mapped to the importing file's ids, and the digest (which holds no ids) still verifies."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..dates import iso_field
from ..errors import ValidationError
from ..meeting_entities import (AgendaItem, Correction, Guest, Mark, Meeting, MeetingKind,
                                Opinion, ReviewStatus, RollEntry, Task, TaskReview, Vote, VoteKind)
from ..records import normalised, plain
from ..store import Store
from .meetings import content_digest, validate_meeting


def export_meetings(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    meetings = []
    for meeting_id in store.meetings.all_ids():
        m = store.meetings.get(meeting_id)
        assert m is not None
        data = plain(m)
        for review in data["reviews"]:
            review.pop("task")
        meetings.append(data)
    return meetings, store.meetings.document_numbers()




def _meeting(raw: dict[str, Any], where: str) -> Meeting:
    try:
        return Meeting(
            id=raw.get("id"), kind=MeetingKind(raw["kind"]), date=iso_field(raw["date"], where),
            **{k: str(raw.get(k) or "") for k in (
                "start_time", "end_time", "place", "chair", "recorder", "topic", "topic_preparer",
                "purpose", "dues_status", "resolution", "self_rating")},
            status="approved" if raw.get("status") == "approved" else "draft",
            approved_at=raw.get("approved_at"), digest=raw.get("digest"),
            items=tuple(AgendaItem(i["title"], i.get("content", ""), i.get("conclusion", ""),
                                   tuple(Opinion(o["speaker"], o["content"], o.get("member_id"),
                                                 o.get("guest_position"))
                                         for o in i.get("opinions", [])))
                        for i in raw.get("items", [])),
            guests=tuple(Guest(g["name"], g.get("title", ""), bool(g.get("is_superior")),
                               g.get("remarks", ""), g.get("superior_id"))
                         for g in raw.get("guests", [])),
            roll=tuple(RollEntry(member_id=int(e["member_id"]), name=e["name"],
                                 category=e["category"], exempted=bool(e.get("exempted")),
                                 attached_out=bool(e.get("attached_out")),
                                 suspended=bool(e.get("suspended")), mark=Mark(e["mark"]),
                                 reason=e.get("reason", ""),
                                 reason_accepted=bool(e.get("reason_accepted", True)))
                       for e in raw.get("roll", [])),
            votes=tuple(Vote(v["subject"], VoteKind(v["kind"]), int(v["in_favour"]),
                             int(v["against"]), int(v["other"])) for v in raw.get("votes", [])),
            tasks=tuple(Task(t["content"], t.get("owner", ""), iso_field(t.get("deadline"), where),
                             t.get("id")) for t in raw.get("tasks", [])),
            reviews=tuple(TaskReview(int(r["task_id"]), ReviewStatus(r["status"]),
                                     r.get("result", "")) for r in raw.get("reviews", [])),
            scores=tuple((str(k), int(v)) for k, v in raw.get("scores", [])),
            corrections=tuple(Correction(iso_field(c["date"], where), c["text"])
                              for c in raw.get("corrections", [])))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(f"{where}: thiếu hoặc sai trường ({exc}).") from None


def prepare_meetings(items: Any, member_ids: set[int], rules: Any) -> list[Meeting]:
    """Parse and check every meeting of an export (ids still the exporting file's)."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValidationError("Danh sách buổi sinh hoạt (“meetings”) không đúng định dạng.")
    prepared = []
    for index, raw in enumerate(items, start=1):
        where = f"Buổi sinh hoạt thứ {index}"
        if not isinstance(raw, dict):
            raise ValidationError(f"{where}: không đúng định dạng.")
        m = normalised(_meeting(raw, where))
        where = f"{where} (ngày {m.date.strftime('%d/%m/%Y')})"
        unknown = {e.member_id for e in m.roll} - member_ids
        if unknown:
            raise ValidationError(f"{where}: điểm danh có đảng viên không có trong tệp.")
        try:
            validate_meeting(m, rules)
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc}") from None
        prepared.append(m)
    return prepared


def write_meetings(store: Store, meetings: list[Meeting], numbers: Any,
                   member_map: dict[int, int], superior_map: dict[int, int]) -> dict[int, int]:
    """Insert inside the caller's transaction, re-mapping member, superior and task ids.
    Returns old meeting id -> new meeting id."""
    task_map: dict[int, int] = {}
    meeting_map: dict[int, int] = {}
    for m in sorted(meetings, key=lambda x: x.date):
        roll = tuple(replace(e, member_id=member_map[e.member_id]) for e in m.roll)
        items = tuple(replace(i, opinions=tuple(
            replace(o, member_id=member_map.get(o.member_id) if o.member_id else None)
            for o in i.opinions)) for i in m.items)
        reviews = tuple(replace(r, task_id=task_map[r.task_id]) for r in m.reviews
                        if r.task_id in task_map)
        guests = tuple(replace(g, superior_id=superior_map.get(g.superior_id))
                       if g.superior_id is not None else g for g in m.guests)
        old_task_ids = [t.id for t in m.tasks]
        fresh = replace(m, id=None, roll=roll, items=items, reviews=reviews, guests=guests,
                        tasks=tuple(replace(t, id=None) for t in m.tasks))
        new_id = store.meetings.save(fresh)
        meeting_map[m.id or 0] = new_id
        saved = store.meetings.get(new_id)
        assert saved is not None
        for old, task in zip(old_task_ids, saved.tasks):
            if old is not None and task.id is not None:
                task_map[int(old)] = task.id
        if m.approved:
            # Keep the approval as it was; a tampered export shows up as a digest mismatch.
            store.meetings.approve(new_id, m.digest or content_digest(saved), m.approved_at)
        for c in m.corrections:
            store.meetings.add_correction(new_id, c.date, c.text)
    for n in numbers or []:
        store.meetings.assign_number(
            str(n["type_code"]), str(n["term"]), int(n["number"]),
            meeting_map.get(n.get("meeting_id")), date.fromisoformat(str(n["date"])),
            str(n.get("title", "")), str(n.get("issuer") or "CB"))
    return meeting_map
