"""Forgiving input: the wheel never changes a field without the focus; editors ask before losing
changes; a refusal's banner goes away on the next attempt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from ui.common.wheel_guard import WheelGuard, install_wheel_guard


@pytest.fixture
def guard(qapp):
    g = install_wheel_guard(qapp)
    yield g
    qapp.removeEventFilter(g)
    g.setParent(None)
    g.deleteLater()


def wheel(widget: QWidget, notches: int = 1) -> None:
    """One real wheel notch over the middle of `widget` (delivered as Qt delivers it)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_notch_over_an_unfocused_score_box_changes_nothing(qtbot, guard, meetings_page, demo_store):
    # GIVEN a November draft open on its resolution tab, its score boxes at 0
    from test_meeting_editor import _draft, _open

    from ui.meetings.editor import RESOLUTION

    editor = _open(qtbot, meetings_page, _draft(demo_store))
    editor.tabs.setCurrentIndex(RESOLUTION)
    box = next(iter(editor.resolution_tab.score_boxes.values()))
    assert box.value() == 0 and not box.hasFocus()
    # WHEN the secretary scrolls the form with the mouse over the score box
    wheel(box)
    # THEN the score is still 0
    assert box.value() == 0
    # BUT once the box is clicked (it has the focus) the wheel turns it as usual
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    wheel(box)
    assert box.value() == 1


def test_every_number_date_and_choice_is_guarded_and_the_form_scrolls_instead(qtbot, guard):
    # GIVEN a long scrolled form with a number, a date and a drop-down list
    area = QScrollArea()
    qtbot.addWidget(area)
    form = QWidget()
    layout = QVBoxLayout(form)
    spin, day, choice = QSpinBox(), QDateEdit(), QComboBox()
    choice.addItems(["Có mặt", "Vắng có lý do", "Vắng không lý do"])
    for w in (spin, day, choice):
        layout.addWidget(w)
        layout.addSpacing(600)
    area.setWidget(form)
    area.resize(300, 300)
    area.show()
    qtbot.waitExposed(area)
    before = (spin.value(), day.date(), choice.currentIndex())
    # WHEN the wheel turns over each of them, none having the focus
    for w in (spin, day, choice):
        assert w.focusPolicy() != Qt.FocusPolicy.WheelFocus
        wheel(w, -1)
    # THEN nothing changed, but the form scrolled down
    assert (spin.value(), day.date(), choice.currentIndex()) == before
    assert area.verticalScrollBar().value() > 0
    # AND the guard is one filter on the application
    assert isinstance(guard, WheelGuard) and install_wheel_guard(QApplication.instance()) is guard
