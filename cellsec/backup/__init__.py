"""Nothing is ever lost: verified backups, retention, restore, start-up checks, encrypted copies.

No Qt here. Every function works by path (an open Store is accepted where noted and only its
public `path` is read), so the UI can call them on a worker thread and the CLI without a Store.
"""

from __future__ import annotations

from cellsec.backup.copy import copy_backup_to
from cellsec.backup.create import adopt_migration_backup, make_backup, still_intact, verify_backup
from cellsec.backup.crypto import check_file_header, is_encrypted
from cellsec.backup.errors import BackupVerificationError, PasswordRequiredError, WrongPasswordError
from cellsec.backup.health import Health, HealthState, check_file, newest_verified_backup
from cellsec.backup.location import is_risky_location
from cellsec.backup.manifest import (
    BackupInfo,
    backups_folder,
    is_backup_file,
    list_backups,
    newest_good,
)
from cellsec.backup.opening import BackupSteps, open_store
from cellsec.backup.restore import RestoreResult, restore, restore_newest
from cellsec.backup.retention import Candidate, RetentionPolicy, apply_retention, plan_retention
from cellsec.backup.schedule import AutoBackup, backup_if_due, newest_sound
from cellsec.backup.usb_record import UsbCopy, last_usb_copy, usb_copies

__all__ = [
    "AutoBackup",
    "BackupInfo",
    "BackupSteps",
    "BackupVerificationError",
    "Candidate",
    "Health",
    "HealthState",
    "PasswordRequiredError",
    "RestoreResult",
    "RetentionPolicy",
    "UsbCopy",
    "WrongPasswordError",
    "adopt_migration_backup",
    "apply_retention",
    "backup_if_due",
    "backups_folder",
    "check_file",
    "check_file_header",
    "copy_backup_to",
    "is_backup_file",
    "is_encrypted",
    "is_risky_location",
    "last_usb_copy",
    "list_backups",
    "make_backup",
    "newest_good",
    "newest_sound",
    "newest_verified_backup",
    "open_store",
    "plan_retention",
    "restore",
    "restore_newest",
    "still_intact",
    "usb_copies",
    "verify_backup",
]
