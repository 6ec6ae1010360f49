"""The "Cấp trên" page: the directory of superior committee members, who follows the cell when,
the follow-up of their directions, and the tally for a period (print, Excel)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.superiors import Direction, DirectionStatus, Superior
from cellsec.errors import ValidationError
from cellsec.services.superior_report_record import issue_superior_report
from cellsec.services.superior_tally import superior_tally
from cellsec.services.superiors import assigned_on, directory_in_order
from cellsec.store import Store

from ui.common.file_choosers import choose_xlsx_path
from ui.common.flow_layout import FlowLayout
from ui.common.page import Page
from ui.common.record_table import GREEN, GREY, RED, Cell, RecordTable
from ui.common.reveal import reveal_saved
from ui.common.superior_entry import SuperiorDialog
from ui.printing import actions as printing
from ui.superiors import PAGE
from ui.superiors.assign_dialog import AssignDialog
from ui.superiors.follow_up_dialog import FollowUpDialog
from ui.superiors.tally_view import TallyView

DIRECTORY, DIRECTIONS, TALLY = range(3)
OVERDUE_DIRECTIONS = "overdue-directions"  # the part other areas may ask for
# Follow-up filters: (label, value).
FILTERS = (("Chưa hoàn thành", "open"), ("Quá hạn", "overdue"), ("Đã xong", "closed"), ("Tất cả", "all"))


def is_overdue(d: Direction, today: date) -> bool:
    return d.status.is_open and d.deadline is not None and d.deadline < today


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 12pt;")
    return label


class SuperiorsPage(Page):
    """The directory, who follows the cell, the directions' follow-up and the period's tally;
    shows the follow-up list when another area asks for OVERDUE_DIRECTIONS."""

    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.preview: QWidget | None = None
        # Injectable so tests never wait on a file chooser, and fix the calendar.
        self.today: Callable[[], date] = date.today
        self.choose_xlsx = choose_xlsx_path
        self.directions: list[Direction] = []
        self._build()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_directory(), "Danh bạ và phân công theo dõi")
        self.tabs.addTab(self._build_directions(), "Theo dõi ý kiến chỉ đạo")
        self.tally = TallyView(date.today().year)
        self.tally.sig_period_changed.connect(self._show_tally)
        self.tally.print_button.clicked.connect(self.print_report)
        self.tally.issue_button.clicked.connect(self.issue_report)
        self.tally.excel_button.clicked.connect(self.export_excel)
        self.tabs.addTab(self.tally, "Tổng hợp theo kỳ")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _build_directory(self) -> QWidget:
        self.add_button = QPushButton("Thêm người vào danh bạ")
        self.add_button.setToolTip("Thêm cấp ủy viên cấp trên vào danh bạ")
        self.edit_button = QPushButton("Sửa")
        self.edit_button.setToolTip("Sửa thông tin người đang chọn trong danh bạ")
        self.assign_button = QPushButton("Phân công theo dõi chi bộ…")
        self.assign_button.setToolTip(
            "Ghi người được Đảng ủy phân công theo dõi chi bộ, từ ngày nào đến ngày nào"
        )
        self.add_button.clicked.connect(self.add_superior)
        self.edit_button.clicked.connect(self.edit_superior)
        self.assign_button.clicked.connect(self.assign)
        self.directory = RecordTable(
            ("Họ và tên", "Chức vụ", "Cấp", "Cấp ủy", "Điện thoại"), (22, 0, 20, 22, 12), optional=(3, 2)
        )
        self.directory.sig_open_requested.connect(self.edit_superior)
        self.directory.itemSelectionChanged.connect(self._update_buttons)
        self.follower_label = QLabel()
        self.follower_label.setObjectName("follower")
        self.follower_label.setWordWrap(True)
        self.follower_label.setStyleSheet(
            "QLabel#follower { background: #eef4fb; border: 1px "
            "solid #b9cde6; border-radius: 4px; padding: 6px 8px; }"
        )
        self.assignments = RecordTable(
            ("Người theo dõi chi bộ", "Từ ngày", "Đến ngày", "Ghi chú"), (26, 11, 22, 0)
        )
        page = QWidget()
        buttons = FlowLayout()  # wraps on a small screen
        for b in (self.add_button, self.edit_button, self.assign_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(_heading("Danh bạ cấp ủy viên cấp trên"))
        layout.addWidget(self.directory, 3)
        layout.addWidget(_heading("Phân công theo dõi chi bộ"))
        layout.addWidget(self.follower_label)
        layout.addWidget(self.assignments, 2)
        return page

    def _build_directions(self) -> QWidget:
        self.filter_box = QComboBox()
        for label, value in FILTERS:
            self.filter_box.addItem(label, value)
        self.filter_box.currentIndexChanged.connect(lambda *_: self._show_directions())
        self.follow_button = QPushButton("Cập nhật kết quả…")
        self.follow_button.setToolTip(
            "Ghi kết quả thực hiện ý kiến chỉ đạo đang chọn, tại buổi sinh hoạt báo cáo (Enter)"
        )
        self.follow_button.clicked.connect(self.follow_up_selected)
        self.directions_table = RecordTable(
            (
                "Ngày nhận",
                "Người chỉ đạo",
                "Nội dung chỉ đạo",
                "Phụ trách",
                "Thời hạn",
                "Tình trạng",
                "Kết quả",
            ),
            (11, 16, 0, 9, 11, 14, 20),
            optional=(3, 1, 6),
        )
        self.directions_table.sig_open_requested.connect(self.follow_up_selected)
        self.directions_table.itemSelectionChanged.connect(self._update_buttons)
        self.directions_count = QLabel()
        page = QWidget()
        top = FlowLayout()  # wraps on a small screen
        top.addWidget(QLabel("Hiển thị"))
        top.addWidget(self.filter_box)
        top.addWidget(self.follow_button)
        top.addStretch(1)
        top.addWidget(self.directions_count)
        hint = QLabel(
            "Ý kiến chỉ đạo ghi trong biên bản (thẻ “Cấp trên”) được theo dõi tới khi "
            "chi bộ báo cáo kết quả tại một buổi sinh hoạt sau. Dòng đỏ: quá thời hạn."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.directions_table, 1)
        return page

    def actions(self) -> list[QAction]:
        return [
            self.page_action("In báo cáo của kỳ", self.print_report),
            self.page_action("Xuất Excel của kỳ…", self.export_excel),
        ]

    # --- reading -----------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        # A meeting's guests count in the tally, so a meeting change matters here too.
        return changes.superiors or changes.meetings

    def reload(self) -> None:
        self._loaded = True
        today = self.today()
        people = directory_in_order(self._store)
        names = {s.id: s.name for s in people}
        current = {s.id for s in assigned_on(self._store, today)}
        self.directory.set_rows(
            [
                [Cell(s.name, bold=s.id in current), s.position, s.level.label, s.committee, s.phone]
                for s in people
            ],
            people,
        )
        history = sorted(self._store.superiors.assignments(), key=lambda a: a.start, reverse=True)
        rows, colours = [], []
        for a in history:
            running = a.covers(today)
            end = format_date(a.end) if a.end else "nay"
            rows.append(
                [
                    names.get(a.superior_id, "?"),
                    format_date(a.start),
                    end + (" (đang theo dõi)" if running else ""),
                    a.note,
                ]
            )
            colours.append(GREEN if running else None)
        self.assignments.set_rows(rows, history, colours)
        followers = [s.name for s in people if s.id in current]
        self.follower_label.setText(
            f"Hôm nay ({format_date(today)}) người theo dõi chi bộ là: <b>"
            f"{', '.join(followers)}</b>. Trước mỗi buổi sinh hoạt cần thông báo cho đồng chí này "
            "(ghi ở thẻ “Cấp trên” của biên bản)."
            if followers
            else "Chưa có ai được phân công theo dõi chi bộ vào hôm nay. Bấm “Phân công theo dõi chi "
            "bộ…” để ghi."
        )
        self.directions = self._store.superiors.directions()
        self._show_directions()
        self._show_tally()
        self._update_buttons()

    def _show_directions(self) -> None:
        today = self.today()
        wanted = self.filter_box.currentData()
        chosen = [
            d
            for d in self.directions
            if wanted == "all"
            or (wanted == "open" and d.status.is_open)
            or (wanted == "overdue" and is_overdue(d, today))
            or (wanted == "closed" and not d.status.is_open)
        ]
        opened = sorted(
            (d for d in chosen if d.status.is_open),
            key=lambda d: (d.deadline or date.max, d.meeting_date or date.min),
        )
        closed = sorted(
            (d for d in chosen if not d.status.is_open),
            key=lambda d: d.meeting_date or date.min,
            reverse=True,
        )
        shown = opened + closed
        rows, colours = [], []
        for d in shown:
            late = is_overdue(d, today)
            status = d.status.label + (" — quá hạn" if late else "")
            rows.append(
                [
                    format_date(d.meeting_date),
                    d.given_by,
                    d.text,
                    d.owner,
                    format_date(d.deadline),
                    status,
                    d.result,
                ]
            )
            colours.append(
                RED
                if late
                else GREEN
                if d.status is DirectionStatus.DONE
                else GREY
                if d.status is DirectionStatus.DROPPED
                else None
            )
        self.directions_table.set_rows(rows, shown, colours)
        late = sum(is_overdue(d, today) for d in self.directions)
        self.directions_count.setText(f"{len(shown)} ý kiến chỉ đạo" + (f" — {late} quá hạn" if late else ""))

    def _show_tally(self) -> None:
        try:
            start, end = self.tally.period()
        except ValidationError as err:
            self.tally.show_error(err)
            return
        tally = superior_tally(self._store, start, end, today=self.today())
        self.tally.show_tally(tally)
        self.tally.show_number(tally.number)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.directory.selected_payload() is not None)
        self.follow_button.setEnabled(self.directions_table.selected_payload() is not None)

    def show_part(self, part: str) -> None:
        if part == OVERDUE_DIRECTIONS:
            self.show_follow_up(overdue_only=True)

    def show_follow_up(self, overdue_only: bool = True) -> None:
        """Open the follow-up list (from the meetings page's overdue line)."""
        if not self._loaded:
            self.reload()
        self.tabs.setCurrentIndex(DIRECTIONS)
        self.filter_box.setCurrentIndex(self.filter_box.findData("overdue" if overdue_only else "open"))

    # --- writing (through dialogs) -----------------------------------------------------------
    def add_superior(self) -> None:
        self.run_dialog(SuperiorDialog(self._store, parent=self), after_route=self._reveal_superior)

    def edit_superior(self) -> None:
        chosen = self.directory.selected_payload()
        if isinstance(chosen, Superior):
            self.run_dialog(
                SuperiorDialog(self._store, chosen, parent=self), after_route=self._reveal_superior
            )

    def _reveal_superior(self, dialog: QDialog) -> None:
        """The person just saved is selected and in view in the directory."""
        wanted = getattr(dialog, "superior_id", None)
        if wanted is not None:
            self.tabs.setCurrentIndex(DIRECTORY)
            reveal_saved(lambda: self.directory.select_where(lambda s: s.id == wanted), self.reload)

    def assign(self) -> None:
        chosen = self.directory.selected_payload()
        self.run_dialog(
            AssignDialog(
                self._store,
                self.today(),
                parent=self,
                chosen=chosen.id if isinstance(chosen, Superior) else None,
            )
        )

    def follow_up_selected(self) -> None:
        chosen = self.directions_table.selected_payload()
        if isinstance(chosen, Direction):
            self.run_dialog(
                FollowUpDialog(self._store, chosen, self.today(), parent=self),
                after_route=lambda _dialog: self.reveal_direction(chosen.id),
            )

    def reveal_direction(self, direction_id: int | None) -> None:
        """The direction just followed up stays selected and in view; when the filter would hide
        it now (done under "Chưa hoàn thành"), the filter widens to "Tất cả"."""
        if direction_id is not None:
            reveal_saved(
                lambda: self.directions_table.select_where(lambda d: d.id == direction_id),
                self._show_directions,
                choices=((self.filter_box, "all"),),
            )

    # --- report ------------------------------------------------------------------------------
    def print_report(self) -> None:
        try:
            period = self.tally.period()
        except ValidationError as err:
            self.tally.show_error(err)
            return
        self.preview = printing.open_preview(
            self, self._store, "superiors", period=period, notify=self.notify
        )
        self.active_dialog = self.preview  # type: ignore[assignment]

    def issue_report(self) -> None:
        """Issue the period's report: it gets its number now and keeps it for every print."""
        try:
            start, end = self.tally.period()
        except ValidationError as err:
            self.tally.show_error(err)
            return
        question = (
            f"Ban hành báo cáo cấp ủy viên cấp trên dự sinh hoạt từ {format_date(start)} "
            f"đến {format_date(end)}?\n\nBáo cáo được cấp số tiếp theo (…-BC) của nhiệm "
            "kỳ và mang ngày hôm nay; in lại sau này vẫn giữ số và ngày đó. Số đã cấp "
            "không dùng lại."
        )
        if not self.ask(self, "Ban hành báo cáo", question):
            return
        issued = self.run_operation(
            lambda: issue_superior_report(self._store, start, end, today=self.today()), "Không ban hành được"
        )
        if issued is not None:
            self.tally.show_number(issued[0])

    def export_excel(self) -> None:
        from cellsec.reports.superior_xlsx import write_superior_xlsx  # openpyxl when needed

        try:
            start, end = self.tally.period()
        except ValidationError as err:
            self.tally.show_error(err)
            return
        name = f"Cap-tren-du-sinh-hoat-{start:%d-%m-%Y}-den-{end:%d-%m-%Y}.xlsx"
        path = self.choose_xlsx(self, name)
        if path is None:
            return
        try:
            write_superior_xlsx(superior_tally(self._store, start, end, today=self.today()), path)
        except OSError as err:
            self.notify(
                self,
                "Không lưu được tệp",
                f"Không ghi được tệp “{path}”: {err.strerror or err}. Tệp có đang mở trong Excel không?",
                warning=True,
            )
            return
        self.notify(self, "Đã xuất Excel", f"Đã lưu: {path}")
