"""Warn when the data file sits where SQLite is unsafe: a network share or a cloud-synced folder.

SQLite's locking and WAL shared memory do not work reliably over SMB/NFS, and sync tools
(OneDrive, Dropbox, Google Drive, iCloud) upload half-written files and make "conflict copies".
Best effort: a None answer is not a guarantee.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import PurePath, PurePosixPath, PureWindowsPath

NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
    "davfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "fuse.s3fs",
    "lustre",
    "gpfs",
    "ncpfs",
    "coda",
}
CLOUD_PREFIXES = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud",
    "icloud drive",
    "iclouddrive",
    "mobile documents",
    "box sync",
    "pcloud drive",
    # Google Drive for desktop on a Vietnamese Windows: "My Drive", "Shared drives"
    "drive của tôi",
    "bộ nhớ dùng chung",
)
DRIVE_REMOTE = 4


def _cloud_part(parts: tuple[str, ...]) -> str | None:
    for part in parts:
        low = unicodedata.normalize("NFC", part).casefold().replace("_", " ")
        if low.startswith(CLOUD_PREFIXES):
            return part
    return None


def _windows_remote_drive(drive: str) -> bool:
    """A mapped network drive (Z: -> \\\\server\\share): GetDriveTypeW says DRIVE_REMOTE."""
    if sys.platform != "win32" or len(drive) != 2 or drive[1] != ":":
        return False
    try:
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]
    except (OSError, AttributeError):
        return False


def _mount_fs_type(path: PurePosixPath, mounts: str) -> str | None:
    """The file system type of the longest /proc/mounts entry containing `path`."""
    best, best_type = -1, None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = path == PurePosixPath(point) or PurePosixPath(point) in path.parents
        if inside and len(point) > best:
            best, best_type = len(point), fields[2]
    return best_type


def _read_mounts() -> str:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def is_risky_location(
    path: str | os.PathLike[str], *, platform: str | None = None, mounts: str | None = None
) -> str | None:
    """A Vietnamese warning naming the file, or None. `platform` and `mounts` (the text of
    /proc/mounts) are for tests; by default they describe this machine."""
    platform = platform or sys.platform
    raw = os.fspath(path)
    name = PureWindowsPath(raw).name if platform == "win32" else PurePosixPath(raw).name
    network = (
        f"Tệp dữ liệu “{name}” nằm trên ổ mạng (máy khác trong mạng). Mất mạng hay mất "
        "điện khi đang ghi có thể làm hỏng tệp, và hai máy có thể cùng ghi một lúc. Hãy "
        "để tệp dữ liệu trên ổ đĩa của chính máy này."
    )
    if platform == "win32":
        p: PurePath = PureWindowsPath(raw)
        if raw.startswith(("\\\\", "//")) or p.drive.startswith(("\\\\", "//")):
            return network
        if _windows_remote_drive(p.drive):
            return network
    else:
        p = PurePosixPath(os.path.abspath(raw))
        fs = _mount_fs_type(p, _read_mounts() if mounts is None else mounts)
        if fs and (fs in NETWORK_FS or fs.split(".")[0] in NETWORK_FS):
            return network
    cloud = _cloud_part(p.parts[:-1])
    if cloud:
        return (
            f"Tệp dữ liệu “{name}” nằm trong thư mục đồng bộ đám mây “{cloud}”. Phần mềm "
            "đồng bộ có thể chép tệp khi đang ghi dở hoặc tạo bản xung đột, làm hỏng hay mất "
            "dữ liệu; dữ liệu đảng viên cũng không nên đưa lên mạng. Hãy để tệp dữ liệu ở thư "
            "mục khác trên máy này và sao lưu ra USB."
        )
    return None
