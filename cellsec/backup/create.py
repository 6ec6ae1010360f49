"""Making a backup (SQLite online backup API), verifying it at once, and re-verifying later."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cellsec.backup.errors import BackupVerificationError
from cellsec.backup.files import ensure_folder, fsync_dir, remove_quietly, sha256_file, temp_path, unique_path
from cellsec.backup.manifest import (
    BEFORE_MIGRATION,
    MANUAL,
    SUFFIX,
    BackupInfo,
    backup_stem,
    backups_folder,
    manifest_path,
    read_info,
    write_manifest,
)
from cellsec.errors import CellSecError, StorageError
from cellsec.store import faults
from cellsec.store import fileops as dbfile


def source_path(source: Any) -> Path:
    """A data file path, from a path or from an open Store (only its public `path` is read)."""
    return Path(getattr(source, "path", source)).expanduser().resolve()


def make_backup(
    source: Any,
    *,
    folder: Path | str | None = None,
    kind: str = MANUAL,
    now: datetime | None = None,
    stem: str | None = None,
) -> BackupInfo:
    """Copy the data file (open Store or path) into the backups folder and verify the copy.

    The copy gets a manifest (`<backup>.json`). A copy that fails verification is deleted and
    BackupVerificationError is raised: it is never listed as a good backup. A full disk or a
    read-only folder comes out as the named fault (cellsec.store.faults).
    """
    src = source_path(source)
    if not src.is_file():
        raise StorageError(f"Không tìm thấy tệp dữ liệu “{src}” để sao lưu.")
    where = ensure_folder(backups_folder(src, folder))
    created = now or datetime.now()
    tmp = temp_path(where, "sao-luu", src)
    try:
        try:
            dbfile.copy_database(src, tmp)
        except (dbfile.Error, OSError, UnicodeDecodeError) as exc:
            raise _fault(exc, where, src) from exc
        info = _verified_info(tmp, src, kind, created)
        dest = unique_path(where, stem or backup_stem(src, created, info.schema_version, kind), SUFFIX)
        info = BackupInfo(**{**info.__dict__, "path": dest})
        # Manifest first: a manifest without its file is ignored, a file without a manifest
        # would be listed as unverified.
        try:
            write_manifest(info)
            dbfile.replace_file(tmp, dest, "sao lưu")
            fsync_dir(where)
        except (OSError, StorageError) as exc:
            remove_quietly(manifest_path(dest))  # a manifest without its backup is litter
            if isinstance(exc, StorageError):
                raise
            raise faults.fault(exc, where, "sao lưu vào") from exc
        return info
    finally:
        remove_quietly(tmp)


def _fault(exc: BaseException, where: Path, src: Path) -> StorageError:
    """Name what stopped a copy: the backups folder (full, read-only) or the data file."""
    kind = faults.probe(where / "x")
    if kind is not None:
        return faults.fault(exc, where, "sao lưu vào", kind=kind)
    return faults.fault(exc, src, "sao lưu")


def _verified_info(copy: Path, src: Path, kind: str, created: datetime) -> BackupInfo:
    try:
        found, facts = dbfile.examine_copy(copy, src)
    except CellSecError as exc:
        raise BackupVerificationError(
            f"Bản sao lưu của “{src.name}” không đạt kiểm tra nên đã bị xóa: {exc}",
            detail=getattr(exc, "detail", ""),
        ) from exc
    if found or facts is None:
        raise BackupVerificationError(
            f"Bản sao lưu của “{src.name}” không đạt kiểm tra toàn vẹn nên đã bị xóa. Tệp dữ "
            "liệu có thể đã hỏng: hãy dùng “Kiểm tra tệp dữ liệu” (hoặc khôi phục từ bản sao "
            "lưu gần nhất).",
            detail="; ".join(found)[:500],
        )
    return BackupInfo(
        path=copy,
        created=created,
        kind=kind,
        schema_version=facts.schema_version,
        members=facts.members,
        meetings=facts.meetings,
        sha256=sha256_file(copy),
        size=copy.stat().st_size,
        fingerprint=facts.fingerprint,
        verified=True,
        source=str(src),
    )


@dataclass(frozen=True)
class Verification:
    """Result of re-checking a backup; `problems` are Vietnamese sentences for the user."""

    path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)
    info: BackupInfo | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "ok": self.ok,
            "problems": self.problems,
            "backup": self.info.to_json() if self.info else None,
        }


def verify_backup(path: Path | str) -> Verification:
    """Checksum against the manifest (when there is one), then THE checks (the same as opening a
    file), identity and version, and the content fingerprint. Never changes the backup: it is
    read through an immutable connection. `problems` are Vietnamese, without SQLite's words."""
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        return Verification(path, False, [f"Không tìm thấy tệp “{path.name}”."])
    info = read_info(path)
    issues: list[str] = []
    try:
        if info.has_manifest and sha256_file(path) != info.sha256:
            issues.append(
                f"Tệp “{path.name}” đã bị thay đổi hoặc hỏng sau khi sao lưu (mã "
                "kiểm tra SHA-256 không khớp với bản ghi)."
            )
        if not dbfile.has_sqlite_header(path):
            issues.append(f"Tệp “{path.name}” không phải tệp dữ liệu CellSec hoặc đã hỏng.")
            return Verification(path, False, issues, info)
        found, facts = dbfile.examine_copy(path, path)
    except CellSecError as exc:
        return Verification(path, False, [*issues, str(exc)], info)
    except (OSError, dbfile.Error) as exc:
        return Verification(path, False, [*issues, str(faults.fault(exc, path, "đọc"))], info)
    if found:
        issues.append(f"Tệp “{path.name}” bị hỏng (không đạt kiểm tra toàn vẹn).")
    elif facts and info.has_manifest and info.fingerprint and facts.fingerprint != info.fingerprint:
        issues.append(f"Nội dung tệp “{path.name}” không khớp với bản ghi khi sao lưu.")
    return Verification(path, not issues, issues, info)


def still_intact(info: BackupInfo) -> bool | None:
    """Cheap re-check of a backup verified when made: its bytes still hash to the manifest's
    SHA-256 (then THE checks would pass again: they are deterministic on the same bytes).
    None when the file cannot be read now (a removed drive: not proof of rot)."""
    if not info.good or not info.sha256:
        return False
    try:
        return sha256_file(info.path) == info.sha256
    except OSError:
        return None


def adopt_migration_backup(
    data_path: Path | str, bak: Path | str, *, folder: Path | str | None = None
) -> BackupInfo:
    """Move the copy Store.open made before a migration (`*.truoc-nang-cap-*.bak` beside the
    data file) into the backups folder as a verified backup of kind "before_migration".
    The original is removed only once the new copy has passed verification."""
    bak = Path(bak).expanduser().resolve()
    created = datetime.fromtimestamp(bak.stat().st_mtime)
    info = make_backup(
        bak,
        folder=backups_folder(source_path(data_path), folder),
        kind=BEFORE_MIGRATION,
        now=created,
        stem=backup_stem(source_path(data_path), created, _version(bak), BEFORE_MIGRATION),
    )
    info = BackupInfo(**{**info.__dict__, "source": str(source_path(data_path))})
    write_manifest(info)
    remove_quietly(bak)
    return info


def _version(path: Path) -> int:
    conn = dbfile.connect_reader(path, keep_unchanged=True)
    try:
        return dbfile.check_identity(conn, path)
    finally:
        conn.close()


def delete_backup(path: Path) -> None:
    """Remove a backup and its manifest."""
    for p in (Path(path), manifest_path(Path(path))):
        dbfile.remove_file(p)
