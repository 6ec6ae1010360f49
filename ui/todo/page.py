"""The "Việc cần làm" page, the first the app opens on: what is overdue (red), due soon (amber)
and coming later (grey), each with its rule's citation on hover and one click to the place
where it is done; mark done, postpone, print the one-page list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.due import DueItem, DueState
from cellsec.services.due import ITEM_HEADERS, counts_by_page, due_items, item_texts
from cellsec.store import Store

from ui.common.page import Page
from ui.common.record_table import AMBER, GREY, RED, Cell, RecordTable
from ui.printing import actions as printing
from ui.todo import PAGE
from ui.todo.mark_dialogs import done_dialog, postpone_dialog

COLOURS = {DueState.OVERDUE: RED, DueState.SOON: AMBER, DueState.LATER: GREY}


class TodoPage(Page):
    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.today: Callable[[], date] = date.today  # injectable: tests fix the calendar
        self.items: list[DueItem] = []
        self.summary = QLabel()
        self.summary.setObjectName("todo-summary")
        self.summary.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.open_button = QPushButton("Mở nơi làm việc này")
        self.open_button.setToolTip("Mở trang có việc đang chọn (Enter hoặc nhấp đúp vào dòng)")
        self.done_button = QPushButton("Đã làm xong…")
        self.done_button.setToolTip(
            "Ghi việc này đã làm (ở nơi khác): việc ra khỏi danh sách, ghi vào lịch sử"
        )
        self.postpone_button = QPushButton("Hoãn…")
        self.postpone_button.setToolTip("Hoãn việc này đến một ngày sau, ghi lý do (ghi vào lịch sử)")
        self.print_button = QPushButton("In danh sách…")
        self.open_button.clicked.connect(self.open_selected)
        self.done_button.clicked.connect(self.mark_done)
        self.postpone_button.clicked.connect(self.postpone)
        self.print_button.clicked.connect(self.print_list)
        self.table = RecordTable(ITEM_HEADERS, (12, 0, 22, 11, 24))
        self.table.sig_open_requested.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.done_button, self.postpone_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._update_buttons()

    # --- the contract ------------------------------------------------------------------------
    def reload(self) -> None:
        self.items = due_items(self.store, self.today())
        rows = [
            [Cell(text, tip=f"Theo: {item.citation}" if item.citation else "") for text in item_texts(item)]
            for item in self.items
        ]
        self.table.set_rows(rows, self.items, [COLOURS[i.state] for i in self.items])
        counts = {state: sum(1 for i in self.items if i.state is state) for state in DueState}
        self.summary.setText(
            f"Hôm nay {format_date(self.today())}: {counts[DueState.OVERDUE]} việc quá hạn, "
            f"{counts[DueState.SOON]} việc sắp đến hạn, {counts[DueState.LATER]} việc sắp tới."
            if self.items
            else f"Hôm nay {format_date(self.today())}: không có việc nào đến hạn."
        )
        self._loaded = True
        self._update_buttons()
        by_page = counts_by_page(self.items)
        self.sig_counts.emit({**by_page, PAGE.key: sum(by_page.values())})

    def concerns(self, changes: Changes) -> bool:
        return True  # every rule reads some area: any write may change the list

    def actions(self) -> list[QAction]:
        action = QAction("In danh sách việc cần làm…", self)
        action.triggered.connect(lambda *_: self.print_list())
        return [action]

    # --- actions -----------------------------------------------------------------------------
    def selected(self) -> DueItem | None:
        chosen = self.table.selected_payload()
        return chosen if isinstance(chosen, DueItem) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for b in (self.open_button, self.done_button, self.postpone_button):
            b.setEnabled(chosen)

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.sig_request.emit(item.target.page, item.target.part)

    def mark_done(self) -> None:
        item = self.selected()
        if item is not None:
            self.run_dialog(done_dialog(self.store, item, self.today, parent=self))

    def postpone(self) -> None:
        item = self.selected()
        if item is not None:
            self.run_dialog(postpone_dialog(self.store, item, self.today, parent=self))

    def print_list(self) -> None:
        printing.open_preview(self, self.store, "todo", on=self.today(), notify=self.notify)
