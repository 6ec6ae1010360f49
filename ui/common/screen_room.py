"""How much room a dialog has: the free area of its screen (a 1366×768 PC at large text)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget


def free_area(dialog: QWidget) -> QRect | None:
    """The screen's free area (without the task bar), or the main window's when that is larger
    (a window given a size of its own, e.g. under a test's small virtual screen)."""
    parent = dialog.parentWidget()
    screen = (parent or dialog).screen()
    room = screen.availableGeometry() if screen is not None else None
    if parent is not None:
        window = parent.window().frameGeometry()
        room = window if room is None else room.united(window)
    return room


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Give `dialog` its wanted size, never more than its screen's free area (room left for
    the window's frame and title bar)."""
    room = free_area(dialog)
    if room is not None:
        width, height = min(width, room.width() - 16), min(height, room.height() - 48)
    dialog.resize(width, height)
