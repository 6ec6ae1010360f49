"""Start-up check of the data file: readable, ours, not too new, not damaged — and if it is,
which backup to offer for a one-click restore."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from cellsec.backup.create import source_path, verify_backup
from cellsec.backup.manifest import BackupInfo, list_backups
from cellsec.errors import DamagedFileError, DatabaseTooNewError, NotCellSecFileError
from cellsec.store import faults
from cellsec.store import fileops as dbfile


class HealthState(str, Enum):
    OK = "ok"
    NEW = "new"  # no file yet (or an empty one) and no backup: a first start
    MISSING = "missing"  # no file (or an empty one), but backups exist
    UNREADABLE = "unreadable"  # the place, not the file: permissions, a drive gone, disk error
    NOT_CELLSEC = "not_cellsec"  # not SQLite, or another program's database
    TOO_NEW = "too_new"  # written by a newer CellSec: update the app, do not restore
    DAMAGED = "damaged"


@dataclass(frozen=True)
class Health:
    path: Path
    state: HealthState
    message: str  # Vietnamese, names the file; "" when all is well
    details: list[str] = field(default_factory=list)  # SQLite's words, for support
    schema_version: int | None = None
    newest_backup: BackupInfo | None = None  # verified just now; offer it for restore
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """The file can be opened as it is (or created, on a first start)."""
        return self.state in (HealthState.OK, HealthState.NEW)

    @property
    def can_restore(self) -> bool:
        """A restore is offered only when the file itself is lost or bad — never when the place
        stops us (UNREADABLE): the file may be sound, and a restore would replace it."""
        return self.newest_backup is not None and self.state in (
            HealthState.MISSING,
            HealthState.NOT_CELLSEC,
            HealthState.DAMAGED,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "state": self.state.value,
            "ok": self.ok,
            "message": self.message,
            "details": self.details,
            "schema_version": self.schema_version,
            "can_restore": self.can_restore,
            "newest_backup": self.newest_backup.to_json() if self.newest_backup else None,
            "seconds": round(self.seconds, 3),
        }


def newest_verified_backup(data_path: Path, folder: Path | str | None = None) -> BackupInfo | None:
    """The newest backup that passes verify_backup now (checksum and integrity)."""
    for info in list_backups(data_path, folder):
        if info.good and verify_backup(info.path).ok:
            return info
    return None


def check_file(path: Path | str, *, folder: Path | str | None = None) -> Health:
    """THE checks (the same as Store.open's, cellsec.store.checks) through a read-only
    connection. Never writes to the data file; a fault of the place (read-only folder,
    removed drive) is UNREADABLE with its named explanation, never "damaged"."""
    start = time.perf_counter()
    path = source_path(path)
    state, detail, version, why = _examine(path)
    backup = None if state in (HealthState.OK, HealthState.TOO_NEW) else newest_verified_backup(path, folder)
    if state is HealthState.NEW and backup is not None:
        state = HealthState.MISSING
    message = why or _message(path, state, detail, backup)
    return Health(path, state, message, detail, version, backup, time.perf_counter() - start)


def _examine(path: Path) -> tuple[HealthState, list[str], int | None, str]:
    """(state, SQLite's or the OS's words, schema version, the named fault's text or "")."""
    try:
        if not path.exists():
            if not path.parent.exists():
                return (
                    HealthState.UNREADABLE,
                    ["folder missing"],
                    None,
                    faults.explain(faults.GONE, path, "mở"),
                )
            return HealthState.NEW, [], None, ""
        if path.is_dir():
            return HealthState.UNREADABLE, ["is a directory"], None, ""
        if path.stat().st_size == 0:
            return HealthState.NEW, ["empty file"], None, ""
        if not dbfile.has_sqlite_header(path):
            return HealthState.NOT_CELLSEC, ["no SQLite header"], None, ""
        version, found = dbfile.check_data_file(path, path)
    except DatabaseTooNewError as exc:
        return HealthState.TOO_NEW, [str(exc)], None, ""
    except DamagedFileError as exc:
        return HealthState.DAMAGED, [exc.detail], None, ""
    except NotCellSecFileError as exc:
        state = HealthState.DAMAGED if dbfile.claims_to_be_ours(path) else HealthState.NOT_CELLSEC
        return state, [exc.detail or str(exc)], None, ""
    except (dbfile.Error, OSError) as exc:
        kind = faults.classify(exc, path)
        if kind == faults.DAMAGED:
            return HealthState.DAMAGED, [str(exc)], None, ""
        return HealthState.UNREADABLE, [str(exc)], None, faults.explain(kind, path, "đọc")
    if found:
        return HealthState.DAMAGED, found, version, ""
    return HealthState.OK, [], version, ""


def _offer(backup: BackupInfo | None) -> str:
    if backup is None:
        return (
            " Không tìm thấy bản sao lưu tốt nào trong thư mục sao lưu. Đừng xóa tệp này; "
            "hãy nhờ người hỗ trợ kỹ thuật, hoặc khôi phục từ bản chép trên USB."
        )
    return (
        f" Có bản sao lưu tốt lúc {backup.created:%H:%M} ngày {backup.created:%d/%m/%Y} "
        f"({backup.members} hồ sơ đảng viên, {backup.meetings} buổi sinh hoạt). Bấm "
        "“Khôi phục” để dùng bản này; tệp hiện tại được giữ lại riêng, không bị xóa."
    )


def _message(path: Path, state: HealthState, detail: list[str], backup: BackupInfo | None) -> str:
    name = path.name
    if state is HealthState.OK or (state is HealthState.NEW and backup is None):
        return ""
    if state is HealthState.MISSING:
        return f"Không tìm thấy dữ liệu trong tệp “{name}” (tệp bị mất hoặc trống)." + _offer(backup)
    if state is HealthState.UNREADABLE:
        return (
            f"Không đọc được tệp dữ liệu “{name}” (có thể do quyền truy cập hoặc ổ đĩa bị "
            "lỗi). Tệp có thể vẫn còn nguyên: đừng xóa nó, hãy nhờ người hỗ trợ kiểm tra."
        )
    if state is HealthState.NOT_CELLSEC:
        return (
            f"Tệp “{name}” không phải tệp dữ liệu CellSec, hoặc đã hỏng nặng (có thể do mất "
            "điện khi đang ghi)."
        ) + _offer(backup)
    if state is HealthState.TOO_NEW:
        return detail[0] if detail else f"Tệp “{name}” được tạo bởi phiên bản CellSec mới hơn."
    return f"Tệp dữ liệu “{name}” bị hỏng (có thể do mất điện hoặc ổ đĩa lỗi)." + _offer(backup)
