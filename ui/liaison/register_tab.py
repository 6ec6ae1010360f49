"""The register of working members living in the village (QĐ 213): the list with this year's
gatherings and comment state, add/edit, status changes, gatherings, printing and Excel; the
comment sheets of a year sit below it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from cellsec.dates import add_months, format_date
from cellsec.entities.liaison import LiaisonMember
from cellsec.rules.liaison import CommentState
from cellsec.services.liaison import comment_list, members_in_order, participation
from cellsec.services.members import rules_of

from ui.common.flow_layout import FlowLayout
from ui.common.record_table import AMBER, GREEN, GREY, RED, Cell, RecordTable
from ui.common.reveal import reveal_saved
from ui.liaison.comment_sheet_section import CommentSheetSection
from ui.liaison.gathering_dialog import GatheringDialog
from ui.liaison.host import LiaisonHost
from ui.liaison.liaison_dialog import LiaisonDialog, status_dialog

STATE_COLOURS = {CommentState.OVERDUE: RED, CommentState.DUE: AMBER, CommentState.DONE: GREEN}
# Workplace and its party organisation share a column (two lines), as do the introduction
# letter and the day the cell received it: the list fits a 1280-pixel window.
HEADERS = (
    "Họ và tên",
    "Cơ quan, đơn vị công tác\nTổ chức đảng nơi công tác",
    "Giấy giới thiệu\nNgày chi bộ nhận",
    "Diện",
    "Tình trạng\nhôm nay",
    "Gặp mặt\nnăm nay",
    "Nhận xét\nnăm nay",
)
HIDE_COMMENTS = "Ẩn phiếu nhận xét ▾"
SHOW_COMMENTS = "Hiện phiếu nhận xét ▴"
CRAMPED_LINES = 6  # fewer text lines than this for the register: the comment sheets fold away


class LiaisonRegisterTab(QWidget):
    def __init__(self, page: LiaisonHost) -> None:
        super().__init__()
        self.page = page
        self.members: list[LiaisonMember] = []
        self.add_button = QPushButton("Thêm đảng viên")
        self.add_button.setToolTip("Thêm đảng viên đang công tác nơi khác, giữ mối liên hệ với chi bộ")
        self.edit_button = QPushButton("Sửa")
        self.edit_button.setToolTip("Sửa thông tin đảng viên đang chọn")
        self.status_button = QPushButton("Thay đổi tình trạng…")
        self.status_button.setToolTip("Chuyển nơi ở, nghỉ hưu, thôi giữ mối liên hệ")
        self.gathering_button = QPushButton("Gặp mặt 6 tháng…")
        self.gathering_button.setToolTip("Ghi buổi chi bộ gặp mặt đảng viên giữ mối liên hệ và điểm danh")
        self.print_button = QPushButton("In sổ theo dõi")
        self.print_button.setToolTip("Xem và in sổ theo dõi đảng viên giữ mối liên hệ")
        self.excel_button = QPushButton("Xuất Excel")
        self.excel_button.setToolTip("Lưu danh sách ra tệp Excel")
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.status_button.clicked.connect(self.change_status)
        self.gathering_button.clicked.connect(self.record_gathering)
        self.print_button.clicked.connect(self.print_register)
        self.excel_button.clicked.connect(self.export_register)
        self.comments_button = QPushButton(HIDE_COMMENTS)
        self.comments_button.setCheckable(True)
        self.comments_button.setChecked(True)
        self.comments_button.setToolTip(
            "Ẩn hoặc hiện phần phiếu nhận xét bên dưới, để danh sách có thêm chỗ trên màn hình nhỏ"
        )
        self.comments_button.toggled.connect(self.show_comments)
        self._sized = False
        buttons = FlowLayout()  # wraps on a small screen
        for b in (self.add_button, self.edit_button, self.status_button, self.gathering_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.comments_button)

        self.gathering_label = QLabel()
        self.gathering_label.setWordWrap(True)
        self.table = RecordTable(HEADERS, (16, 0, 15, 15, 14, 7, 10), optional=(3, 2, 5))
        self.table.sig_open_requested.connect(self.edit_member)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.gathering_label)
        box.addWidget(self.table, 1)
        self.comments = CommentSheetSection(page)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.comments)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_buttons()

    # --- room on a small screen -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self, self._fold_if_cramped)  # once the layout has settled

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._sized:
            QTimer.singleShot(0, self, self._fold_if_cramped)

    def _fold_if_cramped(self) -> None:
        """Large text on a small screen: the register takes the height ("Hiện phiếu nhận xét"
        brings the sheets back; the register's last column still shows each one's state)."""
        lines = self.table.viewport().height() / max(self.table.fontMetrics().lineSpacing(), 1)
        if self.comments.isVisible() and lines < CRAMPED_LINES:
            self.show_comments(False)

    def show_comments(self, shown: bool) -> None:
        self.comments.setVisible(shown)
        self.comments_button.setChecked(shown)
        self._name_comments_button()

    def _name_comments_button(self) -> None:
        if self.comments_button.isChecked():
            self.comments_button.setText(HIDE_COMMENTS)
            return
        missing = len(self.comments.missing_names())
        self.comments_button.setText(SHOW_COMMENTS + (f" (còn thiếu {missing})" if missing else ""))

    # --- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        store, today = self.page.store, self.page.today()
        year = today.year
        taking = participation(store, year)
        states = {d.member.id: d for d in comment_list(store, year, today)}
        self.members = members_in_order(store)
        rows, colours = [], []
        for m in self.members:
            status = m.status_on(today)
            came, expected = taking.get(m.id or 0, (0, 0))
            due = states.get(m.id)
            state = due.state if due else CommentState.NOT_NEEDED
            ggt = "\n".join(x for x in (m.ggt_number, format_date(m.ggt_date)) if x)
            work = "\n".join(x for x in (m.workplace, m.workplace_party_org) if x)
            rows.append(
                [
                    Cell(m.full_name, bold=True),
                    work,
                    f"{ggt or '—'}\nNhận: {format_date(m.received_date)}",
                    m.category.label,
                    status.label if status else "Chưa nhận giấy giới thiệu",
                    f"{came}/{expected}" if expected else "—",
                    Cell(state.label, STATE_COLOURS.get(state), tip=due.reason if due else ""),
                ]
            )
            colours.append(None if status is None or status.value == "active" else GREY)
        self.table.set_rows(rows, self.members, colours)
        self._show_gatherings()
        self.comments.reload()
        self._name_comments_button()
        self._update_buttons()

    def _show_gatherings(self) -> None:
        store, today = self.page.store, self.page.today()
        past = sorted((g for g in store.liaison.gatherings() if g.date <= today), key=lambda g: g.date)
        months = int(rules_of(store)["liaison_gathering_months"])
        if not past:
            self.gathering_label.setText(
                f"Chưa ghi buổi gặp mặt nào. Chi bộ gặp mặt đảng viên giữ mối liên hệ {months} tháng một lần."
            )
            return
        last = past[-1]
        due = add_months(last.date, months)
        late = due < today
        self.gathering_label.setText(
            f"Gặp mặt gần nhất: {format_date(last.date)} ({len(last.present)}/"
            f"{len(last.present) + len(last.absent)} người dự). Lần tới: trước "
            f"{format_date(due)}" + (" — <b style='color:#9b1c1c'>đã quá hạn</b>." if late else ".")
        )

    def selected(self) -> LiaisonMember | None:
        chosen = self.table.selected_payload()
        return chosen if isinstance(chosen, LiaisonMember) else None

    def select(self, liaison_id: int) -> bool:
        return self.table.select_where(lambda m: m.id == liaison_id)

    def reveal(self, liaison_id: int | None) -> None:
        """The person just saved is selected and in view (the same way as every page)."""
        if liaison_id is not None:
            reveal_saved(lambda: self.select(liaison_id), self.reload)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.status_button.setEnabled(chosen)

    # --- actions -----------------------------------------------------------------------------
    def add_member(self) -> None:
        self._open_member(None)

    def edit_member(self) -> None:
        m = self.selected()
        if m is not None:
            self._open_member(m)

    def _open_member(self, m: LiaisonMember | None) -> None:
        self.page.open_dialog(
            LiaisonDialog(self.page.store, self.page.today(), m, parent=self),
            reveal=lambda dialog: self.reveal(getattr(dialog, "liaison_id", None)),
        )

    def change_status(self) -> None:
        m = self.selected()
        if m is not None:
            self.page.open_dialog(
                status_dialog(self.page.store, m, self.page.today(), self),
                reveal=lambda _dialog: self.reveal(m.id),
            )

    def record_gathering(self) -> None:
        self.page.open_dialog(GatheringDialog(self.page.store, self.page.today(), parent=self))

    def print_register(self) -> None:
        self.page.print_document("liaison", on=self.page.today())

    def export_register(self) -> None:
        today = self.page.today()
        self.page.export_list("liaison", f"So-theo-doi-noi-cu-tru-{today:%d-%m-%Y}.xlsx", on=today)
