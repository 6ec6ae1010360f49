"""Import a member roll from Excel/CSV: file → columns → rows (preview, fixes) → import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cellsec.backup import make_backup
from cellsec.backup.manifest import BEFORE_IMPORT
from cellsec.entities.changes import Changes
from cellsec.errors import CellSecError, ValidationError
from cellsec.store import Store

from ui.common import tasks
from ui.common.dialogs import ErrorBanner, show_notice
from ui.common.file_choosers import in_documents
from ui.transfer.import_preview import PreviewStep
from ui.transfer.import_steps import FileStep, MappingStep, SummaryStep

FILE, MAPPING, PREVIEW, SUMMARY = range(4)
TITLES = (
    "Bước 1/4 — Chọn tệp danh sách",
    "Bước 2/4 — Ghép các cột của tệp",
    "Bước 3/4 — Xem trước, chọn và sửa từng dòng",
    "Bước 4/4 — Kết quả",
)
OPEN_FILTER = "Bảng tính (*.xlsx *.xlsm *.csv *.txt);;Tất cả các tệp (*)"
TEMPLATE_NAME = "mau-nhap-dang-vien.xlsx"
READ_FAILED = "Không đọc được tệp"


def choose_spreadsheet(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Chọn tệp danh sách đảng viên", in_documents(), OPEN_FILTER)
    return Path(name) if name else None


def choose_template_path(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Lưu tệp mẫu nhập đảng viên", in_documents(TEMPLATE_NAME), "Excel (*.xlsx)"
    )
    return Path(name) if name else None


def save_template(
    parent: QWidget | None, choose: Callable[[QWidget | None], Path | None], notify: Callable[..., None]
) -> Path | None:
    """ "Tải tệp mẫu…": a copy of the import template where the user chooses."""
    from cellsec.spreadsheets import copy_import_template

    dest = choose(parent)
    if dest is None:
        return None
    try:
        written = copy_import_template(dest)
    except (CellSecError, OSError) as err:
        notify(parent, "Không lưu được tệp mẫu", str(err), warning=True)
        return None
    notify(
        parent,
        "Đã lưu tệp mẫu",
        f"Đã lưu tệp mẫu tại:\n{written}\n\nMở tệp bằng Excel, "
        "điền mỗi đảng viên một dòng (xem trang “Hướng dẫn”), lưu lại rồi nhập tệp đó.",
    )
    return written


class ImportWizard(QDialog):
    """Nothing is written before the last button; then every chosen row in one transaction.
    `changes` holds what was written (the window refreshes the register with it)."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhập danh sách đảng viên từ Excel")
        self._store = store
        self._today = today or date.today()
        self._table = None
        self._preview = None
        self._reading: tasks.TaskHandle | None = None
        self.changes: Changes | None = None
        self.summary = None
        # Injectable so tests never meet a modal box or a file picker.
        self.notify = show_notice
        self.choose_file: Callable[[QWidget | None], Path | None] = choose_spreadsheet
        self.choose_template: Callable[[QWidget | None], Path | None] = choose_template_path

        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.banner = ErrorBanner()
        self.file_step = FileStep()
        self.mapping_step = MappingStep()
        self.preview_step = PreviewStep(self._recheck)
        self.summary_step = SummaryStep()
        self.stack = QStackedWidget()
        for w in (self.file_step, self.mapping_step, self.preview_step, self.summary_step):
            self.stack.addWidget(w)
        self.back_button = QPushButton("Quay lại")
        self.next_button = QPushButton("Tiếp tục")
        self.import_button = QPushButton("Nhập")
        self.import_button.setToolTip("Ghi các dòng hợp lệ vào sổ đảng viên (sao lưu trước khi nhập)")
        self.cancel_button = QPushButton("Hủy")
        self.close_button = QPushButton("Đóng")
        for b in (
            self.back_button,
            self.next_button,
            self.import_button,
            self.cancel_button,
            self.close_button,
        ):
            b.setAutoDefault(False)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.file_step.sig_choose.connect(self.choose_and_read)
        self.file_step.sig_template.connect(lambda: save_template(self, self.choose_template, self.notify))
        self.preview_step.sig_count_changed.connect(self._on_count_changed)
        self.finished.connect(lambda *_: self._reading.cancel() if self._reading else None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for b in (self.next_button, self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1240, 760
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(width, height)
        self._go(FILE)

    # --- moving between steps ------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.step_label.setText(TITLES[step])
        self.banner.clear_message()
        self.back_button.setVisible(step in (MAPPING, PREVIEW))
        self.next_button.setVisible(step in (FILE, MAPPING))
        self.next_button.setEnabled(step == MAPPING or self._table is not None)
        self.import_button.setVisible(step == PREVIEW)
        self.cancel_button.setVisible(step != SUMMARY)
        self.close_button.setVisible(step == SUMMARY)
        if step == PREVIEW:
            self._on_count_changed(self.preview_step.included_count())

    def go_back(self) -> None:
        if self.step in (MAPPING, PREVIEW):
            self._go(self.step - 1)

    def go_next(self) -> None:
        if self.step == FILE and self._preview is not None:
            self._go(MAPPING)
        elif self.step == MAPPING:
            self.show_preview()

    # --- step 1: reading the file (on a worker: read_table touches no data file) ---------------
    def choose_and_read(self) -> None:
        path = self.choose_file(self)
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> tasks.TaskHandle:
        from cellsec.spreadsheets import read_table

        self.file_step.show_path(path)
        self.file_step.status_label.setText("Đang đọc tệp…")
        self.file_step.choose_button.setEnabled(False)
        self._table = self._preview = None
        self.next_button.setEnabled(False)
        self._reading = tasks.run_in_background(
            lambda _h: read_table(path),
            on_done=self._on_read,
            on_failed=self._on_read_failed,
            failure=READ_FAILED,
        )
        return self._reading

    def _on_read_failed(self, message: str) -> None:
        self.file_step.choose_button.setEnabled(True)
        self.file_step.status_label.clear()
        self.banner.show_message(message)

    def _on_read(self, table) -> None:  # noqa: ANN001 - cellsec RawTable
        from cellsec.spreadsheets import preview_table

        self.file_step.choose_button.setEnabled(True)
        self.file_step.status_label.clear()
        try:
            preview = preview_table(self._store, table, today=self._today)
        except ValidationError as err:
            self.banner.show_message(str(err))
            return
        self._table, self._preview = table, preview
        self.file_step.status_label.setText(
            f"Đã đọc {len(preview.rows)} dòng đảng viên, {len(preview.columns)} cột."
        )
        self.mapping_step.set_preview(preview, table)
        self._go(MAPPING)

    # --- step 2 → 3 -----------------------------------------------------------------------------
    def show_preview(self) -> bool:
        from cellsec.spreadsheets import preview_table

        assert self._table is not None
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = preview_table(self._store, self._table, self.mapping_step.mapping(), today=self._today)
        except ValidationError as err:
            self.banner.show_message(str(err))
            return False
        finally:
            self.unsetCursor()
        self._preview = preview
        self.preview_step.set_preview(preview)
        self._go(PREVIEW)
        return True

    def _recheck(self, number: int, values: dict[str, str]):  # noqa: ANN202 - ImportRow
        from cellsec.spreadsheets import recheck_row

        assert self._preview is not None
        return recheck_row(self._store, self._preview, number, values, self._today)

    def _on_count_changed(self, count: int) -> None:
        self.import_button.setText(f"Nhập {count} đảng viên")
        self.import_button.setEnabled(count > 0)

    # --- step 3 → 4: writing ------------------------------------------------------------------
    def import_now(self) -> bool:
        """A backup first (so a wrong import can be undone), then one transaction."""
        from cellsec.spreadsheets import import_rows

        assert self._preview is not None
        try:
            make_backup(self._store, kind=BEFORE_IMPORT)
        except CellSecError as err:
            self.banner.show_message(f"Chưa nhập: không sao lưu được trước khi nhập. {err}")
            return False
        try:
            changes, summary = import_rows(
                self._store, self._preview, self.preview_step.choices(), today=self._today
            )
        except ValidationError as err:
            self.banner.show_message(str(err))
            return False
        self.changes, self.summary = changes, summary
        self.summary_step.show_summary(summary, self._preview.path.name)
        self._go(SUMMARY)
        return True
