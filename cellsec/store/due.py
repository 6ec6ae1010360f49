"""Rows <-> the secretary's marks on due items, and the few light reads the due list needs that
the areas' repositories do not give cheaply (names without whole records, open tasks)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from cellsec.dates import from_iso, to_iso
from cellsec.entities.due import DueMark, MarkKind
from cellsec.store.rows import inserted_id


class DueRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # --- marks -----------------------------------------------------------------------------
    def marks(self) -> list[DueMark]:
        rows = self._conn.execute(
            "SELECT id, item_key, rule, kind, on_date, until_date, reason FROM due_marks ORDER BY id"
        )
        return [
            DueMark(key, rule, MarkKind(kind), date.fromisoformat(on), from_iso(until), reason, id_)
            for id_, key, rule, kind, on, until, reason in rows
        ]

    def add_mark(self, mark: DueMark, what: str) -> int:
        cursor = self._conn.execute(
            "INSERT INTO due_marks (item_key, rule, kind, on_date, until_date, reason, what, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                mark.item_key,
                mark.rule,
                mark.kind.value,
                mark.on.isoformat(),
                to_iso(mark.until),
                mark.reason,
                what,
                datetime.now().isoformat(timespec="seconds"),
            ),
        )
        return inserted_id(cursor)

    def last_done(self) -> dict[str, date]:
        """rule -> the latest day an item of it was marked done."""
        rows = self._conn.execute(
            "SELECT rule, max(on_date) FROM due_marks WHERE kind = 'done' GROUP BY rule"
        )
        return {rule: date.fromisoformat(on) for rule, on in rows}

    # --- light reads -----------------------------------------------------------------------
    def member_names(self) -> dict[int, str]:
        return dict(self._conn.execute("SELECT id, full_name FROM members"))

    def open_tasks(self) -> list[tuple[int, int, date, str, str, date]]:
        """(task id, meeting id, meeting date, content, owner, deadline) of the tasks with a
        deadline given by approved minutes and not reviewed as done at a later meeting."""
        rows = self._conn.execute(
            "SELECT t.id, t.meeting_id, m.date, t.content, t.owner, t.deadline FROM tasks t "
            "JOIN meetings m ON m.id = t.meeting_id WHERE m.status = 'approved' "
            "AND t.deadline IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_reviews r "
            "WHERE r.task_id = t.id AND r.status = 'done')"
        )
        return [
            (tid, mid, date.fromisoformat(md), content, owner, date.fromisoformat(deadline))
            for tid, mid, md, content, owner, deadline in rows
        ]

    def first_use(self) -> date | None:
        """The day of the file's first recorded change (the audit log), None for an empty file."""
        row = self._conn.execute("SELECT min(at) FROM audit_log WHERE at <> ''").fetchone()
        return date.fromisoformat(row[0][:10]) if row and row[0] else None
