"""The rule-settings dialog: a bad value is refused with its message; a good one is saved and
used; "Về mặc định" sets it back."""
from __future__ import annotations

from cellsec.services.members import rules_of
from ui.dialogs.rules_dialog import RulesDialog


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
    assert not dialog.value_edit.isEnabled()   # criteria lists are shown, not edited here
