"""Restore: round trip, damaged files found at start-up and restored in one call, refusals."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import datetime, timedelta

import pytest
from factories import TODAY, entry_form, member_form
from test_backup_helpers import demo_file, dump, scribble, set_user_version

from cellsec.backup import (
    HealthState,
    adopt_migration_backup,
    check_file,
    list_backups,
    make_backup,
    restore,
    restore_newest,
    verify_backup,
)
from cellsec.backup.opening import open_store
from cellsec.errors import DatabaseTooNewError, FileInUseError, NotCellSecFileError, StorageError
from cellsec.services.members import add_member
from cellsec.store import Store, migrate

NOON = datetime(2026, 11, 22, 9, 30)


def _add_someone(path):
    with Store.open(path) as store:
        add_member(
            store,
            member_form(full_name="Lê Thị Hoa", citizen_id="025088009999", party_card_no="012345670000"),
            entry_form(),
            today=TODAY,
        )


def test_restore_round_trip_gives_back_every_row(tmp_path):
    # GIVEN the demo cell, backed up, then changed
    path = demo_file(tmp_path)
    before = dump(path)
    info = make_backup(path, now=NOON)
    _add_someone(path)
    changed = dump(path)
    assert changed != before
    # WHEN restoring the backup
    result = restore(path, info.path, now=NOON + timedelta(hours=1))
    # THEN every table matches the source row by row, and the app reopens it
    assert dump(path) == before
    assert result.data_path == path and result.restored_from == info.path
    assert not result.needs_upgrade
    with Store.open(path) as store:
        assert store.integrity_ok()
    # AND the data as it was is kept aside as a "before restore" backup
    aside = result.kept_aside
    assert aside is not None and result.kept_aside_sound
    assert aside.name == "chibo.truoc-khoi-phuc-2026-11-22-1030.cellsec"
    assert dump(aside) == changed
    kinds = {i.path: i.kind for i in list_backups(path)}
    assert kinds[aside] == "before_restore"
    # the restore can itself be undone
    restore(path, aside, now=NOON + timedelta(hours=2))
    assert dump(path) == changed


def test_restore_folds_the_wal_of_the_current_file_into_the_kept_copy(tmp_path):
    # GIVEN the app still has commits only in the WAL (a writer connection left open)
    path = demo_file(tmp_path)
    info = make_backup(path, now=NOON)
    other = sqlite3.connect(path)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("UPDATE cell_profile SET secretary = 'Người Viết Cuối'")
    other.commit()
    expected = dump(path)
    other.close()
    # WHEN restoring THEN the kept-aside copy holds the last commit
    result = restore(path, info.path, now=NOON + timedelta(hours=1))
    assert dump(result.kept_aside) == expected


def test_damaged_file_is_detected_and_restored_in_one_call(tmp_path):
    # GIVEN good backups, then a power cut scribbles over the middle of the data file
    path = demo_file(tmp_path)
    make_backup(path, now=NOON - timedelta(days=1))
    good = make_backup(path, now=NOON)
    content = dump(good.path)
    scribble(path)
    damaged_bytes = path.read_bytes()
    # WHEN the app starts THEN the check says so in Vietnamese and offers the newest good backup
    start = time.perf_counter()
    health = check_file(path)
    assert time.perf_counter() - start < 5
    assert health.state is HealthState.DAMAGED and not health.ok and health.can_restore
    assert "chibo.cellsec" in health.message and "bị hỏng" in health.message
    assert "09:30 ngày 22/11/2026" in health.message
    assert health.newest_backup is not None and health.newest_backup.path == good.path
    # AND one call restores it, keeping the damaged file aside untouched
    result = restore_newest(path, now=NOON + timedelta(hours=2))
    assert result.restored_from == good.path
    assert dump(path) == content
    assert check_file(path).state is HealthState.OK
    assert result.kept_aside is not None and not result.kept_aside_sound
    assert result.kept_aside.read_bytes() == damaged_bytes
    # the damaged copy is listed (so support can find it) but never offered as good
    listed = {i.path: i for i in list_backups(path)}
    assert not listed[result.kept_aside].good
    assert check_file(path).newest_backup is None  # OK files do not look for backups


def test_truncated_file_is_detected(tmp_path):
    path = demo_file(tmp_path)
    make_backup(path, now=NOON)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    health = check_file(path)
    assert health.state is HealthState.DAMAGED and health.can_restore
    restore_newest(path)
    assert check_file(path).ok


@pytest.mark.parametrize(
    "content, state",
    [
        (b"", HealthState.MISSING),
        (b"PK\x03\x04 a zip file, not ours", HealthState.NOT_CELLSEC),
        (None, HealthState.MISSING),
    ],
)
def test_missing_empty_or_foreign_file_offers_the_backup(tmp_path, content, state):
    path = demo_file(tmp_path)
    make_backup(path, now=NOON)
    for p in (path, tmp_path / "chibo.cellsec-wal", tmp_path / "chibo.cellsec-shm"):
        p.unlink(missing_ok=True)
    if content is not None:
        path.write_bytes(content)
    health = check_file(path)
    assert health.state is state and health.can_restore and "chibo.cellsec" in health.message
    restore_newest(path)
    assert check_file(path).ok and dump(path) == dump(health.newest_backup.path)


def test_first_start_without_a_file_is_fine(tmp_path):
    health = check_file(tmp_path / "moi.cellsec")
    assert health.ok and health.state is HealthState.NEW and health.message == ""
    assert not (tmp_path / "moi.cellsec").exists()


def test_a_backup_from_a_newer_version_is_refused(tmp_path):
    path = demo_file(tmp_path)
    before = dump(path)
    newer = tmp_path / "tu-may-khac.cellsec"
    shutil.copyfile(make_backup(path, now=NOON).path, newer)
    set_user_version(newer, migrate.latest_version() + 1)
    with pytest.raises(DatabaseTooNewError, match="tu-may-khac.cellsec"):
        restore(path, newer)
    assert dump(path) == before
    assert [i.kind for i in list_backups(path)] == ["manual"]  # nothing kept aside, nothing done


def test_foreign_and_damaged_sources_are_refused(tmp_path):
    path = demo_file(tmp_path)
    before = dump(path)
    text = tmp_path / "ghi-chu.cellsec"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(NotCellSecFileError, match="ghi-chu.cellsec"):
        restore(path, text)
    other = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotCellSecFileError, match="khac.sqlite"):
        restore(path, other)
    broken = make_backup(path, now=NOON).path
    scribble(broken)
    # an altered backup is refused by its own checksum before anything else
    with pytest.raises(StorageError, match="đã bị thay đổi hoặc hỏng sau khi sao lưu"):
        restore(path, broken)
    # the same damage in a loose file (no manifest) is refused by the integrity checks
    loose = tmp_path / "ban-chep-hong.cellsec"
    shutil.copyfile(broken, loose)
    with pytest.raises(StorageError, match="bị hỏng"):
        restore(path, loose)
    assert dump(path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_restore_refuses_while_the_file_is_open(tmp_path):
    path = demo_file(tmp_path)
    info = make_backup(path, now=NOON)
    with Store.open(path), pytest.raises(FileInUseError, match="chibo.cellsec"):
        restore(path, info.path)
    restore(path, info.path)


def test_restoring_an_older_schema_is_upgraded_on_open(tmp_path):
    old = tmp_path / "v1.cellsec"
    conn = sqlite3.connect(old)
    conn.executescript(migrate.migration_scripts()[0][1])
    conn.execute(f"PRAGMA application_id = {migrate.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    path = demo_file(tmp_path)
    result = restore(path, old)
    assert result.schema_version == 1 and result.needs_upgrade
    with Store.open(path) as store:
        assert store.schema_version == migrate.latest_version()


def test_the_copy_made_before_an_upgrade_joins_the_backups(tmp_path):
    # GIVEN a file from CellSec's first schema, upgraded on open (which copies it first)
    old = tmp_path / "chibo.cellsec"
    conn = sqlite3.connect(old)
    conn.executescript(migrate.migration_scripts()[0][1])
    conn.execute(f"PRAGMA application_id = {migrate.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_store(old) as store:
        bak = store.migration_backup
        assert bak is not None and bak.exists()
        # WHEN adopted into the backups folder
        info = adopt_migration_backup(store.path, bak)
    # THEN it is a verified "before migration" backup of schema 1 and the loose copy is gone
    assert info.kind == "before_migration" and info.schema_version == 1 and info.good
    assert info.path.parent == tmp_path / "chibo-backups" and "truoc-nang-cap" in info.path.name
    assert not bak.exists() and verify_backup(info.path).ok
    assert [i.kind for i in list_backups(old)] == ["before_migration"]


def test_restore_from_a_data_file_copied_with_its_wal(tmp_path):
    # GIVEN a data file from another PC, copied together with its -wal (last commits inside)
    other = demo_file(tmp_path, "may-khac.cellsec")
    writer = sqlite3.connect(other)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE cell_profile SET secretary = 'Chỉ Có Trong WAL'")
    writer.commit()
    expected = dump(other)
    usb = tmp_path / "usb"
    usb.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{other}{suffix}", usb / f"may-khac.cellsec{suffix}")
    writer.close()
    path = demo_file(tmp_path)
    # WHEN restoring from the copy THEN the WAL's commits come along; the copy is untouched
    wal_bytes = (usb / "may-khac.cellsec-wal").read_bytes()
    restore(path, usb / "may-khac.cellsec")
    assert dump(path) == expected
    assert (usb / "may-khac.cellsec-wal").read_bytes() == wal_bytes
