"""Careful file writing: temporary names in the target folder, fsync, atomic replace, SHA-256."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cellsec.errors import StorageError
from cellsec.store import faults
from cellsec.store.fileops import SIDECARS, fsync_file, remove_file, replace_file, temp_name


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows cannot open a folder; NTFS journals renames itself."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(folder: Path, label: str, owner: Path | None = None) -> Path:
    """A hidden temporary name in `folder` (same volume, so os.replace is atomic). `owner`: the
    data file it belongs to, so that file's next opening removes it if we are killed."""
    return temp_name(folder, label, owner)


def remove_quietly(path: Path) -> None:
    for p in (Path(path), *(Path(str(path) + s) for s in SIDECARS)):
        with suppress(OSError, StorageError):
            remove_file(p)


@contextmanager
def atomic_target(dest: Path, label: str = "ghi", owner: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `dest`; on success fsync it and move it over `dest`."""
    dest = Path(dest)
    tmp = temp_path(dest.parent, label, owner)
    try:
        yield tmp
        fsync_file(tmp)
        replace_file(tmp, dest)
        fsync_dir(dest.parent)
    finally:
        remove_quietly(tmp)


def write_bytes_atomic(dest: Path, data: bytes, owner: Path | None = None) -> None:
    with atomic_target(dest, "ghi", owner) as tmp:
        tmp.write_bytes(data)


def copy_file_atomic(src: Path, dest: Path, owner: Path | None = None) -> None:
    with atomic_target(dest, "chep", owner) as tmp:
        shutil.copyfile(src, tmp)


def ensure_folder(folder: Path) -> Path:
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise faults.fault(exc, Path(folder), "tạo thư mục") from exc
    return Path(folder)


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem+suffix`, or stem-2, stem-3 ... when that name is taken."""
    candidate = Path(folder) / f"{stem}{suffix}"
    n = 2
    while candidate.exists() or Path(str(candidate) + ".json").exists():
        candidate = Path(folder) / f"{stem}-{n}{suffix}"
        n += 1
    return candidate
