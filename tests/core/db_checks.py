"""What tests check on a data file from outside the app: every table's row count (nothing
written), SQLite's integrity and foreign-key checks, and that every member keeps an entry
event and every approved minutes entry still verifies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cellsec.entities.members import EventKind


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every table (the audit trail included): equal before and after = nothing written."""
    conn = _connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def integrity_problems(path: Path) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check findings (empty: the file is sound)."""
    conn = _connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        conn.close()


def members_without_entry(store) -> list[int]:  # noqa: ANN001 - cellsec Store
    """Members whose history has lost its admission (no edit may leave one)."""
    events = store.members.all_events()
    return [
        m.id
        for m in store.members.all()
        if not any(e.kind is EventKind.ADMITTED for e in events.get(m.id, []))
    ]


def unverified_minutes(store) -> list[int]:  # noqa: ANN001 - cellsec Store
    """Approved meetings whose stored record no longer matches its seal (the app's own check)."""
    from cellsec.services.minutes_record import check_record

    return [
        meeting_id for meeting_id in store.meetings.all_ids() if check_record(store, meeting_id).ok is False
    ]


def sound(store) -> list[str]:  # noqa: ANN001 - cellsec Store
    """Everything that must hold after any service call or import, as a list of problems."""
    problems = integrity_problems(store.path)
    problems += [f"member {i} has no admission" for i in members_without_entry(store)]
    problems += [f"approved meeting {i} does not verify" for i in unverified_minutes(store)]
    return problems
