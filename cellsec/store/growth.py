"""Rows <-> badge choices, probation helpers and candidates (migration growth, issue 16)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from cellsec.dates import to_iso
from cellsec.entities.growth import BadgeChoice, Candidate, ProbationHelper
from cellsec.store.rows import inserted_id

_CANDIDATE_COLUMNS = [f.name for f in fields(Candidate) if f.name not in ("id", "person")]
_CANDIDATE_DATES = {f.name for f in fields(Candidate) if f.type == "date | None"}


def _candidate_row(c: Candidate) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(c, name) for name in _CANDIDATE_COLUMNS}
    for name in _CANDIDATE_DATES:
        row[name] = to_iso(row[name])
    row["youth_union_introduces"] = int(c.youth_union_introduces)
    row["person_json"] = json.dumps(c.person, ensure_ascii=False, sort_keys=True)
    return row


def _candidate(r: sqlite3.Row) -> Candidate:
    values: dict[str, Any] = {name: r[name] for name in _CANDIDATE_COLUMNS}
    for name in _CANDIDATE_DATES:
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    values["youth_union_introduces"] = bool(values["youth_union_introduces"])
    return Candidate(id=r["id"], person=json.loads(r["person_json"] or "{}"), **values)


class GrowthRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # --- badge choices -------------------------------------------------------------------
    def badge_choices(self) -> list[BadgeChoice]:
        rows = self._conn.execute("SELECT * FROM badge_choices ORDER BY member_id, basis")
        return [
            BadgeChoice(r["member_id"], r["basis"], date.fromisoformat(r["recorded_on"]), r["note"], r["id"])
            for r in rows
        ]

    def put_badge_choice(self, choice: BadgeChoice) -> int:
        self._conn.execute(
            "DELETE FROM badge_choices WHERE member_id = ? AND basis = ?", (choice.member_id, choice.basis)
        )
        return inserted_id(
            self._conn.execute(
                "INSERT INTO badge_choices (member_id, basis, recorded_on, note) VALUES (?, ?, ?, ?)",
                (choice.member_id, choice.basis, choice.recorded_on.isoformat(), choice.note),
            )
        )

    def delete_badge_choice(self, member_id: int, basis: str) -> None:
        self._conn.execute("DELETE FROM badge_choices WHERE member_id = ? AND basis = ?", (member_id, basis))

    # --- probation helpers ---------------------------------------------------------------
    def helpers(self) -> list[ProbationHelper]:
        rows = self._conn.execute("SELECT * FROM probation_helpers ORDER BY member_id, assigned_on, id")
        return [
            ProbationHelper(
                r["member_id"], r["helper_id"], date.fromisoformat(r["assigned_on"]), r["note"], r["id"]
            )
            for r in rows
        ]

    def add_helper(self, helper: ProbationHelper) -> int:
        return inserted_id(
            self._conn.execute(
                "INSERT INTO probation_helpers (member_id, helper_id, assigned_on, note) VALUES (?, ?, ?, ?)",
                (helper.member_id, helper.helper_id, helper.assigned_on.isoformat(), helper.note),
            )
        )

    # --- candidates ----------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        return [_candidate(r) for r in self._conn.execute("SELECT * FROM candidates ORDER BY id")]

    def candidate(self, candidate_id: int) -> Candidate | None:
        row = self._conn.execute("SELECT * FROM candidates WHERE id = ?", (candidate_id,)).fetchone()
        return _candidate(row) if row else None

    def insert_candidate(self, c: Candidate) -> int:
        row = _candidate_row(c)
        now = datetime.now().isoformat(timespec="seconds")
        row["created_at"] = row["updated_at"] = now
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return inserted_id(
            self._conn.execute(f"INSERT INTO candidates ({names}) VALUES ({marks})", tuple(row.values()))
        )

    def update_candidate(self, c: Candidate) -> None:
        row = _candidate_row(c)
        row["updated_at"] = datetime.now().isoformat(timespec="seconds")
        sets = ", ".join(f"{name} = ?" for name in row)
        self._conn.execute(f"UPDATE candidates SET {sets} WHERE id = ?", (*row.values(), c.id))
