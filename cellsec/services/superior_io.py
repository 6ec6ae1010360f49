"""Superiors, assignments, notices and directions in the whole-cell JSON export."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..dates import iso_field
from ..errors import ValidationError
from ..records import plain
from ..store import Store
from ..superior_entities import Assignment, Direction, DirectionStatus, Notice
from ..text import fold
from .superiors import parse_superior


def export_superiors(store: Store) -> dict[str, list[dict[str, Any]]]:
    directions = []
    for d in store.superiors.directions():
        item = plain(d)
        item.pop("meeting_date")
        directions.append(item)
    return {"superiors": [plain(s) for s in store.superiors.all()],
            "superior_assignments": [plain(a) for a in store.superiors.assignments()],
            "meeting_notices": [plain(n) for n in store.superiors.notices()],
            "directions": directions}




def import_superiors(store: Store, data: dict[str, Any]) -> dict[int, int]:
    """Insert the directory (inside the caller's transaction); returns old id -> new id."""
    mapping: dict[int, int] = {}
    for index, raw in enumerate(data.get("superiors") or [], start=1):
        try:
            s = parse_superior({k: str(raw.get(k) or "") for k in
                                ("name", "position", "level", "committee", "phone", "notes")})
        except ValidationError as exc:
            raise ValidationError(f"Cấp ủy viên cấp trên thứ {index}: {exc}") from None
        mapping[int(raw["id"])] = store.superiors.save(s, fold(f"{s.name} {s.position} {s.phone}"))
    for raw in data.get("superior_assignments") or []:
        store.superiors.add_assignment(Assignment(
            mapping[int(raw["superior_id"])], iso_field(raw["start"], "Phân công") or date.min,
            iso_field(raw.get("end"), "Phân công"), str(raw.get("note") or "")))
    return mapping


def import_follow_ups(store: Store, data: dict[str, Any], superiors: dict[int, int],
                      meetings: dict[int, int]) -> None:
    """Notices and directions, once meetings exist in the new file."""
    try:
        for raw in data.get("meeting_notices") or []:
            store.superiors.put_notice(Notice(
                meetings[int(raw["meeting_id"])], superiors[int(raw["superior_id"])],
                iso_field(raw["sent"], "Thông báo") or date.min, str(raw.get("method") or ""),
                str(raw.get("note") or "")))
        for raw in data.get("directions") or []:
            closed = raw.get("closed_meeting_id")
            sup = raw.get("superior_id")
            store.superiors.save_direction(Direction(
                meeting_id=meetings[int(raw["meeting_id"])], given_by=str(raw["given_by"]),
                text=str(raw["text"]), owner=str(raw.get("owner") or ""),
                deadline=iso_field(raw.get("deadline"), "Chỉ đạo"),
                status=DirectionStatus(raw.get("status", "open")),
                superior_id=superiors[int(sup)] if sup is not None else None,
                closed_meeting_id=meetings[int(closed)] if closed is not None else None,
                result=str(raw.get("result") or "")))
    except (KeyError, ValueError, TypeError) as exc:
        raise ValidationError(f"Thông báo hoặc nội dung chỉ đạo trong tệp không hợp lệ ({exc}).") \
            from None
