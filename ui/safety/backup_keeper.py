"""Automatic backups for the main window: a timer, the worker, the status label and the close."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from cellsec.backup import (
    AutoBackup,
    adopt_migration_backup,
    apply_retention,
    backup_if_due,
    backups_folder,
    is_risky_location,
    list_backups,
    newest_good,
)
from cellsec.errors import CellSecError
from cellsec.store import Store

from ui.common import tasks
from ui.common.dialogs import is_headless, show_notice
from ui.safety.backup_banner import NoticeBanner

CHECK_EVERY = timedelta(minutes=30)
FIRST_CHECK = timedelta(minutes=1)  # soon after opening: a file never backed up gets one
BACKUP_EVERY = timedelta(hours=2)
STALE_AFTER = timedelta(days=7)
FAILED = "Sao lưu không thành công"
COLOURS = {"ok": "#1b6e20", "old": "#a15c00", "none": "#b00020", "failed": "#b00020", "read_only": "#a15c00"}
READ_ONLY_LABEL = "Chế độ chỉ xem — không sao lưu tự động"
ROTTEN_NOTE = (
    "Bản sao lưu lúc {when} đã bị thay đổi hoặc hỏng sau khi sao lưu nên không dùng "
    "được nữa (tệp vẫn được giữ lại để người hỗ trợ xem)."
)
MIGRATION_NOTE = "Tệp dữ liệu đã được nâng cấp lên phiên bản mới; bản sao lưu trước khi nâng cấp: {path}"


def close_failure_notice(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> None:
    """At close a box may still be read; headless (smoke runs) nobody could close it."""
    print(f"CellSec: {title}: {text}", file=sys.stderr, flush=True)
    if not is_headless():
        show_notice(parent, title, text, warning=warning)


def open_notice(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> None:
    """A notice that does not stop the secretary's typing: shown, not waited for."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, parent)
    box.button(QMessageBox.StandardButton.Close).setText("Đóng")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


