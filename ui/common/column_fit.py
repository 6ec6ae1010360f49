"""Tables that fit their width: columns shrink (text elided, full text in the tooltip) rather than
need a horizontal scrollbar, and a column chooser shows or hides the less used ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


def give_way(minimum: Sequence[int], optional: Sequence[int], room: int) -> set[int]:
    """Which of the `optional` positions (first named gives way first) to hide so that the
    others fit `room` at their minimum widths; none when they fit already."""
    hidden: set[int] = set()
    for position in optional:
        if sum(m for i, m in enumerate(minimum) if i not in hidden) <= room:
            break
        hidden.add(position)
    return hidden


class ColumnFitter(QObject):
    """Keeps the widths the user (or the table's own sizing) asked for in `wanted` and shows
    them when they fit; when they do not, shrinks them with shrink_to. The `stretch` column
    (else the last visible one) takes what is left. The `optional` columns, first named
    first, give way (are hidden) while the others do not fit even at their narrowest; the
    column chooser shows them again on request. Call `fit()` after a resize or a column shown
    or hidden (the view does)."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        elastic: Sequence[int] = (),
        *,
        stretch: int | None = None,
        optional: Sequence[int] = (),
    ) -> None:
        super().__init__(view)
        self._view = view
        self._elastic = set(elastic)
        self._stretch = stretch
        self._optional = list(optional)
        self._fitting = False
        self.wanted: dict[int, int] = {}
        # The narrowest a column may get beyond its header's width (e.g. its longest word).
        self.floor: Callable[[int], int] | None = None
        # Columns the user showed or hid with the column chooser: never hidden or shown for them.
        self.chosen: dict[int, bool] = {}
        self.gave_way: set[int] = set()
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

    def choose(self, column: int, shown: bool) -> None:
        """The user showed or hid a column (the column chooser): that stays so."""
        self.chosen[column] = shown
        self.gave_way.discard(column)
        self._fitting = True
        try:
            self.header.setSectionHidden(column, not shown)
        finally:
            self._fitting = False
        self.fit()

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        header = self.header
        if not self._fitting and column != self._taker(header) and not header.isSectionHidden(column):
            self.wanted[column] = new  # the user dragged it: that is what they want

    def _taker(self, header: QHeaderView) -> int:
        """The column that takes the room left over."""
        if self._stretch is not None and not header.isSectionHidden(self._stretch):
            return self._stretch
        return self._last_visible(header)

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
        room = self._view.viewport().width()
        if self._optional:
            self._give_way(order, room)
        visible = [c for c in order if not header.isSectionHidden(c)]
        if not visible:
            return
        minimum = [self._least(c) for c in visible]
        wanted = [
            max(self.wanted.get(c, header.sectionSize(c)), m) for c, m in zip(visible, minimum, strict=True)
        ]
        widths = shrink_to(wanted, minimum, [c in self._elastic for c in visible], room)
        # One column takes what is left (Qt's own stretch keeps its first width as a floor).
        taker = visible.index(self._taker(header))
        others = sum(w for i, w in enumerate(widths) if i != taker)
        widths[taker] = max(room - others, minimum[taker])
        for column, width in zip(visible, widths, strict=True):
            self._set(column, width)

    def _least(self, column: int) -> int:
        least = max(self.header.minimumSectionSize(), self._header_width(column))
        return max(least, self.floor(column)) if self.floor is not None else least

    def _give_way(self, order: list[int], room: int) -> None:
        """Hide the optional columns that do not fit, show again those that do."""
        header = self.header
        shown = [c for c in order if not header.isSectionHidden(c) or c in self.gave_way]
        optional = [c for c in self._optional if c in shown and c not in self.chosen]
        hide = give_way([self._least(c) for c in shown], [shown.index(c) for c in optional], room)
        gone = {shown[i] for i in hide}
        self._fitting = True
        try:
            for column in optional:
                header.setSectionHidden(column, column in gone)
        finally:
            self._fitting = False
        self.gave_way = gone

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
        if self._fitter is not None:
            self._fitter.choose(column, shown)
        else:
            self._view.horizontalHeader().setSectionHidden(column, not shown)

    def _popup(self, pos: QPoint) -> None:
        self.popup(self._view.horizontalHeader().mapToGlobal(pos))
