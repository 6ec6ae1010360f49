"""The lock is on the file, not its name: two names of one file cannot both be opened for
writing — a hard link, a symlink, another spelling of the path, a folder mounted twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from env_faults import can_mount

from cellsec.backup import make_backup, restore
from cellsec.errors import FileInUseError
from cellsec.store import Store
from cellsec.store.lock import identity_locking

pytestmark = pytest.mark.skipif(
    not identity_locking(), reason="this platform locks by name only (see store/lock.py)"
)

OPEN_ELSEWHERE = (  # its output is UTF-8 whatever the console's code page (cp1252 on Windows)
    "import sys\nsys.stdout.reconfigure(encoding='utf-8')\n"
    "from cellsec.store import Store\nfrom cellsec.errors import FileInUseError\n"
    "try:\n    Store.open(sys.argv[1]).close()\nexcept FileInUseError as e:\n"
    "    print(e); sys.exit(3)\n"
)


def _other_process_opens(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", OPEN_ELSEWHERE, str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.mark.slow
def test_a_hard_link_in_another_folder_is_the_same_file(tmp_path):
    # GIVEN the data file open in one window, and a second name for it in another folder
    path = tmp_path / "chibo.cellsec"
    other = tmp_path / "ban-khac"
    other.mkdir()
    with Store.open(path):
        alias = other / "chi-bo-thon.cellsec"
        os.link(path, alias)
        # WHEN the second name is opened, here or in another process
        with pytest.raises(FileInUseError, match="tên hoặc đường dẫn khác"):
            Store.open(alias)
        result = _other_process_opens(alias)
        # THEN both are refused: the lock is on the file itself
        assert result.returncode == 3, result.stdout + result.stderr
        assert "đang được mở bởi một cửa sổ CellSec khác" in result.stdout
    # AND once the first window closes, the second name opens
    Store.open(alias).close()


@pytest.mark.parametrize("spelling", ["symlink", "dotdot", "double-slash"])
def test_other_spellings_of_the_path_are_the_same_file(tmp_path, spelling):
    path = tmp_path / "chibo.cellsec"
    with Store.open(path):
        if spelling == "symlink":
            alias = tmp_path / "loi-tat.cellsec"
            alias.symlink_to(path)
        elif spelling == "dotdot":
            alias = Path(f"{tmp_path}/../{tmp_path.name}/chibo.cellsec")
        else:
            alias = Path(f"{tmp_path}//chibo.cellsec")
        with pytest.raises(FileInUseError):
            Store.open(alias)


@pytest.mark.slow
@pytest.mark.skipif(not can_mount(), reason="bind mounts need root on Linux")
def test_a_folder_mounted_twice_is_the_same_file(tmp_path):
    # GIVEN the data folder reachable under a second path (as a mapped drive and its UNC path
    # are on Windows): no spelling of the name reveals that it is the same file
    real = tmp_path / "real"
    real.mkdir()
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    assert subprocess.run(["mount", "--bind", str(real), str(mirror)]).returncode == 0
    try:
        with Store.open(real / "chibo.cellsec"):
            assert (mirror / "chibo.cellsec").resolve() != (real / "chibo.cellsec").resolve()
            with pytest.raises(FileInUseError):
                Store.open(mirror / "chibo.cellsec")
            assert _other_process_opens(mirror / "chibo.cellsec").returncode == 3
    finally:
        subprocess.run(["umount", str(mirror)])


def test_a_restore_through_another_name_is_refused_while_the_file_is_open(tmp_path):
    # GIVEN the data file open, a backup of it, and a hard link to it
    path = tmp_path / "chibo.cellsec"
    alias = tmp_path / "ten-khac.cellsec"
    with Store.open(path) as store:
        backup = make_backup(store)
        os.link(path, alias)
        # WHEN a restore is started through the other name THEN it is refused
        with pytest.raises(FileInUseError):
            restore(alias, backup.path)
