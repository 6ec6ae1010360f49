"""Liaison registers in the whole-cell JSON export: people living here with their status
history, gatherings, comment sheets, and members working away with their contact log."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..dates import iso_field
from ..errors import ValidationError
from ..liaison_entities import (Arrangement, CommentSheet, Contact, Gathering, LiaisonStatus,
                                StatusChange, WorkingAway)
from ..records import plain
from ..store import Store
from ..text import fold
from .liaison import parse_liaison


def export_liaison(store: Store) -> dict[str, Any]:
    people = []
    for m in store.liaison.members():
        item = plain(m)
        people.append(item)
    away = []
    for w in store.liaison.working_away():
        item = plain(w)
        item.pop("member_name")
        away.append(item)
    return {"liaison_members": people,
            "liaison_gatherings": [plain(g) for g in store.liaison.gatherings()],
            "comment_sheets": [plain(s) for s in store.liaison.sheets()],
            "working_away": away}




def _day(value: Any) -> date | None:
    return iso_field(value, "Liên hệ nơi cư trú")


def import_liaison(store: Store, data: dict[str, Any], members: dict[int, int],
                   events: dict[int, int]) -> None:
    """Inside the caller's transaction; ids re-mapped (members and register events)."""
    people: dict[int, int] = {}
    try:
        for index, raw in enumerate(data.get("liaison_members") or [], start=1):
            form = {k: str(raw.get(k) or "") for k in
                    ("full_name", "address", "phone", "workplace", "workplace_party_org",
                     "workplace_contact", "ggt_number", "category", "notes")}
            form["sex"] = "Nữ" if raw.get("sex") == "nu" else "Nam"
            for key in ("birth_date", "ggt_date", "received_date"):
                day = _day(raw.get(key))
                form[key] = day.strftime("%d/%m/%Y") if day else ""
            try:
                m = parse_liaison(form)
            except ValidationError as exc:
                raise ValidationError(f"Đảng viên nơi cư trú thứ {index}: {exc}") from None
            new_id = store.liaison.save(m, fold(f"{m.full_name} {m.phone} {m.workplace}"))
            people[int(raw["id"])] = new_id
            for c in raw.get("history") or []:
                store.liaison.add_status(new_id, StatusChange(LiaisonStatus(c["status"]),
                                                              _day(c["date"]) or date.min,
                                                              str(c.get("note") or "")))
        for raw in data.get("liaison_gatherings") or []:
            store.liaison.save_gathering(Gathering(
                _day(raw["date"]) or date.min, str(raw.get("place") or ""),
                str(raw.get("content") or ""), tuple(people[int(i)] for i in raw["present"]),
                tuple(people[int(i)] for i in raw["absent"])))
        for raw in data.get("comment_sheets") or []:
            store.liaison.save_sheet(CommentSheet(
                people[int(raw["liaison_id"])], int(raw["year"]), str(raw["variant"]),
                _day(raw.get("requested_date")), str(raw.get("requesting_org") or ""),
                {str(k): int(v) for k, v in (raw.get("criteria") or {}).items()},
                str(raw.get("free_text") or ""), _day(raw.get("front_met_date")),
                _day(raw.get("signed_date")), _day(raw.get("sent_date")),
                _day(raw.get("confirmed_date")), _day(raw.get("returned_date"))))
        for raw in data.get("working_away") or []:
            w = WorkingAway(
                member_id=members[int(raw["member_id"])],
                arrangement=Arrangement(raw["arrangement"]),
                application_date=_day(raw["application_date"]) or date.min,
                start=_day(raw["start"]) or date.min, end=_day(raw["end"]) or date.min,
                **{k: str(raw.get(k) or "") for k in ("reason", "destination", "employer",
                                                      "contact", "decision_ref", "dues", "notes")},
                returned_date=_day(raw.get("returned_date")),
                event_id=events.get(int(raw["event_id"])) if raw.get("event_id") else None)
            record_id = store.liaison.save_working_away(w)
            for c in raw.get("contacts") or []:
                store.liaison.add_contact(record_id, Contact(_day(c["date"]) or date.min,
                                                             str(c.get("method") or ""),
                                                             str(c.get("note") or "")))
    except (KeyError, ValueError, TypeError) as exc:
        raise ValidationError(f"Dữ liệu liên hệ nơi cư trú trong tệp không hợp lệ ({exc}).") \
            from None
