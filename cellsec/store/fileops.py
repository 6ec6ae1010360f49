"""SQLite work on data files by path (for backups and restore) — copy, checks, counts,
content fingerprint.

It lives in cellsec.store because all SQL does; cellsec.backup calls it. It never touches the Store's private
connection: it opens its own (read-only for a live data file), which WAL mode allows while the
app holds its lock (the lock is a separate `.lock` file, not an SQLite lock).
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import migrate

def fsync_file(path: Path) -> None:
    """Flush a file's bytes to the disk (a power cut must not leave a half-written copy)."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


# The SQLite errors callers outside cellsec.store may need to recognise.
DatabaseError = sqlite3.DatabaseError
Error = sqlite3.Error

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What a verified copy says about itself (stored in the manifest)."""

    schema_version: int
    members: int
    meetings: int
    fingerprint: str


def file_uri(path: Path) -> str:
    """A file: URI SQLite accepts for any path: '#', '?', '%', spaces and Vietnamese names are
    escaped; C:/… becomes file:///C:/…; a UNC //server/share/… keeps an empty authority
    (file:////server/share/…), which pathlib's as_uri() would not."""
    posix = Path(path).resolve().as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix
    return "file://" + quote(posix, safe="/:")


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates or changes the database."""
    return sqlite3.connect(file_uri(path) + "?mode=ro", uri=True, isolation_level=None,
                           timeout=10.0)


def connect_rw(path: Path) -> sqlite3.Connection:
    """Read-write: only for files this package owns (copies, temporaries, a closed data file)."""
    return sqlite3.connect(Path(path), isolation_level=None, timeout=10.0)


def has_sqlite_header(path: Path) -> bool:
    with Path(path).open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def copy_database(src: Path, dest: Path) -> None:
    """Online backup of `src` into a new single file `dest` (rollback journal, not WAL), synced.

    pages=-1 copies everything in one step inside one read transaction, so the copy is a
    consistent snapshot even while the app keeps writing through its own connection.
    """
    source = connect_ro(src)
    try:
        target = connect_rw(dest)
        try:
            source.backup(target, pages=-1)
            # The copy inherits WAL mode from the source header; a backup must be one
            # self-contained file, so switch it to a rollback journal.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()
    fsync_file(dest)


def problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """SQLite's own findings ([] when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
    if rows == ["ok"]:
        return []
    fk = conn.execute("PRAGMA foreign_key_check").fetchall() if not quick else []
    return rows + [f"foreign key: {tuple(r)}" for r in fk]


def check_identity(conn: sqlite3.Connection, shown: Path) -> int:
    """application_id and user_version through the store's own rules (messages name `shown`)."""
    return migrate.check_identity(conn, Path(shown))


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def _count(conn: sqlite3.Connection, table: str) -> int:
    if not _table_exists(conn, table):
        return 0
    return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def fingerprint(conn: sqlite3.Connection) -> str:
    """SHA-256 of the logical content: identity, schema and every row of every table.

    Equal content gives an equal fingerprint whatever the page layout, journal mode, free pages
    or checkpoints, so a copy and its source agree. PRAGMA data_version is per connection and the
    file's bytes change without the content changing (checkpoints, PRAGMA optimize writing
    sqlite_stat1); timestamps and counts miss deletions and tables without updated_at. The
    sqlite_stat* tables are statistics, not data, and are left out.
    """
    digest = hashlib.sha256()
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # one snapshot for the whole walk
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        digest.update(f"{app_id}/{version}\n".encode())
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").fetchall()
        for row in schema:
            digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
        for kind, name, _tbl, sql in schema:
            if kind != "table" or (sql or "").upper().startswith("CREATE VIRTUAL"):
                continue
            digest.update(f"\n#{name}\n".encode("utf-8", "surrogatepass"))
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {_order(conn, name, sql)}'):
                digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    finally:
        if own:
            conn.execute("COMMIT")
    return digest.hexdigest()


def _order(conn: sqlite3.Connection, name: str, sql: str | None) -> str:
    if "WITHOUT ROWID" not in (sql or "").upper():
        return "rowid"
    info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
    keys = sorted((r[5], r[1]) for r in info if r[5])
    return ", ".join(f'"{col}"' for _, col in keys) or "1"


def source_fingerprint(path: Path) -> str:
    """Fingerprint of a live data file, read through its own read-only connection."""
    conn = connect_ro(path)
    try:
        return fingerprint(conn)
    finally:
        conn.close()


def examine_copy(path: Path, shown: Path) -> tuple[list[str], FileFacts | None]:
    """Full checks on a copy: (problems, facts). Raises NotCellSecFileError/DatabaseTooNewError."""
    conn = connect_ro(path)
    try:
        version = check_identity(conn, shown)
        found = problems(conn)
        if found:
            return found, None
        return [], FileFacts(version, _count(conn, "members"), _count(conn, "meetings"),
                             fingerprint(conn))
    except sqlite3.DatabaseError as exc:
        return [str(exc)], None
    finally:
        conn.close()


def quick_check(path: Path, shown: Path) -> tuple[int, list[str]]:
    """(schema version, problems) through a read-only connection; the identity errors propagate."""
    conn = connect_ro(path)
    try:
        version = check_identity(conn, shown)
        return version, problems(conn, quick=True)
    finally:
        conn.close()


def checkpoint_and_close(path: Path) -> bool:
    """Fold a closed data file's WAL into the main file. False when the file will not allow it."""
    try:
        conn = connect_rw(path)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return busy == 0
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def settle_candidate(path: Path, shown: Path) -> tuple[int, list[str]]:
    """Prepare a restore candidate this package owns: fold any WAL copied with it into the
    file, then check identity and integrity. Returns (schema version, problems)."""
    try:
        conn = connect_rw(path)
    except sqlite3.DatabaseError as exc:
        return 0, [str(exc)]
    try:
        version = check_identity(conn, shown)
        found = problems(conn)
        if not found:
            conn.execute("PRAGMA journal_mode = DELETE")
        return version, found
    except sqlite3.DatabaseError as exc:
        return 0, [str(exc)]
    finally:
        conn.close()
