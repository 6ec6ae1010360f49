"""Automatic backups: decide whether one is due, skip it when nothing changed, prune after."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cellsec.backup.create import make_backup, source_path, still_intact
from cellsec.backup.manifest import AUTO, BackupInfo, list_backups, mark_rotten
from cellsec.backup.retention import DEFAULT_POLICY, RetentionPolicy, apply_retention
from cellsec.errors import StorageError
from cellsec.store import fileops as dbfile

DEFAULT_EVERY = timedelta(hours=2)

MADE = "made"
NOT_DUE = "not_due"
UNCHANGED = "unchanged"
NO_FILE = "no_file"


@dataclass(frozen=True)
class AutoBackup:
    outcome: str  # made / not_due / unchanged / no_file
    backup: BackupInfo | None = None  # the new backup, or the newest sound one when skipped
    deleted: list[Path] = field(default_factory=list)
    rotten: list[BackupInfo] = field(default_factory=list)  # found changed since made

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "backup": self.backup.to_json() if self.backup else None,
            "deleted": [str(p) for p in self.deleted],
            "rotten": [str(i.path) for i in self.rotten],
        }


def newest_sound(path: Path, folder: Path | str | None = None) -> tuple[BackupInfo | None, list[BackupInfo]]:
    """The newest backup whose bytes are still those verified when it was made, and the ones
    newer than it found rotten on the way (their manifests now say so: never offered again).
    Disk rot, a sync tool or a person can change a backup; trusting its manifest alone would
    skip new backups "because nothing changed" while no backup can be restored."""
    rotten: list[BackupInfo] = []
    for info in list_backups(path, folder):
        if not info.good:
            continue
        intact = still_intact(info)
        if intact:
            return info, rotten
        if intact is False:
            rotten.append(mark_rotten(info))
    return None, rotten


def backup_if_due(
    store_path: Any,
    now: datetime | None = None,
    *,
    every: timedelta = DEFAULT_EVERY,
    on_close: bool = False,
    folder: Path | str | None = None,
    policy: RetentionPolicy = DEFAULT_POLICY,
) -> AutoBackup:
    """Back up if the newest good backup is older than `every` (or at close), unless the
    content has not changed since that backup. Works with the Store open (own read-only
    connection, so it may run on a worker thread) or closed.

    "The newest backup" is the newest that is still sound (newest_sound): when none is, a
    backup is made now, whatever the time and whether or not the content changed.

    Raises StorageError/BackupVerificationError when a due backup cannot be made: the UI must
    tell the user — a silent failure here is how data is lost.
    """
    path = source_path(store_path)
    now = now or datetime.now()
    if not path.is_file():
        return AutoBackup(NO_FILE)
    newest, rotten = newest_sound(path, folder)
    if newest is not None and not on_close and newest.created <= now and now - newest.created < every:
        return AutoBackup(NOT_DUE, newest, rotten=rotten)
    if newest is not None and newest.fingerprint == dbfile.source_fingerprint(path):
        return AutoBackup(UNCHANGED, newest, rotten=rotten)
    made = make_backup(path, folder=folder, kind=AUTO, now=now)
    try:
        deleted = apply_retention(path, folder=folder, now=now, policy=policy)
    except StorageError:
        deleted = []  # the backup is made and sound: tidying up waits for the next one
    return AutoBackup(MADE, made, deleted, rotten)
