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


def test_a_refusals_banner_goes_away_on_the_next_attempt(qtbot, page, store):
    # GIVEN an exemption being recorded for a man of 49, with a date that does not exist (refused)
    from gui_helpers import Answers, add, shown_names, type_text
    from PySide6.QtWidgets import QDialogButtonBox

    from cellsec.entities.members import EventKind

    from ui.members.event_dialog import EventDialog

    save = QDialogButtonBox.StandardButton.Save
    add(store, "Phạm Văn Lộc", "01/03/1975", "01/06/2000", "01/06/2001")
    page.reload()
    page.table.selectRow(shown_names(page).index("Phạm Văn Lộc"))
    page.record_event()
    dialog = page.active_dialog
    assert isinstance(dialog, EventDialog)
    dialog.ask = Answers(answer=False)
    dialog.set_kind(EventKind.EXEMPTED)
    dialog.fields["detail"].setCurrentIndex(0)  # "Tuổi cao"
    type_text(qtbot, dialog.fields["date"], "31/02/2024")
    qtbot.mouseClick(dialog.buttons.button(save), Qt.MouseButton.LeftButton)
    assert dialog.banner.isVisible() and "Ngày" in dialog.banner.text()
    # WHEN the date is corrected and the next attempt stops at the age question ("Không")
    dialog.fields["date"].clear()
    type_text(qtbot, dialog.fields["date"], "01/03/2024")
    qtbot.mouseClick(dialog.buttons.button(save), Qt.MouseButton.LeftButton)
    # THEN the old refusal is no longer on screen: nothing is wrong with the form now
    assert dialog.isVisible() and dialog.ask.questions
    assert not dialog.banner.isVisible() and dialog.banner.text() == ""


def test_the_banner_helper_clears_first_shows_a_refusal_and_says_it_failed(qtbot):
    from cellsec.errors import ValidationError

    from ui.common.dialogs import ErrorBanner
    from ui.common.form_fields import FormFields

    banner = ErrorBanner()
    qtbot.addWidget(banner)
    fields = FormFields()
    banner.show_message("Lần trước: Ngày sinh không hợp lệ.")
    with banner.attempt(fields) as tried:
        assert banner.isHidden()  # cleared as the attempt starts
        raise ValidationError("Họ và tên: chưa nhập.", "Họ và tên", "full_name")
    assert tried.failed and banner.text() == "Họ và tên: chưa nhập."
    with banner.attempt(fields) as tried:
        pass
    assert not tried.failed and banner.isHidden()


def _member_dialog_with_a_new_phone(qtbot, page, store):
    from gui_helpers import add, type_text

    from ui.members.member_dialog import MemberDialog

    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986", phone="0912345678")
    page.reload()
    page.table.selectRow(0)
    page.edit_member()
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.waitExposed(dialog)
    dialog.fields["phone"].clear()
    type_text(qtbot, dialog.fields["phone"], "0987654321")
    return dialog


def test_closing_an_editor_with_unsaved_changes_asks_and_quay_lai_keeps_the_form(
    qtbot, page, store, unsaved_answers
):
    from ui.common.editor_dialog import Unsaved

    # GIVEN a member's phone changed in the member dialog, not saved
    dialog = _member_dialog_with_a_new_phone(qtbot, page, store)
    # WHEN the secretary presses Esc and answers "Quay lại"
    unsaved_answers.answer = Unsaved.BACK
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # THEN she was asked, and the form is still open with what she typed
    assert unsaved_answers.asked == ["MemberDialog"]
    assert dialog.isVisible() and dialog.fields.text("phone") == "0987654321"
    # WHEN she closes again and answers "Lưu" THEN the change is saved and the dialog closes
    unsaved_answers.answer = Unsaved.SAVE
    dialog.reject()
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert store.members.get(dialog.member_id).phone == "0987654321"


def test_khong_luu_closes_without_saving_and_an_untouched_form_closes_without_asking(
    qtbot, page, store, unsaved_answers
):
    # GIVEN a changed phone WHEN closed with "Không lưu" THEN nothing is saved
    dialog = _member_dialog_with_a_new_phone(qtbot, page, store)
    member_id = dialog.member_id
    dialog.reject()
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert unsaved_answers.asked == ["MemberDialog"]
    assert store.members.get(member_id).phone == "0912345678"
    # GIVEN the dialog opened again and nothing typed WHEN closed THEN no question
    page.edit_member()
    again = page.active_dialog
    qtbot.waitExposed(again)
    again.reject()
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert unsaved_answers.asked == ["MemberDialog"]


def test_every_record_editor_shares_the_unsaved_changes_question():
    from ui.cell.profile_dialog import ProfileDialog
    from ui.cell.rule_list_dialog import RuleListDialog
    from ui.common.editor_dialog import EditorDialog
    from ui.common.form_dialog import FormDialog
    from ui.common.superior_entry import SuperiorDialog
    from ui.liaison.comment_sheet_dialog import CommentSheetDialog
    from ui.liaison.gathering_dialog import GatheringDialog
    from ui.liaison.liaison_dialog import LiaisonDialog
    from ui.liaison.working_away_dialog import WorkingAwayDialog
    from ui.meetings.editor import MeetingEditor
    from ui.members.event_dialog import EventDialog
    from ui.members.member_dialog import MemberDialog
    from ui.superiors.assign_dialog import AssignDialog
    from ui.superiors.follow_up_dialog import FollowUpDialog

    editors = (
        ProfileDialog,
        RuleListDialog,
        FormDialog,
        SuperiorDialog,
        CommentSheetDialog,
        GatheringDialog,
        LiaisonDialog,
        WorkingAwayDialog,
        EventDialog,
        MemberDialog,
        AssignDialog,
        FollowUpDialog,
        MeetingEditor,
    )
    assert all(issubclass(d, EditorDialog) for d in editors)


def test_a_saved_member_is_confirmed_and_shown_even_when_the_search_hid_him(qtbot, window, page, store):
    from gui_helpers import add, shown_names, type_text
    from PySide6.QtWidgets import QDialogButtonBox

    from cellsec.services.register import StatusFilter

    from ui.members.member_dialog import MemberDialog

    # GIVEN the register searched for "Dũng" (one member shown)
    add(store, "Nguyễn Văn Dũng", "01/01/1960", "01/01/1990", "01/01/1991")
    page.reload()
    page.search.setText("Dũng")
    qtbot.waitUntil(lambda: shown_names(page) == ["Nguyễn Văn Dũng"])
    # WHEN a new member, Nguyễn Văn Đức, is added and saved
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    for key, text in {
        "full_name": "Nguyễn Văn Đức",
        "birth_date": "15/08/1958",
        "admission_date": "03/02/1985",
        "official_date": "03/02/1986",
    }.items():
        type_text(qtbot, dialog.fields[key], text)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the status bar names what was saved
    assert window.statusBar().currentMessage() == "Đã lưu hồ sơ đảng viên Nguyễn Văn Đức."
    # AND the search was cleared so the list shows him, selected
    assert page.search.text() == "" and page.status_box.currentData() == StatusFilter.ALL.value
    assert "Nguyễn Văn Đức" in shown_names(page)
    assert page.detail.detail is not None and page.detail.detail.row.member.full_name == "Nguyễn Văn Đức"
