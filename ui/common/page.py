"""The page contract: all the shell knows about an area's page.

A page is one entry of the navigation (members, meetings, superiors, liaison, ...). The shell
lists the pages by their `PageSpec` (key, title, where the class lives) and imports a page's
module only when it is first opened, which keeps start-up short. After that it talks to the
page only through `Page`:

- `title`, `key` — from its spec: the navigation text and the name under which the page's
  view state is saved and other pages ask for it;
- built lazily: the constructor only lays out widgets; the data is read on first show
  (`reload`), then `sig_loaded` is emitted once;
- `apply(changes)` — the shell hands every built page the Changes of every write; the page
  says which ones concern it (`concerns`) and reloads only then, and only once loaded;
- `sig_changed(Changes)` — what a write done from this page changed, for the shell to route;
- `sig_request(key, part)` — "show `part` of area `key`" (another page, or one of the cell's
  dialogs the shell owns): the way a page reaches another area without importing it;
- `show_part(part)` — the other end of a request;
- `actions()` — the menu entries the page contributes (its print and export commands); the
  shell shows them in a menu named after the page while the page is current;
- `view_state()` / `restore_view_state()` — column widths, splitters: kept between runs.

Writes go through `run_dialog` / `run_operation` (ui.common.operations), so the Changes of
every write reach `sig_changed` the same way. Pages never poll and never reach into another
page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from cellsec.entities.changes import Changes
from cellsec.store import Store

from ui.common.dialogs import ask_yes_no, show_notice
from ui.common.operations import AfterDialog, run_dialog, run_operation

R = TypeVar("R")
ViewState = dict[str, QByteArray]


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry: the page class is imported from `module` when first opened."""

    key: str
    title: str
    module: str
    class_name: str


class Page(QWidget):
    """Base class of every page (see the module docstring for the contract)."""

    spec: ClassVar[PageSpec]
    sig_changed = Signal(object)  # Changes
    sig_loaded = Signal()  # the page's data is on screen for the first time
    sig_request = Signal(str, str)  # (area key, part): the shell shows it
    sig_counts = Signal(object)  # {area key: number} for the navigation (the to-do list's)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._loaded = False
        self.active_dialog: QDialog | None = None
        # Questions and notices go through these so a test can answer them without a modal loop.
        self.ask: Callable[..., bool] = ask_yes_no
        self.notify: Callable[..., None] = show_notice

    # --- what the shell uses -------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def state_key(self) -> str:
        return self.spec.key

    @property
    def store(self) -> Store:
        return self._store

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()
            self.sig_loaded.emit()

    def reload(self) -> None:
        """Read what the page shows; sets the page loaded."""
        raise NotImplementedError

    def concerns(self, changes: Changes) -> bool:
        """Whether these Changes alter what the page shows."""
        raise NotImplementedError

    def apply(self, changes: Changes) -> None:
        """A write happened somewhere: reload if it concerns this page (once loaded: a page
        not read yet reads fresh data when first shown)."""
        if self._loaded and self.concerns(changes):
            self.reload()

    def actions(self) -> list[QAction]:
        return []

    def show_part(self, part: str) -> None:
        """Show a part of this page another area asked for (see sig_request)."""

    def view_state(self) -> ViewState:
        return {}

    def restore_view_state(self, state: ViewState) -> None:
        pass

    # --- for the page itself --------------------------------------------------------------------
    def run_dialog(
        self,
        dialog: QDialog,
        *,
        before_route: AfterDialog | None = None,
        after_route: AfterDialog | None = None,
    ) -> QDialog:
        """Open a dialog that may write; what it wrote is announced with sig_changed."""
        return run_dialog(
            self, dialog, self.sig_changed.emit, before_route=before_route, after_route=after_route
        )

    def run_operation(self, op: Callable[[], R], failure_title: str) -> R | None:
        """Run one service call; a refusal becomes a notice, the Changes are announced."""
        return run_operation(self, op, self.sig_changed.emit, failure_title=failure_title, notify=self.notify)

    def page_action(self, text: str, slot: Callable[[], Any], tip: str = "") -> QAction:
        """A menu entry for `actions()`, doing what the page's button of the same name does."""
        action = QAction(text, self)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda *_: slot())
        return action
