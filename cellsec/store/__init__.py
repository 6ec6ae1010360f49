"""The data file: opening, locking, migrating and transactions. The only package with SQL."""
from __future__ import annotations

import getpass
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from ..errors import DamagedFileError, FileInUseError, NotCellSecFileError, StorageError
from . import migrate
from .audit import AuditRepository
from .liaison import LiaisonRepository
from .meetings import MeetingRepository
from .members import MemberRepository
from .profile import ProfileRepository
from .settings import SettingsRepository
from .superiors import SuperiorRepository

DEFAULT_SUFFIX = ".cellsec"


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves (Python 3.11 would
    # otherwise open transactions implicitly).
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class Store:
    """One cell's data file. Open with Store.open(path); use `transaction()` for every write."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None,
                 migration_backup: Path | None) -> None:
        self.path = path
        self._conn = conn
        self._lock = lock
        self.migration_backup = migration_backup
        self.user = _pc_user()
        self.profile = ProfileRepository(conn)
        self.members = MemberRepository(conn)
        self.meetings = MeetingRepository(conn)
        self.settings = SettingsRepository(conn)
        self.superiors = SuperiorRepository(conn)
        self.liaison = LiaisonRepository(conn)
        self.audit = AuditRepository(conn)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, lock: bool = True) -> "Store":
        """Open (and if needed create and upgrade) a data file.

        Raises FileInUseError when another CellSec holds it, NotCellSecFileError for a foreign
        file, DatabaseTooNewError for a file from a newer CellSec, StorageError otherwise.
        """
        path = Path(path).expanduser().resolve()
        if not path.exists() and not create:
            raise StorageError(f"Không tìm thấy tệp dữ liệu “{path}”.")
        if path.exists() and path.is_dir():
            raise StorageError(f"“{path}” là một thư mục, không phải tệp dữ liệu.")
        _check_header(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Không tạo được thư mục “{path.parent}”: {exc}.") from exc
        file_lock = None
        if lock:
            file_lock = FileLock(str(path) + ".lock", timeout=0)
            try:
                file_lock.acquire()
            except Timeout:
                raise FileInUseError(
                    f"Tệp dữ liệu “{path.name}” đang được mở bởi một cửa sổ CellSec khác "
                    "(trên máy này hoặc máy khác trong mạng). Hãy dùng cửa sổ đó, hoặc đóng nó "
                    "rồi mở lại.") from None
            except OSError as exc:
                raise StorageError(f"Không khóa được tệp dữ liệu “{path}”: {exc}.") from exc
        conn = None
        try:
            conn = _connect(path)
            migrate.check_identity(conn, path)
            _quick_check(conn, path)
            # WAL keeps the file consistent across power cuts; FULL syncs the WAL on each commit.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            backup = migrate.upgrade(conn, path)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            if file_lock is not None:
                file_lock.release()
            raise StorageError(f"Không mở được tệp dữ liệu “{path}”: {exc}. Hãy kiểm tra tệp "
                               "có bị hỏng không, hoặc thư mục có cho phép ghi không.") from exc
        except BaseException:
            if conn is not None:
                conn.close()
            if file_lock is not None:
                file_lock.release()
            raise
        return cls(path, conn, file_lock, backup)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""
        if self._conn.in_transaction:
            raise AssertionError("nested transaction")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            # Who and when, for the audit triggers of every row this action writes.
            self._conn.execute("UPDATE audit_context SET txn = txn + 1, user = ?, at = ? "
                               "WHERE id = 1", (self.user, datetime.now().isoformat(
                                   timespec="seconds")))
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA optimize")
            finally:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse to work on a damaged file (a power cut mid-write on a bad disk, a virus ...):
    the app then offers to restore the newest good backup instead."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:   # "database disk image is malformed"
        rows = [str(exc)]
    if rows != ["ok"]:
        raise DamagedFileError(
            f"Tệp dữ liệu “{path.name}” bị hỏng ({'; '.join(rows)[:200]}). Hãy khôi phục từ bản "
            "sao lưu gần nhất (menu Tệp › Sao lưu và khôi phục); tệp hỏng sẽ được giữ lại.")


def _pc_user() -> str:
    """The PC user name written into the audit trail ("who")."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user database entry (containers, odd Windows set-ups)
        return ""


def _check_header(path: Path) -> None:
    """Refuse early a file that is not SQLite at all (before SQLite writes a WAL beside it)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StorageError(f"Không đọc được tệp “{path}”: {exc}.") from exc
    if header != b"SQLite format 3\x00":
        raise NotCellSecFileError(
            f"Tệp “{path.name}” không phải tệp dữ liệu CellSec. CellSec không mở nó để tránh "
            "làm hỏng dữ liệu.")
