"""Rows <-> the cell committee's seats over time (committee_roles, migration 0009)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from cellsec.dates import from_iso, to_iso
from cellsec.entities.meetings import CommitteePost, CommitteeRole
from cellsec.store.rows import inserted_id


class CommitteeRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def roles(self) -> list[CommitteeRole]:
        rows = self._conn.execute("SELECT * FROM committee_roles ORDER BY start_date, id")
        return [
            CommitteeRole(
                r["member_id"],
                CommitteePost(r["role"]),
                date.fromisoformat(r["start_date"]),
                from_iso(r["end_date"]),
                r["note"],
                r["id"],
            )
            for r in rows
        ]

    def add(self, role: CommitteeRole) -> int:
        return inserted_id(
            self._conn.execute(
                "INSERT INTO committee_roles (member_id, role, start_date, end_date, note, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    role.member_id,
                    role.post.value,
                    role.start.isoformat(),
                    to_iso(role.end),
                    role.note,
                    datetime.now().isoformat(timespec="seconds"),
                ),
            )
        )

    def end(self, role_id: int, end: date | None) -> None:
        self._conn.execute("UPDATE committee_roles SET end_date = ? WHERE id = ?", (to_iso(end), role_id))

    def delete(self, role_id: int) -> None:
        self._conn.execute("DELETE FROM committee_roles WHERE id = ?", (role_id,))
