"""Rows <-> liaison members, their status history, gatherings, comment sheets, and members
working far away with their contact log."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from cellsec.dates import from_iso, to_iso
from cellsec.entities.liaison import (
    Arrangement,
    CommentSheet,
    Contact,
    Gathering,
    LiaisonCategory,
    LiaisonMember,
    LiaisonStatus,
    StatusChange,
    WorkingAway,
)
from cellsec.entities.members import Sex
from cellsec.store.rows import inserted_id

_SHEET_DATES = (
    "requested_date",
    "front_met_date",
    "signed_date",
    "sent_date",
    "confirmed_date",
    "returned_date",
)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class LiaisonRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # --- members living here -----------------------------------------------------------------
    def members(self) -> list[LiaisonMember]:
        history: dict[int, list[StatusChange]] = {}
        for r in self._conn.execute("SELECT * FROM liaison_status ORDER BY date, id"):
            history.setdefault(r["liaison_id"], []).append(
                StatusChange(LiaisonStatus(r["status"]), date.fromisoformat(r["date"]), r["note"])
            )
        return [
            self._member(r, tuple(history.get(r["id"], [])))
            for r in self._conn.execute("SELECT * FROM liaison_members ORDER BY id")
        ]

    def get(self, liaison_id: int) -> LiaisonMember | None:
        return next((m for m in self.members() if m.id == liaison_id), None)

    @staticmethod
    def _member(r: sqlite3.Row, history: tuple[StatusChange, ...]) -> LiaisonMember:
        return LiaisonMember(
            id=r["id"],
            full_name=r["full_name"],
            sex=Sex(r["sex"]),
            birth_date=from_iso(r["birth_date"]),
            address=r["address"],
            phone=r["phone"],
            workplace=r["workplace"],
            workplace_party_org=r["workplace_party_org"],
            workplace_contact=r["workplace_contact"],
            ggt_number=r["ggt_number"],
            ggt_date=from_iso(r["ggt_date"]),
            received_date=date.fromisoformat(r["received_date"]),
            category=LiaisonCategory(r["category"]),
            notes=r["notes"],
            history=history,
        )

    def save(self, m: LiaisonMember, search_text: str) -> int:
        values = (
            m.full_name,
            m.sex.value,
            to_iso(m.birth_date),
            m.address,
            m.phone,
            m.workplace,
            m.workplace_party_org,
            m.workplace_contact,
            m.ggt_number,
            to_iso(m.ggt_date),
            m.received_date.isoformat(),
            m.category.value,
            m.notes,
            search_text,
        )
        cols = (
            "full_name, sex, birth_date, address, phone, workplace, workplace_party_org, "
            "workplace_contact, ggt_number, ggt_date, received_date, category, notes, "
            "search_text"
        )
        if m.id is None:
            return inserted_id(
                self._conn.execute(
                    f"INSERT INTO liaison_members ({cols}, created_at, updated_at) VALUES "
                    f"({', '.join('?' * 16)})",
                    (*values, _now(), _now()),
                )
            )
        sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
        self._conn.execute(
            f"UPDATE liaison_members SET {sets}, updated_at = ? WHERE id = ?", (*values, _now(), m.id)
        )
        return m.id

    def add_status(self, liaison_id: int, change: StatusChange) -> None:
        self._conn.execute(
            "INSERT INTO liaison_status (liaison_id, status, date, note) VALUES (?, ?, ?, ?)",
            (liaison_id, change.status.value, change.date.isoformat(), change.note),
        )

    # --- gatherings --------------------------------------------------------------------------
    def gatherings(self) -> list[Gathering]:
        marks: dict[int, list[tuple[int, bool]]] = {}
        for r in self._conn.execute("SELECT * FROM liaison_attendance"):
            marks.setdefault(r["gathering_id"], []).append((r["liaison_id"], bool(r["present"])))
        result = []
        for r in self._conn.execute("SELECT * FROM liaison_gatherings ORDER BY date, id"):
            own = marks.get(r["id"], [])
            result.append(
                Gathering(
                    date.fromisoformat(r["date"]),
                    r["place"],
                    r["content"],
                    tuple(i for i, p in own if p),
                    tuple(i for i, p in own if not p),
                    r["id"],
                )
            )
        return result

    def save_gathering(self, g: Gathering) -> int:
        if g.id is None:
            gid = inserted_id(
                self._conn.execute(
                    "INSERT INTO liaison_gatherings (date, place, content, created_at) VALUES (?, ?, ?, ?)",
                    (g.date.isoformat(), g.place, g.content, _now()),
                )
            )
        else:
            gid = g.id
            self._conn.execute(
                "UPDATE liaison_gatherings SET date = ?, place = ?, content = ? WHERE id = ?",
                (g.date.isoformat(), g.place, g.content, gid),
            )
            self._conn.execute("DELETE FROM liaison_attendance WHERE gathering_id = ?", (gid,))
        self._conn.executemany(
            "INSERT INTO liaison_attendance (gathering_id, liaison_id, present) VALUES (?, ?, ?)",
            [(gid, i, 1) for i in g.present] + [(gid, i, 0) for i in g.absent],
        )
        return gid

    # --- comment sheets ----------------------------------------------------------------------
    def sheets(self, year: int | None = None) -> list[CommentSheet]:
        sql = "SELECT * FROM comment_sheets"
        rows = (
            self._conn.execute(sql + " WHERE year = ? ORDER BY id", (year,))
            if year
            else self._conn.execute(sql + " ORDER BY year, id")
        )
        return [
            CommentSheet(
                liaison_id=r["liaison_id"],
                year=r["year"],
                variant=r["variant"],
                requesting_org=r["requesting_org"],
                criteria={k: int(v) for k, v in json.loads(r["criteria_json"]).items()},
                free_text=r["free_text"],
                id=r["id"],
                **{k: from_iso(r[k]) for k in _SHEET_DATES},
            )
            for r in rows
        ]

    def save_sheet(self, s: CommentSheet) -> int:
        values = (
            s.variant,
            s.requesting_org,
            json.dumps(s.criteria, sort_keys=True),
            s.free_text,
            *[to_iso(getattr(s, k)) for k in _SHEET_DATES],
        )
        cols = ("variant", "requesting_org", "criteria_json", "free_text", *_SHEET_DATES)
        if s.id is None:
            return inserted_id(
                self._conn.execute(
                    f"INSERT INTO comment_sheets (liaison_id, year, {', '.join(cols)}, created_at, "
                    f"updated_at) VALUES ({', '.join('?' * (len(cols) + 4))})",
                    (s.liaison_id, s.year, *values, _now(), _now()),
                )
            )
        sets = ", ".join(f"{c} = ?" for c in cols)
        self._conn.execute(
            f"UPDATE comment_sheets SET {sets}, updated_at = ? WHERE id = ?", (*values, _now(), s.id)
        )
        return s.id

    # --- members working far away ------------------------------------------------------------
    def working_away(self) -> list[WorkingAway]:
        contacts: dict[int, list[Contact]] = {}
        for r in self._conn.execute("SELECT * FROM working_away_contacts ORDER BY date, id"):
            contacts.setdefault(r["record_id"], []).append(
                Contact(date.fromisoformat(r["date"]), r["method"], r["note"], r["id"])
            )
        rows = self._conn.execute(
            "SELECT w.*, m.full_name FROM working_away w JOIN members m "
            "ON m.id = w.member_id ORDER BY w.start_date, w.id"
        )
        return [
            WorkingAway(
                member_id=r["member_id"],
                arrangement=Arrangement(r["arrangement"]),
                application_date=date.fromisoformat(r["application_date"]),
                start=date.fromisoformat(r["start_date"]),
                end=date.fromisoformat(r["end_date"]),
                reason=r["reason"],
                destination=r["destination"],
                employer=r["employer"],
                contact=r["contact"],
                decision_ref=r["decision_ref"],
                dues=r["dues"],
                returned_date=from_iso(r["returned_date"]),
                event_id=r["event_id"],
                notes=r["notes"],
                contacts=tuple(contacts.get(r["id"], [])),
                id=r["id"],
                member_name=r["full_name"],
            )
            for r in rows
        ]

    def save_working_away(self, w: WorkingAway) -> int:
        values = (
            w.member_id,
            w.arrangement.value,
            w.application_date.isoformat(),
            w.start.isoformat(),
            w.end.isoformat(),
            w.reason,
            w.destination,
            w.employer,
            w.contact,
            w.decision_ref,
            w.dues,
            to_iso(w.returned_date),
            w.event_id,
            w.notes,
        )
        cols = (
            "member_id",
            "arrangement",
            "application_date",
            "start_date",
            "end_date",
            "reason",
            "destination",
            "employer",
            "contact",
            "decision_ref",
            "dues",
            "returned_date",
            "event_id",
            "notes",
        )
        if w.id is None:
            return inserted_id(
                self._conn.execute(
                    f"INSERT INTO working_away ({', '.join(cols)}, created_at, updated_at) VALUES "
                    f"({', '.join('?' * (len(cols) + 2))})",
                    (*values, _now(), _now()),
                )
            )
        sets = ", ".join(f"{c} = ?" for c in cols)
        self._conn.execute(
            f"UPDATE working_away SET {sets}, updated_at = ? WHERE id = ?", (*values, _now(), w.id)
        )
        return w.id

    def add_contact(self, record_id: int, c: Contact) -> None:
        self._conn.execute(
            "INSERT INTO working_away_contacts (record_id, date, method, note) VALUES (?, ?, ?, ?)",
            (record_id, c.date.isoformat(), c.method, c.note),
        )
