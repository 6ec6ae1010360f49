"""The tally of superiors at the cell's meetings for a period (quarter, year or chosen dates):
the same figures as the printed report, with its print and Excel buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date, parse_date
from cellsec.errors import ValidationError
from cellsec.services.report_numbers import IssuedNumber
from cellsec.services.superior_tally import Tally

from ui.common.dialogs import ErrorBanner
from ui.common.flow_layout import FlowLayout
from ui.common.form_fields import date_edit
from ui.common.record_table import AMBER, GREEN, RED, Cell, RecordTable

PERIODS = (("Quý 1", 1), ("Quý 2", 2), ("Quý 3", 3), ("Quý 4", 4), ("Cả năm", 0), ("Tùy chọn", -1))
WHOLE_YEAR, CUSTOM = 0, -1
FOLLOWER_CAME = {True: "Có", False: "Không", None: "—"}


def target_text(value: object) -> str:
    """Like the report: a whole number plainly, otherwise one decimal with a comma."""
    if value is None:
        return "—"
    number = float(value)  # type: ignore[arg-type]
    return f"{number:.0f}" if number == int(number) else f"{number:.1f}".replace(".", ",")


def quarter_of(day: date) -> tuple[date, date]:
    q = (day.month - 1) // 3
    start = date(day.year, 3 * q + 1, 1)
    end = date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


class TallyView(QWidget):
    """Asks the page for a tally whenever the period changes (sig_period_changed)."""

    sig_period_changed = Signal()

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year_box = QSpinBox()
        self.year_box.setRange(1990, 2100)
        self.year_box.setValue(year)
        self.year_box.setKeyboardTracking(False)
        self.year_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("20260") + 48)
        self.period_box = QComboBox()
        for label, value in PERIODS:
            self.period_box.addItem(label, value)
        self.period_box.setCurrentIndex(self.period_box.findData(WHOLE_YEAR))
        self.from_edit, self.to_edit = date_edit(), date_edit()
        self.from_edit.setObjectName("start")
        self.to_edit.setObjectName("end")
        self.print_button = QPushButton("In báo cáo")
        self.print_button.setToolTip("Xem và in báo cáo cấp ủy viên cấp trên dự sinh hoạt trong kỳ đang xem")
        self.issue_button = QPushButton("Ban hành, cấp số…")
        self.issue_button.setToolTip(
            "Cấp số …-BC/CB cho báo cáo của kỳ đang xem; in lại sau này vẫn giữ số và ngày ban hành"
        )
        self.excel_button = QPushButton("Xuất Excel")
        self.excel_button.setToolTip("Lưu bảng của kỳ đang xem ra tệp Excel")
        self.excel_button.setToolTip("Lưu các số liệu của kỳ đang xem ra tệp Excel")
        self.banner = ErrorBanner()

        top = FlowLayout()  # wraps on a small screen
        for w in (
            QLabel("Năm"),
            self.year_box,
            QLabel("Kỳ"),
            self.period_box,
            QLabel("Từ ngày"),
            self.from_edit,
            QLabel("đến ngày"),
            self.to_edit,
        ):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.issue_button)
        top.addWidget(self.excel_button)
        self.number_label = QLabel()
        self.number_label.setObjectName("report_number")
        self.number_label.setWordWrap(True)  # a long sentence must not widen the window

        self.held_label, self.with_label, self.directions_label = QLabel(), QLabel(), QLabel()
        # The three figures side by side, wrapping on a small screen: the tables keep the height.
        figures = FlowLayout()
        for row, (title, label) in enumerate(
            (
                ("Số buổi sinh hoạt đã tổ chức:", self.held_label),
                ("Số buổi có cấp ủy viên cấp trên dự:", self.with_label),
                ("Ý kiến chỉ đạo:", self.directions_label),
            )
        ):
            label.setStyleSheet("font-weight: bold;")
            label.setObjectName(("held", "with_superior", "directions")[row])
            pair = QWidget()
            line = QHBoxLayout(pair)
            line.setContentsMargins(0, 0, 24, 0)
            line.addWidget(QLabel(title))
            line.addWidget(label)
            figures.addWidget(pair)

        self.people = RecordTable(
            ("Họ và tên", "Chức vụ", "Cấp", "Số buổi\ndự", "Chỉ tiêu\ncủa kỳ", "Nhận xét"),
            (20, 28, 19, 8, 8, 0),
            optional=(2, 1),
        )
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: #444;")
        self.meetings = RecordTable(
            (
                "Ngày",
                "Buổi sinh hoạt",
                "Cấp ủy viên cấp trên dự",
                "Người theo dõi\ncó dự",
                "Đã thông báo cho",
            ),
            (11, 22, 0, 12, 22),
            optional=(4, 3),
        )
        people_box = QWidget()
        box = QVBoxLayout(people_box)
        box.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(
            "<b>Từng đồng chí cấp ủy viên cấp trên</b> (số buổi dự so với chỉ tiêu tính theo "
            "thời gian của kỳ)"
        )
        heading.setWordWrap(True)
        box.addWidget(heading)
        box.addWidget(self.people, 1)
        box.addWidget(self.source_label)
        meetings_box = QWidget()
        box = QVBoxLayout(meetings_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("<b>Các buổi sinh hoạt trong kỳ</b>"))
        box.addWidget(self.meetings, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(people_box)
        split.addWidget(meetings_box)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.number_label)
        layout.addLayout(figures)
        layout.addWidget(split, 1)

        self.year_box.valueChanged.connect(lambda *_: self._on_period())
        self.period_box.currentIndexChanged.connect(lambda *_: self._on_period())
        self.from_edit.editingFinished.connect(self._on_custom)
        self.to_edit.editingFinished.connect(self._on_custom)
        self._show_dates()

    # --- the period --------------------------------------------------------------------------
    def set_period(self, year: int, quarter: int) -> None:
        """quarter 1–4, 0 = the whole year."""
        self.year_box.blockSignals(True)
        self.year_box.setValue(year)
        self.year_box.blockSignals(False)
        self.period_box.setCurrentIndex(self.period_box.findData(quarter))
        self._on_period()

    def set_custom(self, start: str, end: str) -> None:
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(self.period_box.findData(CUSTOM))
        self.period_box.blockSignals(False)
        self.from_edit.setText(start)
        self.to_edit.setText(end)
        self._show_dates()
        self.sig_period_changed.emit()

    def period(self) -> tuple[date, date]:
        """The period shown; raises ValidationError for a bad chosen date."""
        choice = self.period_box.currentData()
        year = self.year_box.value()
        if choice == WHOLE_YEAR:
            return date(year, 1, 1), date(year, 12, 31)
        if choice != CUSTOM:
            return quarter_of(date(year, 3 * choice, 1))
        start = parse_date(self.from_edit.text(), "Từ ngày", key="start", required=True, allow_future=True)
        end = parse_date(self.to_edit.text(), "Đến ngày", key="end", required=True, allow_future=True)
        assert start is not None and end is not None
        if end < start:
            raise ValidationError("Đến ngày: trước ngày bắt đầu của kỳ.", "Đến ngày", "end")
        return start, end

    def _show_dates(self) -> None:
        custom = self.period_box.currentData() == CUSTOM
        self.from_edit.setReadOnly(not custom)
        self.to_edit.setReadOnly(not custom)
        self.year_box.setEnabled(not custom)
        if not custom:
            start, end = self.period()
            self.from_edit.setText(format_date(start))
            self.to_edit.setText(format_date(end))

    def _on_period(self) -> None:
        self._show_dates()
        if self.period_box.currentData() == CUSTOM:
            self.from_edit.setFocus()
        self.sig_period_changed.emit()

    def _on_custom(self) -> None:
        if self.period_box.currentData() == CUSTOM:
            self.sig_period_changed.emit()

    # --- showing -----------------------------------------------------------------------------
    def show_error(self, err: ValidationError) -> None:
        self.banner.show_message(str(err))
        self.print_button.setEnabled(False)
        self.issue_button.setEnabled(False)
        self.excel_button.setEnabled(False)

    def show_number(self, number: IssuedNumber | None) -> None:
        """Whether the report of the period shown is issued, and with which number."""
        if number is None:
            self.number_label.setText("Báo cáo của kỳ này chưa ban hành: bản in là bản nháp, số để trống.")
        else:
            self.number_label.setText(
                f"Báo cáo của kỳ này đã ban hành: <b>Số {number.text}</b> "
                f"ngày {format_date(number.issued_on)}."
            )
        self.issue_button.setEnabled(number is None)

    def show_tally(self, t: Tally) -> None:
        self.banner.clear_message()
        self.print_button.setEnabled(True)
        self.excel_button.setEnabled(True)
        self.held_label.setText(str(t.held))
        self.with_label.setText(str(t.with_superior))
        self.directions_label.setText(
            f"{len(t.directions)} nội dung; đã hoàn thành {t.directions_done}; chưa xong {t.directions_open}"
        )
        rows = []
        for x in t.people:
            if x.warning:
                remark = Cell(x.warning, RED if x.warning.startswith("Chưa đạt") else AMBER)
            elif x.meets_target:
                remark = Cell("Đạt", GREEN)
            else:
                remark = Cell("")
            rows.append(
                [
                    x.superior.name,
                    x.superior.position,
                    x.superior.level.label,
                    str(x.attended),
                    target_text(x.target),
                    remark,
                ]
            )
        self.people.set_rows(rows, list(t.people))
        self.source_label.setText(f"Căn cứ chỉ tiêu: {t.target_sources.get('commune', '')}.")
        self.meetings.set_rows(
            [
                [
                    format_date(x.meeting.date),
                    x.meeting.kind.label,
                    ", ".join(x.superiors_present) or "—",
                    FOLLOWER_CAME[x.follower_came],
                    ", ".join(x.notified) or "—",
                ]
                for x in t.meetings
            ],
            [x.meeting for x in t.meetings],
        )
