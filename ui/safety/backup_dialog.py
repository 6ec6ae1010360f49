"""The "Sao lưu và khôi phục" dialog: the backups, back up now, check, copy to USB, restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cellsec.backup import (
    BackupInfo,
    backups_folder,
    copy_backup_to,
    last_usb_copy,
    list_backups,
    make_backup,
    verify_backup,
)
from cellsec.dates import format_date

from ui.common import tasks
from ui.common.column_fit import ColumnFitter
from ui.common.dialogs import ask_yes_no, show_notice
from ui.common.file_choosers import in_data_folder, in_documents
from ui.common.screen_room import fit_to_screen
from ui.safety.backup_password import REMEMBER, ask_copy_password, ask_open_password
from ui.safety.restore_flow import ReopenAfter, confirm_text, restore_into_window

# Two-line headers for the counts: the list fits the dialog at 150 % text.
HEADERS = ("Thời gian", "Loại", "Đảng\nviên", "Buổi\nsinh hoạt", "Kiểm tra")
KIND, CHECK = 1, 4
RESTORE_FILTER = "Bản sao lưu CellSec (*.cellsec *.enc);;Tất cả các tệp (*)"
RESTORE_FILE_TIP = "Khôi phục từ bản chép trên USB (.cellsec hoặc .enc)"
READ_ONLY_TIP = "Tệp đang mở ở chế độ chỉ xem: không khôi phục vào nó được."
INTRO = (
    "CellSec tự sao lưu khi đang làm việc (2 giờ một lần, nếu có thay đổi) và khi đóng "
    "chương trình. Nên chép một bản ra USB mỗi tháng và cất USB ở nơi khác."
)


def choose_folder(parent: QWidget | None) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, "Chọn thư mục trên USB để chép vào", in_documents())
    return Path(name) if name else None


def choose_backup_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Chọn bản sao lưu để khôi phục", in_data_folder(), RESTORE_FILTER
    )
    return Path(name) if name else None


def check_text(info: BackupInfo, checked: Any | None) -> tuple[str, str]:
    """The "Kiểm tra" cell and its tooltip: a fresh check wins over the manifest's word."""
    if checked is not None:
        if checked.ok:
            return f"✓ tốt (vừa kiểm tra lúc {datetime.now():%H:%M})", ""
        return "✗ hỏng — không dùng được", "\n".join(checked.problems)
    if info.good:
        return "✓ tốt", ""
    if info.rotted:
        return "✗ đã bị thay đổi sau khi sao lưu — không dùng được", "Phát hiện lúc " + info.rotted.replace(
            "T", " "
        )
    if info.kind == "before_restore":
        return "✗ tệp cũ bị hỏng, chỉ để lưu giữ", ""
    if not info.has_manifest:
        return "✗ chưa kiểm tra (không có bản ghi)", ""
    return "✗ không đạt kiểm tra", ""


