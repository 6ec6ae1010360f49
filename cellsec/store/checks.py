"""THE check of a data file: the same findings when the app opens a file, at the start-up
check, when a backup is verified and before a restore — so a check that passes means it.

What it runs (about 0.1 s for a 5,000-member commune file of 9 MB, most of it reading every
row; a few ms for a village cell):
identity and version (migrate.check_identity: NotCellSecFileError / DatabaseTooNewError),
`PRAGMA integrity_check` (b-trees, indexes, NOT NULL and CHECK constraints),
`PRAGMA foreign_key_check`, the schema text is valid UTF-8, and every text value reads as
UTF-8 (a flipped byte inside a name would otherwise crash the register when it is shown).

Pitfall this module exists for: SQLite attaches CHECK constraints to a table only when its
database is writable, so integrity_check through a `mode=ro` connection silently skips them
(a file Store.open refuses got backups marked "verified"). Files that must not be changed
(backups, a data file at the start-up check) are therefore copied page by page into a
private in-memory database — writable, so every constraint counts — and checked there.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cellsec.errors import DamagedFileError
from cellsec.store import migrate

_MAX_ROWS = 20


@dataclass(frozen=True)
class Findings:
    """The schema version and SQLite's findings ([] when sound; English, for support only)."""

    version: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _lenient(raw: bytes) -> str:
    # integrity_check quotes damaged schema text in its findings: read it, do not crash on it
    return raw.decode("utf-8", "replace")


def check_connection(conn: sqlite3.Connection, shown: Path) -> Findings:
    """Run every check on `conn`, whose database must be writable (see the module doc).
    `shown` is the file name messages use. Identity errors propagate; damage is a finding."""
    text_factory, row_factory = conn.text_factory, conn.row_factory
    conn.text_factory, conn.row_factory = _lenient, None
    try:
        version = migrate.check_identity(conn, Path(shown))
        problems = _integrity(conn)
        if not problems:
            conn.text_factory = str
            problems = _text_readable(conn)
    except DamagedFileError as exc:
        return Findings(0, [exc.detail or str(exc)])
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return Findings(0, [str(exc)])
    finally:
        conn.text_factory, conn.row_factory = text_factory, row_factory
    return Findings(version, problems)


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({_MAX_ROWS})")]
    if rows != ["ok"]:
        return rows
    found = [
        f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check").fetchmany(_MAX_ROWS)
    ]
    for name, sql in conn.execute("SELECT name, CAST(sql AS BLOB) FROM sqlite_master"):
        try:
            bytes(sql or b"").decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"schema text of {name!r} is not valid UTF-8")
    return found


def _text_readable(conn: sqlite3.Connection) -> list[str]:
    """Read every row with the strict text decoding the app uses; report what cannot be read.
    (Joining the text in SQL and decoding it at once was measured slower than this.)"""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND upper(sql) NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    problems = []
    for table in tables:
        try:
            for _ in conn.execute(f'SELECT * FROM "{table}"'):
                pass
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            problems.append(f"{table}: {exc}"[:300])  # "Could not decode to UTF-8 column …"
    return problems


def memory_copy(source: sqlite3.Connection) -> sqlite3.Connection:
    """A private writable copy of `source`'s pages (damage included: pages are not interpreted
    while copied, so the checks find it in the copy)."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        source.backup(copy)
    except BaseException:
        copy.close()
        raise
    return copy


def check_readonly(source: sqlite3.Connection, shown: Path) -> Findings:
    """THE check, for a file opened read-only or immutable (never changed by checking)."""
    try:
        copy = memory_copy(source)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return Findings(0, [str(exc)])
    try:
        return check_connection(copy, shown)
    finally:
        copy.close()
