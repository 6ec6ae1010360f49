"""Restoring the data file from a backup (or any CellSec file, plain or encrypted).

Call it while the app's Store for that file is CLOSED: it takes the same lock the Store
takes (cellsec.store.lock) and refuses (FileInUseError) while any CellSec window holds the
file. The UI closes its Store, calls restore(), then reopens `result.data_path` (Store.open
upgrades an older schema).

Order of work, so that a power cut at any point loses nothing:
 1. copy the candidate (decrypting if needed) to a temporary file in the data file's folder and
    check it there: a backup's bytes against its manifest's SHA-256 (an altered backup is
    refused), then THE checks (cellsec.store.checks: identity, not newer than this app,
    integrity, constraints, foreign keys). The temporary file is named after the data file,
    so if we are killed the next Store.open of it removes this plaintext copy;
 2. keep the current data file aside in the backups folder (`<stem>.truoc-khoi-phuc-<time>`,
    kind "before_restore"); a damaged one is kept byte for byte, with its WAL;
 3. fold the current file's WAL into it and remove its -wal/-shm (an old WAL beside a new main
    file would be replayed into it and corrupt it);
 4. fsync the candidate and os.replace() it over the data file, then fsync the folder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cellsec.backup import crypto
from cellsec.backup.create import make_backup, source_path, verify_backup
from cellsec.backup.errors import BackupVerificationError
from cellsec.backup.files import (
    copy_file_atomic,
    ensure_folder,
    fsync_dir,
    remove_quietly,
    sha256_file,
    temp_path,
    unique_path,
)
from cellsec.backup.manifest import (
    BEFORE_RESTORE,
    SUFFIX,
    BackupInfo,
    backup_stem,
    backups_folder,
    is_backup_file,
    list_backups,
    read_info,
    write_manifest,
)
from cellsec.backup.opening import BackupSteps
from cellsec.errors import (
    CellSecError,
    DamagedFileError,
    EnvironmentFault,
    NotCellSecFileError,
    StorageError,
)
from cellsec.store import faults, migrate, opening
from cellsec.store import fileops as dbfile
from cellsec.store.fileops import fsync_file, remove_file, replace_file
from cellsec.store.lock import DataFileLock


@dataclass(frozen=True)
class RestoreResult:
    data_path: Path  # reopen this with Store.open
    restored_from: Path
    kept_aside: Path | None  # the data file as it was, in the backups folder
    kept_aside_sound: bool  # False when the old file was damaged (kept as it was)
    schema_version: int  # of the restored content; Store.open upgrades it if older

    @property
    def needs_upgrade(self) -> bool:
        return self.schema_version < migrate.latest_version()

    def to_json(self) -> dict[str, Any]:
        return {
            "data_path": str(self.data_path),
            "restored_from": str(self.restored_from),
            "kept_aside": str(self.kept_aside) if self.kept_aside else None,
            "kept_aside_sound": self.kept_aside_sound,
            "schema_version": self.schema_version,
            "needs_upgrade": self.needs_upgrade,
        }


def hold_lock(data_path: Path) -> DataFileLock:
    """The lock Store.open takes; FileInUseError while another CellSec window has the file."""
    lock = DataFileLock(data_path)
    try:
        lock.acquire()
    except OSError as exc:
        raise faults.fault(exc, data_path, "khôi phục") from exc
    return lock


def restore(
    data_path: Path | str,
    source: Path | str,
    *,
    password: str | None = None,
    folder: Path | str | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the (closed) data file with the content of `source`, keeping the old one aside."""
    data_path = source_path(data_path)
    source = Path(source).expanduser().resolve()
    if source == data_path:
        raise StorageError(f"Không thể khôi phục “{data_path.name}” từ chính nó.")
    if not source.is_file():
        raise StorageError(f"Không tìm thấy tệp “{source}” để khôi phục.")
    if is_backup_file(data_path):
        raise StorageError(
            f"Tệp “{data_path.name}” là một bản sao lưu (mở để xem): không khôi "
            "phục đè lên nó. Hãy mở tệp dữ liệu của chi bộ rồi khôi phục."
        )
    ensure_folder(data_path.parent)
    lock = hold_lock(data_path)
    tmp = temp_path(data_path.parent, "khoi-phuc", data_path)
    try:
        opening.clear_leftovers(data_path, BackupSteps())
        try:
            _materialise(source, tmp, password)
        except OSError as exc:
            kind = faults.probe(tmp)
            raise (
                faults.fault(exc, data_path, "khôi phục", kind=kind)
                if kind
                else faults.fault(exc, source, "đọc")
            ) from exc
        version = _check_candidate(tmp, source)
        aside, sound = _keep_aside(data_path, folder, now) if data_path.exists() else (None, True)
        fsync_file(tmp)
        lock.release_file()  # Windows cannot replace a file we hold open; the name lock stays
        _put_in_place(tmp, data_path)
        fsync_dir(data_path.parent)
        return RestoreResult(data_path, source, aside, sound, version)
    except OSError as exc:
        err = faults.fault(exc, data_path, "khôi phục")
        raise type(err)(f"{err} Tệp dữ liệu giữ nguyên như trước.", **_fields(err)) from exc
    finally:
        remove_quietly(tmp)
        lock.release()


