"""Named form fields: one place that builds input widgets and reads or writes their text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

DATE_PLACEHOLDER = "dd/mm/yyyy"


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """A label/field grid whose labels sit level with their (padded) fields."""
    form = QFormLayout(parent)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(8)
    return form


def line_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def date_edit() -> QLineEdit:
    """A plain text box for a date: the service parses it, so a bad date gets a clear message."""
    edit = QLineEdit()
    edit.setPlaceholderText(DATE_PLACEHOLDER)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 40)
    return edit


def memo(placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
    return edit


def combo(items: Iterable[tuple[str, str | None]] = (), editable: bool = False) -> QComboBox:
    """A combo of (label, value) pairs; a value of None means "the label is the value"."""
    box = QComboBox()
    box.setEditable(editable)
    if editable:
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for label, value in items:
        box.addItem(label, value)
    return box


class FormFields:
    """The input widgets of a form, by the core's field key ("full_name", "birth_date" ...)."""

    def __init__(self) -> None:
        self._widgets: dict[str, QWidget] = {}

    def add(self, key: str, widget: QWidget) -> QWidget:
        widget.setObjectName(key)
        self._widgets[key] = widget
        return widget

    def __iter__(self):
        return iter(self._widgets)

    def __contains__(self, key: object) -> bool:
        return key in self._widgets

    def __getitem__(self, key: str) -> QWidget:
        return self._widgets[key]

    def keys(self) -> list[str]:
        return list(self._widgets)

    def text(self, key: str) -> str:
        widget = self._widgets[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                return widget.currentText()
            value = widget.currentData()
            return widget.currentText() if value is None else str(value)
        raise TypeError(f"unsupported field widget {type(widget).__name__}")

    def set_text(self, key: str, value: str) -> None:
        widget = self._widgets[key]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0:
                index = widget.findText(value)
            if index >= 0:
                widget.setCurrentIndex(index)
            if widget.isEditable():
                widget.setEditText(value)
        else:
            raise TypeError(f"unsupported field widget {type(widget).__name__}")

    def values(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        return {k: self.text(k) for k in (self._widgets if keys is None else keys)}

    def fill(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            if key in self._widgets:
                self.set_text(key, value)