class BackupDialog(QDialog):
    """Works on the data file by path (never the window's Store); restoring goes through the
    window (`reopen_after`), which closes its file, restores and opens it again."""

    sig_backup_made = Signal()
    sig_usb_copied = Signal()  # a copy to USB was made and recorded (the to-do list reads it)

    def __init__(
        self,
        data_path: Path,
        reopen_after: ReopenAfter,
        parent: QWidget | None = None,
        *,
        read_only: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sao lưu và khôi phục")
        self._path = Path(data_path)
        # The window's file is open read-only (a read-only place, or a backup looked at):
        # nothing can be restored into it from here.
        self._read_only = read_only
        self._reopen_after = reopen_after
        self._infos: list[BackupInfo] = []
        self._checked: dict[Path, Any] = {}
        self._handles: list[tasks.TaskHandle] = []
        self._pending = 0  # jobs whose answer has not been shown yet
        # Injectable so tests answer without modal boxes or file pickers.
        self.ask = ask_yes_no
        self.notify = show_notice
        self.choose_folder: Callable[[QWidget | None], Path | None] = choose_folder
        self.choose_file: Callable[[QWidget | None], Path | None] = choose_backup_file
        self.ask_copy_password: Callable[[QWidget | None], str | None] = ask_copy_password
        self.ask_open_password: Callable[[QWidget | None, str], str | None] = ask_open_password
        self._build()
        self.finished.connect(lambda *_: [h.cancel() for h in self._handles])
        self.reload()

    def _build(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        open_folder = QPushButton("Mở thư mục sao lưu")
        open_folder.setAutoDefault(False)
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups_folder(self._path))))
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(open_folder)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # Columns as wide as their texts when there is room; else the kind and the check's
        # sentence give way (elided, whole in the tooltip) and the check takes what is left.
        self.fitter = ColumnFitter(self.table, elastic=(KIND, CHECK), stretch=CHECK)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.backup_button = QPushButton("Sao lưu ngay")
        self.verify_button = QPushButton("Kiểm tra")
        self.verify_button.setToolTip("Đọc lại bản sao lưu đang chọn, xem còn tốt không")
        self.copy_button = QPushButton("Chép ra USB…")
        self.copy_button.setToolTip("Chép bản đang chọn ra USB, có thể đặt mật khẩu")
        self.restore_button = QPushButton("Khôi phục bản này…")
        self.restore_file_button = QPushButton("Khôi phục từ tệp…")
        close = QPushButton("Đóng")
        self.backup_button.clicked.connect(self.backup_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        close.clicked.connect(self.reject)
        self._buttons = (
            self.backup_button,
            self.verify_button,
            self.copy_button,
            self.restore_button,
            self.restore_file_button,
        )
        for b in (*self._buttons, close):
            b.setAutoDefault(False)
        row1 = QHBoxLayout()
        for b in (self.backup_button, self.verify_button, self.copy_button):
            row1.addWidget(b)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        for b in (self.restore_button, self.restore_file_button):
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(close)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self._size_to_screen()

    def _size_to_screen(self) -> None:
        """Wide enough for its list at the text size in use, never wider than the screen."""
        char = self.fontMetrics().averageCharWidth()
        width, height = max(820, char * 96), max(520, self.fontMetrics().lineSpacing() * 24)
        fit_to_screen(self, width, height)

    # --- the list ------------------------------------------------------------------------------
    @property
    def backups(self) -> list[BackupInfo]:
        return list(self._infos)

    def reload(self, select: Path | None = None) -> None:
        last = last_usb_copy(self._path)
        self.folder_label.setText(
            f"Thư mục sao lưu: {backups_folder(self._path)}\n"
            f"Lần chép ra USB gần nhất: {format_date(last) if last else 'chưa có'}"
        )
        self._infos = list_backups(self._path)
        self.table.setRowCount(len(self._infos))
        for r, info in enumerate(self._infos):
            check, tip = check_text(info, self._checked.get(info.path))
            kind = info.kind_label if info.has_manifest else "Không rõ"
            members = str(info.members) if info.has_manifest else ""
            meetings = str(info.meetings) if info.has_manifest else ""
            for c, text in enumerate((f"{info.created:%d/%m/%Y %H:%M}", kind, members, meetings, check)):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    "\n".join(x for x in (text if c in (KIND, CHECK) else "", tip) if x) or str(info.path)
                )
                if c not in (KIND, CHECK):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self._fit_columns()
        if not self._infos:
            self.status_label.setText("Chưa có bản sao lưu nào. Bấm “Sao lưu ngay”.")
        row = next((r for r, i in enumerate(self._infos) if i.path == select), 0)
        if self._infos:
            self.table.selectRow(row)
        self._update_buttons()

    def _fit_columns(self) -> None:
        for c in range(len(HEADERS)):
            self.table.resizeColumnToContents(c)
            self.fitter.want(c, self.table.columnWidth(c) + self.fontMetrics().averageCharWidth())
        self.fitter.fit()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._infos[rows[0].row()] if rows and rows[0].row() < len(self._infos) else None

    def _update_buttons(self) -> None:
        busy = self.busy
        has = self.selected() is not None
        writable = self._read_only is None
        self.backup_button.setEnabled(not busy)
        self.restore_file_button.setEnabled(not busy and writable)
        for b in (self.verify_button, self.copy_button):
            b.setEnabled(has and not busy)
        self.restore_button.setEnabled(has and not busy and writable)
        for b, tip in ((self.restore_button, ""), (self.restore_file_button, RESTORE_FILE_TIP)):
            b.setToolTip(tip if writable else READ_ONLY_TIP)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _run(
        self, work: Callable[[], Any], busy_text: str, failure: str, done: Callable[[Any], None]
    ) -> None:
        """On a worker (by path only); the buttons wait until it is over."""
        self.status_label.setText(busy_text)

        def finish(result: Any) -> None:
            self._pending -= 1
            self.status_label.clear()
            done(result)
            self._update_buttons()

        def failed(message: str) -> None:
            self._pending -= 1
            self.status_label.setText(message)
            self._update_buttons()
            self.notify(self, failure, message, warning=True)

        self._handles = [h for h in self._handles if not h.finished.is_set()]
        self._pending += 1
        self._handles.append(
            tasks.run_in_background(lambda _h: work(), on_done=finish, on_failed=failed, failure=failure)
        )
        self._update_buttons()

    # --- actions -------------------------------------------------------------------------------
    def backup_now(self) -> None:
        def done(info: BackupInfo) -> None:
            self.reload(select=info.path)
            self.status_label.setText(
                f"Đã sao lưu xong lúc {info.created:%H:%M} ({info.members} hồ sơ đảng viên, "
                f"{info.meetings} buổi sinh hoạt), đã kiểm tra: tốt."
            )
            self.sig_backup_made.emit()

        path = self._path
        self._run(lambda: make_backup(path), "Đang sao lưu…", "Sao lưu không thành công", done)

    def verify_selected(self) -> None:
        info = self.selected()
        if info is None:
            return

        def done(result: Any) -> None:
            self._checked[info.path] = result
            self.reload(select=info.path)
            verdict = "tốt, dùng được để khôi phục." if result.ok else "HỎNG: " + " ".join(result.problems)
            self.status_label.setText(f"Bản sao lưu lúc {info.created:%H:%M %d/%m/%Y}: {verdict}")

        self._run(lambda: verify_backup(info.path), "Đang kiểm tra bản sao lưu…", "Không kiểm tra được", done)

    def copy_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        folder = self.choose_folder(self)
        if folder is None:
            return
        password = self.ask_copy_password(self)
        if password is None:
            return

        def done(dest: Path) -> None:
            text = f"Đã chép bản sao lưu ra:\n{dest}\n\nĐã đọc lại bản chép: giống bản gốc."
            if password:
                text += f"\n\nBản chép có mật khẩu. {REMEMBER}"
            self.reload(select=info.path)
            self.status_label.setText(f"Đã chép ra {dest}")
            self.sig_usb_copied.emit()
            self.notify(self, "Đã chép xong", text)

        path = self._path
        self._run(
            lambda: copy_backup_to(info.path, folder, password=password or None, data_path=path),
            "Đang chép ra USB…",
            "Không chép được",
            done,
        )

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            what = (
                f"bản sao lưu lúc {info.created:%H:%M} ngày {info.created:%d/%m/%Y} "
                f"({info.members} hồ sơ đảng viên, {info.meetings} buổi sinh hoạt)"
            )
            self._restore(info.path, what)

    def restore_from_file(self) -> None:
        source = self.choose_file(self)
        if source is not None:
            self._restore(source, f"tệp “{source.name}”")

    def _restore(self, source: Path, what: str) -> None:
        if not self.ask(self, "Khôi phục dữ liệu", confirm_text(self._path, what)):
            return
        tasks.wait_for_tasks(30_000)
        result = restore_into_window(
            self._reopen_after, source, parent=self, ask_password=self.ask_open_password, notify=self.notify
        )
        self.reload(select=result.kept_aside if result else None)
        if result is not None:
            self.status_label.setText(f"Đã khôi phục từ “{source.name}”.")
            self.sig_backup_made.emit()
