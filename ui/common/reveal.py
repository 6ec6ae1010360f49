"""After a save, the record just saved is selected and in view even when the page's search or
filter would hide it: the one way every page does it (the member register, the superiors, the
residence liaison)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget


def reveal_saved(
    select: Callable[[], bool],
    refilter: Callable[[], None],
    *,
    search: QLineEdit | None = None,
    choices: Sequence[tuple[QComboBox, object]] = (),
) -> bool:
    """`select()` picks the saved record in the list (False: the list does not show it). When
    it is hidden, the search is cleared and each drop-down set to its widest choice (the data
    given with it, e.g. "Tất cả") — their signals held, so the list is filtered once, by
    `refilter()` — and the record is selected again. Whether it is now selected."""
    if select():
        return True
    held: list[QWidget] = [box for box, _ in choices]
    if search is not None:
        held.append(search)
    for widget in held:
        widget.blockSignals(True)
    try:
        if search is not None:
            search.clear()
        for box, widest in choices:
            box.setCurrentIndex(box.findData(widest))
    finally:
        for widget in held:
            widget.blockSignals(False)
    refilter()
    return select()
