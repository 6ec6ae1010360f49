"""Passwords of USB copies: never blank, never in the process list, and a crafted encrypted file
cannot make CellSec spend gigabytes of memory on each password tried."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from datetime import datetime

import pytest
from test_backup_helpers import demo_file

from cellsec.backup import copy_backup_to, crypto, is_encrypted, make_backup, restore
from cellsec.errors import StorageError, ValidationError

NOON = datetime(2026, 11, 22, 9, 30)


@pytest.mark.parametrize("password", ["", " ", "   \t ", "\u3000"])
def test_a_blank_password_is_refused_and_nothing_is_written(tmp_path, password):
    backup = make_backup(demo_file(tmp_path), now=NOON)
    usb = tmp_path / "usb"
    with pytest.raises(ValidationError, match="không được để trống hoặc chỉ có dấu cách"):
        copy_backup_to(backup.path, usb, password=password)
    assert not usb.exists() or list(usb.iterdir()) == []


def _crafted(blob: bytes, log2_n: int, r: int, p: int) -> bytes:
    header = bytearray(blob)
    magic_len = len(crypto.MAGIC)
    struct.pack_into(">BBB", header, magic_len + 1, log2_n, r, p)
    return bytes(header)


@pytest.mark.slow
@pytest.mark.parametrize("log2_n, r, p", [(20, 8, 1), (17, 32, 1), (17, 8, 16), (24, 8, 1)])
def test_kdf_settings_beyond_what_cellsec_writes_are_refused_before_any_work(
    tmp_path, monkeypatch, log2_n, r, p
):
    # GIVEN an encrypted copy whose header was changed to ask for a dearer key derivation
    backup = make_backup(demo_file(tmp_path), now=NOON)
    secret = copy_backup_to(backup.path, tmp_path / "usb", password="mật khẩu")
    crafted = tmp_path / "usb" / "la.cellsec.enc"
    crafted.write_bytes(_crafted(secret.read_bytes(), log2_n, r, p))
    assert is_encrypted(crafted)
    # WHEN it is opened THEN it is refused at once: no key is derived at all
    monkeypatch.setattr(crypto, "_key", lambda *a: pytest.fail("derived a key"))
    with pytest.raises(StorageError, match="không do CellSec tạo"):
        crypto.check_file_header(crafted)
    with pytest.raises(StorageError, match="không do CellSec tạo"):
        restore(tmp_path / "chibo.cellsec", crafted, password="mật khẩu")


def _cli(*args, stdin="", env=None):
    environ = {k: v for k, v in os.environ.items() if k != "CELLSEC_PASSWORD"}
    return subprocess.run(
        [sys.executable, "-m", "cellsec.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        input=stdin,
        env={**environ, **(env or {})},
    )


@pytest.mark.slow
def test_the_command_line_never_takes_a_password_as_an_argument(tmp_path):
    backup = make_backup(demo_file(tmp_path), now=NOON)
    usb = tmp_path / "usb"
    # GIVEN the old way of passing a password: refused, nothing copied
    old = _cli("copy-backup", str(backup.path), str(usb), "--password", "bí mật")
    assert old.returncode == 2 and not usb.exists()
    # WHEN asked to encrypt with nobody at a terminal and no password given THEN it says how
    none = _cli("copy-backup", str(backup.path), str(usb), "--encrypt")
    assert none.returncode == 1 and "--password-stdin" in none.stderr
    # a blank one from stdin is refused like in the app
    blank = _cli("copy-backup", str(backup.path), str(usb), "--password-stdin", stdin="   \n")
    assert blank.returncode == 1 and "chỉ có dấu cách" in blank.stderr
    # THEN from the environment (not visible in the process list) it works
    done = _cli("copy-backup", str(backup.path), str(usb), "--encrypt", env={"CELLSEC_PASSWORD": "bí mật"})
    assert done.returncode == 0, done.stderr
    copy = next(usb.iterdir())
    assert copy.name.endswith(".enc") and crypto.decrypt_file(copy, "bí mật")
