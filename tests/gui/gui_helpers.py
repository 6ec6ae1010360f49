"""Helpers shared by the GUI tests: seeding a file through services, reading what is shown."""

from __future__ import annotations

from datetime import date

from factories import member

from cellsec.services.register import load_register
from cellsec.store import Store

PROFILE = {
    "cell_name": "Chi bộ thôn Tân Hồng",
    "superior_name": "Đảng bộ xã Thanh Sơn",
    "place_name": "Thanh Sơn",
    "secretary": "Nguyễn Văn An",
}


class RecordingAsk:
    """Stands in for the storage-error question: records the message, answers "cancel"."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.box_texts: list[str] = []

    def __call__(self, parent, message: str, cancel_text: str):
        from ui.shell.store_opener import Choice, StorageErrorBox

        # Build the real box so the test reads what the user would read, but never exec it.
        box = StorageErrorBox(parent, message, cancel_text)
        self.box_texts.append(box.text())
        self.messages.append(message)
        box.deleteLater()
        return Choice.CANCEL


TODO_DAY = date(2026, 12, 5)  # the day the to-do page tests read the demo's list


def add(store: Store, name: str, born: str, admitted: str, official: str = "", **fields: str) -> int:
    """Put a member in the file through the service, as an earlier session would have."""
    return member(store, name, born, admitted=admitted, official=official, today=None, **fields)


def open_page(qtbot, window, page):
    """Make `page` current in `window` and wait for its first read: a page paints first
    ("Đang tải…") and reads just after."""
    window.nav.setCurrentRow(window.navigation.index_of(page.key))
    qtbot.waitUntil(lambda: page.is_loaded)
    return page


def shown_names(page) -> list[str]:
    return [row.member.full_name for row in page.model.rows()]


def stored_names(store: Store) -> list[str]:
    return [row.member.full_name for row in load_register(store, date.today())]


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user, including Vietnamese letters.

    QTest.keyClicks aborts on characters outside Latin-1 (its ASCII key table has no "Đ"), so
    those go in as key events carrying the text, which is how a Vietnamese keyboard delivers them.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


TODAY = date(2026, 11, 22)


class Answers:
    """Stands in for ask_yes_no: records each question, gives the planned answer."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, parent, title: str, text: str, **_kw) -> bool:
        self.questions.append(text)
        return self.answer


class Notices:
    """Stands in for show_notice: records (title, text, warning) instead of a modal box."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, bool]] = []

    def __call__(self, parent, title: str, text: str, *, warning: bool = False) -> None:
        self.shown.append((title, text, warning))

    @property
    def texts(self) -> list[str]:
        return [text for _, text, _ in self.shown]


def column(table, header: str) -> int:
    """The column whose header reads `header` (a two-line header reads with a space): tests name
    the column a user would look at, not its position."""
    from PySide6.QtCore import QAbstractItemModel, Qt

    model = table if isinstance(table, QAbstractItemModel) else table.model()
    for c in range(model.columnCount()):
        text = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if " ".join(str(text or "").split()) == header:
            return c
    raise AssertionError(f"no column “{header}”")


class UnsavedAnswers:
    """Stands in for the "Lưu / Không lưu / Quay lại" question of an editor dialog: records the
    dialogs it was asked from and gives the planned answer (Không lưu unless a test says)."""

    def __init__(self) -> None:
        from ui.common.editor_dialog import Unsaved

        self.answer = Unsaved.DISCARD
        self.asked: list[str] = []

    def __call__(self, parent, title: str):
        self.asked.append(type(parent).__name__)
        return self.answer
