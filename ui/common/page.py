"""The page contract: all the shell knows about an area's page.

A page is one entry of the navigation (members, meetings, superiors, liaison, ...). The shell
lists the pages by their `PageSpec` (key, title, where the class lives) and imports a page's
module only when it is first opened, which keeps start-up short. After that it talks to the
page only through `Page`:

- `title`, `key` — from its spec: the navigation text and the name under which the page's
  view state is saved and other pages ask for it;
- built lazily: the constructor only lays out widgets; the data is read after the page's
  first paint (`reload`), then `sig_loaded` is emitted once: a page paints first ("Đang tải…"
  where its data will be) and reads after, so the window is on screen before the first read
  (`load_now()` reads at once for a caller that cannot wait);
- `apply(changes)` — the shell hands every built page the Changes of every write; the page
  says which ones concern it (`concerns`) and reloads only then, and only once loaded;
- `sig_changed(Changes)` — what a write done from this page changed, for the shell to route;
- `sig_request(key, part)` — "show `part` of area `key`" (another page, or one of the cell's
  dialogs the shell owns): the way a page reaches another area without importing it;
- `show_part(part)` — the other end of a request; the shell calls it through `open_part`,
  which waits for the first read of a page just opened;
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

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from cellsec.entities.changes import Changes
from cellsec.store import Store

from ui.common.dialogs import ask_yes_no, show_notice
from ui.common.operations import AfterDialog, run_dialog, run_operation

R = TypeVar("R")
ViewState = dict[str, QByteArray]

LOADING_TEXT = "Đang tải…"
# A page shown but never painted (a minimised window) still reads its data after this long.
LOAD_ANYWAY_MS = 1000


class LoadingNote(QLabel):
    """The "Đang tải…" over a page until its first read; says when it has been painted."""

    sig_painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(LOADING_TEXT, parent)
        self.setObjectName("page-loading")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)  # the page's empty widgets stay hidden under it
        self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.sig_painted.emit()


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
        self._loading: LoadingNote | None = None  # shown from the first show to the first read
        self._pending_part: str | None = None  # asked for before the first read
        self._announced = False  # sig_loaded sent
        self.sig_loaded.connect(self._show_pending_part)  # whoever reads first (see open_part)
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

    @property
    def is_loading(self) -> bool:
        """Shown, "Đang tải…" on screen, the first read still to come."""
        return self._loading is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and self._loading is None:
            # Paint first, read after: the read waits for the note to reach the screen (the
            # queued call runs once the paint that drew it is done and flushed).
            note = LoadingNote(self)
            note.sig_painted.connect(self._first_load, Qt.ConnectionType.QueuedConnection)
            self._loading = note
            note.show()
            note.raise_()
            QTimer.singleShot(LOAD_ANYWAY_MS, note, self._first_load)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._loading is not None:
            self._loading.setGeometry(self.rect())

    def _first_load(self) -> None:
        if self._loading is None:
            return  # read already (painted twice, or load_now)
        if self.isVisible():
            self.load_now()
        else:  # hidden meanwhile (its file may be closed): read when shown again
            self._drop_note()

    def _drop_note(self) -> None:
        note, self._loading = self._loading, None
        if note is not None:
            note.hide()
            note.deleteLater()

    def load_now(self) -> None:
        """The first read, now if it has not happened yet; then `sig_loaded` (and with it the
        part asked for meanwhile, if any)."""
        self._drop_note()
        if not self._loaded:
            self.reload()
            self._loaded = True
        if self._announced:
            return
        self._announced = True
        self.sig_loaded.emit()

    def _show_pending_part(self) -> None:
        part, self._pending_part = self._pending_part, None
        if part is not None:
            self.show_part(part)

    def open_part(self, part: str) -> None:
        """The shell's way to `show_part`: at once if the page is read, else after its first
        read (a page just opened paints first)."""
        if self._loaded:
            self.show_part(part)
        else:
            self._pending_part = part

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
