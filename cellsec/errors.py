"""Error types: a user's mistake (ValidationError) versus a problem with the file or machine."""

from __future__ import annotations


class CellSecError(Exception):
    """Base of every error the core raises on purpose; its message is Vietnamese, for the user."""


class ValidationError(CellSecError):
    """Input the user can fix. `field` names the field (Vietnamese label) the message is about."""

    def __init__(self, message: str, field: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.key = key  # the code name of the field, so a form can focus it


class StorageError(CellSecError):
    """The data file cannot be used (unreadable, locked, damaged ...).

    The message is Vietnamese for the user; `detail` keeps the system's own words (SQLite's or
    the OS's, in English) for the log and for support — it is never part of the message.
    """

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


class NotCellSecFileError(StorageError):
    """The file exists but is not a CellSec data file."""


class DatabaseTooNewError(StorageError):
    """The file was written by a newer CellSec than this one."""


class FileInUseError(StorageError):
    """Another running CellSec holds the file open for writing."""


class DamagedFileError(StorageError):
    """The file is a CellSec file but its integrity check fails."""


class EnvironmentFault(StorageError):
    """The machine, not the file: a read-only file or folder, a full disk, a drive that went
    away, a disk error. The file itself may well be sound: never offer to replace it.
    `kind` is one of the names in cellsec.store.faults (read_only_file, disk_full, gone ...)."""

    def __init__(self, message: str, *, kind: str, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.kind = kind


class ReadOnlyError(EnvironmentFault):
    """Writing is impossible here (read-only file, folder or medium, or a backup opened to look
    at): the file can be opened to read, and every write is refused with this message."""


class DiskFullError(EnvironmentFault):
    """The disk holding the file is full: nothing more can be written until space is freed."""


class FileGoneError(EnvironmentFault):
    """The file (or the USB stick / network drive it is on) is no longer there."""
