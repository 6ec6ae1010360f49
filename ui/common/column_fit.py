"""Tables that fit their width: columns shrink (text elided, full text in the tooltip) rather than
need a horizontal scrollbar, and a column chooser shows or hides the less used ones."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QTreeView

CHOOSER_TITLE = "Chọn cột hiển thị"


def shrink_to(wanted: Sequence[int], minimum: Sequence[int], elastic: Sequence[bool], room: int) -> list[int]:
    """Widths that add up to at most `room`: the elastic columns (long names, states) give up
    some width first, then every column a little, then the elastic ones down to their minimum,
    then all; never below a column's minimum (then the table scrolls after all)."""
    widths = list(wanted)
    every = list(range(len(widths)))
    stretchy = [i for i in every if elastic[i]]
    stages = ((stretchy, 0.6), (every, 0.85), (stretchy, 0.0), (every, 0.0))
    for group, keep in stages:
        excess = sum(widths) - room
        if excess <= 0:
            break
        floors = {i: max(minimum[i], int(wanted[i] * keep)) for i in group}
        slack = sum(max(widths[i] - floors[i], 0) for i in group)
        if slack <= 0:
            continue
        share = min(1.0, excess / slack)
        for i in group:
            widths[i] -= min(int(max(widths[i] - floors[i], 0) * share + 0.999), widths[i] - floors[i])
    return widths


class ColumnFitter(QObject):
    """Keeps the widths the user (or the table's own sizing) asked for in `wanted` and shows
    them when they fit; when they do not, shrinks them with shrink_to. The last visible column
    stretches. Call `fit()` after a resize or a column shown or hidden (the view does)."""

    def __init__(self, view: QTableView | QTreeView, elastic: Sequence[int] = ()) -> None:
        super().__init__(view)
        self._view = view
        self._elastic = set(elastic)
        self._fitting = False
        self.wanted: dict[int, int] = {}
        header = self.header
        header.sectionResized.connect(self._on_resized)
        header.setStretchLastSection(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.viewport().installEventFilter(self)  # its width changes with the window and scrollbar
        view.installEventFilter(self)  # and its text size (Xem › Phóng to chữ)
        self._text_height = view.fontMetrics().height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        elif event.type() == QEvent.Type.FontChange and watched is self._view:
            # Larger text: every column wants proportionally more room (and the other way).
            height = self._view.fontMetrics().height()
            ratio, self._text_height = height / max(self._text_height, 1), height
            self.wanted = {c: round(w * ratio) for c, w in self.wanted.items()}
            self.fit()
        return False

    @property
    def header(self) -> QHeaderView:
        view = self._view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def natural_width(self) -> int:
        """What the visible columns would like, side by side."""
        header = self.header
        return sum(
            self.wanted.get(c, header.sectionSize(c))
            for c in range(header.count())
            if not header.isSectionHidden(c)
        )

    def want(self, column: int, width: int) -> None:
        self.wanted[column] = width
        self._set(column, width)

    def _set(self, column: int, width: int) -> None:
        self._fitting = True
        try:
            self._view.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        header = self.header
        if not self._fitting and column != self._last_visible(header):
            self.wanted[column] = new  # the user dragged it: that is what they want

    @staticmethod
    def _last_visible(header: QHeaderView) -> int:
        for visual in range(header.count() - 1, -1, -1):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical
        return -1

    def fit(self) -> None:
        header = self.header
        order = [header.logicalIndex(v) for v in range(header.count())]
        visible = [c for c in order if not header.isSectionHidden(c)]
        if not visible:
            return
        room = self._view.viewport().width()
        minimum = [max(header.minimumSectionSize(), self._header_width(c)) for c in visible]
        wanted = [
            max(self.wanted.get(c, header.sectionSize(c)), m) for c, m in zip(visible, minimum, strict=True)
        ]
        widths = shrink_to(wanted, minimum, [c in self._elastic for c in visible], room)
        # The last column takes what is left (Qt's own stretch keeps its first width as a floor).
        widths[-1] = max(room - sum(widths[:-1]), minimum[-1])
        for column, width in zip(visible, widths, strict=True):
            self._set(column, width)

    def _header_width(self, column: int) -> int:
        """The narrowest a column may get: its header's longest line and the sort arrow."""
        title = str(self._view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        metrics = self.header.fontMetrics()
        longest = max((metrics.horizontalAdvance(line) for line in title.splitlines()), default=0)
        return longest + metrics.averageCharWidth() * 2 + 14


class ColumnChooser(QMenu):
    """One check box per column the user may hide; also the header's right-click menu."""

    def __init__(self, view: QTableView, always: Sequence[int], fitter: ColumnFitter | None = None) -> None:
        super().__init__(CHOOSER_TITLE, view)
        self._view = view
        self._always = set(always)
        self._fitter = fitter
        self.aboutToShow.connect(self.refill)
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._popup)
        self.refill()

    def refill(self) -> None:
        self.clear()
        header = self._view.horizontalHeader()
        model = self._view.model()
        for column in range(header.count()):
            if column in self._always:
                continue
            name = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            name = name or model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(name).replace("\n", " "), self, checkable=True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
            self.addAction(action)

    def show_column(self, column: int, shown: bool) -> None:
        self._view.horizontalHeader().setSectionHidden(column, not shown)
        if self._fitter is not None:
            self._fitter.fit()

    def _popup(self, pos: QPoint) -> None:
        self.popup(self._view.horizontalHeader().mapToGlobal(pos))
