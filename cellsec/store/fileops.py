"""SQLite work on data files by path (for backups and restore) — copy, checks, counts,
content fingerprint, temporary names, and renames/deletes that wait out a file in use.

It lives in cellsec.store because all SQL does; cellsec.backup calls it. It never touches the
Store's private connection: it opens its own (read-only for a live data file, immutable for a
backup), which WAL mode allows while the app holds its lock (cellsec.store.lock: an OS lock
that SQLite's own locks do not meet). Every check goes through cellsec.store.checks.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from cellsec.errors import StorageError
from cellsec.store import checks, faults, migrate

T = TypeVar("T")


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to the disk (a power cut must not leave a half-written copy)."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


# --- files in use --------------------------------------------------------------------------------
# On Windows an antivirus, the search indexer or a sync client opens a file for a moment just
# after it is written; a rename, replace or delete of it then fails with PermissionError
# (ERROR_SHARING_VIOLATION, or ACCESS_DENIED while a delete is pending). It passes: try again
# after a short wait, a bounded number of times, then say in Vietnamese what holds the file.
RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds; ~1.5 s in all


def retry_in_use(action: Callable[[], T], path: Path, doing: str) -> T:
    """Run `action` (a rename/replace/delete of `path`), again after each of RETRY_DELAYS while
    it fails with PermissionError. If it still fails: a StorageError whose Vietnamese message
    says the file is held by another program (or, if the place really refuses writing, that)."""
    for delay in (*RETRY_DELAYS, None):
        try:
            return action()
        except PermissionError as exc:
            if delay is None:
                raise in_use_fault(exc, path, doing) from exc
            time.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover


def in_use_fault(exc: OSError, path: Path, doing: str) -> StorageError:
    """A PermissionError that outlasted the retries: a read-only place if the place says so,
    else a file held open by another program."""
    kind = faults.probe(Path(path))
    return faults.fault(exc, Path(path), doing, kind=kind or faults.BUSY)


def replace_file(src: Path, dest: Path, doing: str = "ghi") -> None:
    """os.replace(src, dest), waiting out a moment's "file in use" (see retry_in_use)."""
    retry_in_use(lambda: os.replace(src, dest), Path(dest), doing)


def remove_file(path: Path, doing: str = "xóa") -> None:
    """Delete `path` if it is there, waiting out a moment's "file in use"."""
    retry_in_use(lambda: Path(path).unlink(missing_ok=True), Path(path), doing)


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


def connect_ro(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection that never changes the database. `immutable`: also no locks and
    no -wal/-shm beside it (SQLite trusts that nobody writes the file): for backups, which
    must stay byte for byte what was verified, and for a WAL file in a read-only folder."""
    flags = "?mode=ro&immutable=1" if immutable else "?mode=ro"
    return sqlite3.connect(file_uri(path) + flags, uri=True, isolation_level=None, timeout=10.0)


def has_live_wal(path: Path) -> bool:
    """A non-empty -wal beside `path`: commits an immutable connection would not see."""
    wal = Path(str(path) + "-wal")
    try:
        return wal.is_file() and wal.stat().st_size > 0
    except OSError:
        return False


def connect_reader(path: Path, *, keep_unchanged: bool = False) -> sqlite3.Connection:
    """The read-only connection for looking at a file: immutable when it must stay unchanged
    (a backup) or when SQLite cannot make its -shm beside it (read-only folder or medium) —
    unless a -wal holds commits, which only a normal read-only connection replays."""
    live_wal = has_live_wal(path)
    if keep_unchanged and not live_wal:
        return connect_ro(path, immutable=True)
    conn = connect_ro(path)
    try:
        conn.execute("PRAGMA application_id").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        # A WAL file whose -shm cannot be made here: CANTOPEN, or READONLY_CANTINIT
        if live_wal or getattr(exc, "sqlite_errorcode", 0) & 0xFF not in (
            sqlite3.SQLITE_CANTOPEN,
            sqlite3.SQLITE_READONLY,
        ):
            raise
    return connect_ro(path, immutable=True)


def connect_rw(path: Path) -> sqlite3.Connection:
    """Read-write: only for files this package owns (copies, temporaries, a closed data file)."""
    return sqlite3.connect(Path(path), isolation_level=None, timeout=10.0)


def has_sqlite_header(path: Path) -> bool:
    with Path(path).open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def claims_to_be_ours(path: Path) -> bool:
    """The raw header says SQLite and CellSec's application_id (offset 68): when SQLite then
    refuses the file, it is a damaged CellSec file, not a foreign one."""
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return (
        len(header) == 100
        and header[:16] == SQLITE_MAGIC
        and int.from_bytes(header[68:72], "big") == migrate.APPLICATION_ID
    )


def copy_database(src: Path, dest: Path) -> None:
    """Online backup of `src` into a new single file `dest` (rollback journal, not WAL), synced.

    pages=-1 copies everything in one step inside one read transaction, so the copy is a
    consistent snapshot even while the app keeps writing through its own connection.
    """
    source = connect_reader(src)
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


def check_identity(conn: sqlite3.Connection, shown: Path) -> int:
    """application_id and user_version through the store's own rules (messages name `shown`)."""
    return migrate.check_identity(conn, Path(shown))


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        is not None
    )


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
            "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"
        ).fetchall()
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
    """THE checks on a backup (opened immutable: checking never changes it): (problems, facts).
    Raises NotCellSecFileError/DatabaseTooNewError."""
    conn = connect_reader(path, keep_unchanged=True)
    try:
        found = checks.check_readonly(conn, shown)
        if not found.ok:
            return found.problems, None
        return [], FileFacts(
            found.version, _count(conn, "members"), _count(conn, "meetings"), fingerprint(conn)
        )
    except sqlite3.DatabaseError as exc:
        return [str(exc)], None
    finally:
        conn.close()


