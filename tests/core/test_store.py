"""The data file: fresh creation, upgrade of a saved v1 file, refusals, lock, durability settings."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from factories import TODAY

from cellsec.backup.opening import open_store
from cellsec.errors import (
    DatabaseTooNewError,
    FileInUseError,
    NotCellSecFileError,
    StorageError,
    ValidationError,
)
from cellsec.services.register import load_register
from cellsec.store import Store
from cellsec.store.migrate import APPLICATION_ID, latest_version

V1_FIXTURE = Path(__file__).parent.parent / "data" / "cellsec-v1.cellsec"


def test_fresh_file_gets_latest_schema_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "new.cellsec") as store:
        conn = store._conn
        assert store.schema_version == latest_version()
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.migration_backup is None
        assert store.integrity_ok()


def test_saved_v1_file_is_upgraded_with_a_backup_and_data_intact(tmp_path):
    # GIVEN a file written by version 1 of the schema
    path = tmp_path / "old.cellsec"
    shutil.copy(V1_FIXTURE, path)
    # WHEN the app opens it
    with open_store(path) as store:
        # THEN it is upgraded, the backup was made first, and every record survived
        assert store.schema_version == latest_version()
        backup = store.migration_backup
        assert backup is not None and backup.exists()
        rows = load_register(store, TODAY)
        names = [r.member.full_name for r in rows]
        assert names == ["Đỗ Thị Ánh", "Ưng Quang Ẩn", "Trịnh Văn Lợi"]  # a < â < l
        loi = rows[2]
        assert loi.member.citizen_id == "012345678901" and loi.member.party_card_no == "000123456789"
        assert rows[1].state.exempted
        assert store.profile.get().cell_name == "Chi bộ thôn Yên Thế"
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM members").fetchone()[0] == 3
    old.close()


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.cellsec"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="phiên bản CellSec mới hơn"):
        Store.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"hello, this is a text file", b"PK\x03\x04 excel?"])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "notes.cellsec"
    path.write_bytes(content)
    with pytest.raises(NotCellSecFileError, match="không phải tệp dữ liệu CellSec"):
        Store.open(path)
    assert path.read_bytes() == content


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotCellSecFileError, match="cơ sở dữ liệu khác"):
        Store.open(path)


@pytest.mark.slow
def test_a_second_process_cannot_open_the_same_file(tmp_path):
    path = tmp_path / "locked.cellsec"
    with Store.open(path):
        code = (
            "import sys\nfrom cellsec.store import Store\nfrom cellsec.errors import FileInUseError\n"
            "sys.stdout.reconfigure(encoding='utf-8')  # whatever the console's code page\n"
            f"try:\n    Store.open({str(path)!r})\nexcept FileInUseError as e:\n"
            "    print(e); sys.exit(3)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=60
        )
        assert result.returncode == 3
        assert "đang được mở bởi một cửa sổ CellSec khác" in result.stdout
    # once closed, it opens again
    Store.open(path).close()


def test_the_same_process_cannot_open_it_twice(tmp_path):
    path = tmp_path / "twice.cellsec"
    with Store.open(path), pytest.raises(FileInUseError):
        Store.open(path)


def test_a_failed_action_rolls_back_completely(store):
    with pytest.raises(ValidationError), store.transaction() as conn:
        conn.execute("INSERT INTO rule_settings VALUES ('x', '1', 'now')")
        raise ValidationError("thử")
    assert store.settings.overrides() == {}


def test_a_folder_without_write_permission_gives_a_clear_message(tmp_path):
    from env_faults import IS_ROOT

    if IS_ROOT or os.name == "nt":
        # root ignores permissions, and Windows folders have no POSIX mode bits: make the
        # "file" a trap that is a SQLite header and nothing more instead
        trap = tmp_path / "x.cellsec"
        trap.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
        with pytest.raises(StorageError):
            Store.open(trap)
        return
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError):
            Store.open(folder / "x.cellsec")
    finally:
        folder.chmod(0o700)


def test_a_damaged_file_is_refused_at_open(tmp_path):
    # GIVEN a data file with a page overwritten in the middle (a bad sector, a power cut)
    from cellsec.demo.cell import create_demo
    from cellsec.errors import DamagedFileError

    path = tmp_path / "damaged.cellsec"
    with Store.open(path) as store:
        create_demo(store)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes([0xA5]) * page
    path.write_bytes(bytes(data))
    # WHEN it is opened THEN a clear refusal, not a half-working app
    with pytest.raises(DamagedFileError, match="bị hỏng"):
        Store.open(path)
