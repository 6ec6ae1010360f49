"""The damaged-file matrix: each kind of damage gets the right message and offer, and nothing
is lost (the damaged file is kept aside byte for byte when a backup replaces it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from test_backup_helpers import demo_file, dump, scribble, set_user_version

from cellsec.backup import HealthState, check_file, make_backup, restore_newest
from cellsec.errors import DamagedFileError, DatabaseTooNewError, NotCellSecFileError
from cellsec.store import Store, migrate

NOON = datetime(2026, 11, 22, 9, 30)
# Words of SQLite's own messages that must never be the text a user reads.
SQLITE_WORDS = (
    "malformed",
    "database disk image",
    "not a database",
    "UTF-8",
    "codec",
    "integrity",
    "constraint failed",
    "readonly",
    "unable to open",
)


def _replace_once(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    at = data.find(old)
    assert at >= 0, old
    path.write_bytes(data[:at] + new + data[at + len(new) :])


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def flip_magic(path: Path) -> None:
    _replace_once(path, b"SQLite format 3", b"SQLite fXrmat 3")


def flip_page_size(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x00\x03"  # 3 is not a power of two: SQLite refuses the header
    path.write_bytes(bytes(data))


def flip_schema_text(path: Path) -> None:
    _replace_once(path, b"CHECK (sex", b"\xff\xfe")  # invalid UTF-8 inside CREATE TABLE


def flip_schema_comment(path: Path) -> None:
    _replace_once(path, b"-- folded in Python", b"-- \xff\xfe")  # parses, but is not UTF-8


def flip_data_page(path: Path) -> None:
    scribble(path)


def flip_text_value(path: Path) -> None:
    # a byte of a name inside a row: the page stays sound, the text stops being UTF-8
    _replace_once(path, "Nguyễn".encode(), b"Nguy\xff")


def break_check_constraint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE members SET sex = 'khác' WHERE id = (SELECT min(id) FROM members)")
    conn.commit()
    conn.close()


def foreign_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE hoa_don (so INTEGER, tien REAL)")
    conn.commit()
    conn.close()


def newer_version(path: Path) -> None:
    set_user_version(path, migrate.latest_version() + 1)


Damage = Callable[[Path], None]
# (damage, what Store.open raises, the start-up check's state, whether a restore is offered)
MATRIX: list[tuple[Damage, type[Exception], HealthState, bool]] = [
    (truncate, DamagedFileError, HealthState.DAMAGED, True),
    (flip_magic, NotCellSecFileError, HealthState.NOT_CELLSEC, True),
    (flip_page_size, DamagedFileError, HealthState.DAMAGED, True),
    (flip_schema_text, DamagedFileError, HealthState.DAMAGED, True),
    (flip_schema_comment, DamagedFileError, HealthState.DAMAGED, True),
    (flip_data_page, DamagedFileError, HealthState.DAMAGED, True),
    (flip_text_value, DamagedFileError, HealthState.DAMAGED, True),
    (break_check_constraint, DamagedFileError, HealthState.DAMAGED, True),
    (foreign_database, NotCellSecFileError, HealthState.NOT_CELLSEC, True),
    (newer_version, DatabaseTooNewError, HealthState.TOO_NEW, False),
]


@pytest.mark.parametrize("damage, refusal, state, offered", MATRIX, ids=[m[0].__name__ for m in MATRIX])
def test_each_kind_of_damage_gets_its_message_and_offer_and_nothing_is_lost(
    tmp_path, damage, refusal, state, offered
):
    # GIVEN the demo cell with two good backups, then the data file is damaged this way
    path = demo_file(tmp_path)
    make_backup(path, now=NOON - timedelta(days=1))
    newest = make_backup(path, now=NOON)
    expected = dump(newest.path)
    damage(path)
    damaged = path.read_bytes()
    # WHEN the app opens it THEN it refuses, in Vietnamese, with none of SQLite's own words
    with pytest.raises(refusal) as refused:
        Store.open(path).close()
    message = str(refused.value)
    assert path.name in message
    assert not [w for w in SQLITE_WORDS if w in message], message
    assert path.read_bytes() == damaged  # refusing changed nothing
    # AND the start-up check names the same state, and offers the newest backup if it helps
    health = check_file(path)
    assert health.state is state, health.details
    assert health.can_restore is offered
    assert path.name in health.message
    assert not [w for w in SQLITE_WORDS if w in health.message], health.message
    if not offered:
        assert path.read_bytes() == damaged
        return
    assert health.newest_backup is not None and health.newest_backup.path == newest.path
    assert "Khôi phục" in health.message
    # AND one restore gives the backup's data back, keeping the damaged file byte for byte
    result = restore_newest(path, now=NOON + timedelta(hours=1))
    assert dump(path) == expected
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == damaged
    with Store.open(path) as store:
        assert store.read_only is None and store.members.count() == newest.members


def test_a_file_the_app_refuses_never_gets_a_verified_backup(tmp_path):
    # GIVEN a data file breaking a CHECK constraint: read-only connections cannot see that
    # (SQLite attaches CHECK constraints only to writable databases)
    from cellsec.backup import BackupVerificationError, list_backups, verify_backup

    path = demo_file(tmp_path)
    good = make_backup(path, now=NOON)
    break_check_constraint(path)
    # WHEN a backup of it is made THEN it is refused, like opening the file is
    with pytest.raises(BackupVerificationError, match="không đạt kiểm tra"):
        make_backup(path, now=NOON + timedelta(hours=1))
    assert [i.path for i in list_backups(path)] == [good.path]
    # AND a copy of it put among the backups (with the old manifest) does not verify either
    copy = tmp_path / "chibo-backups" / "chep-tay.cellsec"
    copy.write_bytes(path.read_bytes())
    assert not verify_backup(copy).ok
