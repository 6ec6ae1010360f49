"""Change history: a member's record, a meeting's minutes, and the whole log with filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gui_helpers import add, type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.entities.meetings import MeetingKind
from cellsec.services.meetings import new_meeting, save_meeting

from ui.common.history import HistoryDialog
from ui.members.member_dialog import MemberDialog
from ui.safety.change_log import HistoryLogDialog

SAVE = QDialogButtonBox.StandardButton.Save


def test_member_history_shows_a_phone_change_made_in_the_member_dialog(qtbot, page, store):
    # GIVEN a member with a phone number, selected in the register
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986", phone="0912345678")
    page.reload()
    page.table.selectRow(0)
    # WHEN the secretary changes the phone in the member dialog and saves
    page.edit_member()
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    dialog.fields["phone"].clear()
    type_text(qtbot, dialog.fields["phone"], "0987654321")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # AND opens "Lịch sử thay đổi" from the member's panel
    assert page.detail.changes_button.isVisible()
    qtbot.mouseClick(page.detail.changes_button, Qt.MouseButton.LeftButton)
    history = page.active_dialog
    assert isinstance(history, HistoryDialog) and history.isVisible()
    # THEN the newest entry is the phone change, old → new, with who and when
    entries = history.view.entries
    assert len(entries) == 2  # added, then edited
    newest = entries[0]
    assert newest.what == "Sửa hồ sơ đảng viên"
    assert newest.lines == ("Điện thoại: 0912345678 → 0987654321",)
    assert newest.user == store.user
    assert newest.at.startswith(date.today().strftime("%d/%m/%Y"))
    text = history.text()
    assert "Điện thoại: 0912345678 → 0987654321" in text and "người sửa:" in text
    assert history.windowTitle() == "Lịch sử thay đổi — Nguyễn Văn Đức"
    history.reject()
    qtbot.waitUntil(lambda: page.active_dialog is None)


def test_history_button_is_hidden_without_a_selected_member(page):
    page.reload()
    assert not page.detail.changes_button.isVisible()


def test_meeting_editor_shows_the_history_of_the_minutes(qtbot, meetings_page, demo_store):
    # GIVEN a November draft saved once, then its place changed in the editor
    m = new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 25))
    meeting_id, _ = save_meeting(demo_store, replace(m, end_time="09:45", place="Nhà văn hóa"))
    editor = meetings_page.open_editor(demo_store.meetings.get(meeting_id))
    qtbot.waitExposed(editor)
    place = editor.general.fields["place"]
    place.clear()
    type_text(qtbot, place, "Hội trường thôn")
    assert editor.save()
    # WHEN "Lịch sử thay đổi…" is pressed
    qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    history = editor.history_dialog
    assert isinstance(history, HistoryDialog) and history.isVisible()
    # THEN the place change is there, old → new
    assert "Địa điểm: Nhà văn hóa → Hội trường thôn" in history.text()
    assert history.windowTitle() == (f"Lịch sử thay đổi — {MeetingKind.REGULAR.label} ngày 25/11/2026")
    history.reject()
    editor.reject()


def test_a_new_unsaved_meeting_has_no_history_yet(qtbot, meetings_page, demo_store):
    editor = meetings_page.open_editor(new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 25)))
    qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    assert "Chưa có thay đổi nào" in editor.history_dialog.text()
    editor.history_dialog.reject()
    editor.done(0)


def test_change_log_filters_by_text_kind_user_and_date(qtbot, window, store):
    # GIVEN two members added, one of them edited
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986", phone="0912345678")
    add(store, "Lê Thị Hoa", "02/03/1970", "05/06/1995", "05/06/1996", sex="Nữ")
    # WHEN the "Nhật ký thay đổi" window is opened from the menu
    window.data_safety.actions["log"].trigger()
    log = window.data_safety.log_window
    assert isinstance(log, HistoryLogDialog) and log.isVisible()
    qtbot.addWidget(log)
    everything = len(log.entries)
    assert everything >= 3  # the profile, then the two members
    assert log.count_label.text() == f"{everything} lần thay đổi"
    # THEN searching without accents finds one member
    type_text(qtbot, log.search, "le thi hoa")
    qtbot.waitUntil(lambda: len(log.entries) == 1, timeout=3000)
    assert "Lê Thị Hoa" in log.view.toPlainText()
    log.search.clear()
    qtbot.waitUntil(lambda: len(log.entries) == everything, timeout=3000)
    # AND the kind filter keeps only that kind of record
    log.kind.setCurrentIndex(log.kind.findData("cell_profile"))
    assert all("thông tin chi bộ" in e.what.lower() for e in log.entries) and log.entries
    log.kind.setCurrentIndex(0)
    # AND the user filter offers the PC user who made them
    assert log.user.findData(store.user) > 0
    log.user.setCurrentIndex(log.user.findData(store.user))
    assert len(log.entries) == everything
    # AND a date after today leaves nothing
    log.since_box.setChecked(True)
    log.since.setDate(QDate(2100, 1, 1))
    assert log.entries == [] and "Không có thay đổi nào khớp" in log.view.toPlainText()
    log.since.setDate(QDate(2000, 1, 1))
    assert len(log.entries) == everything
    # AND opening it again brings back the same window
    window.data_safety.open_change_log()
    assert window.data_safety.log_window is log


def test_the_change_log_of_the_demo_cell_reads_like_a_logbook(qtbot, demo_store):
    # GIVEN the demo cell (a year of meetings, members, superiors, liaison records)
    import re

    # WHEN the secretary opens Nhật ký thay đổi
    log = HistoryLogDialog(lambda: demo_store)
    qtbot.addWidget(log)
    text = log.view.toPlainText()
    # THEN every line is in Vietnamese words: no stored key, no Python list or dict, no ISO date
    assert "Điểm danh: Có mặt:" in text and "Tự đánh giá: Chuẩn bị nội dung" in text
    for raw in ("preparation", "attendance", "closed_meeting_id", "regular", "committee_member", "['", "{'"):
        assert raw not in text
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None
    assert re.search(r"\b[a-z]+_[a-z_]+\b", text) is None
