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
    """The data file cannot be used (unreadable, locked, damaged ...)."""


class NotCellSecFileError(StorageError):
    """The file exists but is not a CellSec data file."""


class DatabaseTooNewError(StorageError):
    """The file was written by a newer CellSec than this one."""


class FileInUseError(StorageError):
    """Another running CellSec holds the file open for writing."""


class DamagedFileError(StorageError):
    """The file is a CellSec file but its integrity check fails."""
