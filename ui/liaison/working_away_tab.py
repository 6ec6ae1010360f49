"""The cell's own members working far away: the records, reminders and mismatches with the
register as a banner, the contact log of the chosen record, and the actions on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.liaison import WorkingAway
from cellsec.services.working_away import inconsistencies, reminders

from ui.common.flow_layout import FlowLayout
from ui.common.record_table import AMBER, GREEN, RED, Cell, RecordTable
from ui.common.reveal import reveal_saved
from ui.liaison.host import LiaisonHost
from ui.liaison.working_away_dialog import (
    WorkingAwayDialog,
    contact_dialog,
    dues_dialog,
    return_dialog,
)

HEADERS = (
    "Đảng viên",
    "Hình thức",
    "Thời gian",
    "Nơi đến",
    "Nơi làm việc",
    "Liên lạc gần nhất",
    "Đảng phí",
    "Ngày trở về",
)
BANNER_STYLE = (
    "QLabel#working_away_warnings { color: #6b4b00; background: #fff4d6; border: "
    "1px solid #e8c96a; border-radius: 4px; padding: 6px 8px; font-weight: bold; }"
)


class WorkingAwayTab(QWidget):
    def __init__(self, page: LiaisonHost) -> None:
        super().__init__()
        self.page = page
        self.records: list[WorkingAway] = []
        self.warnings: list[str] = []
        self.new_button = QPushButton("Ghi đảng viên đi làm ăn xa…")
        self.contact_button = QPushButton("Ghi liên lạc…")
        self.contact_button.setToolTip("Ghi một lần chi bộ liên lạc với đảng viên đang chọn")
        self.dues_button = QPushButton("Đảng phí…")
        self.dues_button.setToolTip("Ghi cách đảng viên đang chọn nộp đảng phí khi đi làm ăn xa")
        self.return_button = QPushButton("Ghi ngày trở về…")
        self.return_button.setToolTip("Ghi ngày đảng viên đang chọn trở về sinh hoạt tại chi bộ")
        self.print_button = QPushButton("In danh sách")
        self.print_button.setToolTip("Xem và in danh sách đảng viên đi làm ăn xa")
        self.excel_button = QPushButton("Xuất Excel")
        self.excel_button.setToolTip("Lưu danh sách ra tệp Excel")
        self.new_button.clicked.connect(self.start_record)
        self.contact_button.clicked.connect(self.add_contact)
        self.dues_button.clicked.connect(self.edit_dues)
        self.return_button.clicked.connect(self.record_return)
        self.print_button.clicked.connect(self.print_list)
        self.excel_button.clicked.connect(self.export_list)
        buttons = FlowLayout()  # wraps on a small screen
        for b in (self.new_button, self.contact_button, self.dues_button, self.return_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.excel_button)
        self.banner = QLabel()
        self.banner.setObjectName("working_away_warnings")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.table = RecordTable(HEADERS, (16, 13, 14, 10, 0, 12, 14, 10), optional=(6, 3, 7, 1))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.sig_open_requested.connect(self.add_contact)
        self.log_title = QLabel()
        self.log_title.setStyleSheet("font-weight: bold;")
        self.log = QListWidget()
        self.log.setWordWrap(True)
        self.log.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        log_box = QWidget()
        box = QVBoxLayout(log_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.log_title)
        box.addWidget(self.log, 1)
        # The list above keeps most of the height (the log scrolls); the user may drag the line.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(log_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self._show_selected()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])

    def reload(self) -> None:
        store, today = self.page.store, self.page.today()
        self.records = store.liaison.working_away()
        due = reminders(store, today)
        late = {r.record.id for r in due if r.record.end < today}
        soon = {r.record.id for r in due} - late
        rows, colours = [], []
        for w in self.records:
            last = w.contacts[-1] if w.contacts else None
            rows.append(
                [
                    Cell(w.member_name, bold=True),
                    w.arrangement.label,
                    f"từ {format_date(w.start)}\nđến {format_date(w.end)}",
                    w.destination,
                    w.employer,
                    f"{format_date(last.date)}\n{last.method}" if last else "Chưa ghi",
                    w.dues,
                    format_date(w.returned_date),
                ]
            )
            colours.append(
                GREEN if w.returned_date else RED if w.id in late else AMBER if w.id in soon else None
            )
        self.table.set_rows(rows, self.records, colours)
        self.warnings = [r.message for r in due] + inconsistencies(store)
        self.banner.setText("Cần chú ý:\n" + "\n".join(f"• {w}" for w in self.warnings))
        self.banner.setVisible(bool(self.warnings))
        self._show_selected()

    def selected(self) -> WorkingAway | None:
        chosen = self.table.selected_payload()
        return chosen if isinstance(chosen, WorkingAway) else None

    def _show_selected(self) -> None:
        w = self.selected()
        for b in (self.contact_button, self.dues_button, self.return_button):
            b.setEnabled(w is not None)
        if w is not None and w.returned_date is not None:
            self.return_button.setEnabled(False)
        self.log.clear()
        if w is None:
            self.log_title.setText("Nhật ký liên lạc (chọn một đảng viên trong danh sách)")
            return
        self.log_title.setText(
            f"Nhật ký liên lạc với {w.member_name} — cách liên lạc: {w.contact or 'chưa ghi'}"
        )
        for c in reversed(w.contacts):
            self.log.addItem(f"{format_date(c.date)} ({c.method or '…'}): {c.note}")
        if not w.contacts:
            self.log.addItem("Chưa ghi lần liên lạc nào.")

    # --- actions -----------------------------------------------------------------------------
    def reveal(self, record_id: int | None) -> None:
        """The record just saved is selected and in view (the same way as every page)."""
        if record_id is not None:
            reveal_saved(lambda: self.table.select_where(lambda w: w.id == record_id), self.reload)

    def start_record(self) -> None:
        self.page.open_dialog(
            WorkingAwayDialog(self.page.store, self.page.today(), parent=self),
            reveal=lambda dialog: self.reveal(getattr(dialog, "record_id", None)),
        )

    def _on_selected(self, make: Callable[[WorkingAway], QDialog]) -> None:
        w = self.selected()
        if w is not None:
            self.page.open_dialog(make(w), reveal=lambda _dialog: self.reveal(w.id))

    def add_contact(self) -> None:
        self._on_selected(lambda w: contact_dialog(self.page.store, w, self.page.today(), self))

    def edit_dues(self) -> None:
        self._on_selected(lambda w: dues_dialog(self.page.store, w, self))

    def record_return(self) -> None:
        self._on_selected(lambda w: return_dialog(self.page.store, w, self.page.today(), self))

    def print_list(self) -> None:
        self.page.print_document("working-away", on=self.page.today())

    def export_list(self) -> None:
        today = self.page.today()
        self.page.export_list("working_away", f"Di-lam-an-xa-{today:%d-%m-%Y}.xlsx", on=today)
