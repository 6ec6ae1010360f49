"""The meeting editor: approval locks it, corrections, vote errors, warnings, keyboard safety."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from gui_helpers import TODAY, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from cellsec.entities.meetings import Mark, MeetingKind
from cellsec.services.meetings import new_meeting, save_meeting

from ui.common.editor_dialog import Unsaved
from ui.meetings.editor import (
    APPROVE_QUESTION,
    CORRECTIONS,
    GENERAL,
    RESOLUTION,
    ROLL,
    MeetingEditor,
)
from ui.meetings.roll_model import MARK, NAME

LEFT = Qt.MouseButton.LeftButton
NOVEMBER = date(2026, 11, 20)  # held before "today" (22/11): corrections come after


def _draft(store, **fields):
    """A November draft saved through the service, ready to approve."""
    m = new_meeting(store, MeetingKind.REGULAR, NOVEMBER)
    items = tuple(replace(i, content="Đồng chí Bí thư trình bày.") for i in m.items)
    m = replace(
        m,
        end_time="09:45",
        recorder=m.roll[1].name,
        items=items,
        resolution="Chi bộ thống nhất các nhiệm vụ tháng 12.",
        **fields,
    )
    meeting_id, _ = save_meeting(store, m)
    return store.meetings.get(meeting_id)


def _open(qtbot, page, meeting) -> MeetingEditor:
    editor = page.open_editor(meeting)
    qtbot.waitExposed(editor)
    return editor


def _editable_widgets(editor: MeetingEditor):
    """Every input in the tabs that hold the minutes (not the corrections tab)."""
    for tab in range(CORRECTIONS):
        page = editor.tabs.widget(tab)
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QCheckBox, QPushButton):
            for w in page.findChildren(kind):
                if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QSpinBox)):
                    continue  # judged by its combo or spin box
                yield w


def _locked(w) -> bool:
    if isinstance(w, (QLineEdit, QPlainTextEdit)):
        return w.isReadOnly() or not w.isEnabled()
    return not w.isEnabled()


def test_approving_locks_the_minutes_and_corrections_can_be_added(qtbot, meetings_page, demo_store, answers):
    # GIVEN a complete November draft opened from the page
    meeting = _draft(demo_store)
    meetings_page.reload()
    editor = _open(qtbot, meetings_page, meeting)
    assert not editor.tabs.isTabVisible(CORRECTIONS)
    assert not all(_locked(w) for w in _editable_widgets(editor))
    # WHEN "Thông qua biên bản" is pressed and the secretary confirms
    qtbot.mouseClick(editor.approve_button, LEFT)
    # THEN the question was the one about reading back; the minutes are locked and numbered
    assert answers.questions[-1] == APPROVE_QUESTION
    stored = demo_store.meetings.get(meeting.id)
    assert stored.approved and stored.resolution_number
    assert f"Nghị quyết số {stored.resolution_number}/CB" in editor.heading.text()
    unlocked = [w for w in _editable_widgets(editor) if not _locked(w)]
    assert unlocked == []
    assert editor.roll_editor.called_model.read_only
    view = editor.roll_editor.called_view
    view.setCurrentIndex(editor.roll_editor.called_model.index(0, NAME))
    qtbot.keyClick(view, Qt.Key.Key_K)  # marking is refused too
    assert editor.roll_editor.called_model.entry(0).mark is stored.roll[0].mark
    assert not editor.save_button.isEnabled()
    # ... and a save forced anyway is refused by the core, with its message
    assert editor.save() is False
    assert "đã được thông qua và khóa" in editor.banner.text()
    assert demo_store.meetings.get(meeting.id).digest == stored.digest

    # WHEN a correction is added under the approved minutes
    assert editor.tabs.isTabVisible(CORRECTIONS)
    editor.tabs.setCurrentIndex(CORRECTIONS)
    type_text(qtbot, editor.correction_text, "Sửa tên người phát biểu ở mục 3.")
    qtbot.mouseClick(editor.add_correction_button, LEFT)
    # THEN it is stored with today's date and listed under the earlier ones
    corrections = demo_store.meetings.get(meeting.id).corrections
    assert [(c.date, c.text) for c in corrections] == [(TODAY, "Sửa tên người phát biểu ở mục 3.")]
    assert editor.corrections_list.item(0).text() == "Ngày 22/11/2026: Sửa tên người phát biểu ở mục 3."
    assert editor.correction_text.toPlainText() == ""
    # Closing needs no question: nothing is pending
    editor.reject()
    qtbot.waitUntil(lambda: meetings_page.active_dialog is None)
    assert meetings_page.tree.topLevelItem(10).child(0).text(2).startswith("Đã thông qua")


def test_declining_the_approval_question_keeps_the_draft(qtbot, meetings_page, demo_store, answers):
    meeting = _draft(demo_store)
    editor = _open(qtbot, meetings_page, meeting)
    answers.answer = False
    assert editor.approve() is False
    assert not demo_store.meetings.get(meeting.id).approved
    assert editor.save_button.isEnabled()
    editor.done(0)


def test_vote_larger_than_eligible_voters_is_refused_and_nothing_saved(qtbot, meetings_page, demo_store):
    # GIVEN a new November meeting in the editor (not saved yet)
    editor = _open(qtbot, meetings_page, new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER))
    eligible = editor.roll_editor.count().eligible_voters
    present = editor.roll_editor.count().eligible_present
    assert (
        f"Số đảng viên có quyền biểu quyết: {eligible} (có mặt: {present})"
        == editor.resolution_tab.eligible_label.text()
    )
    # WHEN a vote with more ballots than eligible voters is entered
    editor.tabs.setCurrentIndex(RESOLUTION)
    votes = editor.resolution_tab.votes
    qtbot.mouseClick(votes.add_button, LEFT)
    votes.cell(0, "in_favour").setValue(present + 1)
    # THEN the tab says so at once, in Vietnamese
    error = editor.resolution_tab.vote_error
    assert error.isVisibleTo(editor)
    assert f"vượt số đảng viên có quyền biểu quyết có mặt ({present})" in error.text()
    # WHEN saving anyway, from another tab
    editor.tabs.setCurrentIndex(GENERAL)
    assert editor.save() is False
    # THEN the red line repeats it, the Nghị quyết tab is shown, and nothing was written
    assert "vượt số đảng viên có quyền biểu quyết" in editor.banner.text()
    assert editor.tabs.currentIndex() == RESOLUTION
    assert demo_store.meetings.list_between(date(2026, 11, 1), date(2026, 11, 30)) == []
    # WHEN the count is corrected THEN the live result shows the vote passing
    votes.cell(0, "in_favour").setValue(present)
    assert not error.isVisibleTo(editor)
    assert votes.cell(0, "result").text().startswith("Thông qua — tán thành")
    assert editor.save() is True
    saved = demo_store.meetings.list_between(date(2026, 11, 1), date(2026, 11, 30))
    assert len(saved) == 1
    assert demo_store.meetings.get(saved[0].id).votes[0].in_favour == present
    editor.done(0)


def test_missing_reason_switches_to_the_roll_tab(qtbot, meetings_page, demo_store):
    editor = _open(qtbot, meetings_page, new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER))
    model = editor.roll_editor.called_model
    model.set_mark(3, Mark.ABSENT_REASON)  # no reason typed
    assert editor.save() is False
    assert editor.tabs.currentIndex() == ROLL
    assert "vắng có lý do nhưng chưa ghi lý do" in editor.banner.text()
    assert editor.roll_editor.called_view.currentIndex().row() == 3
    editor.done(0)


def test_bad_times_and_short_meeting(qtbot, meetings_page, demo_store):
    editor = _open(qtbot, meetings_page, new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER))
    general = editor.general
    end = general.fields["end_time"]
    # A meeting of 60 minutes: a warning, not a refusal
    type_text(qtbot, end, "09:00")
    assert general.duration_warning.isVisibleTo(editor)
    assert "60 phút, ít hơn 90 phút" in general.duration_warning.text()
    end.clear()
    type_text(qtbot, end, "09:45")
    assert not general.duration_warning.isVisibleTo(editor)
    # A date that does not exist: the core's Vietnamese message, on save too
    date_box = general.fields["date"]
    date_box.clear()
    type_text(qtbot, date_box, "31/11/2026")
    date_box.editingFinished.emit()
    assert "không có trên lịch" in general.date_error.text()
    editor.tabs.setCurrentIndex(ROLL)
    assert editor.save() is False
    assert editor.tabs.currentIndex() == GENERAL
    assert "Ngày sinh hoạt: ngày 31/11/2026 không có trên lịch" in editor.banner.text()
    editor.done(0)


def test_new_date_recomputes_the_roll_keeping_marks(qtbot, meetings_page, demo_store):
    editor = _open(qtbot, meetings_page, new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER))
    model = editor.roll_editor.called_model
    name = model.entry(0).name
    model.set_mark(0, Mark.ABSENT_NO_REASON)
    date_box = editor.general.fields["date"]
    date_box.clear()
    type_text(qtbot, date_box, "02/01/2026")
    date_box.editingFinished.emit()
    # The roll is the register on 02/01/2026 (the demo cell had fewer members then) ...
    roll = editor.roll_editor.roll()
    assert [e.member_id for e in roll] == [
        e.member_id for e in new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 1, 2)).roll
    ]
    # ... and the mark already taken is kept
    assert {e.name: e.mark for e in roll}[name] is Mark.ABSENT_NO_REASON
    editor.done(0)


def test_enter_never_closes_and_escape_asks_before_discarding(
    qtbot, meetings_page, demo_store, unsaved_answers
):
    meeting = _draft(demo_store)
    editor = _open(qtbot, meetings_page, meeting)
    place = editor.general.fields["place"]
    # Enter in a one-line field does nothing to the dialog
    qtbot.keyClick(place, Qt.Key.Key_Return)
    assert editor.isVisible()
    # Esc with nothing changed closes without a question
    qtbot.keyClick(place, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: meetings_page.active_dialog is None)
    assert unsaved_answers.asked == []

    editor = _open(qtbot, meetings_page, meeting)
    place = editor.general.fields["place"]
    type_text(qtbot, place, " mới")
    # Esc with a change asks (Lưu / Không lưu / Quay lại); "Quay lại" keeps the editor open
    unsaved_answers.answer = Unsaved.BACK
    qtbot.keyClick(place, Qt.Key.Key_Escape)
    assert unsaved_answers.asked == ["MeetingEditor"]
    assert editor.isVisible()
    # "Không lưu" discards: the store still has the old place
    unsaved_answers.answer = Unsaved.DISCARD
    qtbot.keyClick(place, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: meetings_page.active_dialog is None)
    assert demo_store.meetings.get(meeting.id).place == meeting.place


def test_mark_column_offers_a_drop_down_for_the_mouse(qtbot, meetings_page, demo_store):
    editor = _open(qtbot, meetings_page, new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER))
    model = editor.roll_editor.called_model
    assert model.setData(model.index(1, MARK), Mark.ABSENT_NO_REASON.label)
    assert model.entry(1).mark is Mark.ABSENT_NO_REASON
    assert not model.setData(model.index(1, MARK), Mark.NOT_EXPECTED.label)  # not for the called
    editor.done(0)


def test_digest_mismatch_is_warned_on_open(qtbot, meetings_page, demo_store, notices):
    # GIVEN an approved October meeting whose stored digest no longer matches its content
    october = demo_store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 31))[0]
    conn = sqlite3.connect(demo_store.path)  # changed outside the app
    conn.execute("UPDATE meetings SET digest = ? WHERE id = ?", ("0" * 64, october.id))
    conn.commit()
    conn.close()
    meetings_page.reload()
    assert meetings_page.tree.topLevelItem(9).child(0).text(4) == "Biên bản không khớp bản đã thông qua!"
    # WHEN it is opened THEN a clear warning is given, and the editor shows it too
    meetings_page.select_meeting(october.id)
    qtbot.mouseClick(meetings_page.open_button, LEFT)
    assert any("không còn khớp" in t for t in notices.texts)
    editor = meetings_page.active_dialog
    assert editor.digest_warning.isVisibleTo(editor)
    editor.done(0)
