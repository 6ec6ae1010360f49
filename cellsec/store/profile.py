"""Rows <-> CellProfile: the single-row table describing the cell."""

from __future__ import annotations

import sqlite3

from cellsec.dates import from_iso, to_iso
from cellsec.entities.profile import CellProfile


class ProfileRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self) -> CellProfile | None:
        row = self._conn.execute("SELECT * FROM cell_profile WHERE id = 1").fetchone()
        if row is None:
            return None
        return CellProfile(
            cell_name=row["cell_name"],
            superior_name=row["superior_name"],
            place_name=row["place_name"],
            secretary=row["secretary"],
            deputy_secretary=row["deputy_secretary"],
            term_label=row["term_label"],
            term_start=from_iso(row["term_start"]),
        )

    def put(self, p: CellProfile) -> None:
        self._conn.execute(
            "INSERT INTO cell_profile (id, cell_name, superior_name, place_name, secretary, "
            "deputy_secretary, term_label, term_start) VALUES (1, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET cell_name=excluded.cell_name, "
            "superior_name=excluded.superior_name, place_name=excluded.place_name, "
            "secretary=excluded.secretary, deputy_secretary=excluded.deputy_secretary, "
            "term_label=excluded.term_label, term_start=excluded.term_start",
            (
                p.cell_name,
                p.superior_name,
                p.place_name,
                p.secretary,
                p.deputy_secretary,
                p.term_label,
                to_iso(p.term_start),
            ),
        )
