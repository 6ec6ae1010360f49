"""Superiors in the meeting editor: the follower notified before the meeting, a direction given
at one meeting followed up and closed at the next, and guests picked from the directory."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import column, open_page, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.entities.meetings import MeetingKind
from cellsec.entities.superiors import DirectionStatus

from ui.common.superior_entry import SuperiorDialog
from ui.meetings.editor import GUESTS, SUPERIORS, MeetingEditor
from ui.meetings.new_meeting_dialog import NewMeetingDialog
from ui.meetings.page import MeetingsPage
from ui.superiors.page import SuperiorsPage

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
CONTENT = "Nội dung chỉ đạo"  # the column of the direction itself, in every table
DIRECTION = "Rà soát, cập nhật danh sách hộ nghèo của thôn trước Tết"


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.fixture
def meetings(qtbot, window) -> MeetingsPage:
    page = open_page(qtbot, window, window.page_of(MeetingsPage))
    page.set_year(2026)
    return page


def _prepare(qtbot, page: MeetingsPage, when: str) -> MeetingEditor:
    """Chuẩn bị buổi sinh hoạt mới → the editor, saved once so the Cấp trên tab can write."""
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.set_kind(MeetingKind.REGULAR)
    dialog.fields["date"].clear()
    type_text(qtbot, dialog.fields["date"], when)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, MeetingEditor))
    editor = page.active_dialog
    editor.tabs.setCurrentIndex(SUPERIORS)
    assert not editor.superior_tab.notice_button.isEnabled()  # not saved yet
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.meeting.id is not None, editor.banner.text()
    assert editor.superior_tab.notice_button.isEnabled()
    return editor


def _close(qtbot, page: MeetingsPage, editor: MeetingEditor) -> None:
    qtbot.mouseClick(editor.close_button, LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)


def test_direction_given_in_one_meeting_is_closed_at_the_next(qtbot, window, meetings, demo_store):
    superiors = window.page_of(SuperiorsPage)
    # GIVEN the November meeting prepared through the page
    editor = _prepare(qtbot, meetings, "25/11/2026")
    section = editor.superior_tab
    # THEN the Cấp trên tab names the follower to notify, not yet notified
    assert "Hoàng Minh Tuấn" in section.notify_label.text()
    assert "chưa ghi thông báo" in section.notify_label.text()
    # WHEN the notice is recorded (by Sổ tay đảng viên, the default) on 20/11/2026
    section.notice_fields["sent"].clear()
    type_text(qtbot, section.notice_fields["sent"], "20/11/2026")
    qtbot.mouseClick(section.notice_button, LEFT)
    assert "đã thông báo ngày 20/11/2026 qua Sổ tay đảng viên" in section.notify_label.text()
    notices = demo_store.superiors.notices(editor.meeting.id)
    assert [(n.sent, n.method) for n in notices] == [(date(2026, 11, 20), "Sổ tay đảng viên")]
    # WHEN a direction without its text is added THEN the red line says so
    qtbot.mouseClick(section.direction_button, LEFT)
    assert section.banner.text() == "Nội dung chỉ đạo: chưa nhập."
    # WHEN the follower's direction is typed with a deadline and added
    given_by = section.direction_fields["given_by"]
    given_by.setCurrentIndex(given_by.findText("Hoàng Minh Tuấn"))
    type_text(qtbot, section.direction_fields["text"], DIRECTION)
    type_text(qtbot, section.direction_fields["deadline"], "15/12/2026")
    qtbot.mouseClick(section.direction_button, LEFT)
    assert not section.banner.isVisible()
    assert section.given.column_texts(column(section.given, CONTENT)) == [DIRECTION]
    november_id = editor.meeting.id
    _close(qtbot, meetings, editor)

    # THEN the follow-up list on the superiors page shows it, open
    open_page(qtbot, window, superiors)
    superiors.filter_box.setCurrentIndex(superiors.filter_box.findData("open"))
    texts = superiors.directions_table.column_texts(column(superiors.directions_table, CONTENT))
    assert DIRECTION in texts
    row = texts.index(DIRECTION)
    assert superiors.directions_table.row_texts(row)[:2] == ["25/11/2026", "Hoàng Minh Tuấn"]
    assert superiors.directions_table.row_texts(row)[5] == "Chưa thực hiện"

    # WHEN the December meeting is prepared, the direction is among those to report on
    window.nav.setCurrentRow(window.pages.index(meetings))
    editor = _prepare(qtbot, meetings, "20/12/2026")
    section = editor.superior_tab
    earlier = section.earlier.column_texts(column(section.earlier, CONTENT))
    assert DIRECTION in earlier
    # ... and its result is recorded as done at this meeting
    section.earlier.selectRow(earlier.index(DIRECTION))
    assert section.report_status.currentData() == DirectionStatus.DONE.value
    type_text(qtbot, section.report_result, "Đã rà soát xong, gửi Ủy ban xã.")
    qtbot.mouseClick(section.report_button, LEFT)
    assert DIRECTION not in section.earlier.column_texts(column(section.earlier, CONTENT))
    december_id = editor.meeting.id
    _close(qtbot, meetings, editor)

    # THEN it is closed at the December meeting, shown done on the superiors page
    stored = next(d for d in demo_store.superiors.directions() if d.text == DIRECTION)
    assert stored.meeting_id == november_id
    assert stored.status is DirectionStatus.DONE and stored.closed_meeting_id == december_id
    window.nav.setCurrentRow(window.pages.index(superiors))
    assert DIRECTION not in superiors.directions_table.column_texts(
        column(superiors.directions_table, CONTENT)
    )
    superiors.filter_box.setCurrentIndex(superiors.filter_box.findData("closed"))
    texts = superiors.directions_table.column_texts(column(superiors.directions_table, CONTENT))
    cells = superiors.directions_table.row_texts(texts.index(DIRECTION))
    assert cells[5:] == ["Đã hoàn thành", "Đã rà soát xong, gửi Ủy ban xã."]


def test_guest_picked_from_the_directory_and_a_new_one_added_on_the_spot(qtbot, meetings, demo_store):
    editor = _prepare(qtbot, meetings, "25/11/2026")
    editor.tabs.setCurrentIndex(GUESTS)
    guests = editor.guests_tab
    assert guests.picker.isVisible()
    # WHEN the provincial member is picked from the directory
    box = guests.directory_box
    box.setCurrentIndex(box.findText("Trịnh Thu Hà", Qt.MatchFlag.MatchStartsWith))
    qtbot.mouseClick(guests.pick_button, LEFT)
    # THEN name, position and the tick are filled, and the directory record kept
    hà = next(s for s in demo_store.superiors.all() if s.name == "Trịnh Thu Hà")
    [guest] = guests.guests()
    assert (guest.name, guest.title, guest.is_superior, guest.superior_id) == (
        "Trịnh Thu Hà",
        hà.position,
        True,
        hà.id,
    )
    # WHEN someone not yet in the directory is added on the spot
    qtbot.mouseClick(guests.new_superior_button, LEFT)
    dialog = editor.superior_tab.active_dialog
    assert isinstance(dialog, SuperiorDialog)
    type_text(qtbot, dialog.fields["name"], "Vũ Thị Lan")
    type_text(qtbot, dialog.fields["position"], "Phó Bí thư Đảng ủy xã")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: editor.superior_tab.active_dialog is None)
    # THEN she is in the directory and among the guests, and the editor reports the change
    lan = next(s for s in demo_store.superiors.all() if s.name == "Vũ Thị Lan")
    assert [(g.name, g.superior_id) for g in guests.guests()] == [
        ("Trịnh Thu Hà", hà.id),
        ("Vũ Thị Lan", lan.id),
    ]
    assert editor.changes is not None and editor.changes.superiors
    # WHEN the minutes are saved THEN both guests count for the tally (their directory ids)
    qtbot.mouseClick(editor.save_button, LEFT)
    stored = demo_store.meetings.get(editor.meeting.id)
    assert {g.superior_id for g in stored.guests} == {hà.id, lan.id}
    # ... and the direction's "given by" offers the guests first
    given_by = editor.superior_tab.direction_fields["given_by"]
    assert [given_by.itemText(i) for i in range(2)] == ["Trịnh Thu Hà", "Vũ Thị Lan"]
    _close(qtbot, meetings, editor)


def test_approved_meeting_takes_no_new_direction(qtbot, meetings, demo_store):
    september = demo_store.meetings.list_between(date(2026, 9, 1), date(2026, 9, 30))[0]
    editor = meetings.open_editor(demo_store.meetings.get(september.id))
    section = editor.superior_tab
    assert not section.direction_button.isEnabled()
    assert section.state_label.text().startswith("Biên bản đã thông qua")
    # What was given there is listed; the notice sent before it too
    assert section.given.rowCount() == 1
    assert "đã thông báo ngày 02/09/2026 qua Sổ tay đảng viên" in section.notify_label.text()
    editor.reject()


def test_the_cap_tren_tab_lists_the_directory_in_name_order(qtbot, meetings, demo_store):
    # GIVEN a directory whose people were entered out of name order
    from cellsec.services.superiors import directory_in_order, save_superior

    for name in ("Vũ Văn Bình", "Đỗ Thị An"):
        save_superior(demo_store, {"name": name, "position": "Đảng ủy viên", "level": "commune"})
    ordered = [s.name for s in directory_in_order(demo_store)]
    assert ordered != [s.name for s in demo_store.superiors.all()]
    # WHEN a meeting is prepared THEN the guests' picker and "given by" follow the name order
    editor = _prepare(qtbot, meetings, "25/11/2026")
    picker = editor.guests_tab.directory_box  # after its "— Chọn … —" line
    assert [picker.itemText(i).split(" — ")[0] for i in range(1, picker.count())] == ordered
    given_by = editor.superior_tab.direction_fields["given_by"]
    assert [given_by.itemText(i) for i in range(given_by.count())] == ordered
    _close(qtbot, meetings, editor)
