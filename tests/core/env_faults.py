"""Making the machine fail for real, where the platform allows (no tests here).

Read-only file / folder: chmod for an ordinary user; root ignores permissions, so as root the
immutable attribute (chattr +i) is used. Read-only medium and full disk: a small tmpfs mounted
for the test (root on Linux only). Each helper skips the test when the platform cannot do it;
the suite then still covers the same code through SQLite's own limit (max_page_count), see
test_environment_faults.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(list(cmd), capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@lru_cache(maxsize=1)
def can_mount() -> bool:
    """Root on Linux with the right to mount a tmpfs (not in every container)."""
    if not (IS_ROOT and sys.platform.startswith("linux") and shutil.which("mount")):
        return False
    probe = Path(f"/tmp/cellsec-mount-probe-{uuid.uuid4().hex[:8]}")
    probe.mkdir()
    try:
        if not _run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)):
            return False
        _run("umount", str(probe))
        return True
    finally:
        probe.rmdir()


def _chattr(path: Path, flag: str) -> bool:
    return bool(shutil.which("chattr")) and _run("chattr", flag, str(path))


@contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    """`path` cannot be opened for writing (folder still writable)."""
    if sys.platform == "win32":
        pytest.skip("read-only attribute tests are for POSIX here")
    if IS_ROOT:
        if not _chattr(path, "+i"):
            pytest.skip("cannot make a file immutable here")
        try:
            yield
        finally:
            _chattr(path, "-i")
        return
    mode = path.stat().st_mode
    path.chmod(0o444)
    try:
        yield
    finally:
        path.chmod(mode)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """No file can be created or removed in `folder` (its files stay writable)."""
    if sys.platform == "win32":
        pytest.skip("folder permissions tests are for POSIX here")
    if IS_ROOT:
        if not _chattr(folder, "+i"):
            pytest.skip("cannot make a folder immutable here")
        try:
            yield
        finally:
            _chattr(folder, "-i")
        return
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(mode)


@contextmanager
def small_disk(where: Path, size_kib: int = 1024) -> Iterator[Path]:
    """A tmpfs of `size_kib` mounted at `where` (created): a disk that fills up for real."""
    if not can_mount():
        pytest.skip("mounting a small disk needs root on Linux")
    where.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(where)):
        pytest.skip("mount failed")
    try:
        yield where
    finally:
        if not _run("umount", str(where)):
            _run("umount", "-l", str(where))


def remount_read_only(where: Path) -> None:
    """The medium of `small_disk` becomes read-only (a USB stick's write-protect switch)."""
    assert _run("mount", "-o", "remount,ro", str(where)), "remount ro failed"


def remount_writable(where: Path) -> None:
    assert _run("mount", "-o", "remount,rw", str(where)), "remount rw failed"


def fill_disk(folder: Path) -> Path:
    """Write a filler file until the disk is full; remove it to free the space."""
    filler = folder / "filler.bin"
    block = b"\0" * 4096
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(block)
        except OSError:
            pass
    return filler


def files_of(folder: Path) -> dict[str, bytes]:
    """Name → bytes of every file in `folder` (to show nothing was changed or lost)."""
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir()) if p.is_file()}
