"""How the app opens a data file: Store.open with what the backup package adds to it.

The store (below this package) never imports it; it takes these as `OpeningSteps`:
- a file CellSec made as a backup (its manifest beside it) is opened to look at, never changed;
- the backups folder also holds temporary copies a killed backup can leave: cleared at open;
- before a schema upgrade, a verified backup of the file as it was ("Trước khi nâng cấp").
Every caller that opens the secretary's file (the UI's opener, the CLI, an import into an
existing file) goes through `open_store`; a bare `Store.open` is for files the app makes itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cellsec.backup.create import make_backup
from cellsec.backup.manifest import BEFORE_MIGRATION, backups_folder, read_info
from cellsec.store import Store

# Labels of the temporary files made in a backups folder (backup.create, backup.files).
BACKUP_FOLDER_TEMPS = ("sao-luu", "chep", "ghi")


class BackupSteps:
    """The backup package's OpeningSteps (cellsec.store.opening)."""

    def read_only_reason(self, path: Path) -> str | None:
        info = read_info(path)
        if not info.has_manifest:
            return None
        return (
            f"Tệp “{path.name}” là một bản sao lưu (lúc {info.created:%H:%M} ngày "
            f"{info.created:%d/%m/%Y}). CellSec mở nó để xem, không sửa, để bản sao lưu luôn "
            "giữ nguyên như khi được kiểm tra. Muốn dùng lại dữ liệu này: mở tệp dữ liệu của "
            "chi bộ, rồi chọn Tệp › Sao lưu và khôi phục › Khôi phục từ tệp…"
        )

    def temp_folders(self, path: Path) -> Sequence[tuple[Path, tuple[str, ...]]]:
        return [(backups_folder(path), BACKUP_FOLDER_TEMPS)]

    def before_migration(self, path: Path) -> Path:
        # A verified copy in the backups folder (kept by retention); refuses a damaged file.
        return make_backup(path, kind=BEFORE_MIGRATION).path


def open_store(path: str | Path, **options: Any) -> Store:
    """Store.open(path, **options) with the backup steps."""
    return Store.open(path, steps=BackupSteps(), **options)
