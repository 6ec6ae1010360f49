"""Recording an exemption for old age asks when the member is not yet over the exemption age
(the rule setting), and the register's panel shows each member's age against it."""

from __future__ import annotations

from gui_helpers import Answers, add, shown_names, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from cellsec.entities.members import EventKind
from cellsec.rules.exemption import EXEMPTION_REASONS

from ui.members.event_dialog import EventDialog

SAVE = QDialogButtonBox.StandardButton.Save


def test_an_old_age_exemption_for_a_younger_member_is_confirmed_first(qtbot, page, store):
    # GIVEN a man born in 1975, selected in the register, and a man born in 1940
    add(store, "Phạm Văn Lộc", "01/03/1975", "01/06/2000", "01/06/2001")
    add(store, "Trần Văn Thọ", "01/03/1940", "01/06/1965", "01/06/1966")
    page.reload()
    page.table.selectRow(shown_names(page).index("Trần Văn Thọ"))
    assert "trên tuổi được xét miễn sinh hoạt đảng" in page.detail.facts["born"].text()
    page.table.selectRow(shown_names(page).index("Phạm Văn Lộc"))
    assert "trên tuổi" not in page.detail.facts["born"].text()
    # WHEN an exemption is recorded, the reason picked from the offered ones
    page.record_event()
    dialog = page.active_dialog
    assert isinstance(dialog, EventDialog)
    answers = Answers(answer=False)
    dialog.ask = answers
    dialog.set_kind(EventKind.EXEMPTED)
    reasons = dialog.fields["detail"]
    assert isinstance(reasons, QComboBox)
    assert [reasons.itemText(i) for i in range(reasons.count())] == list(EXEMPTION_REASONS)
    reasons.setCurrentIndex(0)  # "Tuổi cao"
    type_text(qtbot, dialog.fields["date"], "01/03/2024")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    # THEN the secretary is asked, with his age and the rule; "Không" saves nothing
    assert "khi đó đồng chí mới 49 tuổi; quy định: nam trên 60 tuổi" in answers.questions[-1]
    assert dialog.isVisible()
    assert page.detail.facts["status"].text() == "Chính thức"
    # WHEN the decision is confirmed ("Có") THEN it is recorded and the panel flags it
    answers.answer = True
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert page.detail.facts["status"].text() == "Chính thức, miễn sinh hoạt"
    assert "mới 49 tuổi" in page.detail.warnings_label.text()
