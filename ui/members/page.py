"""The member register page ("Sổ đảng viên"): search, filters, the list and one member's file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QDate, QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.members import MemberEvent, MemberRow
from cellsec.services.members import delete_event
from cellsec.services.register import (
    StatusFilter,
    filter_rows,
    load_register,
    member_detail,
    summarise,
)
from cellsec.services.review_record import history_lines
from cellsec.store import Store
from cellsec.text import search_terms

from ui.common.column_fit import ColumnChooser
from ui.common.exporting import export_list, export_path_chooser
from ui.common.flow_layout import FlowLayout
from ui.common.operations import open_dialog
from ui.common.page import Page
from ui.common.reveal import reveal_saved
from ui.members import PAGE
from ui.members.event_dialog import EventDialog
from ui.members.member_detail import MemberDetailPanel
from ui.members.member_dialog import MemberDialog
from ui.members.member_table_model import NAME, STT, MemberTableModel
from ui.members.register_widgets import MemberTableView, SearchEdit

HIDE_DETAIL = "Ẩn hồ sơ ▸"
SHOW_DETAIL = "◂ Hiện hồ sơ"


def _narrows(old_query: str, new_query: str) -> bool:
    """True when every row matching new_query also matches old_query (each old word lies
    inside some new word), so the new search may look only through the old result."""
    new_terms = search_terms(new_query)
    return all(any(old in new for new in new_terms) for old in search_terms(old_query))


class MembersPage(Page):
    """Shows the register as of a date. Writes go through dialogs and services; what they
    changed is announced with sig_changed, and the main window hands it back to apply."""

    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._rows: list[MemberRow] = []
        # The last search and its result: a longer query only needs to look through that.
        self._last_filter: tuple[str, StatusFilter, list[MemberRow]] | None = None
        self._by_status: dict[StatusFilter, list[MemberRow]] = {}
        self._detail_key: tuple[int | None, date] | None = None
        self._select_next: int | None = None
        self._build()
        self.summary_label.setText("Đang mở sổ đảng viên…")

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = SearchEdit()
        self.search.textChanged.connect(self._refilter)
        self.status_box = QComboBox()
        for status in StatusFilter:
            self.status_box.addItem(status.label, status.value)
        self.status_box.setCurrentIndex(self.status_box.findData(StatusFilter.ROLL.value))
        self.status_box.currentIndexChanged.connect(self._refilter)
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        self.as_of.setCalendarPopup(True)
        self.as_of.setMinimumDate(QDate(1930, 1, 1))
        # While the user types a date, wait for Enter or leaving the box before reloading.
        self.as_of.setKeyboardTracking(False)
        self.as_of.dateChanged.connect(lambda *_: self.reload())
        today = QPushButton("Hôm nay")
        today.setToolTip("Xem đảng số tính đến ngày hôm nay")
        today.clicked.connect(lambda: self.as_of.setDate(QDate.currentDate()))

        self.add_button = QPushButton("Thêm đảng viên")
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.add_button.setToolTip("Thêm đảng viên mới (Ctrl+N)")
        self.edit_button = QPushButton("Sửa")
        self.edit_button.setToolTip("Sửa hồ sơ đảng viên đang chọn (Enter)")
        self.event_button = QPushButton("Ghi sự kiện")
        self.event_button.setToolTip("Ghi một sự kiện: chuyển đi, miễn sinh hoạt, từ trần…")
        self.edit_button.setEnabled(False)  # until a member is selected
        self.event_button.setEnabled(False)
        self.print_button = QPushButton("In danh sách đảng viên")
        self.print_button.setToolTip("Xem và in danh sách đảng viên tính đến ngày đang xem")
        self.print_button.clicked.connect(self.print_register)
        self.export_button = QPushButton("Xuất ra Excel…")
        self.export_button.setToolTip("Lưu danh sách đang xem (theo ngày và bộ lọc) ra tệp Excel")
        self.export_button.clicked.connect(self.export_register)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.event_button.clicked.connect(self.record_event)

        self.columns_button = QPushButton("Cột…")
        self.columns_button.setToolTip("Chọn các cột hiện trong bảng (giới tính, điện thoại, số thẻ đảng…)")
        self.detail_button = QPushButton(HIDE_DETAIL)
        self.detail_button.setCheckable(True)
        self.detail_button.setChecked(True)
        self.detail_button.toggled.connect(self.show_detail_pane)
        actions = FlowLayout()  # wraps at a large text size on a small screen
        for button in (
            self.add_button,
            self.edit_button,
            self.event_button,
            self.print_button,
            self.export_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(QLabel("Tính đến ngày"))
        actions.addWidget(self.as_of)
        actions.addWidget(today)
        actions.addWidget(self.columns_button)
        actions.addWidget(self.detail_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel("Hiển thị"))
        filters.addWidget(self.status_box, 1)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        info = QHBoxLayout()
        info.addWidget(self.summary_label, 1)
        info.addWidget(self.count_label)

        self.model = MemberTableModel(self)
        self.table = MemberTableView()
        self.table.setModel(self.model)
        self.table.size_columns()
        self.table.hide_optional_columns()
        self.column_chooser = ColumnChooser(self.table, always=(STT, NAME), fitter=self.table.fitter)
        self.columns_button.setMenu(self.column_chooser)
        self.table.horizontalHeader().setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.sig_open_requested.connect(self.edit_member)

        self.detail = MemberDetailPanel()
        self.detail.sig_add_event.connect(self.record_event)
        self.detail.sig_edit_event.connect(self.edit_event)
        self.detail.sig_delete_event.connect(self.delete_event)
        self.detail.sig_show_changes.connect(self.show_member_changes)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)  # the panel may be folded away, the list not
        self._sized = False

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addLayout(info)
        layout.addWidget(self.splitter, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

    def showEvent(self, event: QShowEvent) -> None:
        # Page's: paint first ("Đang tải…"), read just after — at a few thousand members the
        # register's read is the slowest part of opening the page.
        super().showEvent(event)
        if not self._sized:
            # First show without a remembered layout: the list gets the room, the panel ~30 %.
            self._sized = True
            total = self.splitter.width()
            panel = max(340, int(total * 0.3))
            self.splitter.setSizes([total - panel, panel])
            self._fold_if_cramped()

    def _fold_if_cramped(self) -> None:
        """A small screen or large text: the list gets the whole width ("Hiện hồ sơ" brings the
        member's file back)."""
        if self.detail.isVisible() and self.table.fitter.natural_width() * 0.85 > self.table.width():
            self.show_detail_pane(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._sized:
            QTimer.singleShot(0, self, self._fold_if_cramped)  # once the columns have grown

    def show_detail_pane(self, shown: bool) -> None:
        """The member's file beside the list, or the whole width for the list (small screens)."""
        self.detail.setVisible(shown)
        self.detail_button.setChecked(shown)
        self.detail_button.setText(HIDE_DETAIL if shown else SHOW_DETAIL)

    def view_state(self) -> dict[str, QByteArray]:
        """Column widths, order and choice, sort column and the panel split, for the next run."""
        return {
            "splitter": self.splitter.saveState(),
            "columns": self.table.horizontalHeader().saveState(),
            "detail": QByteArray(b"1" if self.detail_button.isChecked() else b"0"),
        }

    def restore_view_state(self, state: dict[str, QByteArray]) -> None:
        if "splitter" in state and self.splitter.restoreState(state["splitter"]):
            self._sized = True
        if "columns" in state:
            self.table.horizontalHeader().restoreState(state["columns"])
            for column in range(self.model.columnCount()):
                self.table.fitter.wanted[column] = self.table.columnWidth(column)
        if "detail" in state:
            self.show_detail_pane(bytes(state["detail"].data()) != b"0")

    def actions(self) -> list[QAction]:
        return [
            self.page_action("In danh sách đảng viên", self.print_register),
            self.page_action("Xuất ra Excel…", self.export_register),
        ]

    # --- reading -----------------------------------------------------------------------------
    @property
    def on(self) -> date:
        return self.as_of.date().toPython()

    def set_as_of(self, when: date) -> None:
        self.as_of.setDate(QDate(when.year, when.month, when.day))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def concerns(self, changes: Changes) -> bool:
        return changes.members or changes.reviews  # the detail shows the year-end ratings

    def reload(self) -> None:
        """Read the register as of the chosen date, then filter it again."""
        self._loaded = True
        self._rows = load_register(self._store, self.on)
        self._last_filter = None
        self._by_status = {}
        self._detail_key = None
        self.summary_label.setText(f"Tính đến {format_date(self.on)}: {summarise(self._rows, self.on).text}.")
        self._refilter()

    def _refilter(self, *_: object) -> None:
        keep = self._select_next if self._select_next is not None else self.selected_member_id()
        self._select_next = None
        status = StatusFilter(self.status_box.currentData())
        query = self.search.text()
        if status not in self._by_status:
            self._by_status[status] = filter_rows(self._rows, "", status)
        source = self._by_status[status]
        if self._last_filter is not None:
            last_query, last_status, last_rows = self._last_filter
            if last_status is status and _narrows(last_query, query):
                source = last_rows
        # The source already has the right status; ALL skips checking it again.
        visible = filter_rows(source, query, StatusFilter.ALL)
        self._last_filter = (query, status, visible)
        self.model.set_rows(visible)
        self.count_label.setText(f"{self.model.rowCount()} / {len(self._rows)} đảng viên")
        self._restore_selection(keep)

    def _restore_selection(self, member_id: int | None) -> None:
        row = self.model.row_of_member(member_id) if member_id is not None else -1
        if row < 0:
            self.table.clearSelection()
            self._show_selected()
            return
        index = self.model.index(row, NAME)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        # The reset emptied the selection, so selecting again always announces it.
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def show_part(self, part: str) -> None:
        """ "member:<id>": select that member (asked for by the to-do list)."""
        kind, _, value = part.partition(":")
        if kind == "member" and value.isdigit():
            if not self._loaded:  # the first read comes just after the page shows: it selects
                self._select_next = int(value)
                return
            self._restore_selection(int(value))

    def selected_member_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.member.id if row else None

    def _show_selected(self) -> None:
        member_id = self.selected_member_id()
        key = (member_id, self.on)
        if key == self._detail_key:
            return  # same member, same date, nothing saved since: the panel is up to date
        self._detail_key = key
        detail = member_detail(self._store, member_id, self.on) if member_id else None
        self.detail.show_detail(detail)
        if detail is not None and member_id:
            self.detail.show_ratings(history_lines(self._store, member_id))
        for button in (self.edit_button, self.event_button):
            button.setEnabled(detail is not None)

    # --- writing (through dialogs) ---------------------------------------------------------
    def add_member(self) -> None:
        def select_new(dialog: MemberDialog) -> None:
            self._select_next = dialog.member_id

        self.run_dialog(
            MemberDialog(self._store, parent=self), before_route=select_new, after_route=self._reveal
        )

    def edit_member(self) -> None:
        member_id = self.selected_member_id()
        detail = member_detail(self._store, member_id, self.on) if member_id else None
        if detail is not None:
            self.run_dialog(
                MemberDialog(self._store, detail.row.member, parent=self), after_route=self._reveal
            )

    def _reveal(self, dialog: MemberDialog) -> None:
        """The member just saved is shown and selected even if the search or the status filter
        hid them: the filter is widened to everyone and the search cleared."""
        member_id = dialog.member_id
        if member_id is not None:
            reveal_saved(
                lambda: self._select_member(member_id),
                self._refilter,
                search=self.search,
                choices=((self.status_box, StatusFilter.ALL.value),),
            )

    def _select_member(self, member_id: int) -> bool:
        if self.model.row_of_member(member_id) < 0:
            return False
        self._restore_selection(member_id)
        return True

    def record_event(self) -> None:
        detail = self.detail.detail
        if detail is not None and detail.row.member.id is not None:
            self.run_dialog(
                EventDialog(self._store, detail.row.member.id, detail.row.member.full_name, parent=self)
            )

    def edit_event(self, event: MemberEvent) -> None:
        detail = self.detail.detail
        if detail is not None and event.id is not None:
            self.run_dialog(
                EventDialog(
                    self._store, event.member_id or 0, detail.row.member.full_name, event, parent=self
                )
            )

    def print_register(self) -> None:
        """The register list as of the page's date (built here, rendered on a worker)."""
        from ui.printing import actions as printing

        self.active_dialog = printing.open_preview(  # type: ignore[assignment]
            self, self._store, "register", on=self.on, notify=self.notify
        )

    def delete_event(self, event: MemberEvent) -> None:
        detail = self.detail.detail
        if detail is None or event.id is None or event.member_id is None:
            return
        question = (
            f"Xóa sự kiện “{event.kind.label}” ngày {format_date(event.date)} của "
            f"{detail.row.member.full_name}?\n\nChỉ xóa sự kiện ghi nhầm. Khi tình trạng "
            "thay đổi, hãy ghi một sự kiện mới để giữ lịch sử."
        )
        if not self.ask(self, "Xóa sự kiện", question):
            return
        member_id, event_id = event.member_id, event.id
        self.run_operation(lambda: delete_event(self._store, member_id, event_id), "Không xóa được sự kiện")

    def show_member_changes(self) -> None:
        """Who changed the selected member's record, what and when (the audit trail)."""
        from cellsec.services.history import member_history

        from ui.common.history import HistoryDialog

        detail = self.detail.detail
        if detail is not None and detail.row.member.id is not None:
            open_dialog(
                self,
                HistoryDialog(
                    detail.row.member.full_name, member_history(self._store, detail.row.member.id), self
                ),
            )

    def export_register(self) -> None:
        """The register as shown (date, status filter) to .xlsx or .csv."""
        from cellsec.spreadsheets import export_members

        on, status = self.on, StatusFilter(self.status_box.currentData())
        export_list(
            self,
            "Xuất danh sách đảng viên ra Excel",
            f"Danh-sach-dang-vien-{on:%d-%m-%Y}.xlsx",
            lambda path: export_members(self._store, path, on, status),
            choose=export_path_chooser(self),
            notify=self.notify,
            what="đảng viên",
        )
