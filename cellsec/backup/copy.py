"""Copying a backup "to…" another place (a USB stick), plain or encrypted with a password,
reading the copy back to be sure it arrived intact (USB sticks fail quietly), and recording
that it was made (cellsec.backup.usb_record)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from cellsec.backup import crypto
from cellsec.backup.files import copy_file_atomic, ensure_folder, sha256_file, write_bytes_atomic
from cellsec.backup.manifest import backups_folder, manifest_path
from cellsec.backup.usb_record import UsbCopy, record_usb_copy
from cellsec.errors import StorageError
from cellsec.store import faults


def copy_backup_to(
    backup: Path | str,
    dest: Path | str,
    *,
    password: str | None = None,
    data_path: Path | str | None = None,
    folder: Path | str | None = None,
) -> Path:
    """Copy `backup` to `dest`: a folder (created if missing), or a file name ending in
    `.cellsec`/`.enc`. With a password (None: no encryption; an empty or blank one is refused
    with ValidationError) the copy is encrypted and named `….cellsec.enc`; without, the
    manifest is copied beside it. With `data_path`, a verified copy of one of that data file's
    backups (in its backups folder, or `folder`) is recorded for it: the to-do list's "copy
    to USB" reminder reads that record. Returns the path written."""
    if password is not None:
        crypto.check_new_password(password)
    backup = Path(backup).expanduser().resolve()
    if not backup.is_file():
        raise StorageError(f"Không tìm thấy bản sao lưu “{backup}”.")
    dest = Path(dest).expanduser()
    if dest.is_dir() or not dest.name.endswith((".cellsec", crypto.ENC_SUFFIX)):
        dest = ensure_folder(dest) / backup.name
    else:
        ensure_folder(dest.parent)
    if password and not dest.name.endswith(crypto.ENC_SUFFIX):
        dest = dest.with_name(dest.name + crypto.ENC_SUFFIX)
    if dest.resolve() == backup:
        raise StorageError(f"Nơi chép đến trùng với chính tệp “{backup.name}”.")
    try:
        if password:
            plain = backup.read_bytes()
            write_bytes_atomic(dest, crypto.encrypt_bytes(plain, password, backup.name))
            check = crypto.decrypt_file(dest, password)
            same = hashlib.sha256(check).digest() == hashlib.sha256(plain).digest()
        else:
            copy_file_atomic(backup, dest)
            if manifest_path(backup).is_file():
                copy_file_atomic(manifest_path(backup), manifest_path(dest))
            same = sha256_file(dest) == sha256_file(backup)
    except OSError as exc:
        kind = faults.probe(dest)
        raise (
            faults.fault(exc, dest, "chép", kind=kind) if kind else faults.fault(exc, backup, "đọc")
        ) from exc
    if not same:
        raise StorageError(
            f"Bản chép “{dest}” đọc lại không giống bản gốc “{backup.name}”: USB "
            "có thể bị lỗi. Hãy thử USB khác."
        )
    if data_path is not None and backup.parent == backups_folder(Path(data_path), folder):
        copy = UsbCopy(datetime.now(), backup.name, str(dest), encrypted=bool(password))
        record_usb_copy(data_path, copy, folder)
    return dest
