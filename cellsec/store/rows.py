"""Small helpers every repository uses on sqlite3 results."""

from __future__ import annotations

import sqlite3


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (sqlite3 leaves lastrowid None only for other
    statements)."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise AssertionError("no row was inserted")
    return row_id