def check_data_file(path: Path, shown: Path) -> tuple[int, list[str]]:
    """THE checks on a data file by path, read-only (the start-up check): (version, problems).
    Identity errors propagate; so do errors opening it at all (the caller names them)."""
    conn = connect_reader(path)
    try:
        found = checks.check_readonly(conn, shown)
        return found.version, found.problems
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
    file, then run THE checks. Returns (schema version, problems)."""
    try:
        conn = connect_rw(path)
    except sqlite3.DatabaseError as exc:
        return 0, [str(exc)]
    try:
        found = checks.check_connection(conn, shown)
        if found.ok:
            conn.execute("PRAGMA journal_mode = DELETE")
        return found.version, found.problems
    except sqlite3.DatabaseError as exc:
        return 0, [str(exc)]
    finally:
        conn.close()


# --- temporary copies ---------------------------------------------------------------------------
# A backup, a restore or a copy is written to a hidden temporary file first. Its name carries
# the data file it belongs to, so the next Store.open of that file — which holds the file's
# lock, so no backup or restore of it can be running — removes what a killed process left:
# a restore's temporary file is a full plaintext copy of the data (decrypted, when it came
# from an encrypted USB copy) and must not stay in the folder.
TEMP_SUFFIX = ".tmp"
LEGACY_TEMP_AGE = 24 * 3600
SIDECARS = ("-wal", "-shm", "-journal")  # the files SQLite keeps beside a database


def sidecars(path: Path) -> list[Path]:
    """The SQLite companions of a database file (its -wal, -shm, -journal)."""
    return [Path(str(path) + suffix) for suffix in SIDECARS]


def temp_name(folder: Path, label: str, owner: Path | None = None) -> Path:
    """`folder/.<owner name>.<label>.<random>.tmp` (hidden, same volume as the target)."""
    prefix = f".{Path(owner).name}." if owner is not None else "."
    return Path(folder) / f"{prefix}{label}.{uuid.uuid4().hex[:12]}{TEMP_SUFFIX}"


def clear_leftovers(folder: Path, owner: Path, labels: tuple[str, ...]) -> list[Path]:
    """Remove temporary files `owner` left in `folder` (with their -wal/-journal), and
    owner-less ones of the same labels older than a day (from versions before owners were
    named). Call only while holding `owner`'s lock. Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    mine = tuple(f".{Path(owner).name}.{label}." for label in labels)
    legacy = tuple(f".{label}." for label in labels)
    for entry in entries:
        name = entry.name
        if TEMP_SUFFIX not in name:
            continue
        try:
            if not name.startswith(mine) and (
                not name.startswith(legacy) or time.time() - entry.stat().st_mtime < LEGACY_TEMP_AGE
            ):
                continue
            remove_file(entry)
            removed.append(entry)
        except (OSError, StorageError):
            pass  # still in use by another program: the next opening tries again
    return removed
