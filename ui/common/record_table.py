"""A read-only list of records for the superiors and residence-liaison pages: plain text cells,
one hidden record per row, coloured rows or cells, and Enter / double click to open a row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.common.column_fit import ColumnChooser, ColumnFitter

# The same pale colours as the meetings list: red = late, amber = to do soon, green = done.
RED, AMBER, GREEN, GREY = "#fbe0de", "#fff1cc", "#dff2e1", "#eef1f5"
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1
WIDE_LEAST = 18  # the narrowest the wide column gets, in characters
WORD_MOST = 16  # a longer word (a web address) may be broken


def _identity(record: Any) -> Any:
    """A record is the same one again after a reload when its id is (rows hold fresh copies)."""
    for holder in (record, getattr(record, "member", None), getattr(record, "record", None)):
        if getattr(holder, "id", None) is not None:
            return (type(holder).__name__, holder.id)
    return record


def _longest_words(rows: Sequence[Sequence[str | Cell]]) -> dict[int, tuple[str, bool]]:
    """Each column's longest word (and whether it is bold), which its width must hold."""
    longest: dict[int, tuple[str, bool]] = {}
    for cells in rows:
        for c, value in enumerate(cells):
            cell = value if isinstance(value, Cell) else Cell(str(value))
            word = max(cell.text.split(), key=len, default="")
            if len(word) > len(longest.get(c, ("", False))[0]):
                longest[c] = (word, cell.bold)
    return longest


class PaddedDelegate(QStyledItemDelegate):
    """Room around the text of every cell, counted in the row height too (a style sheet's
    item padding is not, and would cut the last line of wrapped text)."""

    PAD_X, PAD_Y = 6, 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(self.PAD_X, 0, -self.PAD_X, 0)
        size = super().sizeHint(inner, index)
        return QSize(size.width() + 2 * self.PAD_X, size.height() + 2 * self.PAD_Y)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        elif isinstance(background, QBrush):
            painter.fillRect(option.rect, background)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        super().paint(painter, inner, index)


@dataclass(frozen=True)
class Cell:
    """A cell with its own look; a plain str is a cell without one."""

    text: str
    background: str | None = None
    bold: bool = False
    tip: str = ""


