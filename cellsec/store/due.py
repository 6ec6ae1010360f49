"""Rows <-> the secretary's marks on due items, and the few light reads the due list needs that
the areas' repositories do not give cheaply (names without whole records, open tasks)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from cellsec.dates import from_iso, to_iso
from cellsec.entities.due import DueMark, MarkKind
from cellsec.entities.members import MemberEvent
from cellsec.store.members import MemberRepository
from cellsec.store.rows import inserted_id

# Members the register's due rules may speak of: a probation still running (an admission with no
# recognition nor departure on or after it), a period (attachment, exemption, suspension)
# with an end date not long past, or a move away whose transfer out is not recorded yet. A
# superset of what the rules keep, read without building the other thousands of members'
# histories (cellsec.rules.due.members and .transfers decide).
_DUE_MEMBERS = """
SELECT e.member_id FROM member_events e
WHERE e.kind IN ('admitted', 'readmitted') AND NOT EXISTS (
    SELECT 1 FROM member_events x WHERE x.member_id = e.member_id AND x.date >= e.date
    AND x.kind IN ('recognised', 'transferred_out', 'removed', 'expelled', 'deceased', 'attached_in_end'))
UNION
SELECT member_id FROM member_events
WHERE kind IN ('attached_in', 'attached_out', 'exempted', 'suspended') AND end_date >= ?
UNION
SELECT e.member_id FROM member_events e
WHERE e.kind = 'transfer_pending' AND NOT EXISTS (
    SELECT 1 FROM member_events x WHERE x.member_id = e.member_id AND x.date >= e.date
    AND x.kind IN ('transferred_out', 'removed', 'expelled', 'deceased'))
"""


class DueRepository:
    def __init__(self, conn: sqlite3.Connection, members: MemberRepository) -> None:
        self._conn = conn
        self._members = members

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
    def members_with_deadlines(self, periods_since: date) -> list[tuple[int, str, list[MemberEvent]]]:
        """(id, name, events in date order) of the members a register rule may concern: a
        probation running, or a period ending on or after `periods_since`."""
        ids = [r[0] for r in self._conn.execute(_DUE_MEMBERS, (periods_since.isoformat(),))]
        if not ids:
            return []
        chosen = json.dumps(ids)  # a read-only file cannot hold even a temporary table
        names = dict(
            self._conn.execute(
                "SELECT id, full_name FROM members WHERE id IN (SELECT value FROM json_each(?))", (chosen,)
            )
        )
        events = self._members.events_of_members(ids)
        return [(i, names.get(i, ""), events[i]) for i in ids]

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
        row = self._conn.execute("SELECT at FROM audit_log WHERE at <> '' ORDER BY id LIMIT 1").fetchone()
        return date.fromisoformat(row[0][:10]) if row and row[0] else None
