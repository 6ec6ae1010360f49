"""Rows of the audit trail (written by triggers, see migration 0006) and service notes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AuditRow:
    id: int
    txn: int
    at: str
    user: str
    action: str
    entity: str
    row_id: int | None
    scope: str | None
    scope_id: int | None
    old: dict[str, Any] | None
    new: dict[str, Any] | None


def _row(r: sqlite3.Row) -> AuditRow:
    return AuditRow(
        r["id"],
        r["txn"],
        r["at"],
        r["user"],
        r["action"],
        r["entity"],
        r["row_id"],
        r["scope"],
        r["scope_id"],
        json.loads(r["old_json"]) if r["old_json"] else None,
        json.loads(r["new_json"]) if r["new_json"] else None,
    )


class AuditRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def note(self, entity: str, scope: str, scope_id: int, old: Any, new: Any) -> None:
        """A service's own entry (inside its transaction), e.g. a meeting's content changes."""
        self._conn.execute(
            "INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, "
            "old_json, new_json) SELECT txn, at, user, 'note', ?, ?, ?, ?, ?, ? FROM audit_context "
            "WHERE id = 1",
            (
                entity,
                scope_id,
                scope,
                scope_id,
                json.dumps(old, ensure_ascii=False) if old is not None else None,
                json.dumps(new, ensure_ascii=False) if new is not None else None,
            ),
        )

    def for_scope(self, scope: str, scope_id: int) -> list[AuditRow]:
        rows = self._conn.execute(
            "SELECT * FROM audit_log WHERE scope = ? AND scope_id = ? ORDER BY id", (scope, scope_id)
        )
        return [_row(r) for r in rows]

    def recent(
        self,
        limit: int = 500,
        *,
        entity: str | None = None,
        user: str | None = None,
        since: str | None = None,
    ) -> list[AuditRow]:
        sql, args = "SELECT * FROM audit_log WHERE 1 = 1", []
        for clause, value in (("entity = ?", entity), ("user = ?", user), ("at >= ?", since)):
            if value:
                sql += f" AND {clause}"
                args.append(value)
        rows = self._conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit))
        return [_row(r) for r in rows]

    def users(self) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute("SELECT DISTINCT user FROM audit_log WHERE user <> '' ORDER BY user")
        ]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
