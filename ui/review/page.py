"""The "Kiểm điểm cuối năm" page: the year's members to be rated and those left out with the
reason, each member's review, the statistics as the superiors publish them, the warnings, the
year's fields and the Đảng ủy's decision (which locks the year)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cellsec.entities.changes import Changes
from cellsec.services.review import open_review_year
from cellsec.services.review_record import (
    Record,
    is_locked,
    label_of,
    review_record,
    seal_problem,
    warnings,
)
from cellsec.services.review_report import issue_review_report, report_number
from cellsec.services.review_rows import decision_text, left_out_rows, rated_rows, statistics_line
from cellsec.store import Store

from ui.common.exporting import export_list, export_path_chooser
from ui.common.flow_layout import FlowLayout
from ui.common.page import Page, ViewState
from ui.common.record_table import GREEN, GREY, Cell, RecordTable
from ui.printing import actions as printing
from ui.review import PAGE
from ui.review.dialogs import MemberReviewDialog, decision_dialog, year_dialog

HEADERS = (
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Đảng viên",
    "Chức vụ",
    "Tự nhận",
    "Điểm",
    "Mức theo\nđiểm",
    "Chi bộ\nđề nghị",
    "Đảng ủy\nquyết định",
)
WIDTHS = (3, 0, 6, 8, 10, 12, 4, 12, 12, 12)
# Columns that give way, first named first, when the table does not fit (a large text size on
# a small screen): the column chooser brings them back.
OPTIONAL = (2, 4, 7, 6)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 12pt;")
    return label


def _box(name: str, colours: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"QLabel#{name} {{ {colours} border-radius: 4px; padding: 6px 8px; }}")
    return label


class ReviewPage(Page):
    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.today: Callable[[], date] = date.today
        self.record: Record | None = None
        self.preview: QWidget | None = None
        self._build()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(self._default_year())
        self.year_box.valueChanged.connect(lambda *_: self.reload())
        self.open_button = QPushButton("Mở kiểm điểm năm này")
        self.open_button.clicked.connect(self.open_year)
        self.edit_button = QPushButton("Sửa kiểm điểm…")
        self.edit_button.setToolTip(
            "Bản tự kiểm điểm (Mẫu 2C), điểm, mức chi bộ đề nghị và Đảng ủy quyết định"
        )
        self.edit_button.clicked.connect(self.edit_member)
        self.year_button = QPushButton("Kỳ kiểm điểm…")
        self.year_button.setToolTip("Ngày họp kiểm điểm, chi bộ tự đánh giá xếp loại chi bộ")
        self.year_button.clicked.connect(self.edit_year)
        self.decision_button = QPushButton("Nhập quyết định của Đảng ủy…")
        self.decision_button.clicked.connect(self.enter_decision)
        self.list_button = QPushButton("In danh sách kết quả")
        self.list_button.setToolTip("Danh sách kết quả kiểm điểm, xếp loại (kèm biên bản họp kiểm điểm)")
        self.list_button.clicked.connect(self.print_list)
        self.report_button = QPushButton("In báo cáo gửi Đảng ủy")
        self.report_button.clicked.connect(self.print_report)
        self.sheets_button = QPushButton("In bản tự kiểm điểm (Mẫu 2C)")
        self.sheets_button.setToolTip("Mỗi đảng viên được xếp loại một bản, điền sẵn những gì đã biết")
        self.sheets_button.clicked.connect(self.print_sheets)
        self.issue_button = QPushButton("Ban hành báo cáo (cấp số)…")
        self.issue_button.clicked.connect(self.issue_report)
        self.export_button = QPushButton("Xuất ra Excel…")
        self.export_button.setToolTip(
            "Bảng kiểm điểm, xếp loại của năm (như trên trang) và danh sách không xếp loại, ra tệp .xlsx"
        )
        self.export_button.clicked.connect(self.export_year)
        top = FlowLayout()  # wraps on a small screen at a large text size
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year_box)
        for b in (self.open_button, self.edit_button, self.year_button, self.decision_button):
            top.addWidget(b)
        top.addStretch(1)
        prints = FlowLayout()
        for b in (self.sheets_button, self.list_button, self.report_button, self.issue_button):
            prints.addWidget(b)
        prints.addWidget(self.export_button)
        prints.addStretch(1)
        self.status_label = _box("review_status", "background: #eef4fb; border: 1px solid #b9cde6;")
        self.stats_label = _box("review_stats", "background: #f3f8ef; border: 1px solid #bcd9a8;")
        self.warning_label = _box("review_warnings", "background: #fdf1e7; border: 1px solid #e8b98f;")
        self.table = RecordTable(HEADERS, WIDTHS, optional=OPTIONAL)
        self.table.sig_open_requested.connect(self.edit_member)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.left_out = RecordTable(("Họ và tên", "Lý do không xếp loại"), (24, 0))
        rated = QWidget()
        rated_layout = QVBoxLayout(rated)
        rated_layout.setContentsMargins(0, 0, 0, 0)
        rated_layout.addWidget(_heading("Đảng viên được đánh giá, xếp loại"))
        rated_layout.addWidget(self.table)
        apart = QWidget()
        apart_layout = QVBoxLayout(apart)
        apart_layout.setContentsMargins(0, 0, 0, 0)
        apart_layout.addWidget(_heading("Không xếp loại"))
        apart_layout.addWidget(self.left_out)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(rated)
        self.splitter.addWidget(apart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(prints)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stats_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.splitter, 1)

    def _default_year(self) -> int:
        years = self.store.reviews.years()
        return years[-1].year if years else date.today().year

    # --- the contract -------------------------------------------------------------------------
    def reload(self) -> None:
        self._loaded = True
        year = self.year_box.value()
        self.record = review_record(self.store, year)
        record = self.record
        if record is None:
            self.status_label.setText(
                f"Chưa mở kiểm điểm cuối năm {year}. Bấm “Mở kiểm điểm năm này” để bắt đầu: danh sách "
                "đảng viên lấy từ sổ đảng viên."
            )
            self.table.set_rows([], [])
            self.left_out.set_rows([], [])
            self.stats_label.hide()
            self.warning_label.hide()
            self._update_buttons()
            return
        self.status_label.setText(self._status(record, year))
        self._show_members(record)
        self.left_out.set_rows([(r.name, r.reason) for r in left_out_rows(record)], record["excluded"])
        self._show_statistics(record)
        found = warnings(record) if not is_locked(self.store, year) else []
        self.warning_label.setText("\n".join(f"• {w}" for w in found))
        self.warning_label.setVisible(bool(found))
        self._update_buttons()

    def actions(self) -> list[QAction]:
        return [
            self.page_action("In danh sách kết quả xếp loại", self.print_list),
            self.page_action("In báo cáo gửi Đảng ủy", self.print_report),
            self.page_action("In bản tự kiểm điểm (Mẫu 2C)", self.print_sheets),
            self.page_action("Xuất bảng kiểm điểm ra Excel…", self.export_year),
        ]

    def show_part(self, part: str) -> None:
        """ "year:2026" (asked for by the to-do list): that year's review."""
        kind, _, value = part.partition(":")
        if kind == "year" and value.isdigit():
            self.year_box.setValue(int(value))  # a new year reloads the page

    def concerns(self, changes: Changes) -> bool:
        return changes.reviews or changes.members or changes.profile

    def view_state(self) -> ViewState:
        return {"splitter": self.splitter.saveState()}

    def restore_view_state(self, state: ViewState) -> None:
        if "splitter" in state:
            self.splitter.restoreState(state["splitter"])

    # --- showing --------------------------------------------------------------------------------
    def _status(self, record: Record, year: int) -> str:
        r = record["review"]
        rated, left = len(record["members"]), len(record["excluded"])
        text = f"Kiểm điểm năm {year}: {rated} đồng chí được xếp loại, {left} đồng chí không xếp loại."
        if is_locked(self.store, year):
            text += f" Đã có {decision_text(record)} — kết quả đã chốt, không sửa được."
            problem = seal_problem(self.store, year)
            if problem:
                text += f" {problem}"
        if r["cell_proposed_level"] or r["cell_decided_level"]:
            text += f" Chi bộ tự đánh giá: {label_of(record, r['cell_proposed_level']) or '—'}"
            if r["cell_decided_level"]:
                text += f"; Đảng ủy xếp loại chi bộ: {label_of(record, r['cell_decided_level'])}"
            text += "."
        return text

    def _show_members(self, record: Record) -> None:
        rows: list[list[str | Cell]] = []
        found = rated_rows(record)
        for r in found:
            rows.append(
                [
                    str(r.number),
                    Cell(r.name, bold=not r.has_review, tip=r.note),
                    str(r.birth_year or ""),
                    r.standing,
                    r.position,
                    r.self_level,
                    "" if r.score is None else str(r.score),
                    r.suggested_level,
                    r.proposed_level,
                    Cell(r.decided_level, background=GREEN) if r.decided_level else "",
                ]
            )
        colours = [None if r.has_review else GREY for r in found]
        self.table.set_rows(rows, record["members"], colours)

    def _show_statistics(self, record: Record) -> None:
        self.stats_label.setText(statistics_line(record))
        self.stats_label.show()

    def _update_buttons(self) -> None:
        year = self.year_box.value()
        opened = self.record is not None
        locked = opened and is_locked(self.store, year)
        self.open_button.setVisible(not opened)
        for b in (self.year_button, self.decision_button):
            b.setEnabled(opened and not locked)
        self.edit_button.setEnabled(opened and not locked and self.table.selected_payload() is not None)
        for b in (self.sheets_button, self.list_button, self.report_button, self.issue_button):
            b.setEnabled(opened)
        self.export_button.setEnabled(opened)
        issued = report_number(self.store, year) if opened else None
        self.issue_button.setText(f"Báo cáo số {issued.text}" if issued else "Ban hành báo cáo (cấp số)…")
        self.issue_button.setEnabled(opened and issued is None)

    # --- actions --------------------------------------------------------------------------------
    def open_year(self) -> None:
        year = self.year_box.value()
        self.run_operation(lambda: open_review_year(self.store, year), "Không mở được kỳ kiểm điểm")

    def selected_entry(self) -> dict[str, Any] | None:
        payload = self.table.selected_payload()
        return payload if isinstance(payload, dict) else None

    def edit_member(self) -> None:
        entry = self.selected_entry()
        if self.record is None or entry is None or is_locked(self.store, self.record["year"]):
            return
        self.run_dialog(MemberReviewDialog(self.store, self.record, entry, self))

    def edit_year(self) -> None:
        if self.record is not None:
            self.run_dialog(year_dialog(self.store, self.record, self))

    def enter_decision(self) -> None:
        if self.record is not None:
            self.run_dialog(decision_dialog(self.store, self.record, self))

    def print_list(self) -> None:
        self._print("review-list")

    def print_report(self) -> None:
        self._print("review-report")

    def print_sheets(self) -> None:
        self._print("review-sheets")

    def _print(self, key: str) -> None:
        if self.record is not None:
            year, today = self.record["year"], self.today()
            self.preview = printing.open_preview(
                self, self.store, key, notify=self.notify, year=year, today=today
            )

    def export_year(self) -> None:
        """The year's table as the page shows it (and those left out), to a workbook."""
        if self.record is None:
            return
        from cellsec.spreadsheets.review_table import export_review  # openpyxl only when exporting

        year = self.record["year"]
        export_list(
            self,
            "Xuất bảng kiểm điểm, xếp loại ra Excel",
            f"Kiem-diem-xep-loai-nam-{year}.xlsx",
            lambda path: export_review(self.store, path, year),
            choose=export_path_chooser(self),
            notify=self.notify,
            what="đảng viên thuộc diện xếp loại",
        )

    def issue_report(self) -> None:
        """The report gets the next BC number of the term now, and keeps it for every print."""
        if self.record is None:
            return
        year = self.record["year"]
        question = (
            f"Ban hành báo cáo kết quả kiểm điểm, xếp loại năm {year}?\n\nBáo cáo được cấp số tiếp "
            "theo (…-BC) của nhiệm kỳ và mang ngày hôm nay; in lại sau này vẫn giữ số và ngày đó."
        )
        if self.ask(self, "Ban hành báo cáo", question):
            self.run_operation(
                lambda: issue_review_report(self.store, year, today=self.today()), "Không ban hành được"
            )