def _fields(err: StorageError) -> dict[str, Any]:
    fields: dict[str, Any] = {"detail": err.detail}
    if hasattr(err, "kind"):
        fields["kind"] = err.kind
    return fields


def restore_newest(
    data_path: Path | str, *, folder: Path | str | None = None, now: datetime | None = None
) -> RestoreResult:
    """One click: restore from the newest backup that passes verification now; one that
    verifies but is still refused by restore's own checks is skipped for the next."""
    data_path = source_path(data_path)
    for info in list_backups(data_path, folder):
        if not (info.good and verify_backup(info.path).ok):
            continue
        try:
            return restore(data_path, info.path, folder=folder, now=now)
        except (BackupVerificationError, DamagedFileError, NotCellSecFileError):
            continue
    raise StorageError(f"Không có bản sao lưu tốt nào của “{data_path.name}” để khôi phục.")


def _materialise(source: Path, tmp: Path, password: str | None) -> None:
    """The candidate as a plain SQLite file at `tmp` (the source itself is never opened)."""
    if crypto.is_encrypted(source):
        tmp.write_bytes(crypto.decrypt_file(source, password))
        return
    if not dbfile.has_sqlite_header(source):
        raise NotCellSecFileError(
            f"Tệp “{source.name}” không phải tệp dữ liệu CellSec hoặc đã hỏng. Không khôi phục từ tệp này."
        )
    shutil.copyfile(source, tmp)
    info = read_info(source)
    if info.has_manifest and sha256_file(tmp) != info.sha256:
        raise BackupVerificationError(
            f"Bản sao lưu “{source.name}” đã bị thay đổi hoặc hỏng sau khi sao lưu (mã kiểm tra "
            "SHA-256 không khớp với bản ghi của nó). Không khôi phục từ tệp này; hãy chọn một bản "
            "sao lưu khác."
        )
    wal = Path(str(source) + "-wal")
    if wal.is_file() and wal.stat().st_size:
        # A data file copied with its WAL (from another PC's folder): the WAL holds the latest
        # commits; SQLite folds it into our temporary copy when we open it.
        shutil.copyfile(wal, str(tmp) + "-wal")


def _check_candidate(tmp: Path, source: Path) -> int:
    version, found = dbfile.settle_candidate(tmp, source)
    if found:
        raise DamagedFileError(
            f"Tệp “{source.name}” bị hỏng (không đạt kiểm tra toàn vẹn). Không khôi phục từ tệp này.",
            detail="; ".join(found)[:500],
        )
    if version == 0:
        raise StorageError(f"Tệp “{source.name}” không có dữ liệu CellSec. Không khôi phục từ tệp này.")
    return version


def _keep_aside(data_path: Path, folder: Path | str | None, now: datetime | None) -> tuple[Path, bool]:
    created = now or datetime.now()
    stem = backup_stem(data_path, created, 0, BEFORE_RESTORE)
    try:
        if dbfile.has_sqlite_header(data_path):
            info = make_backup(data_path, folder=folder, kind=BEFORE_RESTORE, now=created, stem=stem)
            dbfile.checkpoint_and_close(data_path)
            return info.path, True
    except EnvironmentFault as err:
        if err.kind in faults.READ_ONLY_KINDS + (faults.DISK_FULL,):
            raise  # the backups folder cannot take it: a raw copy would fail the same way
    except (CellSecError, OSError):
        pass  # damaged: keep it byte for byte below
    return _keep_raw(data_path, folder, created, stem), False


def _keep_raw(data_path: Path, folder: Path | str | None, created: datetime, stem: str) -> Path:
    where = ensure_folder(backups_folder(data_path, folder))
    dest = unique_path(where, stem, SUFFIX)
    copy_file_atomic(data_path, dest, owner=data_path)
    wal = Path(str(data_path) + "-wal")
    if wal.is_file() and wal.stat().st_size:
        copy_file_atomic(wal, Path(str(dest) + "-wal"), owner=data_path)
    write_manifest(
        BackupInfo(
            path=dest,
            created=created,
            kind=BEFORE_RESTORE,
            sha256=sha256_file(dest),
            size=dest.stat().st_size,
            verified=False,
            source=str(data_path),
        )
    )
    return dest


def remove_quietly_sidecars(data_path: Path) -> None:
    """The old file's -wal/-shm go before the new file comes (SQLite would replay an old WAL
    into it); each waits out a moment's "file in use" (see fileops.retry_in_use)."""
    for suffix in ("-wal", "-shm"):
        remove_file(Path(str(data_path) + suffix), "khôi phục")


def _put_in_place(candidate: Path, data_path: Path) -> None:
    """The checked candidate over the data file. A file still held by another program after
    the retries: the data file is as it was (os.replace is all or nothing)."""
    try:
        remove_quietly_sidecars(data_path)
        replace_file(candidate, data_path, "khôi phục")
    except StorageError as err:
        raise type(err)(f"{err} Tệp dữ liệu giữ nguyên như trước.", **_fields(err)) from err
