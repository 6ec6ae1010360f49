"""The record of the copies made "to…" a USB stick through CellSec: a small JSON file in the
data file's backups folder (beside the backups it speaks of, so it survives a restore and goes
with them), written after each verified copy and read by the to-do list's "copy to USB" rule."""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cellsec.backup.files import write_bytes_atomic
from cellsec.backup.manifest import backups_folder
from cellsec.errors import StorageError

RECORD_NAME = "usb-copies.json"
FORMAT = "cellsec-usb-copies"
KEEP = 100  # the newest copies kept in the record


@dataclass(frozen=True)
class UsbCopy:
    """One verified copy of a backup made to another place (a USB stick)."""

    at: datetime  # local time, naive (the PC's clock)
    backup: str  # the backup's file name
    dest: str  # where the copy was written
    encrypted: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "backup": self.backup,
            "dest": self.dest,
            "encrypted": self.encrypted,
        }


def record_path(data_path: Path | str, folder: Path | str | None = None) -> Path:
    return backups_folder(Path(data_path), folder) / RECORD_NAME


def usb_copies(data_path: Path | str, folder: Path | str | None = None) -> list[UsbCopy]:
    """The recorded copies of this data file's backups, newest first ([] when there is none,
    or when the record cannot be read: a damaged record never stops anything)."""
    try:
        raw = json.loads(record_path(data_path, folder).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return []
        found = [
            UsbCopy(
                datetime.fromisoformat(str(c["at"])).replace(tzinfo=None),
                str(c.get("backup", "")),
                str(c.get("dest", "")),
                bool(c.get("encrypted", False)),
            )
            for c in raw.get("copies", [])
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []
    return sorted(found, key=lambda c: c.at, reverse=True)


def last_usb_copy(data_path: Path | str, folder: Path | str | None = None) -> date | None:
    """THE day of the newest copy to a USB stick made through CellSec (None if none): what the
    to-do list's reminder and the backups dialog read."""
    copies = usb_copies(data_path, folder)
    return copies[0].at.date() if copies else None


def record_usb_copy(data_path: Path | str, copy: UsbCopy, folder: Path | str | None = None) -> bool:
    """Add a verified copy to the record. False when the record could not be written (a
    read-only folder): the copy itself is good, so this never fails the copy."""
    copies = [copy, *usb_copies(data_path, folder)][:KEEP]
    data = {"format": FORMAT, "version": 1, "copies": [c.to_json() for c in copies]}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    where = record_path(data_path, folder)
    with suppress(OSError, StorageError):
        where.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(where, text.encode("utf-8"), Path(data_path))
        return True
    return False
