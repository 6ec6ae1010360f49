"""The rules and committee dialogs (Chi bộ › Thiết lập quy định, Chi ủy…) never drop what was
typed unasked (issue 12, item 3): closing with Esc, the window's ✕ or Đóng after typing asks
the app's one question "Lưu / Không lưu / Quay lại"; nothing is asked when nothing changed."""

from __future__ import annotations

from datetime import date

from gui_helpers import add
from PySide6.QtCore import Qt

from cellsec.services.members import rules_of

from ui.cell.committee_dialog import CommitteeDialog
from ui.cell.rules_dialog import RulesDialog
from ui.common.editor_dialog import EditorDialog, Unsaved

TODAY = date(2026, 11, 22)


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rules_with_18_typed(qtbot, store) -> RulesDialog:
    dialog = _shown(qtbot, RulesDialog(store))
    dialog.select("probation_months")
    dialog.value_edit.setText("18")
    return dialog


def test_both_dialogs_ask_the_question_every_editor_asks():
    assert issubclass(RulesDialog, EditorDialog) and issubclass(CommitteeDialog, EditorDialog)


def test_a_typed_rule_value_is_kept_by_quay_lai_and_saved_by_luu(qtbot, store, unsaved_answers):
    # GIVEN 18 typed for the probation months, not saved
    dialog = _rules_with_18_typed(qtbot, store)
    # WHEN the secretary presses Esc and answers "Quay lại"
    unsaved_answers.answer = Unsaved.BACK
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # THEN she was asked; the dialog is still open with what she typed, nothing saved
    assert unsaved_answers.asked == ["RulesDialog"]
    assert dialog.isVisible() and dialog.value_edit.text() == "18"
    assert rules_of(store)["probation_months"] == 12
    # WHEN she closes with the window's ✕ and answers "Lưu"
    unsaved_answers.answer = Unsaved.SAVE
    dialog.close()
    # THEN the value is saved and the dialog is closed
    assert rules_of(store)["probation_months"] == 18
    assert not dialog.isVisible() and dialog.changes is not None and dialog.changes.members


def test_khong_luu_drops_the_value_and_an_untouched_dialog_closes_unasked(qtbot, store, unsaved_answers):
    # GIVEN 18 typed WHEN Đóng is pressed and the answer is "Không lưu" (the fixture's default)
    dialog = _rules_with_18_typed(qtbot, store)
    close = next(b for b in dialog.findChildren(type(dialog.save_button)) if b.text() == "Đóng")
    close.click()
    # THEN nothing is saved, the dialog closed and says it wrote nothing
    assert unsaved_answers.asked == ["RulesDialog"]
    assert not dialog.isVisible() and rules_of(store)["probation_months"] == 12
    assert dialog.changes is None
    # GIVEN a setting chosen and its value left as shown WHEN closed THEN no question
    again = _shown(qtbot, RulesDialog(store))
    again.select("probation_months")
    again.value_edit.setText(" 12 ")
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible() and unsaved_answers.asked == ["RulesDialog"]


def test_a_bad_value_saved_from_the_question_stays_open_with_the_message(qtbot, store, unsaved_answers):
    # GIVEN "mười hai" typed WHEN closed and "Lưu" answered
    dialog = _shown(qtbot, RulesDialog(store))
    dialog.select("probation_months")
    dialog.value_edit.setText("mười hai")
    unsaved_answers.answer = Unsaved.SAVE
    dialog.reject()
    # THEN the refusal shows in the dialog, which stays open with the text; nothing is saved
    assert dialog.isVisible() and "không phải số nguyên dương" in dialog.error.text()
    assert dialog.value_edit.text() == "mười hai" and store.settings.overrides() == {}


def test_choosing_another_setting_with_a_typed_value_asks_first(qtbot, store, unsaved_answers):
    # GIVEN 18 typed for the probation months
    dialog = _rules_with_18_typed(qtbot, store)
    # WHEN another setting is chosen and the answer is "Quay lại"
    unsaved_answers.answer = Unsaved.BACK
    dialog.select("admission_min_age")
    # THEN the probation months stay chosen with 18 in the line
    assert unsaved_answers.asked == ["RulesDialog"]
    assert dialog._current().key == "probation_months" and dialog.value_edit.text() == "18"
    # WHEN chosen again and the answer is "Lưu"
    unsaved_answers.answer = Unsaved.SAVE
    dialog.select("admission_min_age")
    # THEN 18 is saved for the probation months and the new setting shows its own value
    assert rules_of(store)["probation_months"] == 18
    assert dialog._current().key == "admission_min_age" and dialog.value_edit.text() == "18"
    # WHEN 20 is typed, another setting chosen and "Không lưu" answered THEN 20 is dropped
    dialog.value_edit.setText("20")
    unsaved_answers.answer = Unsaved.DISCARD
    dialog.select("probation_months")
    assert rules_of(store)["admission_min_age"] == 18
    assert dialog._current().key == "probation_months" and dialog.value_edit.text() == "18"
    # WHEN closed now THEN nothing more is asked (what shows is what is saved)
    dialog.reject()
    assert unsaved_answers.asked == ["RulesDialog"] * 3 and not dialog.isVisible()


def _committee(qtbot, store) -> CommitteeDialog:
    for name, born in (("Nguyễn Văn An", "01/01/1960"), ("Lê Văn Cường", "03/03/1970")):
        add(store, name, born, "01/01/2000", "01/02/2001")
    return _shown(qtbot, CommitteeDialog(store, today=TODAY))


