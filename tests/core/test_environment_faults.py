"""The machine's faults are named as such: a read-only file, folder or medium, a full disk, a drive
that went away — a Vietnamese message saying what happened and what to do; the file is opened
read-only where it can be; a sound file is never called damaged; nothing is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from env_faults import (
    files_of,
    fill_disk,
    read_only_file,
    read_only_folder,
    remount_read_only,
    remount_writable,
    small_disk,
)
from factories import numbered_member
from test_backup_helpers import demo_file, dump

from cellsec.backup import HealthState, check_file, make_backup
from cellsec.errors import (
    DamagedFileError,
    DiskFullError,
    FileGoneError,
    ReadOnlyError,
    StorageError,
)
from cellsec.store import Store, faults
from cellsec.store.lock import lock_path

RAW = ("database", "disk I/O", "readonly", "unable to open", "Errno", "No space")


def _no_raw_words(message: str) -> None:
    assert not [w for w in RAW if w in message], message


def _sound_and_not_offered(path: Path) -> None:
    health = check_file(path)
    assert health.state is HealthState.OK, health.details
    assert not health.can_restore


def test_a_read_only_file_opens_read_only_and_refuses_every_write(tmp_path):
    # GIVEN the demo cell in a file marked read-only
    path = demo_file(tmp_path)
    before = dump(path)
    with read_only_file(path):
        # WHEN it is opened
        with Store.open(path) as store:
            # THEN it opens to be read, saying why and what to do
            assert store.read_only is not None
            assert "chỉ cho đọc" in store.read_only and "Read-only" in store.read_only
            assert "chế độ chỉ xem" in store.read_only
            assert store.members.count() == len(before["members"])
            # AND every write is refused with that reason, nothing written, no SQLite words
            with pytest.raises(ReadOnlyError, match="chế độ chỉ xem") as refused:
                numbered_member(store, 1)
            _no_raw_words(str(refused.value))
        # AND the start-up check calls the file sound and offers no restore
        _sound_and_not_offered(path)
    assert dump(path) == before


def test_a_read_only_folder_opens_the_file_read_only(tmp_path):
    # GIVEN the demo cell copied into a folder nobody may write (no lock file, no -wal)
    path = demo_file(tmp_path)
    lock_path(path).unlink()
    before = files_of(tmp_path)
    with read_only_folder(tmp_path):
        with Store.open(path) as store:
            # THEN it opens read-only, naming the folder, not the file, as the cause
            assert store.read_only is not None and "Thư mục" in store.read_only
            assert str(tmp_path) in store.read_only and "không cho ghi" in store.read_only
            assert store.members.count() > 0
            with pytest.raises(ReadOnlyError):
                numbered_member(store, 1)
        _sound_and_not_offered(path)
        # AND a backup cannot be made there: named as the folder's fault, not as damage
        with pytest.raises(ReadOnlyError, match="không cho ghi"):
            make_backup(path)
    assert files_of(tmp_path) == before


def test_a_read_only_medium_is_named_as_such(tmp_path):
    # GIVEN the data file on a USB stick whose write-protect switch is then set
    with small_disk(tmp_path / "usb", 16384) as usb:
        path = demo_file(usb)
        before = files_of(usb)
        remount_read_only(usb)
        try:
            with Store.open(path) as store:
                assert store.read_only is not None and "gạt khóa ghi" in store.read_only
                assert store.members.count() > 0
                with pytest.raises(ReadOnlyError, match="chế độ chỉ xem"):
                    numbered_member(store, 1)
            _sound_and_not_offered(path)
            assert files_of(usb) == before
        finally:
            remount_writable(usb)


def test_a_full_disk_refuses_the_save_keeps_what_was_saved_and_recovers(tmp_path):
    # GIVEN the demo cell open on a disk that then fills up
    with small_disk(tmp_path / "disk", 8192) as disk:
        path = demo_file(disk)
        with Store.open(path) as store:
            count = store.members.count()
            filler = fill_disk(disk)
            # WHEN a member is added THEN the disk is named full, with what to do, and nothing
            # is written
            with pytest.raises(DiskFullError, match="đã đầy") as refused:
                numbered_member(store, 1)
            assert "Thùng rác" in str(refused.value)
            _no_raw_words(str(refused.value))
            assert store.members.count() == count
            # AND a backup is refused for the same reason — not as a damaged file
            with pytest.raises(DiskFullError):
                make_backup(path)
            # AND once space is freed, the same window saves again
            filler.unlink()
            numbered_member(store, 1)
            assert store.members.count() == count + 1
        _sound_and_not_offered(path)


def test_sqlite_reporting_a_full_database_is_named_the_same_way(store):
    # GIVEN SQLite itself reports "database or disk is full" (its page limit reached): the
    # same error a full disk gives, on any platform
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    before = store.members.count()
    # WHEN saving THEN the named fault, and the save left nothing behind
    with pytest.raises(DiskFullError, match="đã đầy"):
        for n in range(200):
            numbered_member(store, n)
    assert store.members.count() < before + 200
    assert store.integrity_ok()


def test_a_drive_that_went_away_is_named_and_later_saves_say_so_too(tmp_path):
    # GIVEN the data file open from a USB stick
    usb = tmp_path / "usb"
    usb.mkdir()
    store = Store.open(usb / "chibo.cellsec")
    gone = tmp_path / "pulled-out"
    try:
        # WHEN the stick is pulled out and SQLite reports an I/O error for the next write
        usb.rename(gone)
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE
        with pytest.raises(FileGoneError) as refused, store.transaction():
            raise error
        # THEN the message says the USB was pulled out and what to do
        assert "USB đã bị rút" in str(refused.value) and "cắm lại USB" in str(refused.value)
        _no_raw_words(str(refused.value))
        assert "disk I/O error" in refused.value.detail  # kept for support
        # AND later saves are refused the same way instead of failing again and again
        with pytest.raises(FileGoneError):
            numbered_member(store, 1)
    finally:
        store.close()  # closing a store whose drive is gone does not raise
        if gone.exists():
            gone.rename(usb)


def test_a_folder_that_went_away_is_not_offered_a_restore(tmp_path):
    health = check_file(tmp_path / "usb-da-rut" / "chibo.cellsec")
    assert health.state is HealthState.UNREADABLE and not health.can_restore
    assert "USB đã bị rút" in health.message


@pytest.mark.parametrize(
    "code, kind, error",
    [
        (sqlite3.SQLITE_FULL, faults.DISK_FULL, DiskFullError),
        (sqlite3.SQLITE_CORRUPT, faults.DAMAGED, DamagedFileError),
        (sqlite3.SQLITE_NOTADB, faults.DAMAGED, DamagedFileError),
        (sqlite3.SQLITE_BUSY, faults.BUSY, StorageError),
        (sqlite3.SQLITE_READONLY_DBMOVED, faults.READ_ONLY_FILE, ReadOnlyError),
        (sqlite3.SQLITE_READONLY_DIRECTORY, faults.READ_ONLY_FOLDER, ReadOnlyError),
        (sqlite3.SQLITE_IOERR_READ, faults.DISK_ERROR, StorageError),
        (sqlite3.SQLITE_MISMATCH, faults.UNKNOWN, StorageError),
    ],
)
def test_sqlite_errors_are_translated_by_kind_in_one_place(store, code, kind, error):
    # GIVEN SQLite reports an error of this kind on a sound, writable file
    exc = sqlite3.OperationalError("some English words from SQLite")
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = "SQLITE_X"
    # THEN the translation names the kind, in Vietnamese, and keeps SQLite's words aside
    assert faults.classify(exc, store.path) == kind
    err = faults.fault(exc, store.path, "lưu")
    assert isinstance(err, error)
    assert "English" not in str(err) and "English" in err.detail
    assert store.path.name in str(err)


def test_an_upgrade_on_a_full_disk_is_refused_as_such_and_changes_nothing(tmp_path):
    # GIVEN a file from CellSec's first schema on a disk with no room for the upgrade's backup
    import shutil

    old = Path(__file__).parent.parent / "data" / "cellsec-v1.cellsec"
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "chibo.cellsec"
        shutil.copyfile(old, path)
        before = path.read_bytes()
        fill_disk(disk)
        # WHEN it is opened THEN the full disk is named (no "damaged", no restore offer) …
        with pytest.raises(DiskFullError, match="đã đầy"):
            Store.open(path)
        # … and the old file is exactly as it was
        assert path.read_bytes() == before
        assert not [p for p in disk.iterdir() if ".tmp" in p.name]
