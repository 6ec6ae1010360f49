"""Opening a data file for Store.open: writable when the place allows, else read-only with the
reason in Vietnamese; refusing what is not ours, too new or damaged; never changing a backup.

Order of work for a writable open: name and identity locks (cellsec.store.lock), clean-up of
temporary copies a killed backup/restore left (only now: we hold the lock), THE checks
(cellsec.store.checks), WAL + synchronous=FULL, a write probe, schema upgrade. Any error of
the environment on the way is named by cellsec.store.faults; a read-only file, folder or medium
is then opened read-only instead (the secretary can still look and print).

What backups add to this (a backup is only looked at, their folder has temporary copies too, a
verified copy is made before a schema upgrade) comes in as `OpeningSteps` from the caller —
cellsec.backup.open_store — so the store never imports the backup package that builds on it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cellsec.errors import DamagedFileError, NotCellSecFileError, ReadOnlyError, StorageError
from cellsec.store import checks, faults, fileops, migrate
from cellsec.store.lock import DataFileLock

# Labels of the temporary files made beside a data file (restore; a whole-cell import building
# a new data file) and in its backups folder (fileops.temp_name makes every such name).
IMPORT_TEMP = "nhap"
DATA_FOLDER_TEMPS = ("khoi-phuc", IMPORT_TEMP)
BACKUP_FOLDER_TEMPS = ("sao-luu", "chep", "ghi")
READ_ONLY_NOTE = (
    "CellSec đã mở tệp ở chế độ chỉ xem: xem, tìm và in được, nhưng mọi thay đổi sẽ không được lưu."
)


class OpeningSteps(Protocol):
    """What a package above the store adds to opening a data file (Store.open(steps=...))."""

    def read_only_reason(self, path: Path) -> str | None:
        """Why this existing file may only be looked at (it is a backup), else None."""

    def temp_folders(self, path: Path) -> Sequence[tuple[Path, tuple[str, ...]]]:
        """Other folders where temporary copies of `path` are made, with their labels."""

    def before_migration(self, path: Path) -> Path:
        """A verified copy made before the schema is upgraded; where it is."""


@dataclass
class Opened:
    conn: sqlite3.Connection
    lock: DataFileLock | None
    migration_backup: Path | None
    read_only: str | None  # why the file is read-only (Vietnamese), None when writable


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves (Python 3.11 would
    # otherwise open transactions implicitly).
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_data_file(path: Path, *, create: bool, lock: bool, steps: OpeningSteps | None = None) -> Opened:
    """See the module doc. `path` is already resolved."""
    exists = _exists(path)
    if not exists and not create:
        raise StorageError(f"Không tìm thấy tệp dữ liệu “{path}”.")
    if exists and path.is_dir():
        raise StorageError(f"“{path}” là một thư mục, không phải tệp dữ liệu.")
    _check_header(path)
    backup_note = steps.read_only_reason(path) if exists and steps is not None else None
    if backup_note is not None:
        return _open_read_only(path, backup_note, keep_unchanged=True)
    try:
        return _open_writable(path, lock=lock, steps=steps)
    except NotCellSecFileError as err:
        if fileops.claims_to_be_ours(path):  # SQLite cannot read what says it is ours
            raise DamagedFileError(
                faults.explain(faults.DAMAGED, path, "mở"), detail=err.detail or str(err)
            ) from err
        raise
    except (sqlite3.Error, OSError) as exc:
        if not faults.is_environmental(exc):
            raise
        kind = faults.classify(exc, path)
        if kind in faults.READ_ONLY_KINDS and _exists(path) and path.stat().st_size > 0:
            return _open_read_only(path, faults.explain(kind, path, "lưu thay đổi vào"))
        raise faults.fault(exc, path, "mở", kind=kind) from exc
    except ReadOnlyError as err:
        if _exists(path) and path.stat().st_size > 0:
            return _open_read_only(path, str(err))
        raise


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _check_header(path: Path) -> None:
    """Refuse early a file that is not SQLite at all (before SQLite writes a WAL beside it)."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise faults.fault(exc, path, "đọc") from exc
    if header != fileops.SQLITE_MAGIC:
        raise NotCellSecFileError(
            f"Tệp “{path.name}” không phải tệp dữ liệu CellSec. CellSec không mở nó để tránh "
            "làm hỏng dữ liệu."
        )


