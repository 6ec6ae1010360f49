"""The roll table model: Qt's model checks, marks by key, and what it refuses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from cellsec.entities.meetings import Mark
from cellsec.services.meetings import expected_roll

from ui.meetings.roll_editor import RollEditor
from ui.meetings.roll_model import (
    ACCEPTED,
    APART_MARKS,
    MARK,
    NAME,
    REASON,
    RollTableModel,
)


def _model(store) -> RollTableModel:
    model = RollTableModel()
    roll = expected_roll(store, date(2026, 11, 25))
    model.set_entries([(i, e) for i, e in enumerate(roll) if e.expected])
    return model


def test_roll_model_passes_qt_model_checks(qtmodeltester, demo_store):
    model = _model(demo_store)
    assert model.rowCount() > 30
    qtmodeltester.check(model, force_py=True)
    model.set_mark(0, Mark.ABSENT_REASON)
    model.setData(model.index(0, REASON), "Đi làm xa")
    model.set_read_only(True)
    qtmodeltester.check(model, force_py=True)


def test_reason_and_acceptance_only_for_absent_with_reason(demo_store):
    model = _model(demo_store)
    editable = Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, REASON)) & editable
    assert model.data(model.index(0, ACCEPTED), Qt.ItemDataRole.CheckStateRole) is None
    model.set_mark(0, Mark.ABSENT_REASON)
    assert model.flags(model.index(0, REASON)) & editable
    assert model.setData(model.index(0, REASON), "  Ốm  ")
    assert model.entry(0).reason == "Ốm"
    assert model.setData(
        model.index(0, ACCEPTED), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.entry(0).reason_accepted is False
    # Marking present again drops the reason (it would otherwise print in the minutes)
    model.set_mark(0, Mark.PRESENT)
    assert model.entry(0).reason == "" and model.entry(0).reason_accepted
    assert model.data(model.index(0, MARK)) == "Có mặt"


def test_members_listed_apart_can_only_be_marked_present_or_not_called(qtbot, demo_store):
    editor = RollEditor()
    qtbot.addWidget(editor)
    editor.set_roll(expected_roll(demo_store, date(2026, 11, 25)))
    apart = editor.apart_model
    assert apart.rowCount() > 0 and apart.marks == APART_MARKS
    assert all(apart.entry(r).mark is Mark.NOT_EXPECTED for r in range(apart.rowCount()))
    # An exempted member who comes is marked present with P, and K takes it back
    view = editor.apart_view
    view.setCurrentIndex(apart.index(0, NAME))
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert apart.entry(0).mark is Mark.PRESENT
    view.setCurrentIndex(apart.index(0, NAME))
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert apart.entry(0).mark is Mark.NOT_EXPECTED
    assert not apart.set_mark(0, Mark.ABSENT_NO_REASON)
    # "Tất cả có mặt" leaves them alone; the order of the roll is kept when read back
    editor.mark_all_present()
    assert all(apart.entry(r).mark is Mark.NOT_EXPECTED for r in range(apart.rowCount()))
    assert [e.member_id for e in editor.roll()] == [
        e.member_id for e in expected_roll(demo_store, date(2026, 11, 25))
    ]
