"""Facts about the data file itself (table file_facts): whether it holds the demo cell."""

from __future__ import annotations

import sqlite3

DEMO = "demo"
# What the window's banner and title and every printout's footer say of a demo file.
DEMO_NOTICE = "Chi bộ mẫu — dữ liệu giả"


class FileFacts:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def is_demo(self) -> bool:
        """True for a file filled with the synthetic demo cell: the one test the window's title
        and banner, the printouts' footer and the start-up's choice of file all ask."""
        row = self._conn.execute("SELECT value FROM file_facts WHERE key = ?", (DEMO,)).fetchone()
        return row is not None and row[0] == "1"

    def mark_demo(self) -> None:
        """Inside the caller's transaction."""
        self._conn.execute(
            "INSERT INTO file_facts (key, value) VALUES (?, '1') "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (DEMO,),
        )

    # --- issued documents' records (a growth document sealed when it is given its number) ----
    def sealed(self, key: str) -> str | None:
        """The JSON of the document issued under `key` ("issued:…"), None while a draft."""
        row = self._conn.execute("SELECT value FROM file_facts WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row is not None else None

    def seal(self, key: str, value: str) -> None:
        """Inside the caller's transaction; once only (a second seal of one key fails)."""
        self._conn.execute("INSERT INTO file_facts (key, value) VALUES (?, ?)", (key, value))