def _open_writable(path: Path, *, lock: bool, steps: OpeningSteps | None) -> Opened:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise faults.fault(exc, path, "tạo thư mục cho") from exc
    file_lock = DataFileLock(path) if lock else None
    if file_lock is not None:
        file_lock.acquire()
    conn = None
    try:
        if file_lock is not None:
            clear_leftovers(path, steps)
        conn = connect(path)
        found = checks.check_connection(conn, path)
        if not found.ok:
            raise DamagedFileError(
                faults.explain(faults.DAMAGED, path, "mở"), detail="; ".join(found.problems)[:500]
            )
        # WAL keeps the file consistent across power cuts; FULL syncs the WAL on each commit.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        _probe_write(conn, found.version)
        if file_lock is not None:
            file_lock.lock_file()  # a new file exists only now
        backup = migrate.upgrade(conn, path, steps.before_migration if steps is not None else None)
    except BaseException:
        if conn is not None:
            conn.close()
        if file_lock is not None:
            file_lock.release()
        raise
    return Opened(conn, file_lock, backup, None)


def _probe_write(conn: sqlite3.Connection, version: int) -> None:
    """Can we write here at all? A read-only file, folder or medium must answer now, not at the
    secretary's first save. BEGIN IMMEDIATE alone does not tell (in WAL mode it only locks the
    -shm); writing the header's user_version — its own value, rolled back — does."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        conn.execute("ROLLBACK")


def clear_leftovers(path: Path, steps: OpeningSteps | None = None) -> list[Path]:
    """Remove the temporary copies a killed backup or restore of `path` left behind (a
    restore's is the whole data file in plain text). Only while holding `path`'s lock."""
    removed = fileops.clear_leftovers(path.parent, path, DATA_FOLDER_TEMPS)
    for folder, labels in steps.temp_folders(path) if steps is not None else ():
        removed += fileops.clear_leftovers(folder, path, labels)
    return removed


def _open_read_only(path: Path, reason: str, *, keep_unchanged: bool = False) -> Opened:
    """Open to look at only. `reason` (Vietnamese) is what every refused write will say."""
    try:
        conn = fileops.connect_reader(path, keep_unchanged=keep_unchanged)
    except sqlite3.Error as exc:
        raise faults.fault(exc, path, "mở") from exc
    try:
        found = checks.check_readonly(conn, path)
        if not found.ok:
            raise DamagedFileError(
                faults.explain(faults.DAMAGED, path, "mở"), detail="; ".join(found.problems)[:500]
            )
        if found.version < migrate.latest_version():
            raise ReadOnlyError(
                f"{reason}\n\nTệp này được tạo bởi phiên bản CellSec cũ hơn và phải được nâng cấp "
                "(ghi vào tệp) trước khi mở, nên chưa mở được. Hãy chép tệp sang thư mục Tài liệu "
                "(Documents) của mình rồi mở bản chép."
                if not keep_unchanged
                else f"Tệp “{path.name}” là bản sao lưu của phiên bản CellSec cũ hơn; không mở để xem "
                "được. Muốn dùng dữ liệu này: Tệp › Sao lưu và khôi phục › Khôi phục từ tệp…",
                kind=faults.READ_ONLY_FILE,
            )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA query_only = ON")  # a write that slips past Store.transaction
    except sqlite3.Error as exc:
        conn.close()
        raise faults.fault(exc, path, "mở") from exc
    except BaseException:
        conn.close()
        raise
    return Opened(conn, None, None, f"{reason}\n\n{READ_ONLY_NOTE}")


def refusal(reason: str) -> ReadOnlyError:
    """What a write on a read-only Store raises."""
    why = reason.replace(f"\n\n{READ_ONLY_NOTE}", "")
    return ReadOnlyError(
        f"Không lưu được thay đổi: tệp dữ liệu đang mở ở chế độ chỉ xem.\n\n{why}", kind=faults.READ_ONLY_FILE
    )
