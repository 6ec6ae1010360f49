"""Headless commands for backups, restore and integrity checks (registered by cellsec.cli).

Commands marked `needs_store=False` work on the data file by path: `restore` needs the file
closed and `check` must work on a damaged file that Store.open would refuse. Until cellsec.cli
honours that flag it hands them an open Store, which they close before acting.

Passwords of encrypted USB copies never travel in the command line (any user of the PC can
read another's process list): they come from `--password-stdin` (one line), the environment
variable CELLSEC_PASSWORD, or a getpass prompt when a person is at the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from cellsec.cli.common import print_json
from cellsec.errors import ValidationError
from cellsec.paths import default_data_file

PASSWORD_ENV = "CELLSEC_PASSWORD"


def _data_path(store: Any, args: argparse.Namespace) -> Path:
    if store is not None:
        return Path(store.path)
    return Path(args.data or default_data_file()).expanduser().resolve()


def _release(store: Any) -> None:
    if store is not None:
        store.close()


def cmd_backup(store: Any, args: argparse.Namespace) -> int:
    from cellsec.backup import adopt_migration_backup, apply_retention, make_backup

    path = _data_path(store, args)
    adopted = None
    bak = getattr(store, "migration_backup", None)
    if bak is not None and Path(bak).is_file():
        adopted = adopt_migration_backup(path, bak, folder=args.dir).to_json()
    info = make_backup(store if store is not None else path, folder=args.dir)
    deleted = apply_retention(path, folder=args.dir)
    print_json({"backup": info.to_json(), "before_migration": adopted, "deleted": [str(p) for p in deleted]})
    return 0


def cmd_backups(store: Any, args: argparse.Namespace) -> int:
    from cellsec.backup import backups_folder, list_backups

    path = _data_path(store, args)
    print_json(
        {
            "data_path": str(path),
            "folder": str(backups_folder(path, args.dir)),
            "backups": [i.to_json() for i in list_backups(path, args.dir)],
        }
    )
    return 0


def cmd_verify_backup(store: Any, args: argparse.Namespace) -> int:
    from cellsec.backup import verify_backup

    result = verify_backup(args.path)
    print_json(result.to_json())
    return 0 if result.ok else 1


def read_password(args: argparse.Namespace, *, confirm: bool) -> str:
    """The password from stdin (--password-stdin), CELLSEC_PASSWORD, or a prompt (twice when
    `confirm`). ValidationError when there is none to be had."""
    if getattr(args, "password_stdin", False):
        password = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get(PASSWORD_ENV):
        password = os.environ[PASSWORD_ENV]
    elif sys.stdin.isatty():
        password = getpass.getpass("Mật khẩu: ")
        if confirm and getpass.getpass("Nhập lại mật khẩu: ") != password:
            raise ValidationError("Hai lần nhập mật khẩu không giống nhau.", field="Mật khẩu")
    else:
        raise ValidationError(
            f"Cần mật khẩu: dùng --password-stdin (đọc một dòng từ đầu vào) "
            f"hoặc biến môi trường {PASSWORD_ENV}.",
            field="Mật khẩu",
        )
    return password


def cmd_restore(store: Any, args: argparse.Namespace) -> int:
    from cellsec.backup import is_encrypted, restore, restore_newest

    path = _data_path(store, args)
    _release(store)  # restore takes the file's lock itself and needs the file closed
    if args.path == "newest":
        result = restore_newest(path, folder=args.dir)
    else:
        source = Path(args.path)
        password = read_password(args, confirm=False) if is_encrypted(source) else None
        result = restore(path, source, password=password, folder=args.dir)
    print_json(result.to_json())
    return 0


def cmd_check(store: Any, args: argparse.Namespace) -> int:
    from cellsec.backup import check_file, is_risky_location

    path = _data_path(store, args)
    _release(store)
    health = check_file(path, folder=args.dir)
    print_json({**health.to_json(), "location_warning": is_risky_location(path)})
    return 0 if health.ok else 1


def cmd_copy_backup(store: Any, args: argparse.Namespace) -> int:
    from cellsec.backup import copy_backup_to

    encrypt = args.encrypt or args.password_stdin
    password = read_password(args, confirm=True) if encrypt else None
    # A copy of one of the data file's own backups is recorded for it (the to-do list reads it).
    written = copy_backup_to(args.path, args.dest, password=password, data_path=_data_path(store, args))
    print(f"Đã chép bản sao lưu ra {written}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's sub-commands to the `cellsec` parser."""
    folder_help = "thư mục sao lưu (mặc định: <thư mục tệp dữ liệu>/<tên tệp>-backups)"
    backup = sub.add_parser("backup", help="sao lưu tệp dữ liệu ngay (có kiểm tra bản sao)")
    backup.add_argument("--dir", type=Path, default=None, help=folder_help)
    backup.set_defaults(func=cmd_backup)
    listed = sub.add_parser("backups", help="danh sách bản sao lưu, mới nhất trước (JSON)")
    listed.add_argument("--dir", type=Path, default=None, help=folder_help)
    listed.set_defaults(func=cmd_backups, needs_store=False)
    verify = sub.add_parser("verify-backup", help="kiểm tra lại một bản sao lưu (JSON)")
    verify.add_argument("path", type=Path)
    verify.set_defaults(func=cmd_verify_backup, needs_store=False)
    restore = sub.add_parser(
        "restore", help="khôi phục tệp dữ liệu từ một bản sao lưu (PATH = “newest”: bản tốt mới nhất)"
    )
    restore.add_argument("path", help="tệp sao lưu (.cellsec hoặc .cellsec.enc), hoặc newest")
    restore.add_argument(
        "--password-stdin",
        action="store_true",
        help="đọc mật khẩu của tệp mã hóa từ một dòng đầu vào (hoặc đặt biến "
        f"{PASSWORD_ENV}; không có thì hỏi)",
    )
    restore.add_argument("--dir", type=Path, default=None, help=folder_help)
    restore.set_defaults(func=cmd_restore, needs_store=False)
    check = sub.add_parser("check", help="kiểm tra tệp dữ liệu khi khởi động (JSON)")
    check.add_argument("--dir", type=Path, default=None, help=folder_help)
    check.set_defaults(func=cmd_check, needs_store=False)
    copy = sub.add_parser(
        "copy-backup", help="chép một bản sao lưu ra nơi khác (USB), có thể mã hóa bằng mật khẩu"
    )
    copy.add_argument("path", type=Path)
    copy.add_argument("dest", type=Path, help="thư mục hoặc tên tệp đích")
    copy.add_argument(
        "--encrypt",
        action="store_true",
        help=f"mã hóa bản chép; mật khẩu lấy từ biến {PASSWORD_ENV} hoặc được hỏi",
    )
    copy.add_argument(
        "--password-stdin", action="store_true", help="mã hóa bản chép, đọc mật khẩu từ một dòng đầu vào"
    )
    copy.set_defaults(func=cmd_copy_backup, needs_store=False)
