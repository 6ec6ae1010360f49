"""The one place that turns SQLite's and the OS's errors into named faults with Vietnamese text.

SQLite's own words ("attempt to write a readonly database", "disk I/O error", "unable to open
database file") never reach a user: `fault()` classifies an error by its kind — SQLite's result
code, the OS errno / Windows error — and, where the code is ambiguous (SQLITE_CANTOPEN and
SQLITE_IOERR cover a removed USB stick, a read-only folder and a full disk alike), by looking
at the place itself. The raw text stays in `StorageError.detail` for the log.

The point of naming the environment's faults: a sound file in a read-only folder or on a full
disk must never be called "damaged" (and offered a restore that would replace it).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from cellsec.errors import (
    DamagedFileError,
    DiskFullError,
    EnvironmentFault,
    FileGoneError,
    ReadOnlyError,
    StorageError,
)

READ_ONLY_FILE = "read_only_file"
READ_ONLY_FOLDER = "read_only_folder"
READ_ONLY_MEDIA = "read_only_media"
DISK_FULL = "disk_full"
GONE = "gone"
DISK_ERROR = "disk_error"
BUSY = "busy"
DAMAGED = "damaged"
UNKNOWN = "unknown"
READ_ONLY_KINDS = (READ_ONLY_FILE, READ_ONLY_FOLDER, READ_ONLY_MEDIA)

# Windows error numbers (OSError.winerror) that say the same things as the errnos below.
_WIN_GONE = {2, 3, 15, 21, 53, 55, 64, 67, 1006, 1167}  # not found, not ready, net name gone…
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_WRITE_PROTECT = {19}  # ERROR_WRITE_PROTECT
_WIN_BUSY = {32, 33}  # sharing / lock violation
_GONE_ERRNOS = {
    errno.ENOENT,
    errno.ENODEV,
    errno.ENXIO,
    getattr(errno, "ESTALE", -1),
    getattr(errno, "ENOMEDIUM", -1),
    getattr(errno, "ENOTCONN", -1),
}
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}
LOW_SPACE = 256 * 1024  # below this, an I/O error while writing is taken to be a full disk


def _exists(path: Path) -> bool | None:
    """True/False, or None when even asking fails (the drive itself is gone)."""
    try:
        return path.exists()
    except OSError:
        return None


def _write_refusal(err: OSError) -> str | None:
    if err.errno == errno.EROFS or getattr(err, "winerror", None) in _WIN_WRITE_PROTECT:
        return READ_ONLY_MEDIA
    if err.errno in (errno.EACCES, errno.EPERM):
        return ""  # refused: the caller knows whether it asked about the file or the folder
    if err.errno in _FULL_ERRNOS or getattr(err, "winerror", None) in _WIN_FULL:
        return DISK_FULL
    return None


def probe(path: Path) -> str | None:
    """Look at the place: which environmental fault stops writing `path`, or None if none
    shows (the file can be opened for writing and the folder takes a new file)."""
    path = Path(path)
    folder = path.parent
    if not _exists(folder):
        return GONE
    if _exists(path):
        try:
            os.close(os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0)))
        except OSError as err:
            kind = _write_refusal(err)
            if kind is not None:
                return kind or READ_ONLY_FILE
            if err.errno in _GONE_ERRNOS:
                return GONE
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".cellsec-probe-")
        os.close(fd)
        os.unlink(name)
    except OSError as err:
        kind = _write_refusal(err)
        if kind is not None:
            return kind or READ_ONLY_FOLDER
        if err.errno in _GONE_ERRNOS:
            return GONE
    try:
        if shutil.disk_usage(folder).free < LOW_SPACE:
            return DISK_FULL
    except OSError:
        return GONE
    return None


def classify(exc: BaseException, path: Path) -> str:
    """The kind of fault `exc` is, for the file `path` (see the module's constants)."""
    if isinstance(exc, UnicodeDecodeError):
        return DAMAGED  # text SQLite holds as UTF-8 that is not: damaged bytes
    if isinstance(exc, sqlite3.Error):
        return _classify_sqlite(exc, Path(path))
    if isinstance(exc, OSError):
        return _classify_os(exc, Path(path))
    return UNKNOWN


def _classify_sqlite(exc: sqlite3.Error, path: Path) -> str:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        return DISK_FULL
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DAMAGED
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return BUSY
    if primary == sqlite3.SQLITE_READONLY:
        if code == sqlite3.SQLITE_READONLY_DIRECTORY:
            return probe(path) or READ_ONLY_FOLDER
        return probe(path) or READ_ONLY_FILE
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return probe(path) or (DISK_ERROR if primary == sqlite3.SQLITE_IOERR else UNKNOWN)
    if primary is None and isinstance(exc, sqlite3.DatabaseError):
        text = str(exc).lower()
        if "malformed" in text or "not a database" in text:
            return DAMAGED
    return UNKNOWN


def _classify_os(exc: OSError, path: Path) -> str:
    win = getattr(exc, "winerror", None)
    if exc.errno in _FULL_ERRNOS or win in _WIN_FULL:
        return DISK_FULL
    if exc.errno == errno.EROFS or win in _WIN_WRITE_PROTECT:
        return READ_ONLY_MEDIA
    if win in _WIN_BUSY:
        return BUSY
    if exc.errno in (errno.EACCES, errno.EPERM):
        return probe(path) or READ_ONLY_FILE
    if exc.errno in _GONE_ERRNOS or win in _WIN_GONE:
        return probe(path) or GONE
    if exc.errno == errno.EIO:
        return probe(path) or DISK_ERROR
    return UNKNOWN


def explain(kind: str, path: Path, doing: str) -> str:
    """The Vietnamese sentence for a fault: what happened, then what to do. `doing` is the verb
    phrase of what failed ("mở", "lưu", "sao lưu", "khôi phục", "chép", "lưu thay đổi vào")."""
    path = Path(path)
    what = f"không {doing} “{path.name}” được"
    folder = path.parent
    if kind == READ_ONLY_FILE:
        return (
            f"Tệp “{path.name}” chỉ cho đọc (có đánh dấu Chỉ đọc – Read-only – hoặc tài "
            f"khoản này không có quyền ghi vào tệp), nên {what}. Cách sửa: đóng CellSec, bấm "
            "chuột phải vào tệp › Properties (Thuộc tính), bỏ dấu ở ô “Read-only”, rồi mở "
            "lại; hoặc chép tệp sang thư mục Tài liệu (Documents) của mình và mở bản chép."
        )
    if kind == READ_ONLY_FOLDER:
        return (
            f"Thư mục “{folder}” không cho ghi (tài khoản này không có quyền ghi vào đó), "
            f"nên {what}. Cách sửa: chép tệp sang thư mục Tài liệu (Documents) của mình rồi "
            "mở bản chép, hoặc nhờ người quản trị máy cấp quyền ghi vào thư mục."
        )
    if kind == READ_ONLY_MEDIA:
        return (
            f"Ổ đĩa chứa “{path.name}” chỉ cho đọc (USB đang gạt khóa ghi, đĩa CD/DVD, hoặc "
            f"ổ mạng chỉ đọc), nên {what}. Cách sửa: gạt khóa trên USB về vị trí mở rồi cắm "
            "lại, hoặc chép tệp sang ổ đĩa của máy này."
        )
    if kind == DISK_FULL:
        return (
            f"Ổ đĩa chứa thư mục “{folder}” đã đầy, nên {what}. Dữ liệu đã lưu trước đó vẫn "
            "an toàn. Cách sửa: xóa bớt tệp không cần trên ổ đĩa này, dọn Thùng rác (Recycle "
            "Bin), rồi thử lại."
        )
    if kind == GONE:
        return (
            f"Không còn thấy “{path.name}” ở “{folder}” (USB đã bị rút, hoặc ổ mạng bị "
            f"ngắt?), nên {what}. Cách sửa: cắm lại USB (hoặc nối lại mạng), rồi đóng và mở "
            "lại CellSec. Những gì đã lưu trước đó vẫn nằm trong tệp."
        )
    if kind == DISK_ERROR:
        return (
            f"Ổ đĩa báo lỗi khi đọc hoặc ghi “{path.name}”, nên {what}. Ổ đĩa có thể sắp "
            "hỏng: hãy chép một bản sao lưu ra USB ngay và nhờ người hỗ trợ kiểm tra máy."
        )
    if kind == BUSY:
        return (
            f"Tệp “{path.name}” đang bị một chương trình khác giữ (phần mềm diệt virus, phần "
            f"mềm đồng bộ, hoặc một cửa sổ CellSec khác), nên chưa {doing} được. Hãy đợi một "
            "lát rồi thử lại."
        )
    if kind == DAMAGED:
        return (
            f"Tệp dữ liệu “{path.name}” bị hỏng (có thể do mất điện hoặc ổ đĩa lỗi), nên "
            f"{what}. Hãy khôi phục từ bản sao lưu gần nhất (menu Tệp › Sao lưu và khôi "
            "phục); tệp hỏng sẽ được giữ lại."
        )
    return (
        f"Do một lỗi của hệ thống, {what}. Dữ liệu đã lưu trước đó không bị ảnh hưởng. Nếu "
        "lỗi lặp lại, hãy báo người hỗ trợ."
    )


def _code_name(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        return str(name)
    if isinstance(exc, OSError) and exc.errno is not None:
        return errno.errorcode.get(exc.errno, str(exc.errno))
    return type(exc).__name__


def fault(exc: BaseException, path: Path, doing: str, *, kind: str | None = None) -> StorageError:
    """The StorageError to raise for `exc` met while doing `doing` to `path` (raise it `from
    exc`). Read-only kinds give ReadOnlyError, a full disk DiskFullError, a vanished drive
    FileGoneError, damage DamagedFileError; an error of no known kind a StorageError naming
    its code for support."""
    kind = kind or classify(exc, Path(path))
    message = explain(kind, Path(path), doing)
    detail = f"{_code_name(exc)}: {exc}"
    if kind in READ_ONLY_KINDS:
        return ReadOnlyError(message, kind=kind, detail=detail)
    if kind == DISK_FULL:
        return DiskFullError(message, kind=kind, detail=detail)
    if kind == GONE:
        return FileGoneError(message, kind=kind, detail=detail)
    if kind == DAMAGED:
        return DamagedFileError(message, detail=detail)
    if kind in (DISK_ERROR, BUSY):
        return EnvironmentFault(message, kind=kind, detail=detail)
    return StorageError(f"{message} (Mã lỗi: {_code_name(exc)})", detail=detail)


def is_environmental(exc: BaseException) -> bool:
    """Errors `fault()` knows how to name (the rest — constraint violations, misuse — are bugs
    and must propagate as such)."""
    if isinstance(exc, (OSError, UnicodeDecodeError)):
        return True
    if isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)):
        return False
    return isinstance(exc, sqlite3.DatabaseError)
