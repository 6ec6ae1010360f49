"""Small widgets of the register page: the search box and the member table view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from ui.common.column_fit import ColumnFitter
from ui.members.member_table_model import COLUMNS, HIDDEN_BY_DEFAULT, NAME, STATUS

SEARCH_PLACEHOLDER = "Tìm theo tên, số thẻ, CCCD, điện thoại… (Ctrl+F)"


class SearchEdit(QLineEdit):
    """The search box: Esc clears it (and so shows every member again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class MemberTableView(QTableView):
    """Whole-row selection; Enter or a double click asks to open the member (sig_open_requested)."""

    sig_open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doubleClicked.connect(lambda *_: self.sig_open_requested.emit())
        # No horizontal scrollbar on a small screen: long names and states are elided instead.
        self.fitter = ColumnFitter(self, elastic=(NAME, STATUS))

    def hide_optional_columns(self) -> None:
        """The columns shown only when asked for (the column chooser), on a first run."""
        for column in HIDDEN_BY_DEFAULT:
            self.horizontalHeader().setSectionHidden(column, True)

    def size_columns(self) -> None:
        """Widths from each column's sample value and header, so they follow the font size
        (measuring 10,000 rows with resizeColumnsToContents would be slow)."""
        metrics = self.fontMetrics()
        header_metrics = self.horizontalHeader().fontMetrics()
        pad = metrics.averageCharWidth() * 2
        for i, column in enumerate(COLUMNS):
            header = max(header_metrics.horizontalAdvance(line) for line in column.title.splitlines())
            # Room for the sort arrow in the header.
            self.fitter.want(i, max(metrics.horizontalAdvance(column.sample) + pad, header + pad + 14))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
