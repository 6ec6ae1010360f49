"""Where backups live, how they are named, and the JSON manifest written beside each one."""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cellsec.backup.files import write_bytes_atomic

FORMAT = "cellsec-backup"
VERSION = 1
SUFFIX = ".cellsec"
MANIFEST_SUFFIX = ".json"

MANUAL = "manual"
AUTO = "auto"
BEFORE_MIGRATION = "before_migration"
BEFORE_RESTORE = "before_restore"
BEFORE_IMPORT = "before_import"
KIND_LABELS = {
    MANUAL: "Sao lưu theo yêu cầu",
    AUTO: "Sao lưu tự động",
    BEFORE_MIGRATION: "Trước khi nâng cấp",
    BEFORE_RESTORE: "Trước khi khôi phục",
    BEFORE_IMPORT: "Trước khi nhập từ Excel",
}
REGULAR_KINDS = (MANUAL, AUTO)
SPECIAL_KINDS = (BEFORE_MIGRATION, BEFORE_RESTORE, BEFORE_IMPORT)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what its manifest says about it."""

    path: Path
    created: datetime  # local time, naive (the PC's clock)
    kind: str = MANUAL
    schema_version: int = 0
    members: int = 0
    meetings: int = 0
    sha256: str = ""
    size: int = 0
    fingerprint: str = ""
    verified: bool = False
    source: str = ""
    rotted: str = ""  # when a re-check found its bytes changed (ISO time), else ""
    has_manifest: bool = True

    @property
    def good(self) -> bool:
        """Made and verified by CellSec, and the file still has the size it had then."""
        if not (self.has_manifest and self.verified):
            return False
        try:
            return self.path.stat().st_size == self.size
        except OSError:
            return False

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            path=str(self.path), created=self.created.isoformat(), kind_label=self.kind_label, good=self.good
        )
        return data


def backups_folder(data_path: Path, override: Path | str | None = None) -> Path:
    """`<data file folder>/<data file stem>-backups/` unless the user chose another folder."""
    if override:
        return Path(override).expanduser().resolve()
    data_path = Path(data_path).expanduser().resolve()
    return data_path.parent / f"{data_path.stem}-backups"


def manifest_path(backup: Path) -> Path:
    return Path(str(backup) + MANIFEST_SUFFIX)


def backup_stem(data_path: Path, created: datetime, version: int, kind: str) -> str:
    """chibo-2026-11-22-0930-v4 (the kind in the name for the special ones, for people)."""
    stamp = created.strftime("%Y-%m-%d-%H%M")
    stem = Path(data_path).stem
    if kind == BEFORE_RESTORE:
        return f"{stem}.truoc-khoi-phuc-{stamp}"
    if kind == BEFORE_MIGRATION:
        return f"{stem}-{stamp}-v{version}-truoc-nang-cap"
    if kind == BEFORE_IMPORT:
        return f"{stem}-{stamp}-v{version}-truoc-nhap-excel"
    return f"{stem}-{stamp}-v{version}"


def write_manifest(info: BackupInfo) -> None:
    data = {"format": FORMAT, "version": VERSION, **info.to_json()}
    for key in ("path", "kind_label", "good", "has_manifest"):
        data.pop(key)
    data["file"] = info.path.name
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # The temporary file is named after the data file, whose next opening clears it if we die.
    owner = Path(info.source) if info.source else None
    write_bytes_atomic(manifest_path(info.path), text.encode("utf-8"), owner)


def read_info(backup: Path) -> BackupInfo:
    """What the manifest says, or a bare entry (has_manifest=False) for a file without one."""
    backup = Path(backup)
    try:
        raw = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError("not a manifest")
        return BackupInfo(
            path=backup,
            created=datetime.fromisoformat(raw["created"]).replace(tzinfo=None),
            kind=str(raw.get("kind", MANUAL)),
            schema_version=int(raw.get("schema_version", 0)),
            members=int(raw.get("members", 0)),
            meetings=int(raw.get("meetings", 0)),
            sha256=str(raw.get("sha256", "")),
            size=int(raw.get("size", 0)),
            fingerprint=str(raw.get("fingerprint", "")),
            verified=bool(raw.get("verified")),
            source=str(raw.get("source", "")),
            rotted=str(raw.get("rotted", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        try:
            stat = backup.stat()
            created, size = datetime.fromtimestamp(stat.st_mtime), stat.st_size
        except OSError:
            created, size = datetime.min, 0
        return BackupInfo(path=backup, created=created, size=size, has_manifest=False)


def is_backup_file(path: Path) -> bool:
    """A file CellSec made as a backup (its manifest is beside it)."""
    return read_info(Path(path)).has_manifest


def list_backups(data_path: Path, folder: Path | str | None = None) -> list[BackupInfo]:
    """Every backup in the folder, newest first (by the time in its manifest)."""
    where = backups_folder(data_path, folder)
    if not where.is_dir():
        return []
    found = [
        read_info(p)
        for p in where.iterdir()
        if p.name.endswith(SUFFIX) and not p.name.startswith(".") and p.is_file()
    ]
    return sorted(found, key=lambda i: (i.created, i.path.name), reverse=True)


def mark_rotten(info: BackupInfo, when: datetime | None = None) -> BackupInfo:
    """Record in its manifest that a backup's bytes no longer match: it is listed as not good
    from now on (and retention treats it so), but the file itself is left alone."""
    rotted = replace(info, verified=False, rotted=(when or datetime.now()).isoformat(timespec="seconds"))
    with suppress(OSError):  # a read-only folder: it will be found rotten again next time
        write_manifest(rotted)
    return rotted


def newest_good(infos: list[BackupInfo]) -> BackupInfo | None:
    return next((i for i in infos if i.good), None)


def with_path(info: BackupInfo, path: Path) -> BackupInfo:
    return replace(info, path=path)
