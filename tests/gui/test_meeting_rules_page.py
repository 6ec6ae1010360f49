"""The meetings page follows the cell's rule settings (issue 10, item 4) and shows the
completeness check before approval (issue 10, item 7), in the real page and editor."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from cellsec.entities.meetings import Mark, MeetingKind
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.rule_settings import set_rule

from ui.meetings.editor import APPROVE_QUESTION


def test_the_page_asks_for_the_notice_to_the_follower_when_its_day_comes(meetings_page, demo_store):
    # GIVEN a draft for 25/11/2026 (today is 22/11) and notices due 3 days ahead
    set_rule(demo_store, "superior_notice_days_before", "3")
    save_meeting(demo_store, new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 25)))
    meetings_page.reload()
    # THEN the page asks for it, naming the follower and the last day
    assert meetings_page.notice_label.isVisibleTo(meetings_page)
    assert "Cần thông báo cho đồng chí Hoàng Minh Tuấn" in meetings_page.notice_label.text()
    assert "chậm nhất ngày 22/11/2026" in meetings_page.notice_label.text()
    # WHEN the lead time is one day THEN it is not asked yet
    set_rule(demo_store, "superior_notice_days_before", "1")
    meetings_page.reload()
    assert not meetings_page.notice_label.isVisibleTo(meetings_page)


def test_the_year_shows_thematic_periods_of_the_cells_setting(meetings_page, demo_store):
    # The demo holds its thematic meetings with the regular one in months 3, 6, 9, 12.
    assert meetings_page.month_note(6) == ""
    set_rule(demo_store, "thematic_every_months", "2")
    meetings_page.reload()
    assert meetings_page.month_note(2) == "Tháng 1–2 chưa sinh hoạt chuyên đề"
    assert "tháng 1–2" in meetings_page.flags_label.text()


def test_approval_lists_what_is_missing_and_asks_about_warnings(qtbot, meetings_page, demo_store, answers):
    # GIVEN a November draft whose recorder is absent and whose resolution is empty
    m = new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 25))
    roll = list(m.roll)
    roll[1] = replace(roll[1], mark=Mark.ABSENT_NO_REASON)
    meeting_id, _ = save_meeting(
        demo_store, replace(m, end_time="09:00", recorder=roll[1].name, roll=tuple(roll))
    )
    editor = meetings_page.open_editor(demo_store.meetings.get(meeting_id))
    qtbot.waitExposed(editor)
    # WHEN approval is asked THEN it is refused with the whole list, nothing asked or locked
    asked = len(answers.questions)
    assert editor.approve() is False
    text = editor.banner.text()
    assert f"Thư ký ({roll[1].name}) phải có mặt" in text
    assert "nội dung nghị quyết" in text and "chưa ghi nội dung" in text
    assert len(answers.questions) == asked
    assert not demo_store.meetings.get(meeting_id).approved
    # WHEN the gaps are filled THEN only warnings remain: the secretary is asked, then approves
    editor.roll_editor.called_model.set_mark(1, Mark.PRESENT)
    editor.resolution_tab.resolution.setPlainText("Chi bộ thống nhất nhiệm vụ tháng 12.")
    for i in range(editor.agenda.item_list.count()):
        editor.agenda.item_list.setCurrentRow(i)
        editor.agenda.fields["content"].setPlainText("Đồng chí Bí thư trình bày.")
    assert editor.approve() is True
    assert "ít hơn 90 phút" in answers.questions[-2]
    assert answers.questions[-1] == APPROVE_QUESTION
    assert demo_store.meetings.get(meeting_id).approved
    editor.done(0)


def test_a_committee_meeting_needs_a_committee_and_takes_it_as_its_roll(qtbot, window, store, notices):
    """In a cell with no committee recorded, preparing a committee meeting says why not; once
    the committee is entered in "Chi ủy…", the meeting's roll is the committee."""
    from gui_helpers import add, type_text

    from ui.cell.committee_dialog import CommitteeDialog
    from ui.meetings.editor import MeetingEditor
    from ui.meetings.new_meeting_dialog import NewMeetingDialog

    for name, born in (
        ("Nguyễn Văn An", "01/01/1960"),
        ("Trần Thị Bình", "02/02/1965"),
        ("Lê Văn Cường", "03/03/1970"),
    ):
        add(store, name, born, "01/01/2000", "01/02/2001")
    page = window.pages[2]
    page.ask, page.notify = lambda *a, **k: True, notices
    window.nav.setCurrentRow(2)
    # WHEN a committee meeting is prepared THEN the page says the cell has no committee
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.set_kind(MeetingKind.COMMITTEE)
    dialog.fields["date"].clear()
    type_text(qtbot, dialog.fields["date"], "10/11/2026")
    dialog._on_accept()
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert "Chi bộ chưa có chi ủy vào ngày 10/11/2026" in notices.texts[-1]
    # WHEN two members are entered as the committee
    qtbot.mouseClick(page.committee_button, Qt.MouseButton.LeftButton)
    committee = window.active_dialog  # the committee is the cell's: the shell opens it
    assert isinstance(committee, CommitteeDialog)
    for name, post in (("Nguyễn Văn An", "secretary"), ("Lê Văn Cường", "committee_member")):
        box = committee.fields["member_id"]
        box.setCurrentIndex(box.findText(name))
        committee.fields.set_text("post", post)
        committee.fields.set_text("start", "01/06/2026")
        assert committee.add_role() is True
    committee.accept()
    # THEN a committee meeting can be prepared, its roll the two of them
    meeting = new_meeting(store, MeetingKind.COMMITTEE, date(2026, 11, 10))
    editor = page.open_editor(meeting)
    assert isinstance(editor, MeetingEditor)
    assert sorted(e.name for e in editor.roll_editor.roll()) == ["Lê Văn Cường", "Nguyễn Văn An"]
    editor.done(0)
