"""Rows of minutes_seals (append-only, guarded by triggers, see migration 0009): each approval
and each correction adds the whole record of the minutes and its digest; the newest is current."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

APPROVAL, CORRECTION, UPGRADE, IMPORT = "approval", "correction", "upgrade", "import"


@dataclass(frozen=True)
class SealRow:
    id: int
    meeting_id: int
    sealed_at: str
    reason: str
    record_json: str
    digest: str


def _row(r: sqlite3.Row) -> SealRow:
    return SealRow(r["id"], r["meeting_id"], r["sealed_at"], r["reason"], r["record_json"], r["digest"])


class SealRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def latest(self, meeting_id: int) -> SealRow | None:
        r = self._conn.execute(
            "SELECT * FROM minutes_seals WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", (meeting_id,)
        ).fetchone()
        return _row(r) if r else None

    def sealed_ids(self) -> set[int]:
        return {r[0] for r in self._conn.execute("SELECT DISTINCT meeting_id FROM minutes_seals")}

    def orphans(self) -> list[SealRow]:
        """The newest seal of each approved meeting whose row is gone (deleted outside)."""
        rows = self._conn.execute(
            "SELECT * FROM minutes_seals s WHERE id = (SELECT max(id) FROM minutes_seals "
            "WHERE meeting_id = s.meeting_id) AND NOT EXISTS (SELECT 1 FROM meetings m "
            "WHERE m.id = s.meeting_id) ORDER BY meeting_id"
        )
        return [_row(r) for r in rows]

    def add(self, meeting_id: int, record_json: str, digest: str, reason: str) -> None:
        """Inside the caller's transaction; also keeps meetings.digest equal to it."""
        self._conn.execute(
            "INSERT INTO minutes_seals (meeting_id, sealed_at, reason, record_json, digest) "
            "VALUES (?, ?, ?, ?, ?)",
            (meeting_id, datetime.now().isoformat(timespec="seconds"), reason, record_json, digest),
        )
        self._conn.execute("UPDATE meetings SET digest = ? WHERE id = ?", (digest, meeting_id))

    # --- approved before schema v9: sealed once by the app (services.minutes_record) ------------
    def pending(self) -> list[tuple[int, str | None]]:
        return [
            (r[0], r[1])
            for r in self._conn.execute("SELECT meeting_id, old_digest FROM seal_pending ORDER BY meeting_id")
        ]

    def mark_pending(self, meeting_id: int, old_digest: str | None) -> None:
        """Approved minutes that arrived without a record (an export from before v9)."""
        self._conn.execute(
            "INSERT OR REPLACE INTO seal_pending (meeting_id, old_digest) VALUES (?, ?)",
            (meeting_id, old_digest),
        )

    def done_pending(self, meeting_id: int) -> None:
        self._conn.execute("DELETE FROM seal_pending WHERE meeting_id = ?", (meeting_id,))
