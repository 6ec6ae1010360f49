"""The comment sheets of one year ("Phiếu nhận xét năm …"): who still needs one at a glance,
the workplace's requests, filling a sheet, and printing one or all sheets still to do."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.rules.liaison import CommentDue, CommentState
from cellsec.services.liaison import comment_list, participation

from ui.common.flow_layout import FlowLayout
from ui.common.record_table import AMBER, GREEN, GREY, RED, Cell, RecordTable
from ui.common.reveal import reveal_saved
from ui.liaison.comment_sheet_dialog import CommentSheetDialog, request_dialog
from ui.liaison.host import LiaisonHost

COLOURS = {CommentState.OVERDUE: RED, CommentState.DUE: AMBER, CommentState.DONE: GREEN}
VARIANT_TEXT = {"full": "Đầy đủ", "short": "Rút gọn"}


def missing_text(dues: list[CommentDue], year: int) -> str:
    """The at-a-glance line: who still needs a sheet, the late ones first."""
    missing = [d for d in dues if d.state in (CommentState.OVERDUE, CommentState.DUE)]
    if not missing:
        return f"Năm {year} không còn phiếu nhận xét nào phải làm."
    parts = [
        f"{d.member.full_name} ({'quá hạn' if d.state is CommentState.OVERDUE else 'hạn'}"
        f" {format_date(d.deadline)})"
        for d in missing
    ]
    return f"Còn thiếu {len(missing)} phiếu: " + "; ".join(parts) + "."


class CommentSheetSection(QWidget):
    def __init__(self, page: LiaisonHost) -> None:
        super().__init__()
        self.page = page
        self.dues: list[CommentDue] = []
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year)
        self.year_box.setKeyboardTracking(False)
        self.year_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("20260") + 48)
        self.year_box.valueChanged.connect(lambda *_: self.reload())
        title = QLabel("Phiếu nhận xét năm")
        title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.request_button = QPushButton("Ghi đề nghị nhận xét…")
        self.request_button.setToolTip("Nơi công tác gửi đề nghị nhận xét đảng viên này")
        self.fill_button = QPushButton("Điền phiếu…")
        self.fill_button.setToolTip("Điền phiếu nhận xét cho đảng viên đang chọn")
        self.print_one_button = QPushButton("In phiếu này")
        self.print_one_button.setToolTip("Xem và in phiếu nhận xét của đảng viên đang chọn")
        self.print_all_button = QPushButton("In tất cả phiếu cần làm")
        self.request_button.clicked.connect(self.record_request)
        self.fill_button.clicked.connect(self.fill_sheet)
        self.print_one_button.clicked.connect(self.print_selected)
        self.print_all_button.clicked.connect(self.print_all)
        top = FlowLayout()  # wraps on a small screen
        top.addWidget(title)
        top.addWidget(self.year_box)
        top.addSpacing(16)
        for b in (self.request_button, self.fill_button):
            top.addWidget(b)
        top.addStretch(1)
        for b in (self.print_one_button, self.print_all_button):
            top.addWidget(b)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(
            "QLabel#missing { color: #6b4b00; background: #fff4d6; "
            "border: 1px solid #e8c96a; border-radius: 4px; "
            "padding: 6px 8px; font-weight: bold; }"
        )
        self.table = RecordTable(
            (
                "Họ và tên",
                "Loại\nphiếu",
                "Căn cứ",
                "Hạn gửi",
                "Tình trạng",
                "Ngày\nđề nghị",
                "Ngày gửi",
                "Ngày Đảng ủy\nxác nhận",
            ),
            (20, 8, 0, 11, 14, 11, 11, 12),
            optional=(7, 5, 6, 1),
        )
        self.table.sig_open_requested.connect(self.fill_sheet)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.table, 1)

    @property
    def year(self) -> int:
        return self.year_box.value()

    def set_year(self, year: int) -> None:
        if year == self.year:
            self.reload()
        self.year_box.setValue(year)

    def reload(self) -> None:
        self.dues = comment_list(self.page.store, self.year, self.page.today())
        rows = []
        for d in self.dues:
            s = d.sheet
            rows.append(
                [
                    Cell(d.member.full_name, bold=True),
                    VARIANT_TEXT.get(d.variant, ""),
                    d.reason,
                    format_date(d.deadline),
                    Cell(d.state.label, COLOURS.get(d.state)),
                    format_date(s.requested_date) if s else "",
                    format_date(s.sent_date) if s else "",
                    format_date(s.confirmed_date) if s else "",
                ]
            )
        self.table.set_rows(
            rows, self.dues, [GREY if d.state is CommentState.NOT_NEEDED else None for d in self.dues]
        )
        self.missing_label.setText(missing_text(self.dues, self.year))
        self._update_buttons()

    def missing_names(self) -> list[str]:
        return [d.member.full_name for d in self.dues if d.state in (CommentState.OVERDUE, CommentState.DUE)]

    def selected(self) -> CommentDue | None:
        chosen = self.table.selected_payload()
        return chosen if isinstance(chosen, CommentDue) else None

    def select(self, liaison_id: int) -> bool:
        return self.table.select_where(lambda d: d.member.id == liaison_id)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for b in (self.request_button, self.fill_button, self.print_one_button):
            b.setEnabled(chosen)
        self.print_all_button.setEnabled(bool(self.missing_names()))

    # --- actions -----------------------------------------------------------------------------
    def record_request(self) -> None:
        d = self.selected()
        if d is not None:
            self.page.open_dialog(
                request_dialog(self.page.store, d.member, self.year, self.page.today(), d.sheet, self),
                reveal=lambda _dialog: self.reveal(d.member.id),
            )

    def fill_sheet(self) -> None:
        d = self.selected()
        if d is None:
            return
        taking = participation(self.page.store, self.year).get(d.member.id or 0)
        self.page.open_dialog(
            CommentSheetDialog(
                self.page.store, d, self.year, self.page.today(), participation=taking, parent=self
            ),
            reveal=lambda _dialog: self.reveal(d.member.id),
        )

    def reveal(self, liaison_id: int | None) -> None:
        """The sheet just saved stays selected and in view (the same way as every page)."""
        if liaison_id is not None:
            reveal_saved(lambda: self.select(liaison_id), self.reload)

    def print_selected(self) -> None:
        d = self.selected()
        if d is not None:
            self.page.print_document("comments", year=self.year, liaison_id=d.member.id)

    def print_all(self) -> None:
        self.page.print_document("comments", year=self.year)
