"""The one way the UI runs something that writes: a dialog that may save, or a service call.

Anki's CollectionOp idea, on the GUI thread (our writes are short; tasks.py is for long work):
the caller names what to run and where its Changes go, and this module owns the rest — the
dialog opened window-modal without a nested event loop (tests drive it like a user), the
known refusal shown as a notice, what was written handed to `route` (a page's
`sig_changed.emit`, or the main window's `route_changes`). Every call site is one line.

Rules for what is run here: a dialog announces what it wrote in `dialog.changes` (None until
a service accepted its input); an operation is a service call returning Changes — or a tuple
whose last item is the Changes, like `issue_superior_report` — and raises ValidationError
with a Vietnamese message when it refuses. Neither touches another page: routing does that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError

Route = Callable[[Changes], None]
Notify = Callable[..., None]
AfterDialog = Callable[[Any], None]
R = TypeVar("R")


class DialogHost(Protocol):
    """Whatever opens dialogs (a page, the main window, a tab): `active_dialog` names the one
    open now, so tests can find and answer it."""

    active_dialog: QDialog | None


def open_dialog(host: DialogHost, dialog: QDialog, finished: Callable[[int], None] | None = None) -> QDialog:
    """Open `dialog` window-modal, without a nested event loop. When it closes: the host
    forgets it, `finished(result)` runs, and the dialog is deleted."""
    host.active_dialog = dialog

    def done(result: int) -> None:
        if host.active_dialog is dialog:
            host.active_dialog = None
        try:
            if finished is not None:
                finished(result)
        finally:
            dialog.deleteLater()

    dialog.finished.connect(done)
    dialog.open()
    return dialog


def run_dialog(
    host: DialogHost,
    dialog: QDialog,
    route: Route,
    *,
    before_route: AfterDialog | None = None,
    after_route: AfterDialog | None = None,
) -> QDialog:
    """Open `dialog`; when it closes having written something (`dialog.changes` is set —
    whatever button closed it: what a service saved stays saved), run `before_route(dialog)`
    (e.g. remember which row to select), route the Changes, then `after_route(dialog)`."""

    def finished(_result: int) -> None:
        changes = getattr(dialog, "changes", None)
        if changes is None:
            return
        if before_route is not None:
            before_route(dialog)
        route(changes)
        if after_route is not None:
            after_route(dialog)
        confirm_saved(host, dialog)

    return open_dialog(host, dialog, finished)


CONFIRM_MS = 8000  # how long "Đã lưu …" stays in the status bar


def confirm_saved(host: object, dialog: QDialog) -> None:
    """A short confirmation naming what was saved, in the status bar of the host's window
    (`dialog.saved_message()`, or "Đã lưu — <the dialog's title>")."""
    said = getattr(dialog, "saved_message", None)
    text = said() if callable(said) else f"Đã lưu — {dialog.windowTitle()}"
    window = host.window() if isinstance(host, QWidget) else None
    if isinstance(window, QMainWindow) and text:
        window.statusBar().showMessage(text, CONFIRM_MS)


def run_operation(
    parent: QWidget, op: Callable[[], R], route: Route, *, failure_title: str, notify: Notify
) -> R | None:
    """Run one service call. A refusal (ValidationError) becomes a warning titled
    `failure_title` and None; otherwise its Changes are routed and its result returned."""
    try:
        result = op()
    except ValidationError as err:
        notify(parent, failure_title, str(err), warning=True)
        return None
    changes = result[-1] if isinstance(result, tuple) else result
    if isinstance(changes, Changes):
        route(changes)
    return result
