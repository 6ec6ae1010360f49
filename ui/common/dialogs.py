"""Shared dialog pieces: Vietnamese button texts, the red error banner, questions and notices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from cellsec.errors import ValidationError

from ui.common.form_fields import FormFields

# Qt ships no Vietnamese translation of its standard buttons, so every dialog names them here.
SB = QDialogButtonBox.StandardButton
BUTTON_TEXTS = {
    SB.Save: "Lưu",
    SB.Cancel: "Hủy",
    SB.Ok: "Đồng ý",
    SB.Close: "Đóng",
    SB.Yes: "Có",
    SB.No: "Không",
}
# Where nobody can answer a box (tests, smoke runs): say it on stderr instead, or not at all.
HEADLESS_PLATFORMS = ("offscreen", "minimal")
MB = QMessageBox.StandardButton
_BOX_TEXTS = {MB.Yes: "Có", MB.No: "Không", MB.Ok: "Đồng ý", MB.Close: "Đóng", MB.Cancel: "Hủy"}


def button_box(dialog: QDialog, accept_text: str = "Lưu") -> QDialogButtonBox:
    """Save + Cancel with Vietnamese texts. Enter presses Save (the default), Esc cancels.

    `accepted` is left for the dialog to connect: it validates before closing.
    """
    box = QDialogButtonBox(SB.Save | SB.Cancel)
    for which, text in BUTTON_TEXTS.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    box.button(SB.Save).setText(accept_text)
    box.button(SB.Save).setDefault(True)
    box.button(SB.Save).setAutoDefault(True)
    box.rejected.connect(dialog.reject)
    return box


class ErrorBanner(QLabel):
    """A red message at the top of a form, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            "QLabel#error_banner { color: #9b1c1c; background: #fdecea; "
            "border: 1px solid #e5a5a0; border-radius: 4px; padding: 6px 8px; "
            "font-weight: bold; }"
        )
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def attempt(self, fields: FormFields | None = None, aliases: dict[str, str] | None = None) -> Attempt:
        """`with banner.attempt(fields) as tried:` around one try at saving: the last refusal's
        message goes away as the try starts (never left over from before), a ValidationError
        inside is shown here with its field focused, and `tried.failed` tells the caller."""
        return Attempt(self, fields, aliases)


class Attempt:
    """One try at saving from a form (see ErrorBanner.attempt)."""

    def __init__(
        self, banner: ErrorBanner, fields: FormFields | None, aliases: dict[str, str] | None
    ) -> None:
        self._banner = banner
        self._fields = fields
        self._aliases = aliases
        self.failed = False

    def __enter__(self) -> Attempt:
        self._banner.clear_message()
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, _tb: object) -> bool:
        if not isinstance(err, ValidationError):
            return False
        self.failed = True
        if self._fields is None:
            self._banner.show_message(str(err))
        else:
            show_validation_error(self._banner, self._fields, err, self._aliases)
        return True

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        """A refusal the form itself finds (nothing chosen): said the same way."""
        self.failed = True
        self._banner.show_message(text)
        if field is not None:
            focus_field(field)


def focus_field(widget: QWidget) -> None:
    """Bring a field into view: switch every enclosing tab to the one holding it, then focus."""
    node: QWidget | None = widget
    while node is not None:
        parent = node.parentWidget()
        # A QTabWidget keeps its pages in an internal stack, so a page's grandparent is the tabs.
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget):
            index = tabs.indexOf(node)
            if index >= 0:
                tabs.setCurrentIndex(index)
        node = parent
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()


def show_validation_error(
    banner: ErrorBanner, fields: FormFields, err: ValidationError, aliases: dict[str, str] | None = None
) -> None:
    """Say what is wrong above the form and put the cursor in the field concerned."""
    banner.show_message(str(err))
    key = (aliases or {}).get(err.key or "", err.key)
    if key and key in fields:
        focus_field(fields[key])


def _localise(box: QMessageBox) -> None:
    for which, text in _BOX_TEXTS.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A Có / Không question; the safe answer (Không) is the default unless told otherwise."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, MB.Yes | MB.No, parent)
    box.setDefaultButton(MB.Yes if default_yes else MB.No)
    _localise(box)
    return box.exec() == MB.Yes


def show_notice(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, MB.Close, parent)
    _localise(box)
    box.exec()


def is_headless() -> bool:
    return QGuiApplication.platformName() in HEADLESS_PLATFORMS
