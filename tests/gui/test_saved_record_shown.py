"""After a save the record just saved is selected and in view, even when the page's filter would
hide it (the filter widens): the superiors page and both tabs of the residence liaison page do
it the member register's way (ui.common.reveal)."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import TODAY, column, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cellsec.entities.meetings import MeetingKind
from cellsec.entities.superiors import DirectionStatus
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.superiors import overdue_directions

from ui.liaison.liaison_dialog import LiaisonDialog
from ui.liaison.page import REGISTER, WORKING_AWAY, LiaisonPage
from ui.liaison.working_away_dialog import WorkingAwayDialog
from ui.superiors.page import DIRECTIONS, DIRECTORY, SuperiorsPage

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save


def _in_view(table) -> bool:
    """The selected row is on screen, not scrolled away."""
    row = table.selected_row()
    rect = table.visualItemRect(table.item(row, 0))
    return row >= 0 and table.viewport().rect().intersects(rect)


def _save(qtbot, page, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    QApplication.processEvents()


@pytest.fixture
def short_window(demo_window):
    """A window so low that a list shows only its first rows."""
    demo_window.resize(1366, 560)
    QApplication.processEvents()
    return demo_window


def _liaison(window, tab: int) -> LiaisonPage:
    page = window.page_of(LiaisonPage)
    window.nav.setCurrentRow(window.pages.index(page))
    page.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    return page


def test_a_direction_done_under_the_overdue_filter_stays_in_view_as_the_filter_widens(
    qtbot, demo_window, demo_store
):
    # GIVEN the follow-up list showing only the overdue direction
    page = demo_window.page_of(SuperiorsPage)
    demo_window.nav.setCurrentRow(demo_window.pages.index(page))
    page.show_follow_up(overdue_only=True)
    late = overdue_directions(demo_store, TODAY)[0]
    save_meeting(demo_store, new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 20)))
    page.directions_table.selectRow(0)
    # WHEN its result is reported (done) and saved
    qtbot.mouseClick(page.follow_button, LEFT)
    dialog = page.active_dialog
    assert dialog.fields.text("status") == DirectionStatus.DONE.value
    type_text(qtbot, dialog.fields["result"], "Đã ký cam kết đủ 100 % hộ.")
    _save(qtbot, page, dialog)
    # THEN the overdue filter, which would hide it now, widened to "Tất cả"
    assert page.tabs.currentIndex() == DIRECTIONS
    assert page.filter_box.currentText() == "Tất cả"
    # AND the direction is selected, in view, with its result
    chosen = page.directions_table.selected_payload()
    assert chosen.id == late.id and chosen.status is DirectionStatus.DONE
    row = page.directions_table.selected_row()
    result = page.directions_table.item(row, column(page.directions_table, "Kết quả")).text()
    assert result == "Đã ký cam kết đủ 100 % hộ."
    assert _in_view(page.directions_table)


def test_a_follow_up_the_filter_still_shows_leaves_the_filter_alone(qtbot, demo_window, demo_store):
    # GIVEN the "Tất cả" list WHEN a direction is followed up THEN the filter stays, row selected
    page = demo_window.page_of(SuperiorsPage)
    demo_window.nav.setCurrentRow(demo_window.pages.index(page))
    page.show_follow_up(overdue_only=False)
    page.filter_box.setCurrentIndex(page.filter_box.findData("open"))
    save_meeting(demo_store, new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 20)))
    page.directions_table.selectRow(0)
    qtbot.mouseClick(page.follow_button, LEFT)
    dialog = page.active_dialog
    dialog.fields.set_text("status", DirectionStatus.IN_PROGRESS.value)
    _save(qtbot, page, dialog)
    assert page.filter_box.currentData() == "open"
    assert page.directions_table.selected_payload().status is DirectionStatus.IN_PROGRESS


def test_a_superior_added_is_selected_in_the_directory(qtbot, demo_window, demo_store):
    page = demo_window.page_of(SuperiorsPage)
    demo_window.nav.setCurrentRow(demo_window.pages.index(page))
    page.tabs.setCurrentIndex(DIRECTORY)
    # WHEN a new person is saved in the directory
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.active_dialog
    type_text(qtbot, dialog.fields["name"], "Lê Văn Bình")
    type_text(qtbot, dialog.fields["position"], "Đảng ủy viên")
    _save(qtbot, page, dialog)
    # THEN they are the selected row, ready for "Phân công theo dõi chi bộ…"
    assert page.directory.selected_payload().name == "Lê Văn Bình"
    assert page.edit_button.isEnabled()
    assert _in_view(page.directory)


def test_a_liaison_member_added_is_selected_and_scrolled_into_view(qtbot, short_window, demo_store):
    # GIVEN the register on a low window: the list shows only its first rows
    page = _liaison(short_window, REGISTER)
    page.register.show_comments(False)
    table = page.register.table
    # WHEN a member whose name sorts last is added
    qtbot.mouseClick(page.register.add_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, LiaisonDialog)
    for key, text in {
        "full_name": "Vũ Thị Yến",
        "workplace": "Ngân hàng Chính sách xã hội",
        "workplace_party_org": "Chi bộ Ngân hàng Chính sách",
        "ggt_number": "31-GGT/ĐU",
        "ggt_date": "10/11/2026",
    }.items():
        type_text(qtbot, dialog.fields[key], text)
    dialog.fields.set_text("sex", "nu")
    dialog.fields["received_date"].clear()
    type_text(qtbot, dialog.fields["received_date"], "12/11/2026")
    _save(qtbot, page, dialog)
    # THEN she is selected and the list scrolled to her
    assert page.register.selected().full_name == "Vũ Thị Yến"
    assert _in_view(table)
    # WHEN the first person is edited after the list was scrolled away from them
    table.selectRow(0)
    first = page.register.selected()
    table.scrollToBottom()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.active_dialog
    dialog.fields["workplace"].clear()
    type_text(qtbot, dialog.fields["workplace"], "Điện lực Thanh Sơn")
    _save(qtbot, page, dialog)
    # THEN that person is still selected, in view
    assert page.register.selected().id == first.id
    assert page.register.selected().workplace == "Điện lực Thanh Sơn"
    assert _in_view(table)


def test_a_working_away_record_started_is_selected_with_its_contact_log(qtbot, short_window, demo_store):
    from test_liaison_working_away import _candidate

    page = _liaison(short_window, WORKING_AWAY)
    member_id, name = _candidate(demo_store)
    # WHEN a new record is saved
    qtbot.mouseClick(page.working_away.new_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, WorkingAwayDialog)
    dialog.fields.set_text("member_id", str(member_id))
    dialog.fields.set_text("arrangement", "exemption")
    dialog.fields["application_date"].clear()
    type_text(qtbot, dialog.fields["application_date"], "15/11/2026")
    type_text(qtbot, dialog.fields["start"], "20/11/2026")
    type_text(qtbot, dialog.fields["end"], "20/11/2027")
    type_text(qtbot, dialog.fields["destination"], "Đồng Nai")
    type_text(qtbot, dialog.fields["employer"], "Công ty TNHH Gỗ Tân Phú")
    _save(qtbot, page, dialog)
    # THEN it is the selected row, in view, and its (empty) contact log is the one shown
    tab = page.working_away
    assert tab.selected().member_name == name
    assert _in_view(tab.table)
    assert tab.log_title.text().startswith(f"Nhật ký liên lạc với {name}")
    assert tab.contact_button.isEnabled()
