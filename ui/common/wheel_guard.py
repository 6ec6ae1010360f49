"""Forgiving input: the mouse wheel never changes a number, date or choice that does not have the
keyboard focus (a notch while scrolling a form once turned a score of 0 into "Kém"); the wheel
scrolls the form instead. One filter, installed once on the application, covers every field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

# Spin boxes, date and time edits (QDateTimeEdit is a QAbstractSpinBox) and drop-down lists.
GUARDED = (QAbstractSpinBox, QComboBox)


def _guarded(obj: QObject) -> QWidget | None:
    return obj if isinstance(obj, GUARDED) else None


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    node = widget.parentWidget()
    while node is not None and not isinstance(node, QAbstractScrollArea):
        node = node.parentWidget()
    return node


class WheelGuard(QObject):
    """Lets a field take the wheel only while it has the focus (clicked or tabbed into)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        widget = _guarded(obj)
        if widget is None:
            return False
        if event.type() == QEvent.Type.Polish and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # A wheel over a field must not hand it the focus first, or the filter would let it turn.
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if event.type() == QEvent.Type.Wheel and not widget.hasFocus():
            area = _scroll_area_around(widget)
            if area is not None:
                # The form around the field scrolls, as the secretary meant.
                QCoreApplication.sendEvent(area.viewport(), event)
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on the application (it lives as long as the application)."""
    guard = app.findChild(WheelGuard)
    if not isinstance(guard, WheelGuard):
        guard = WheelGuard(app)
    app.installEventFilter(guard)
    for widget in app.allWidgets():  # fields made before the guard: the same policy
        if isinstance(widget, GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard
