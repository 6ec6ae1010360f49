"""Restoring the open data file: the window closes it, restore() runs, the window reopens it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from cellsec.backup import (
    RestoreResult,
    WrongPasswordError,
    backups_folder,
    check_file_header,
    is_encrypted,
    restore,
)
from cellsec.errors import CellSecError
from cellsec.store import faults

AskPassword = Callable[[QWidget | None, str], "str | None"]
Notify = Callable[..., None]
# MainWindow.reopen_after: closes the file, calls work(path), opens the file again.
ReopenAfter = Callable[[Callable[[Path], "str | None"]], bool]
FAILED_TITLE = "Không khôi phục được"


def confirm_text(data_path: Path, what: str) -> str:
    folder = backups_folder(data_path)
    return (
        f"Khôi phục dữ liệu về {what}?\n\nNhững gì nhập sau thời điểm đó sẽ không còn trong "
        "tệp đang dùng. Dữ liệu hiện tại không bị xóa: nó được giữ lại trong thư mục sao "
        f"lưu\n{folder}\nvới tên “{data_path.stem}.truoc-khoi-phuc-…”."
    )


def done_text(result: RestoreResult) -> str:
    text = f"Đã khôi phục dữ liệu từ “{result.restored_from.name}”."
    if result.kept_aside is not None:
        state = "" if result.kept_aside_sound else " (tệp cũ bị hỏng, giữ nguyên như cũ)"
        text += f"\n\nDữ liệu trước khi khôi phục{state} được giữ lại tại:\n{result.kept_aside}"
    if result.needs_upgrade:
        text += "\n\nBản sao lưu này của phiên bản cũ hơn nên đã được nâng cấp khi mở."
    return text


def restore_into_window(
    reopen_after: ReopenAfter,
    source: Path,
    *,
    parent: QWidget | None,
    ask_password: AskPassword,
    notify: Notify,
) -> RestoreResult | None:
    """Ask the password of an encrypted source (again after a wrong one), restore, reopen.
    Every refusal is shown in Vietnamese; the file is always opened again."""
    password: str | None = None
    if is_encrypted(source):
        try:  # a file CellSec did not make is refused before any password is asked
            check_file_header(source)
        except (CellSecError, OSError) as err:
            message = str(err) if isinstance(err, CellSecError) else str(faults.fault(err, source, "đọc"))
            notify(parent, FAILED_TITLE, message, warning=True)
            return None
        password = ask_password(parent, source.name)
        if password is None:
            return None
    done: list[RestoreResult] = []

    def work(data_path: Path) -> str | None:
        nonlocal password
        while True:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                done.append(restore(data_path, source, password=password))
            except WrongPasswordError as err:
                QApplication.restoreOverrideCursor()
                notify(parent, "Sai mật khẩu", str(err), warning=True)
                password = ask_password(parent, source.name)
                if password is None:
                    return None
                continue
            except CellSecError as err:
                QApplication.restoreOverrideCursor()
                notify(parent, FAILED_TITLE, str(err), warning=True)
                return None
            except OSError as err:
                QApplication.restoreOverrideCursor()
                print(f"CellSec: restore({source}) failed: {err!r}", file=sys.stderr)
                notify(
                    parent,
                    FAILED_TITLE,
                    f"{faults.fault(err, data_path, 'khôi phục')} Tệp dữ liệu giữ nguyên như trước.",
                    warning=True,
                )
                return None
            QApplication.restoreOverrideCursor()
            return f"Đã khôi phục dữ liệu từ “{source.name}”."

    reopened = reopen_after(work)
    if done and reopened:
        notify(parent, "Đã khôi phục", done_text(done[0]))
    return done[0] if done else None
