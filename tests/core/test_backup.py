"""Making, verifying, listing and copying backups; skipping unchanged data; risky locations."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import pytest
from factories import TODAY, entry_form, member_form
from test_backup_helpers import demo_file, dump, scribble

from cellsec.backup import (
    BackupVerificationError,
    WrongPasswordError,
    backup_if_due,
    backups_folder,
    copy_backup_to,
    is_encrypted,
    is_risky_location,
    list_backups,
    make_backup,
    restore,
    verify_backup,
)
from cellsec.backup.crypto import decrypt_file
from cellsec.services.members import add_member
from cellsec.store import Store, migrate

NOON = datetime(2026, 11, 22, 9, 30)


def test_backup_of_an_open_store_is_verified_and_has_a_manifest(tmp_path):
    # GIVEN the demo cell open in the app
    path = demo_file(tmp_path)
    with Store.open(path) as store:
        members = store.members.count()
        # WHEN the secretary backs up now
        info = make_backup(store, now=NOON)
    # THEN a copy named with the time and schema version sits in chibo-backups/, checked
    assert info.path.parent == tmp_path / "chibo-backups"
    assert info.path.name == f"chibo-2026-11-22-0930-v{migrate.latest_version()}.cellsec"
    manifest = json.loads(
        (tmp_path / "chibo-backups" / (info.path.name + ".json")).read_text(encoding="utf-8")
    )
    assert manifest["verified"] is True and manifest["kind"] == "manual"
    assert manifest["members"] == members > 0 and manifest["meetings"] > 0
    assert manifest["schema_version"] == migrate.latest_version()
    assert manifest["source"] == str(path)
    assert manifest["created"].startswith("2026-11-22T09:30")
    assert verify_backup(info.path).ok
    assert dump(info.path) == dump(path)
    # the copy is one self-contained file (rollback journal), no -wal needed
    assert info.path.read_bytes()[18:20] == b"\x01\x01"


def test_listing_is_newest_first_and_a_changed_backup_fails_verification(tmp_path):
    path = demo_file(tmp_path)
    first = make_backup(path, now=NOON)
    second = make_backup(path, now=NOON + timedelta(hours=3), kind="auto")
    same_minute = make_backup(path, now=NOON + timedelta(hours=3, seconds=20))
    assert same_minute.path != second.path  # never overwrites a backup
    assert [i.path for i in list_backups(path)] == [same_minute.path, second.path, first.path]
    assert all(i.good for i in list_backups(path))
    scribble(first.path)
    result = verify_backup(first.path)
    assert not result.ok and "SHA-256" in result.problems[0] and "chibo-2026" in result.problems[0]


def test_a_backup_of_a_damaged_file_is_deleted_and_reported(tmp_path):
    path = demo_file(tmp_path)
    scribble(path)
    with pytest.raises(BackupVerificationError, match="chibo.cellsec") as err:
        make_backup(path, now=NOON)
    assert "không đạt kiểm tra" in str(err.value)
    folder = backups_folder(path)
    assert list_backups(path) == [] and list(folder.iterdir()) == []


def test_automatic_backup_is_skipped_when_nothing_changed(store, tmp_path):
    # GIVEN a first automatic backup
    first = backup_if_due(store.path, NOON)
    assert first.outcome == "made" and first.backup is not None
    # WHEN asked again within the interval: not due; later but unchanged: skipped
    assert backup_if_due(store.path, NOON + timedelta(minutes=30)).outcome == "not_due"
    later = NOON + timedelta(hours=5)
    assert backup_if_due(store.path, later).outcome == "unchanged"
    assert backup_if_due(store.path, later, on_close=True).outcome == "unchanged"
    # Statistics written by PRAGMA optimize (Store.close) are not a change
    store.close()
    with Store.open(store.path) as again:
        assert backup_if_due(again, later).outcome == "unchanged"
        # WHEN a member is added THEN the next check makes a backup
        add_member(again, member_form(), entry_form(), today=TODAY)
        made = backup_if_due(again.path, later)
    assert made.outcome == "made" and made.backup.members == 1
    assert len(list_backups(store.path)) == 2
    # a backup dated in the future (the PC's clock was wrong) does not block new ones
    assert backup_if_due(store.path, NOON - timedelta(days=400)).outcome == "unchanged"


def test_encrypted_copy_round_trips_and_a_wrong_password_is_explained(tmp_path):
    path = demo_file(tmp_path)
    info = make_backup(path, now=NOON)
    usb = tmp_path / "usb"
    usb.mkdir()
    # plain copy keeps the manifest beside it and verifies there
    plain = copy_backup_to(info.path, usb)
    assert plain.read_bytes() == info.path.read_bytes() and verify_backup(plain).ok
    # with a password: a distinct suffix, no readable member data, decrypts to the same bytes
    secret = copy_backup_to(info.path, usb / "chibo-usb.cellsec", password="Mật khẩu 2026")
    assert secret.name == "chibo-usb.cellsec.enc" and is_encrypted(secret)
    assert b"SQLite format 3" not in secret.read_bytes()
    assert "Nguyễn".encode() not in secret.read_bytes()
    # the same password typed decomposed (another keyboard) still opens it
    import unicodedata

    assert decrypt_file(secret, unicodedata.normalize("NFD", "Mật khẩu 2026")) == info.path.read_bytes()
    with pytest.raises(WrongPasswordError) as wrong:
        decrypt_file(secret, "mat khau 2026")
    assert "Mật khẩu không đúng hoặc tệp đã bị hỏng" in str(wrong.value)
    assert "chibo-usb.cellsec.enc" in str(wrong.value)
    # a flipped byte is caught the same way, never a traceback of the cipher
    damaged = bytearray(secret.read_bytes())
    damaged[-40] ^= 1
    (usb / "hong.cellsec.enc").write_bytes(bytes(damaged))
    with pytest.raises(WrongPasswordError, match="Mật khẩu không đúng hoặc tệp đã bị hỏng"):
        decrypt_file(usb / "hong.cellsec.enc", "Mật khẩu 2026")
    # restoring from the encrypted copy needs the password and gives back the same data
    expected = dump(info.path)
    with Store.open(path) as store:
        add_member(
            store,
            member_form(full_name="Lê Thị Hoa", citizen_id="025088009999", party_card_no="012345670000"),
            entry_form(),
            today=TODAY,
        )
    with pytest.raises(WrongPasswordError):
        restore(path, secret, password="sai")
    assert restore(path, secret, password="Mật khẩu 2026").kept_aside is not None
    assert dump(path) == expected


MOUNTS = """sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw,relatime 0 0
//nas/chibo /mnt/chibo cifs rw,vers=3.0 0 0
nas:/export /media/nfs nfs4 rw 0 0
me@pc:/srv /home/u/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/usb vfat rw 0 0
"""


@pytest.mark.parametrize(
    "path, platform, risky",
    [
        (r"\\may-chu\chung\chibo.cellsec", "win32", "ổ mạng"),
        ("//may-chu/chung/chibo.cellsec", "win32", "ổ mạng"),
        (r"C:\Users\Bi thu\OneDrive\Tài liệu\chibo.cellsec", "win32", "OneDrive"),
        (r"C:\Users\Bi thu\OneDrive - UBND xa\chibo.cellsec", "win32", "OneDrive - UBND xa"),
        (r"D:\Dropbox\chibo.cellsec", "win32", "Dropbox"),
        (r"G:\My Drive\chibo.cellsec", "win32", "My Drive"),
        (r"G:\Drive của tôi\Chi bộ\chibo.cellsec", "win32", "Drive của tôi"),
        (r"G:\Bộ nhớ dùng chung\Đảng ủy xã\chibo.cellsec", "win32", "Bộ nhớ dùng chung"),
        # the name as macOS gives it (decomposed accents)
        ("/Users/u/CloudStorage/Drive cu\u0309a to\u0302i/chibo.cellsec", "darwin", "Drive cu\u0309a"),
        (r"C:\Users\u\Google Drive\chibo.cellsec", "win32", "Google Drive"),
        (r"C:\Users\u\iCloudDrive\chibo.cellsec", "win32", "iCloudDrive"),
        (r"C:\Users\Bi thu\AppData\Local\CellSec\chibo.cellsec", "win32", None),
        ("/mnt/chibo/data/chibo.cellsec", "linux", "ổ mạng"),
        ("/media/nfs/chibo.cellsec", "linux", "ổ mạng"),
        ("/home/u/remote/chibo.cellsec", "linux", "ổ mạng"),
        ("/media/usb/chibo.cellsec", "linux", None),
        ("/home/u/.local/share/CellSec/chibo.cellsec", "linux", None),
        ("/home/u/Dropbox/chibo.cellsec", "linux", "Dropbox"),
    ],
)
def test_risky_locations_are_named_in_vietnamese(path, platform, risky):
    warning = is_risky_location(path, platform=platform, mounts=MOUNTS)
    if risky is None:
        assert warning is None
    else:
        assert warning is not None and risky in warning and "chibo.cellsec" in warning


def test_risky_location_on_this_machine_does_not_fail(tmp_path):
    assert is_risky_location(tmp_path / "chibo.cellsec") is None


def test_folders_with_vietnamese_names_and_odd_characters(tmp_path):
    # '#', '%', '&' and "'" must be escaped in SQLite's file: URIs; '?' too, where a file name
    # may hold one (Windows forbids it)
    question = "?" if os.name == "posix" else ""
    folder = tmp_path / f"Chi bộ thôn #1 (100% dữ liệu{question}) & bà con'"
    folder.mkdir()
    path = demo_file(folder, "Sổ chi bộ.cellsec")
    info = make_backup(path, now=NOON)
    assert info.path.parent.name == "Sổ chi bộ-backups" and verify_backup(info.path).ok
    from cellsec.backup import check_file

    assert check_file(path).ok
