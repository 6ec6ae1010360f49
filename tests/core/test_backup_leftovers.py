"""Nothing sensitive is left behind: a killed restore or backup leaves no plaintext copy past
the next start, and looking at a backup (opening it in the app, verifying it) never changes it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from test_backup_helpers import demo_file

from cellsec.backup import backups_folder, copy_backup_to, make_backup, verify_backup
from cellsec.backup.opening import open_store
from cellsec.errors import ReadOnlyError

NOON = datetime(2026, 11, 22, 9, 30)
# Runs `action` in a process that dies (no clean-up, like a kill or a power cut) at `where`.
DIE_AT = """
import os, sys
from pathlib import Path
import cellsec.backup
create = sys.modules["cellsec.backup.create"]
restore_mod = sys.modules["cellsec.backup.restore"]   # the package exports a function restore
where, action = sys.argv[1], sys.argv[2]
def die(*_a, **_k):
    os._exit(9)
if where == "restore-check":
    restore_mod._check_candidate = die
else:
    create._verified_info = die
if action == "restore":
    restore_mod.restore(Path(sys.argv[3]), Path(sys.argv[4]), password=sys.argv[5] or None)
else:
    create.make_backup(Path(sys.argv[3]))
"""


def _die_during(where: str, action: str, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", DIE_AT, where, action, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )
    assert result.returncode == 9, result.stderr


def _temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".tmp" in p.name)


@pytest.mark.slow
@pytest.mark.parametrize("encrypted", [False, True])
def test_a_killed_restore_leaves_no_plaintext_copy_past_the_next_start(tmp_path, encrypted):
    # GIVEN a backup (or its encrypted USB copy) being restored when the process is killed
    path = demo_file(tmp_path)
    source = make_backup(path, now=NOON).path
    password = ""
    if encrypted:
        password = "mật khẩu USB"
        source = copy_backup_to(source, tmp_path / "usb", password=password)
    _die_during("restore-check", "restore", str(path), str(source), password)
    # THEN the killed restore left the whole data, in plain text, in the data folder …
    left = _temporaries(tmp_path)
    assert left and left[0].read_bytes().startswith(b"SQLite format 3")
    assert "Nguyễn".encode() in left[0].read_bytes()
    # WHEN the app next opens the data file THEN that copy is gone, the data file intact
    with open_store(path) as store:
        assert store.members.count() > 0
    assert _temporaries(tmp_path) == []


@pytest.mark.slow
def test_a_killed_backup_leaves_no_copy_past_the_next_start(tmp_path):
    path = demo_file(tmp_path)
    _die_during("backup-verify", "backup", str(path))
    folder = backups_folder(path)
    assert _temporaries(folder)
    open_store(path).close()
    assert _temporaries(folder) == []


def test_temporaries_of_another_data_file_in_the_folder_are_left_alone(tmp_path):
    # GIVEN a restore of another data file in the same folder still running (its temporary)
    path = demo_file(tmp_path)
    theirs = tmp_path / ".thon-khac.cellsec.khoi-phuc.0123456789ab.tmp"
    theirs.write_bytes(b"SQLite format 3\0")
    # WHEN this file is opened THEN the other one's temporary stays
    open_store(path).close()
    assert theirs.exists()


def _state(path: Path) -> tuple[bytes, int, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir())
    return path.read_bytes(), os.stat(path).st_mtime_ns, siblings


def test_opening_a_backup_in_the_app_never_changes_it(tmp_path):
    # GIVEN a verified backup
    path = demo_file(tmp_path)
    backup = make_backup(path, now=NOON)
    before = _state(backup.path)
    # WHEN the secretary opens it with "Mở tệp dữ liệu…" and looks around
    with open_store(backup.path) as store:
        # THEN it opens to be looked at, saying it is a backup and how to use it
        assert store.read_only is not None and "bản sao lưu" in store.read_only
        assert "Khôi phục từ tệp" in store.read_only
        assert store.members.count() == backup.members
        with pytest.raises(ReadOnlyError), store.transaction():
            pass
    # AND not a byte, not its time, not a file beside it has changed; it still verifies
    assert _state(backup.path) == before
    assert verify_backup(backup.path).ok
    assert _state(backup.path) == before