class RecordTable(QTableWidget):
    """`widths` are starting widths in characters; 0 makes that column take the spare room.
    Long texts wrap and the rows grow to show them whole (no clipped sentences). The columns fit
    the table's width (ui.common.column_fit): they shrink, the `optional` ones (first named
    first) give way on a small screen or with large text, and the header's right-click menu
    (`column_chooser`) shows or hides them."""

    sig_open_requested = Signal()

    def __init__(
        self,
        headers: Sequence[str],
        widths: Sequence[int],
        parent: QWidget | None = None,
        *,
        optional: Sequence[int] = (),
    ) -> None:
        super().__init__(0, len(headers), parent)
        self._payloads: list[Any] = []
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 14)
        self.setItemDelegate(PaddedDelegate(self))
        # A pale selection keeps the coloured rows and their text readable.
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#c9dcf2"))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("black"))
        self.setPalette(palette)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        stretch = next((i for i, chars in enumerate(widths) if chars == 0), None)
        # The other columns give up room first (never below their longest word): the wide one
        # keeps what is left.
        others = [i for i in range(len(headers)) if i != stretch]
        self.fitter = ColumnFitter(self, elastic=others, stretch=stretch, optional=optional)
        char = self.fontMetrics().averageCharWidth()
        for i, (title, chars) in enumerate(zip(headers, widths)):
            longest = max(self.fontMetrics().horizontalAdvance(t) for t in title.splitlines())
            self.fitter.want(i, max((chars or WIDE_LEAST) * char + 20, longest + 24))
        self._stretch = stretch
        self._headers, self._widths = list(headers), list(widths)
        self._longest_words: dict[int, tuple[str, bool]] = {}
        self.fitter.floor = self._floor
        tip = "Bấm chuột phải vào dòng tiêu đề để chọn cột hiển thị"
        # Only a table whose columns may give way has the chooser (the header's right-click menu).
        self.column_chooser = ColumnChooser(self, always=(0,), fitter=self.fitter) if optional else None
        header.setToolTip(tip if optional else "")
        self.doubleClicked.connect(lambda *_: self.sig_open_requested.emit())
        # Rows grow to their wrapped text again whenever a column's width settles.
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit.start())

    def _floor(self, column: int) -> int:
        """A column is never narrower than its longest word (a date, a phone number: a word is
        never broken), nor the wide column narrower than WIDE_LEAST characters."""
        metrics = self.fontMetrics()
        word, bold = self._longest_words.get(column, ("", False))
        if bold:
            font = QFont(self.font())
            font.setBold(True)
            metrics = QFontMetrics(font)
        least = metrics.horizontalAdvance(word) + 2 * PaddedDelegate.PAD_X + 8
        if column == self._stretch:
            least = max(least, WIDE_LEAST * metrics.averageCharWidth())
        return min(least, WORD_MOST * metrics.averageCharWidth())

    def _want_for(self, rows: Sequence[Sequence[str | Cell]]) -> None:
        """Each column wants its starting width, or less when all its texts are shorter (an
        empty note column leaves its room to the wide one)."""
        plain = self.fontMetrics()
        font = QFont(self.font())
        font.setBold(True)
        bold = QFontMetrics(font)
        char = plain.averageCharWidth()
        for i, chars in enumerate(self._widths):
            if i == self._stretch:
                continue
            title = max(plain.horizontalAdvance(t) for t in self._headers[i].splitlines()) + 24
            need = 0
            for cells in rows:
                value = cells[i] if i < len(cells) else ""
                cell = value if isinstance(value, Cell) else Cell(str(value))
                metrics = bold if cell.bold else plain
                for line in cell.text.splitlines():
                    need = max(need, metrics.horizontalAdvance(line))
            self.fitter.wanted[i] = max(title, min(chars * char + 20, need + 2 * PaddedDelegate.PAD_X + 8))

    def set_rows(
        self,
        rows: Sequence[Sequence[str | Cell]],
        payloads: Sequence[Any],
        row_colours: Sequence[str | None] | None = None,
    ) -> None:
        """Replace every row; the selection follows the same record when it is still there."""
        chosen = self.selected_payload()
        keep = _identity(chosen) if chosen is not None else None
        self.setRowCount(0)
        self._payloads = list(payloads)
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            colour = row_colours[r] if row_colours else None
            for c, value in enumerate(cells):
                cell = value if isinstance(value, Cell) else Cell(str(value))
                item = QTableWidgetItem(cell.text)
                item.setData(PAYLOAD_ROLE, r)
                background = cell.background or colour
                if background:
                    item.setBackground(QBrush(QColor(background)))
                if cell.bold:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip(cell.tip or (cell.text if len(cell.text) > 40 else ""))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        self._longest_words = _longest_words(rows)
        self._want_for(rows)
        self.fitter.fit()
        self.resizeRowsToContents()
        if keep is not None:
            self.select_where(lambda p: _identity(p) == keep)

    def payloads(self) -> list[Any]:
        return list(self._payloads)

    def selected_row(self) -> int:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_payload(self) -> Any:
        row = self.selected_row()
        return self._payloads[row] if 0 <= row < len(self._payloads) else None

    def select_where(self, test: Callable[[Any], bool]) -> bool:
        for row, payload in enumerate(self._payloads):
            if test(payload):
                self.selectRow(row)
                self.scrollToItem(self.item(row, 0))
                return True
        self.clearSelection()
        return False

    def column_texts(self, column: int) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]

    def row_texts(self, row: int) -> list[str]:
        return [self.item(row, c).text() for c in range(self.columnCount())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_row() >= 0:
            self.sig_open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
