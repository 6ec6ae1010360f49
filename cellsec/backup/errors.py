"""Errors of the backup package; each is a StorageError whose message is Vietnamese for the user."""

from __future__ import annotations

from cellsec.errors import StorageError

WRONG_PASSWORD = "Mật khẩu không đúng hoặc tệp đã bị hỏng"


class BackupVerificationError(StorageError):
    """A backup just written failed its checks; it has been deleted."""


class PasswordRequiredError(StorageError):
    """The file is encrypted and no password was given."""


class WrongPasswordError(StorageError):
    """Decryption failed: wrong password, or the encrypted file was altered or damaged."""
