"""Rows of issued_records (append-only, migration 0015): an issued report's content as it was
issued, by the report's type and title."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class IssuedRecord:
    type_code: str
    title: str
    issued_at: str
    record_json: str
    digest: str


class IssuedRecordRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self, type_code: str, title: str) -> IssuedRecord | None:
        r = self._conn.execute(
            "SELECT type_code, title, issued_at, record_json, digest FROM issued_records "
            "WHERE type_code = ? AND title = ?",
            (type_code, title),
        ).fetchone()
        return IssuedRecord(*r) if r else None

    def all(self) -> list[IssuedRecord]:
        rows = self._conn.execute(
            "SELECT type_code, title, issued_at, record_json, digest FROM issued_records ORDER BY id"
        )
        return [IssuedRecord(*r) for r in rows]

    def add(self, type_code: str, title: str, record_json: str, digest: str, issued_at: str = "") -> None:
        """Inside the caller's transaction."""
        self._conn.execute(
            "INSERT INTO issued_records (type_code, title, issued_at, record_json, digest) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                type_code,
                title,
                issued_at or datetime.now().isoformat(timespec="seconds"),
                record_json,
                digest,
            ),
        )