def _type_seat(dialog: CommitteeDialog, name: str, post: str, start: str) -> None:
    box = dialog.fields["member_id"]
    box.setCurrentIndex(box.findText(name))
    dialog.fields.set_text("post", post)
    dialog.fields.set_text("start", start)


def test_a_committee_seat_typed_and_not_added_is_asked_about(qtbot, store, unsaved_answers):
    # GIVEN an untouched committee dialog WHEN closed THEN nothing is asked
    dialog = _committee(qtbot, store)
    dialog.reject()
    assert unsaved_answers.asked == [] and not dialog.isVisible()
    # GIVEN a seat typed (secretary from 01/06/2026) and not added
    dialog = _shown(qtbot, CommitteeDialog(store, today=TODAY))
    _type_seat(dialog, "Lê Văn Cường", "secretary", "01/06/2026")
    # WHEN Esc and "Quay lại" THEN the dialog stays open with the seat as typed
    unsaved_answers.answer = Unsaved.BACK
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert unsaved_answers.asked == ["CommitteeDialog"]
    assert dialog.isVisible() and dialog.fields.text("start") == "01/06/2026"
    assert store.meetings.committee.roles() == []
    # WHEN closed with ✕ and "Lưu" THEN the seat is written and the dialog closes
    unsaved_answers.answer = Unsaved.SAVE
    dialog.close()
    roles = store.meetings.committee.roles()
    assert [(r.post.value, r.start) for r in roles] == [("secretary", date(2026, 6, 1))]
    assert not dialog.isVisible() and dialog.changes is not None


def test_khong_luu_writes_nothing_and_a_refused_seat_keeps_the_dialog_open(qtbot, store, unsaved_answers):
    # GIVEN a seat typed WHEN Đóng and "Không lưu" THEN nothing is written
    dialog = _committee(qtbot, store)
    _type_seat(dialog, "Nguyễn Văn An", "secretary", "01/06/2026")
    close = next(b for b in dialog.findChildren(type(dialog.add_button)) if b.text() == "Đóng")
    close.click()
    assert unsaved_answers.asked == ["CommitteeDialog"] and not dialog.isVisible()
    assert store.meetings.committee.roles() == [] and dialog.changes is None
    # GIVEN a seat with a day that does not exist WHEN closed and "Lưu" answered
    dialog = _shown(qtbot, CommitteeDialog(store, today=TODAY))
    _type_seat(dialog, "Nguyễn Văn An", "secretary", "31/02/2026")
    unsaved_answers.answer = Unsaved.SAVE
    dialog.reject()
    # THEN the refusal is said in the dialog, which stays open; nothing is written
    assert dialog.isVisible() and not dialog.banner.isHidden() and dialog.banner.text()
    assert store.meetings.committee.roles() == []


def test_an_end_date_typed_for_a_member_is_saved_from_the_question(qtbot, store, unsaved_answers):
    # GIVEN a secretary recorded, chosen in the list, an end date typed and not written
    dialog = _committee(qtbot, store)
    _type_seat(dialog, "Nguyễn Văn An", "secretary", "01/06/2025")
    assert dialog.add_role() is True
    dialog.table.selectRow(0)
    dialog.fields.set_text("end", "31/10/2026")
    # WHEN closed and "Lưu" answered THEN the end date is written and the dialog closes
    unsaved_answers.answer = Unsaved.SAVE
    dialog.reject()
    assert [r.end for r in store.meetings.committee.roles()] == [date(2026, 10, 31)]
    assert unsaved_answers.asked == ["CommitteeDialog"] and not dialog.isVisible()


def test_the_question_itself_is_in_vietnamese_and_esc_goes_back(qtbot, store):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.common.editor_dialog import ask_unsaved

    # GIVEN the rules dialog WHEN the real question is asked from it
    dialog = _rules_with_18_typed(qtbot, store)
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    # THEN it is titled "Lưu thay đổi?", offers Lưu (the default) / Không lưu / Quay lại,
    # and Esc answers "Quay lại"
    assert ask_unsaved(dialog, dialog.unsaved_title) is Unsaved.BACK
    assert seen == {
        "title": "Lưu thay đổi?",
        "buttons": ["Không lưu", "Lưu", "Quay lại"],
        "default": "Lưu",
    }


def test_from_the_window_a_value_saved_on_closing_is_confirmed_and_nothing_else_is(
    qtbot, window, store, unsaved_answers
):
    # GIVEN Chi bộ › Thiết lập quy định opened and closed untouched
    window.edit_rules()
    dialog = window.active_dialog
    assert isinstance(dialog, RulesDialog)
    qtbot.waitExposed(dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: window.active_dialog is None)
    # THEN nothing was asked and the status bar does not claim a save
    assert unsaved_answers.asked == [] and "Đã lưu" not in window.statusBar().currentMessage()
    # WHEN opened again, 18 typed for the probation months and closed with "Lưu"
    window.edit_rules()
    dialog = window.active_dialog
    qtbot.waitExposed(dialog)
    dialog.select("probation_months")
    dialog.value_edit.setText("18")
    unsaved_answers.answer = Unsaved.SAVE
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.active_dialog is None)
    # THEN it is saved and the window says so
    assert rules_of(store)["probation_months"] == 18
    assert window.statusBar().currentMessage() == "Đã lưu — Thiết lập quy định"