class BackupKeeper(QObject):
    """Makes a backup when one is due (every 2 h of work, and at close) and shows when the last
    good one was made. The worker gets the file's path only: backup_if_due reads it through
    its own read-only connection, never the window's Store connection."""

    sig_backup_made = Signal(object)  # BackupInfo

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._path: Path | None = None
        self._read_only: str | None = None
        self._running: tasks.TaskHandle | None = None
        self._warned_places: set[Path] = set()
        self.last_error: str | None = None
        self.state = "none"
        self.now: Callable[[], datetime] = datetime.now
        self.notify: Callable[..., None] = open_notice
        self.notify_at_close: Callable[..., None] = close_failure_notice
        self.label = QLabel()
        self.label.setObjectName("backup_label")
        self.label.setContentsMargins(8, 0, 8, 0)
        self.banner = NoticeBanner()
        self.timer = QTimer(self)
        self.timer.setInterval(int(CHECK_EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.check_now)
        self.first_timer = QTimer(self)
        self.first_timer.setSingleShot(True)
        self.first_timer.setInterval(int(FIRST_CHECK.total_seconds() * 1000))
        self.first_timer.timeout.connect(self.check_now)

    @property
    def path(self) -> Path | None:
        return self._path

    # --- a file is opened ----------------------------------------------------------------------
    def take_store(self, store: Store, notes: list[str]) -> None:
        """Follow the window's file: label, risky place, pre-upgrade copy, then the timer. A
        read-only file says why in the banner and gets no automatic backups (it cannot change
        through this window, and its folder may not take one)."""
        self._path = Path(store.path)
        self._read_only = store.read_only
        self.last_error = None
        messages = list(notes)
        if store.read_only is not None:
            messages.insert(0, store.read_only)
        risk = is_risky_location(self._path)
        if risk and self._path not in self._warned_places:
            self._warned_places.add(self._path)
            messages.append(risk)
        self.banner.show_messages(messages)
        if store.migration_backup is not None:
            self._parent.statusBar().showMessage(  # type: ignore[attr-defined]
                MIGRATION_NOTE.format(path=self._adopt(store))
            )
        self.refresh_label()
        if store.read_only is None:
            self.timer.start()
            self.first_timer.start()
        else:
            self.timer.stop()
            self.first_timer.stop()

    def _adopt(self, store: Store) -> Path:
        """The pre-upgrade copy belongs in the backups folder (newer cores put it there)."""
        bak = Path(store.migration_backup or "")
        if not bak.is_file() or bak.parent == backups_folder(store.path):
            return bak
        try:
            return adopt_migration_backup(store.path, bak).path
        except Exception as exc:  # noqa: BLE001 - the copy stays where it is; say so below
            print(f"CellSec: adopt_migration_backup({bak}) failed: {exc!r}", file=sys.stderr)
            return bak

    # --- the label -----------------------------------------------------------------------------
    def refresh_label(self) -> None:
        """Green/amber/red from the backups that are good now: a backup found rotted by the
        last check is marked in its manifest, so it no longer counts here."""
        if self._read_only is not None:
            self.state = "read_only"
            self.label.setText(READ_ONLY_LABEL)
            self.label.setToolTip(self._read_only)
            self.label.setStyleSheet(
                f"QLabel#backup_label {{ color: {COLOURS[self.state]}; font-weight: bold; }}"
            )
            return
        newest = newest_good(list_backups(self._path)) if self._path is not None else None
        if newest is None:
            self.state, text = "none", "Chưa có bản sao lưu nào"
        else:
            old = self.now() - newest.created > STALE_AFTER
            self.state = "old" if old else "ok"
            text = f"Sao lưu gần nhất: {newest.created:%d/%m/%Y %H:%M}"
        tip = f"Thư mục sao lưu: {backups_folder(self._path)}" if self._path else ""
        if self.last_error:
            self.state = "failed"
            text += " — lần sao lưu vừa rồi bị lỗi"
            tip = f"{self.last_error}\n{tip}"
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setStyleSheet(
            f"QLabel#backup_label {{ color: {COLOURS[self.state]}; font-weight: bold; }}"
        )

    # --- while working -------------------------------------------------------------------------
    def check_now(self) -> tasks.TaskHandle | None:
        """Back up on a worker if one is due (a no-op while the previous check still runs)."""
        if (
            self._path is None
            or self._read_only is not None
            or (self._running is not None and not self._running.finished.is_set())
        ):
            return None
        path, now = self._path, self.now()
        self._running = tasks.run_in_background(
            lambda _h: backup_if_due(path, now, every=BACKUP_EVERY),
            on_done=self._on_done,
            on_failed=self._on_failed,
            failure=FAILED,
        )
        return self._running

    def _on_done(self, result: AutoBackup) -> None:
        self.last_error = None
        self.refresh_label()
        if result.rotten:
            self.banner.show_messages(
                [ROTTEN_NOTE.format(when=f"{i.created:%H:%M %d/%m/%Y}") for i in result.rotten]
            )
        if result.outcome == "made" and result.backup is not None:
            self.sig_backup_made.emit(result.backup)

    def _on_failed(self, message: str) -> None:
        repeated = message == self.last_error
        self.last_error = message
        self.refresh_label()
        if not repeated:  # said once; the red label keeps saying it
            self.notify(self._parent, FAILED, message, warning=True)

    def backup_made(self) -> None:
        """A backup was made elsewhere (the backup dialog): the label says so at once."""
        self.last_error = None
        self.refresh_label()

    def stop(self) -> None:
        """Before the file is closed: no new check, and the running one is waited for."""
        self.timer.stop()
        self.first_timer.stop()
        if self._running is not None:
            self._running.finished.wait(30)

    # --- closing -------------------------------------------------------------------------------
    def at_close(self, path: Path) -> None:
        """After store.close(): one last backup if anything changed, then retention. Runs on
        the GUI thread with a word in the status bar (painted at once, without running the
        event loop: the pages must not wake up on a closed file); the close always goes on."""
        self.stop()
        if self._read_only is not None:
            return  # nothing can have changed through a read-only window
        bar = self._parent.statusBar()  # type: ignore[attr-defined]
        bar.showMessage("Đang sao lưu dữ liệu, xin chờ một chút…")
        bar.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup_if_due(path, self.now(), on_close=True)
            apply_retention(path, now=self.now())
        except Exception as exc:  # noqa: BLE001 - never lose the close over a backup
            QApplication.restoreOverrideCursor()
            print(f"CellSec: backup at close failed: {exc!r}", file=sys.stderr, flush=True)
            reason = str(exc) if isinstance(exc, CellSecError) else "lỗi không mong muốn."
            self.notify_at_close(
                self._parent,
                FAILED,
                f"{FAILED} khi đóng chương trình: {reason}\n\nDữ liệu đã lưu vẫn còn nguyên trong "
                f"tệp “{path.name}”. Hãy mở lại CellSec và chọn Tệp › Sao lưu và khôi phục › "
                "Sao lưu ngay.",
                warning=True,
            )
        else:
            QApplication.restoreOverrideCursor()
        bar.clearMessage()
