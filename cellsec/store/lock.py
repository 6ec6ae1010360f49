"""The one lock saying "a CellSec is writing this data file" — on the file itself, not its name.

Store.open and restore take it through `DataFileLock`; nothing else builds lock names.

Two locks, both released by the OS when the process dies (a killed CellSec never blocks the
next start):

1. A lock on the data file's identity. SQLite locks the database file itself, never a name:
   byte ranges at 1 GiB (the "pending byte" page) through fcntl() on POSIX and LockFileEx() on
   Windows, so every name of one file meets the same locks. We do the same, so that two names
   of one file — a hard link, a symlink, another spelling of the path, a folder mounted twice,
   on Windows a mapped drive and its UNC path or an 8.3 short name — cannot both be opened for
   writing:
   - Linux: flock() on a descriptor of the data file. The kernel keys it by inode, it belongs
     to our open file description (SQLite opening and closing its own descriptors of the same
     file does not release it, which is why fcntl() locks are unusable here: closing ANY
     descriptor of a file drops all of a process's fcntl locks on it), and it is independent
     of SQLite's fcntl locks. It works on a read-only descriptor, so also in a read-only folder.
   - Windows: a byte-range lock (msvcrt.locking = LockFile) on one byte far beyond anything
     SQLite can write (2^49 > 2^32 pages x 64 KiB). Windows range locks are mandatory, so the
     byte must be one nobody reads; SMB servers enforce them for every client handle, which is
     what makes a mapped drive and its UNC path collide.
   - elsewhere (macOS/BSD): flock and fcntl locks share one lock table there and would lock
     SQLite out of its own file, so only the name lock below is used.
2. The `<file>.lock` name lock (filelock): kept because a restore replaces the data file with
   a new one (a new identity) and must keep other windows out across that switch, and because
   on network file systems flock may be emulated with whole-file fcntl locks. The lock file is
   empty and stays behind after a crash; that is harmless.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from filelock import FileLock, Timeout

from cellsec.errors import FileInUseError

LOCK_SUFFIX = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 49


def lock_path(data_path: Path) -> Path:
    """`<data file>.lock`, the name lock's file (the only place this name is made)."""
    return Path(str(data_path) + LOCK_SUFFIX)


def _busy(data_path: Path) -> FileInUseError:
    return FileInUseError(
        f"Tệp dữ liệu “{data_path.name}” đang được mở bởi một cửa sổ CellSec khác (trên máy "
        "này hoặc máy khác trong mạng, có thể qua một tên hoặc đường dẫn khác). Hãy dùng cửa "
        "sổ đó, hoặc đóng nó rồi mở lại."
    )


def _lock_identity(fd: int) -> bool:
    """Take the identity lock on an open descriptor; False when another holder has it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock_identity(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    # POSIX: closing our descriptor releases the flock.
    os.close(fd)


def identity_locking() -> bool:
    """Whether this platform gets the lock on the file's identity (see the module doc)."""
    return sys.platform == "win32" or sys.platform.startswith("linux")


class DataFileLock:
    """Both locks of one data file. acquire() raises FileInUseError when another CellSec (or
    another Store in this process) holds either; OSError when the lock file cannot be made
    (a read-only folder: the caller names that fault)."""

    def __init__(self, data_path: Path) -> None:
        self.path = Path(data_path)
        self._name_lock = FileLock(str(lock_path(self.path)), timeout=0)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._name_lock.is_locked

    def acquire(self) -> None:
        try:
            self._name_lock.acquire()
        except Timeout:
            raise _busy(self.path) from None
        try:
            self.lock_file()
        except BaseException:
            self._name_lock.release()
            raise

    def lock_file(self) -> None:
        """The identity lock (again, after release_file); a no-op until the file exists."""
        if self._fd is not None or not identity_locking() or not self.path.exists():
            return
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        if not _lock_identity(fd):
            os.close(fd)
            raise _busy(self.path)
        self._fd = fd

    def release_file(self) -> None:
        """Let go of the file itself, keeping the name lock: Windows cannot replace a file we
        hold open, so a restore calls this just before moving the new file into place."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            _unlock_identity(fd)

    def release(self) -> None:
        self.release_file()
        if self._name_lock.is_locked:
            self._name_lock.release()
