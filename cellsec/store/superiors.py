"""Rows <-> superiors directory, assignments, meeting notices and directions."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from cellsec.dates import from_iso, to_iso
from cellsec.entities.superiors import Assignment, Direction, DirectionStatus, Level, Notice, Superior
from cellsec.store.rows import inserted_id


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _superior(r: sqlite3.Row) -> Superior:
    return Superior(
        id=r["id"],
        name=r["name"],
        position=r["position"],
        level=Level(r["level"]),
        committee=r["committee"],
        phone=r["phone"],
        notes=r["notes"],
    )


def _direction(r: sqlite3.Row) -> Direction:
    return Direction(
        meeting_id=r["meeting_id"],
        given_by=r["given_by"],
        text=r["text"],
        owner=r["owner"],
        deadline=from_iso(r["deadline"]),
        status=DirectionStatus(r["status"]),
        superior_id=r["superior_id"],
        closed_meeting_id=r["closed_meeting_id"],
        result=r["result"],
        id=r["id"],
        meeting_date=from_iso(r["meeting_date"]),
    )


class SuperiorRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # --- directory ---------------------------------------------------------------------------
    def all(self) -> list[Superior]:
        return [_superior(r) for r in self._conn.execute("SELECT * FROM superiors ORDER BY id")]

    def get(self, superior_id: int) -> Superior | None:
        r = self._conn.execute("SELECT * FROM superiors WHERE id = ?", (superior_id,)).fetchone()
        return _superior(r) if r else None

    def find_by_name(self, name: str) -> list[Superior]:
        rows = self._conn.execute("SELECT * FROM superiors WHERE name = ?", (name,))
        return [_superior(r) for r in rows]

    def save(self, s: Superior, search_text: str) -> int:
        values = (s.name, s.position, s.level.value, s.committee, s.phone, s.notes, search_text)
        if s.id is None:
            return inserted_id(
                self._conn.execute(
                    "INSERT INTO superiors (name, position, level, committee, phone, notes, search_text,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, _now(), _now()),
                )
            )
        self._conn.execute(
            "UPDATE superiors SET name = ?, position = ?, level = ?, committee = ?, phone = ?, "
            "notes = ?, search_text = ?, updated_at = ? WHERE id = ?",
            (*values, _now(), s.id),
        )
        return s.id

    # --- assignments -------------------------------------------------------------------------
    def assignments(self) -> list[Assignment]:
        rows = self._conn.execute("SELECT * FROM superior_assignments ORDER BY start_date, id")
        return [
            Assignment(
                r["superior_id"],
                date.fromisoformat(r["start_date"]),
                from_iso(r["end_date"]),
                r["note"],
                r["id"],
            )
            for r in rows
        ]

    def add_assignment(self, a: Assignment) -> int:
        return inserted_id(
            self._conn.execute(
                "INSERT INTO superior_assignments (superior_id, start_date, end_date, note) "
                "VALUES (?, ?, ?, ?)",
                (a.superior_id, a.start.isoformat(), to_iso(a.end), a.note),
            )
        )

    def end_assignment(self, assignment_id: int, end: date) -> None:
        self._conn.execute(
            "UPDATE superior_assignments SET end_date = ? WHERE id = ?", (end.isoformat(), assignment_id)
        )

    # --- notices -----------------------------------------------------------------------------
    def notices(self, meeting_id: int | None = None) -> list[Notice]:
        sql = "SELECT * FROM meeting_notices"
        rows = (
            self._conn.execute(sql + " WHERE meeting_id = ?", (meeting_id,))
            if meeting_id is not None
            else self._conn.execute(sql)
        )
        return [
            Notice(
                r["meeting_id"], r["superior_id"], date.fromisoformat(r["sent_date"]), r["method"], r["note"]
            )
            for r in rows
        ]

    def put_notice(self, n: Notice) -> None:
        self._conn.execute(
            "INSERT INTO meeting_notices (meeting_id, superior_id, sent_date, method, note) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(meeting_id, superior_id) DO UPDATE SET "
            "sent_date = excluded.sent_date, method = excluded.method, note = excluded.note",
            (n.meeting_id, n.superior_id, n.sent.isoformat(), n.method, n.note),
        )

    # --- directions --------------------------------------------------------------------------
    _DIRECTIONS = (
        "SELECT d.*, m.date AS meeting_date FROM directions d JOIN meetings m ON m.id = d.meeting_id"
    )

    def directions(self, *, meeting_id: int | None = None) -> list[Direction]:
        if meeting_id is None:
            rows = self._conn.execute(self._DIRECTIONS + " ORDER BY m.date, d.id")
        else:
            rows = self._conn.execute(
                self._DIRECTIONS + " WHERE d.meeting_id = ? ORDER BY d.id", (meeting_id,)
            )
        return [_direction(r) for r in rows]

    def get_direction(self, direction_id: int) -> Direction | None:
        r = self._conn.execute(self._DIRECTIONS + " WHERE d.id = ?", (direction_id,)).fetchone()
        return _direction(r) if r else None

    def save_direction(self, d: Direction) -> int:
        values = (
            d.meeting_id,
            d.superior_id,
            d.given_by,
            d.text,
            d.owner,
            to_iso(d.deadline),
            d.status.value,
            d.closed_meeting_id,
            d.result,
        )
        if d.id is None:
            return inserted_id(
                self._conn.execute(
                    "INSERT INTO directions (meeting_id, superior_id, given_by, text, owner, deadline, "
                    "status, closed_meeting_id, result, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, _now(), _now()),
                )
            )
        self._conn.execute(
            "UPDATE directions SET meeting_id = ?, superior_id = ?, given_by = ?, text = ?, "
            "owner = ?, deadline = ?, status = ?, closed_meeting_id = ?, result = ?, "
            "updated_at = ? WHERE id = ?",
            (*values, _now(), d.id),
        )
        return d.id
