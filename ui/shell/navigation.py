"""The navigation list and the pages behind it, each built (and its module imported) when first
opened; the shell reaches a page only through the page contract (ui.common.page)."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

from cellsec.store import Store

from ui import growth, liaison, meetings, members, review, superiors, todo
from ui.common.page import Page, PageSpec
from ui.shell.settings import AppSettings

# The areas in navigation order. build.spec takes every ui module, since these are imported
# by name; scripts/build_bundle.py checks that the bundle builds each of them.
# The to-do list comes first: the app opens on it (issue 14).
PAGES: tuple[PageSpec, ...] = (
    todo.PAGE,
    members.PAGE,
    meetings.PAGE,
    superiors.PAGE,
    liaison.PAGE,
    review.PAGE,
    growth.PAGE,
)


class Navigation(QObject):
    """`nav` (the list on the left) and `stack` (the page shown); a page stands in as an empty
    widget until first opened. `sig_built(page)` lets the shell wire a new page."""

    sig_built = Signal(object)  # Page

    def __init__(self, settings: AppSettings, parent: QWidget, specs: tuple[PageSpec, ...] = PAGES) -> None:
        super().__init__(parent)
        self._settings = settings
        self._specs = specs
        self._store: Store | None = None
        self._pages: list[Page | None] = []
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self._size_nav()
        self.nav.installEventFilter(self)  # the text size may change while the app runs
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self._on_nav_row)

    def _size_nav(self) -> None:
        # Wide enough for the longest area name with its count of things due ("… (12)"), those
        # to come too ("Sinh hoạt chi bộ" ...).
        metrics = self.nav.fontMetrics()
        longest = max(metrics.horizontalAdvance(f"{t} (99)") for t in ("Sinh hoạt chi bộ", *self._titles()))
        self.nav.setFixedWidth(longest + 48)

    def _titles(self) -> list[str]:
        return [spec.title for spec in self._specs]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.nav and event.type() == QEvent.Type.FontChange:
            self._size_nav()
        return False

    @property
    def specs(self) -> tuple[PageSpec, ...]:
        return self._specs

    def take_store(self, store: Store) -> None:
        """Drop the pages of the previous file (keeping their view state) and stand in new
        ones; the page that was current is opened again."""
        self._store = store
        current = max(self.nav.currentRow(), 0)
        self.save_view_states()
        self.nav.blockSignals(True)
        self.nav.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages = [None] * len(self._specs)
        for spec in self._specs:
            self.stack.addWidget(QWidget())  # stands in until the page is first opened
            self.nav.addItem(spec.title)
        self.nav.blockSignals(False)
        self.nav.setCurrentRow(min(current, len(self._specs) - 1))
        self._on_nav_row(self.nav.currentRow())

    def save_view_states(self) -> None:
        for page in self.built():
            self._settings.save_page_state(page.state_key, page.view_state())

    def _on_nav_row(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.page(row)
            self.stack.setCurrentIndex(row)

    def page(self, index: int) -> Page:
        """The page at `index`, built now if it was not yet."""
        page = self._pages[index]
        if page is None:
            assert self._store is not None
            spec = self._specs[index]
            page = getattr(importlib.import_module(spec.module), spec.class_name)(self._store)
            assert isinstance(page, Page)
            page.restore_view_state(self._settings.page_state(page.state_key))
            standin = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(standin)
            standin.deleteLater()
            self._pages[index] = page
            self.sig_built.emit(page)
        return page

    def built(self) -> list[Page]:
        """The pages opened so far (the others read fresh data when opened)."""
        return [p for p in self._pages if p is not None]

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show beside each entry how many to-do items (overdue or due soon) wait there."""
        for row, spec in enumerate(self._specs):
            item = self.nav.item(row)
            if item is not None:
                n = counts.get(spec.key, 0)
                item.setText(f"{spec.title} ({n})" if n else spec.title)

    def index_of(self, key: str) -> int:
        return next((i for i, spec in enumerate(self._specs) if spec.key == key), -1)

    def current(self) -> Page | None:
        row = self.nav.currentRow()
        return self._pages[row] if 0 <= row < len(self._pages) else None

    def show(self, key: str) -> Page | None:
        """Make the page named `key` current; None if there is no such page."""
        index = self.index_of(key)
        if index < 0:
            return None
        page = self.page(index)
        self.nav.setCurrentRow(index)
        return page
