"""Helpers for the backup tests (no tests here): a demo cell on disk, table dumps, damage."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from factories import TODAY

from cellsec.demo.cell import create_demo
from cellsec.store import Store


def demo_file(folder: Path, name: str = "chibo.cellsec") -> Path:
    path = folder / name
    with Store.open(path) as store:
        create_demo(store, today=TODAY)
    return path


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (statistics tables aside), in rowid order, plus identity."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' "
                "ORDER BY name"
            )
        ]
        out = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
        out["#pragma"] = [
            conn.execute("PRAGMA application_id").fetchone(),
            conn.execute("PRAGMA user_version").fetchone(),
        ]
        return out
    finally:
        conn.close()


def scribble(path: Path, seed: int = 3, length: int = 3000) -> None:
    """Overwrite `length` bytes in the middle of the file with noise (a write torn by a power
    cut, a bad sector): b-tree pages there stop making sense."""
    data = bytearray(Path(path).read_bytes())
    middle = len(data) // 2
    data[middle : middle + length] = random.Random(seed).randbytes(length)
    Path(path).write_bytes(bytes(data))


def set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
