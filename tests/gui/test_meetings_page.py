"""The meetings page: the year month by month, and a month's meeting prepared through the
real page and editor (roll call by keyboard, an opinion, save)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gui_helpers import TODAY, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import Mark, MeetingKind
from cellsec.rules.counting import count_roll
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.store import Store

from ui.meetings.editor import CONTENT, ROLL, MeetingEditor
from ui.meetings.new_meeting_dialog import NewMeetingDialog
from ui.meetings.page import MeetingsPage
from ui.meetings.roll_model import NAME
from ui.meetings.year_tree import MISSING, MISSING_NOW

SAVE = QDialogButtonBox.StandardButton.Save
LEFT = Qt.MouseButton.LeftButton
DISCUSSION = "Thảo luận, phê bình và tự phê bình"


def _november(store: Store):
    return store.meetings.list_between(date(2026, 11, 1), date(2026, 11, 30))


def _prepare(qtbot, page: MeetingsPage, when: str) -> MeetingEditor:
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.set_kind(MeetingKind.REGULAR)
    dialog.fields["date"].clear()
    type_text(qtbot, dialog.fields["date"], when)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, MeetingEditor))
    return page.active_dialog


def _reason_editor(view) -> QLineEdit:
    focused = QApplication.focusWidget()
    if isinstance(focused, QLineEdit) and view.viewport().isAncestorOf(focused):
        return focused
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None, "L must open the reason for typing"
    return editor


def test_prepare_november_meeting_roll_call_opinion_and_save(qtbot, meetings_page, demo_store):
    page = meetings_page
    # GIVEN the demo year: November 2026 (this month) has no regular meeting yet
    assert page.month_note(11) == MISSING_NOW
    assert page.month_note(10) == ""
    assert _november(demo_store) == []

    # WHEN the secretary prepares the November meeting through the page
    editor = _prepare(qtbot, page, "25/11/2026")
    editor.activateWindow()
    assert editor.heading.text().startswith("Sinh hoạt thường kỳ ngày 25/11/2026")
    # ... takes the roll: everyone present, then one absent with a reason (keyboard: L, type,
    # Enter) and one absent without reason (K)
    editor.tabs.setCurrentIndex(ROLL)
    roll = editor.roll_editor
    qtbot.mouseClick(roll.all_present_button, LEFT)
    view, model = roll.called_view, roll.called_model
    absent, truant = model.entry(2).name, model.entry(4).name
    view.setFocus()
    view.setCurrentIndex(model.index(2, NAME))
    qtbot.keyClick(view, Qt.Key.Key_L)
    reason = _reason_editor(view)
    type_text(qtbot, reason, "Ốm, nằm viện")
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    view.setFocus()
    view.setCurrentIndex(model.index(4, NAME))
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.currentIndex().row() == 5  # K moves on to the next member
    assert editor.isVisible()  # Enter in the reason did not close the minutes
    # ... adds an opinion to the discussion item, spoken by a member present
    editor.tabs.setCurrentIndex(CONTENT)
    agenda = editor.agenda
    titles = [agenda.item_list.item(i).text() for i in range(agenda.item_list.count())]
    discussion_row = titles.index(DISCUSSION)
    agenda.item_list.setCurrentRow(discussion_row)
    assert agenda.fields.text("title") == DISCUSSION
    qtbot.mouseClick(agenda.opinions.add_button, LEFT)
    speaker = agenda.opinions.cell(0, "speaker")
    assert isinstance(speaker, QComboBox)
    offered = [speaker.itemText(i) for i in range(speaker.count())]
    assert absent not in offered and truant not in offered  # only members present speak
    speaker.setCurrentIndex(0)
    type_text(qtbot, agenda.opinions.cell(0, "content"), "Đề nghị sửa đường liên thôn.")
    # ... and saves with Ctrl+S
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(agenda.item_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    # THEN the store holds the November meeting with those marks and the opinion
    saved = _november(demo_store)
    assert len(saved) == 1, editor.banner.text()
    m = demo_store.meetings.get(saved[0].id)
    marks = {e.name: e for e in m.roll}
    assert marks[absent].mark is Mark.ABSENT_REASON and marks[absent].reason == "Ốm, nằm viện"
    assert marks[truant].mark is Mark.ABSENT_NO_REASON
    assert (
        sum(e.mark is Mark.PRESENT for e in m.roll if e.expected) == sum(1 for e in m.roll if e.expected) - 2
    )
    discussion = m.items[discussion_row]
    assert [(o.speaker, o.content) for o in discussion.opinions] == [
        (offered[0], "Đề nghị sửa đường liên thôn.")
    ]
    assert discussion.opinions[0].member_id is not None
    # ... and the summary line shows exactly what count_roll says of the stored roll
    c = count_roll(m.roll)
    summary = roll.summary_label.text()
    for fragment in (
        f"Tổng số {c.total} đảng viên",
        f"chính thức {c.full}",
        f"dự bị {c.probationary}",
        f"miễn sinh hoạt {c.exempted}",
        f"Có mặt {c.present} ",
        f"vắng có lý do {len(c.absent_reason)}",
        f"vắng không lý do {len(c.absent_no_reason)}",
        f"Số có quyền biểu quyết {c.eligible_voters}",
    ):
        assert fragment in summary
    assert len(c.absent_reason) == 1 and len(c.absent_no_reason) == 1
    assert editor.heading.text().endswith("Nháp (chưa thông qua)")

    # WHEN the editor is closed THEN November no longer lacks its regular meeting
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert page.month_note(11) == ""
    november = page.tree.topLevelItem(10)
    assert november.childCount() == 1
    assert november.child(0).text(2) == "Nháp"
    assert november.child(0).text(3) == f"Có mặt {c.present}/{c.total}"


def test_past_months_without_regular_meeting_are_flagged(qtbot, tmp_path, app_settings, answers, notices):
    # GIVEN a cell whose register is there but no meeting was ever entered
    store = Store.open(tmp_path / "empty-year.cellsec")
    create_demo(store, today=TODAY, meetings=False)
    page = MeetingsPage(store)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.set_year(2026)
    # THEN every month before November is flagged, November is a reminder, December is not due
    assert page.missing_months == list(range(1, 11))
    assert page.month_note(3) == MISSING
    assert page.month_note(11) == MISSING_NOW
    assert page.month_note(12) == ""
    assert "Chưa sinh hoạt thường kỳ: tháng 1, 2" in page.flags_label.text()
    assert "Chưa sinh hoạt chuyên đề: quý I, II, III" in page.flags_label.text()

    # WHEN a regular meeting is saved for March THEN March is no longer flagged
    meeting = new_meeting(store, MeetingKind.REGULAR, date(2026, 3, 10))
    _, changes = save_meeting(store, meeting)
    page.apply(changes)
    assert page.month_note(3) == "Quý I chưa sinh hoạt chuyên đề"  # still no thematic one
    assert 3 not in page.missing_months
    store.close()


def test_delete_draft_asks_first_and_approved_cannot_be_deleted(qtbot, meetings_page, demo_store, answers):
    page = meetings_page
    thematic = new_meeting(demo_store, MeetingKind.THEMATIC, date(2026, 11, 28))
    draft_id, changes = save_meeting(demo_store, replace(thematic, topic="Học tập Nghị quyết"))
    page.apply(changes)
    page.select_meeting(draft_id)
    assert page.delete_button.isEnabled()
    answers.answer = False
    qtbot.mouseClick(page.delete_button, LEFT)
    assert demo_store.meetings.get(draft_id) is not None  # "Không": nothing deleted
    answers.answer = True
    qtbot.mouseClick(page.delete_button, LEFT)
    assert demo_store.meetings.get(draft_id) is None
    assert "Xóa bản nháp" in answers.questions[-1]
    # An approved meeting's row offers no delete
    october = page.tree.topLevelItem(9).child(0)
    page.tree.setCurrentItem(october)
    assert not page.delete_button.isEnabled()
