"""The data file: opening, locking, migrating and transactions. The only package with SQL.

Opening (cellsec.store.opening) takes the file's lock, runs THE checks, upgrades the schema —
or opens read-only, with the reason, when the place does not allow writing. Every write is one
`transaction()`: on a read-only Store it is refused with that reason; an error of the machine
(full disk, removed USB stick) comes out named, in Vietnamese (cellsec.store.faults).
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from cellsec.errors import EnvironmentFault, StorageError
from cellsec.store import checks, faults, opening
from cellsec.store.audit import AuditRepository
from cellsec.store.due import DueRepository
from cellsec.store.facts import FileFacts
from cellsec.store.growth import GrowthRepository
from cellsec.store.issued import IssuedRecordRepository
from cellsec.store.liaison import LiaisonRepository
from cellsec.store.lock import DataFileLock
from cellsec.store.meetings import MeetingRepository
from cellsec.store.members import MemberRepository
from cellsec.store.profile import ProfileRepository
from cellsec.store.reviews import ReviewRepository
from cellsec.store.settings import SettingsRepository
from cellsec.store.superiors import SuperiorRepository

DEFAULT_SUFFIX = ".cellsec"


class Store:
    """One cell's data file. Open with Store.open(path); use `transaction()` for every write."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        lock: DataFileLock | None,
        migration_backup: Path | None,
        read_only: str | None = None,
    ) -> None:
        self.path = path
        self._conn = conn
        self._lock = lock
        self.migration_backup = migration_backup
        self.read_only = read_only  # why it cannot be written (Vietnamese), None if writable
        self._broken: StorageError | None = None
        self.account = _pc_user()
        self.user = self.account  # who the audit trail names: see set_operator
        self.profile = ProfileRepository(conn)
        self.members = MemberRepository(conn)
        self.meetings = MeetingRepository(conn)
        self.settings = SettingsRepository(conn)
        self.superiors = SuperiorRepository(conn)
        self.liaison = LiaisonRepository(conn)
        self.audit = AuditRepository(conn)
        self.due = DueRepository(conn, self.members)
        self.reviews = ReviewRepository(conn)
        self.facts = FileFacts(conn)
        self.growth = GrowthRepository(conn)
        self.issued = IssuedRecordRepository(conn)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        lock: bool = True,
        steps: opening.OpeningSteps | None = None,
    ) -> Store:
        """Open (and if needed create and upgrade) a data file.

        `steps` are what the caller adds (cellsec.backup.open_store: a backup is opened
        read-only, its folder is cleaned of leftovers, a verified copy precedes an upgrade);
        without them the bare file is opened.

        Raises FileInUseError when another CellSec holds it (under any of its names),
        NotCellSecFileError for a foreign file, DatabaseTooNewError for a file from a newer
        CellSec, DamagedFileError when THE checks fail, an EnvironmentFault (ReadOnlyError,
        DiskFullError, FileGoneError …) when the machine stops it, StorageError otherwise.
        A read-only file, folder or medium — or a backup — is opened read-only: `read_only`
        then says why, and every transaction() is refused with that reason.
        """
        path = Path(path).expanduser().resolve()
        opened = opening.open_data_file(path, create=create, lock=lock, steps=steps)
        return cls(path, opened.conn, opened.lock, opened.migration_backup, opened.read_only)

    def set_operator(self, name: str) -> None:
        """The person at the keyboard (picked in the window): every later write is recorded as
        theirs, with the PC account beside the name (audit_user)."""
        self.user = audit_user(name, self.account)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception.

        Refused (ReadOnlyError) on a read-only Store. An error of the machine during the
        action — full disk, a USB stick pulled out, a file made read-only meanwhile — leaves
        nothing written and comes out as the named fault (never SQLite's own words).
        """
        if self.read_only is not None:
            raise opening.refusal(self.read_only)
        if self._broken is not None:
            raise self._broken
        if self._conn.in_transaction:
            raise AssertionError("nested transaction")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._named(exc) from exc
        try:
            # Who and when, for the audit triggers of every row this action writes.
            self._conn.execute(
                "UPDATE audit_context SET txn = txn + 1, user = ?, at = ? WHERE id = 1",
                (self.user, datetime.now().isoformat(timespec="seconds")),
            )
            yield self._conn
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, (sqlite3.Error, OSError)) and faults.is_environmental(exc):
                raise self._named(exc) from exc
            raise
        else:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise self._named(exc) from exc

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            # SQLite rolls back itself when it cannot (and on the next open).
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _named(self, exc: BaseException) -> StorageError:
        err = faults.fault(exc, self.path, "lưu")
        if isinstance(err, EnvironmentFault) and err.kind in (faults.GONE, faults.DISK_ERROR):
            self._broken = err  # the connection is dead: say so again rather than retry
        return err

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        return checks.check_connection(self._conn, self.path).ok

    def close(self) -> None:
        if self._conn is not None:
            try:
                if self.read_only is None and self._broken is None:
                    self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # statistics only; a full disk or a removed drive must not stop a close
            finally:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def audit_user(name: str, account: str) -> str:
    """The audit trail's "who": the person's name and the PC account, e.g. "Lê Thị Hằng (máy:
    ketoan)"; the account alone when nobody said who they are."""
    name = " ".join(name.split())
    if not name:
        return account
    return f"{name} (máy: {account})" if account else name


def _pc_user() -> str:
    """The PC user name written into the audit trail ("who")."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user database entry (containers, odd Windows set-ups)
        return ""
