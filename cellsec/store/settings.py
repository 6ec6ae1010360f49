"""Rows <-> rule setting overrides (key -> JSON value)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime


class SettingsRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def overrides(self) -> dict[str, object]:
        rows = self._conn.execute("SELECT key, value_json FROM rule_settings").fetchall()
        return {r["key"]: json.loads(r["value_json"]) for r in rows}

    def put(self, key: str, value: object) -> None:
        self._conn.execute(
            "INSERT INTO rule_settings (key, value_json, changed_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value_json=excluded.value_json, "
            "changed_at=excluded.changed_at",
            (key, json.dumps(value, ensure_ascii=False), datetime.now().isoformat(timespec="seconds")),
        )

    def reset(self, key: str) -> None:
        self._conn.execute("DELETE FROM rule_settings WHERE key = ?", (key,))
