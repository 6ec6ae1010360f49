"""A check that passes means it: restore trusts a backup's own checksum, "restore newest" falls
back to a backup that really verifies, and a rotted backup never stops new ones."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from test_backup_helpers import demo_file, dump

from cellsec.backup import (
    BackupVerificationError,
    backup_if_due,
    list_backups,
    make_backup,
    newest_good,
    restore,
    restore_newest,
    verify_backup,
)

NOON = datetime(2026, 11, 22, 9, 30)


def edit_with_another_tool(backup: Path) -> None:
    """Someone changes a backup with an SQLite tool: still a sound database, other content."""
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE cell_profile SET secretary = 'Người Sửa Lén'")
    conn.commit()
    conn.close()


def rot(backup: Path) -> None:
    """Disk rot: one byte of a page changes; the size stays the same."""
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x40
    backup.write_bytes(bytes(data))


def test_restore_refuses_a_backup_changed_after_it_was_made(tmp_path):
    # GIVEN a backup that someone then edited with another program (it is still sound SQLite)
    path = demo_file(tmp_path)
    before = dump(path)
    backup = make_backup(path, now=NOON)
    edit_with_another_tool(backup.path)
    # WHEN it is restored THEN its own checksum refuses it, and the data file is untouched
    with pytest.raises(BackupVerificationError, match="SHA-256 không khớp"):
        restore(path, backup.path)
    assert dump(path) == before
    assert not verify_backup(backup.path).ok


def test_restore_newest_falls_back_to_the_newest_backup_that_verifies(tmp_path):
    # GIVEN three backups, the newest edited after it was made
    path = demo_file(tmp_path)
    make_backup(path, now=NOON - timedelta(days=2))
    second = make_backup(path, now=NOON - timedelta(days=1))
    newest = make_backup(path, now=NOON)
    expected = dump(second.path)
    edit_with_another_tool(newest.path)
    # WHEN "restore newest" is asked for THEN the second one is restored
    result = restore_newest(path, now=NOON + timedelta(hours=1))
    assert result.restored_from == second.path
    assert dump(path) == expected


def test_a_rotted_newest_backup_does_not_stop_automatic_backups(tmp_path):
    # GIVEN data that has not changed since its only backup, and that backup has rotted
    path = demo_file(tmp_path)
    old = make_backup(path, now=NOON)
    rot(old.path)
    assert newest_good(list_backups(path)) is not None  # its manifest still says "good"
    # WHEN the automatic backup looks ten minutes later (not due, nothing changed)
    result = backup_if_due(path, NOON + timedelta(minutes=10))
    # THEN it sees no sound backup, so it makes one at once
    assert result.outcome == "made" and result.backup is not None
    assert verify_backup(result.backup.path).ok
    assert [r.path for r in result.rotten] == [old.path]
    # AND the rotted one is no longer listed as good (the backup list and the status bar tell
    # the truth from now on); the file itself is left as it was for support
    listed = {i.path: i for i in list_backups(path)}
    assert not listed[old.path].good and listed[old.path].rotted
    assert newest_good(list_backups(path)).path == result.backup.path
    # AND the next look finds the new one sound: nothing more to do
    assert backup_if_due(path, NOON + timedelta(minutes=20)).outcome == "not_due"


def test_an_older_sound_backup_is_compared_when_the_newest_rotted(tmp_path):
    # GIVEN two backups of unchanged data, the newer one rotted
    path = demo_file(tmp_path)
    sound = make_backup(path, now=NOON - timedelta(hours=5))
    newer = make_backup(path, now=NOON - timedelta(hours=3))
    rot(newer.path)
    # WHEN the automatic backup is due THEN the older sound one counts: content unchanged
    result = backup_if_due(path, NOON)
    assert result.outcome == "unchanged" and result.backup.path == sound.path
    assert [r.path for r in result.rotten] == [newer.path]
