"""The rule-settings dialog: a bad value is refused with its message; a good one is saved and
used; "Về mặc định" sets it back."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from cellsec.services.members import rules_of

from ui.cell.rules_dialog import RulesDialog

SAVE = QDialogButtonBox.StandardButton.Save


def test_change_refuse_and_reset_a_rule(qtbot, store):
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    dialog.select("probation_months")
    dialog.value_edit.setText("mười hai")
    dialog.save_button.click()
    assert "không phải số nguyên dương" in dialog.error.text() and not dialog.error.isHidden()
    assert rules_of(store)["probation_months"] == 12
    dialog.value_edit.setText("18")
    dialog.save_button.click()
    assert rules_of(store)["probation_months"] == 18 and dialog.changes.members
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    assert rules_of(store)["probation_months"] == 12
    dialog.select("comment_criteria")
    assert not dialog.value_edit.isEnabled()  # criteria lists are shown, not edited here


def _open_list(qtbot, dialog, key):
    dialog.select(key)
    assert dialog.list_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.list_button.click()
    editor = dialog.list_dialog
    assert editor is not None and editor.isVisible()
    return editor


def _cell_text(dialog, key, column):
    row = [r.key for r in dialog._rules].index(key)
    return dialog.table.item(row, column).toolTip()


def test_lists_are_shown_by_their_labels_never_their_codes(qtbot, store):
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    shown = _cell_text(dialog, "comment_short_criteria", 1)
    assert "civic" not in shown and "proposal" not in shown
    assert shown.startswith("Gương mẫu thực hiện nghĩa vụ công dân")
    assert "Tốt từ 90 điểm" in _cell_text(dialog, "meeting_quality_bands", 1)


def test_quality_criteria_edited_row_by_row_must_sum_to_100(qtbot, store):
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    editor = _open_list(qtbot, dialog, "meeting_quality_criteria")
    # GIVEN the five shipped criteria; WHEN the first is lowered from 20 to 15 points and saved
    editor.editor.cell(0, "max").setValue(15)
    assert "95" in editor.total_label.text()
    editor.buttons.button(SAVE).click()
    # THEN the dialog stays open with the service's message; nothing is saved
    assert (
        editor.isVisible()
        and "tổng điểm tối đa các tiêu chí phải bằng 100 (đang là 95)" in editor.banner.text()
    )
    assert store.settings.overrides() == {}
    # WHEN a sixth criterion of 5 points is added and saved
    editor.editor.add_row({"label": "Thực hiện nghị quyết tháng trước", "max": 5})
    editor.buttons.button(SAVE).click()
    # THEN it is saved with a code of its own, used by the meetings, and the table shows it
    qtbot.waitUntil(lambda: dialog.list_dialog is None)
    saved = rules_of(store)["meeting_quality_criteria"]
    assert [c["max"] for c in saved] == [15, 20, 15, 25, 20, 5]
    assert saved[-1]["key"] == "thuc_hien_nghi_quyet_thang_truoc"
    assert dialog.changes.meetings
    assert "Thực hiện nghị quyết tháng trước: 5 điểm" in _cell_text(dialog, "meeting_quality_criteria", 1)
    # WHEN "Về mặc định" is pressed on the main dialog THEN the shipped list is back
    dialog.select("meeting_quality_criteria")
    dialog.reset_button.click()
    assert len(rules_of(store)["meeting_quality_criteria"]) == 5


def test_a_comment_criterion_needs_three_levels_and_the_short_sheet_is_ticked(qtbot, store):
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    editor = _open_list(qtbot, dialog, "comment_criteria")
    editor.editor.add_row(
        {"label": "Tham gia giữ gìn an ninh trật tự", "level1": "Tích cực", "level2": "Có tham gia"}
    )
    editor.buttons.button(SAVE).click()
    assert "dòng 7: chưa ghi mức 3" in editor.banner.text()
    editor.editor.cell(6, "level3").setPlainText("Không tham gia")
    editor.buttons.button(SAVE).click()
    qtbot.waitUntil(lambda: dialog.list_dialog is None)
    assert rules_of(store)["comment_criteria"][-1]["levels"] == ["Tích cực", "Có tham gia", "Không tham gia"]
    # WHEN the short sheet is opened THEN every criterion is listed by name, the three in use ticked
    short = _open_list(qtbot, dialog, "comment_short_criteria")
    assert [r["chosen"] for r in short.editor.rows()] == [True, True, False, False, False, True, False]
    # WHEN the new one is ticked and "Đề nghị của chi ủy" unticked THEN that is what is saved
    short.editor.cell(6, "chosen").setChecked(True)
    short.editor.cell(5, "chosen").setChecked(False)
    short.buttons.button(SAVE).click()
    qtbot.waitUntil(lambda: dialog.list_dialog is None)
    new_key = rules_of(store)["comment_criteria"][-1]["key"]
    assert rules_of(store)["comment_short_criteria"] == ["civic", "ethics", new_key]
    assert "Tham gia giữ gìn an ninh trật tự" in _cell_text(dialog, "comment_short_criteria", 1)
    # WHEN the criteria are set back to the default while the short sheet uses the new one
    dialog.select("comment_criteria")
    dialog.reset_button.click()
    # THEN the reset is refused with the reason, and nothing changes
    assert "phiếu rút gọn đang dùng tiêu chí “Tham gia giữ gìn an ninh trật tự”" in dialog.error.text()
    assert len(rules_of(store)["comment_criteria"]) == 7


def test_badge_milestones_are_typed_in_one_line(qtbot, store):
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    dialog.select("badge_milestones_years")
    assert dialog.value_edit.text().startswith("30, 40, 45, 50")
    dialog.value_edit.setText("30, 40, 40")
    dialog.save_button.click()
    assert "mốc thứ 3 (40) phải lớn hơn mốc đứng trước (40)" in dialog.error.text()
    dialog.value_edit.setText("30 40 45 50")
    dialog.save_button.click()
    assert rules_of(store)["badge_milestones_years"] == [30, 40, 45, 50]


def test_majorities_are_shown_and_typed_as_fractions(qtbot, store):
    # GIVEN the dialog: the two majorities read "1/2" and "2/3", not "1; 2"
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    assert _cell_text(dialog, "vote_majority_more_than", 1) == "1/2"
    assert _cell_text(dialog, "vote_special_majority_at_least", 2) == "2/3"
    dialog.select("vote_special_majority_at_least")
    assert dialog.save_button.isEnabled() and dialog.value_edit.text() == "2/3"
    # WHEN a fraction of 1 or more is typed THEN it is refused with the reason, nothing saved
    dialog.value_edit.setText("3/2")
    dialog.save_button.click()
    assert "phải lớn hơn 0 và nhỏ hơn 1" in dialog.error.text() and not dialog.error.isHidden()
    assert store.settings.overrides() == {}
    # WHEN "3/4" is typed THEN it is saved, shown as typed, and the meetings are told
    dialog.value_edit.setText("3/4")
    dialog.save_button.click()
    assert rules_of(store)["vote_special_majority_at_least"] == [3, 4]
    assert _cell_text(dialog, "vote_special_majority_at_least", 1) == "3/4"
    assert dialog.changes.meetings and dialog.error.isHidden()


def test_the_review_levels_are_edited_in_place_with_their_source_shown(qtbot, store):
    # GIVEN the rules dialog: the year-end review's levels show their regulation
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    assert "Quy định 366-QĐ/TW" in _cell_text(dialog, "review_levels", 3)
    editor = _open_list(qtbot, dialog, "review_levels")
    # THEN the four levels are listed (none added or removed here) under the regulation
    assert [r["label"] for r in editor.editor.rows()][0] == "Hoàn thành xuất sắc nhiệm vụ"
    assert editor.editor.add_button.isHidden() and editor.editor.remove_button.isHidden()
    assert any("Căn cứ: Quy định 366-QĐ/TW" in w.text() for w in editor.findChildren(QLabel))
    # WHEN "good" is given the same least score as "excellent" THEN refused naming the line
    editor.editor.cell(1, "min_score").setValue(90)
    editor.buttons.button(SAVE).click()
    assert (
        editor.isVisible()
        and "dòng 2: điểm tối thiểu (90) phải nhỏ hơn mức trên (90)" in editor.banner.text()
    )
    assert store.settings.overrides() == {}
    # WHEN 75 is given THEN it is saved, shown, and the reviews are told
    editor.editor.cell(1, "min_score").setValue(75)
    editor.buttons.button(SAVE).click()
    qtbot.waitUntil(lambda: dialog.list_dialog is None)
    assert [c["min_score"] for c in rules_of(store)["review_levels"]] == [90, 75, 50, 0]
    assert "Hoàn thành tốt nhiệm vụ từ 75 điểm" in _cell_text(dialog, "review_levels", 1)
    assert dialog.changes is not None and dialog.changes.reviews


def test_a_condition_is_added_with_its_cap_chosen_by_name(qtbot, store):
    dialog = RulesDialog(store)
    qtbot.addWidget(dialog)
    editor = _open_list(qtbot, dialog, "review_disqualifying")
    # GIVEN the caps offered by the levels' names (never their codes), "excellent" not among them
    box = editor.editor.cell(0, "cap")
    offered = [box.itemText(i) for i in range(box.count())]
    assert offered == ["Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]
    assert box.currentText() == "Hoàn thành nhiệm vụ"
    # WHEN a condition is added, capped at "Không hoàn thành nhiệm vụ", and saved
    row = editor.editor.add_row({"label": "Không dự sinh hoạt ba tháng liền"})
    cap = editor.editor.cell(row, "cap")
    cap.setCurrentIndex(cap.findText("Không hoàn thành nhiệm vụ"))
    editor.buttons.button(SAVE).click()
    qtbot.waitUntil(lambda: dialog.list_dialog is None)
    # THEN it is saved with a code of its own and shown with its cap in words
    saved = rules_of(store)["review_disqualifying"][-1]
    assert saved == {
        "key": "khong_du_sinh_hoat_ba_thang_lien",
        "label": "Không dự sinh hoạt ba tháng liền",
        "cap": "not_completed",
    }
    assert "Không dự sinh hoạt ba tháng liền (tối đa “Không hoàn thành nhiệm vụ”)" in _cell_text(
        dialog, "review_disqualifying", 1
    )
