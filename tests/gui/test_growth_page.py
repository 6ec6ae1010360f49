"""The "Phát triển đảng viên" page on the demo file: a candidate carried from the register to the
member register through the page's dialogs, the probationers with their helper, a badge round."""

from __future__ import annotations

import pytest
from gui_helpers import TODAY, column, open_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.dates import format_date
from cellsec.rules.lifecycle import first_admission

from ui.common.editor_dialog import Unsaved
from ui.growth.candidate_dialog import CandidateDialog
from ui.growth.page import BADGES, PROBATION, GrowthPage

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def page(qtbot, demo_window) -> GrowthPage:
    return open_page(qtbot, demo_window, demo_window.page_of(GrowthPage))


def _select(table, name):
    assert table.select_where(lambda r: (getattr(r, "candidate", None) or r.member).full_name == name)


def test_a_candidate_is_carried_to_the_member_register(qtbot, page, demo_store):
    # GIVEN the demo's candidates, the furthest first, each with what the next step needs
    names = page.candidates.column_texts(column(page.candidates, "Họ và tên"))
    assert names == ["Đinh Thị Mai", "Lường Văn Phúc", "Sầm Văn Toàn"]
    missing = page.candidates.column_texts(column(page.candidates, "Còn thiếu"))
    assert missing[0] == "Quyết định kết nạp của Đảng ủy"
    # WHEN the Đảng ủy's decision is typed in the candidate's form
    _select(page.candidates, "Đinh Thị Mai")
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, CandidateDialog)
    dialog.fields["decision_date"].setText("20/11/2026")
    dialog.fields["decision_ref"].setText("215-QĐ/ĐU")
    dialog.findChild(QDialogButtonBox).button(SAVE).click()
    # THEN the page shows the stage reached and the ceremony deadline
    assert (
        page.candidates.column_texts(column(page.candidates, "Bước đã đạt"))[0]
        == "Quyết định kết nạp của Đảng ủy"
    )
    assert "lễ kết nạp chậm nhất" in page.candidates.column_texts(column(page.candidates, "Cần chú ý"))[0]
    # WHEN the ceremony is recorded
    _select(page.candidates, "Đinh Thị Mai")
    qtbot.mouseClick(page.ceremony_button, LEFT)
    ceremony = page.active_dialog
    ceremony.fields["ceremony_date"].setText("22/11/2026")
    ceremony.buttons.button(SAVE).click()
    # THEN she is a member admitted from the decision date, and leaves the candidates' list
    (m,) = [m for m in demo_store.members.all() if m.full_name == "Đinh Thị Mai"]
    assert first_admission(demo_store.members.events_of(m.id)) == TODAY.replace(day=20)
    assert "Đinh Thị Mai" not in page.candidates.column_texts(column(page.candidates, "Họ và tên"))
    # AND she is on the probation tab, without a helper yet
    page.tabs.setCurrentIndex(PROBATION)
    names = page.probation.column_texts(column(page.probation, "Họ và tên"))
    helpers = page.probation.column_texts(column(page.probation, "Đảng viên giúp đỡ"))
    assert helpers[names.index("Đinh Thị Mai")] == "Chưa phân công"
    assert helpers[names.index("Vi Thị Ngọc")] == "Lê Thị Hằng"


def test_a_refused_candidate_form_says_why_and_saves_nothing(qtbot, page, demo_store):
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.active_dialog
    dialog.fields["full_name"].setText("Mạc Văn Quý")
    dialog.fields["birth_date"].setText("01/01/1995")
    dialog.fields["cv_date"].setText("01/10/2026")
    dialog.findChild(QDialogButtonBox).button(SAVE).click()
    assert dialog.isVisible() and "Ngày làm đơn xin vào Đảng" in dialog.banner.text()
    dialog.reject()
    assert len(demo_store.growth.candidates()) == 3


def test_the_next_badge_round_lists_the_member_reaching_30_years(page):
    page.tabs.setCurrentIndex(BADGES)
    assert page.round_box.currentText() == "03/02/2027"
    assert [page.round_box.itemText(i) for i in range(4)] == [
        "03/02/2027",
        "19/05/2027",
        "02/09/2027",
        "07/11/2027",
    ]
    names = page.badges.column_texts(column(page.badges, "Họ và tên"))
    row = names.index("Hà Văn Thắng")
    assert page.badges.column_texts(column(page.badges, "Huy hiệu"))[row] == "30 năm"
    assert page.badges.column_texts(column(page.badges, "Đề nghị"))[row] == "Đủ tuổi đảng"
    assert format_date(TODAY.replace(month=11, day=5)) in page.due_label.text()


def test_a_helper_and_a_badge_received_are_recorded_from_the_page(qtbot, page, demo_store):
    # GIVEN the probation tab: Dương Ngọc Bảo has no helper yet
    page.tabs.setCurrentIndex(PROBATION)
    _select(page.probation, "Dương Ngọc Bảo")
    qtbot.mouseClick(page.helper_button, LEFT)
    dialog = page.active_dialog
    # WHEN the secretary picks Đặng Văn Khải and saves
    box = dialog.fields["helper_id"]
    box.setCurrentIndex(box.findText("Đặng Văn Khải"))
    dialog.buttons.button(SAVE).click()
    assert not dialog.isVisible(), dialog.banner.text()
    # THEN the list shows the helper
    names = page.probation.column_texts(column(page.probation, "Họ và tên"))
    helpers = page.probation.column_texts(column(page.probation, "Đảng viên giúp đỡ"))
    assert helpers[names.index("Dương Ngọc Bảo")] == "Đặng Văn Khải"
    # WHEN on the badge tab the 30-year badge of Hà Văn Thắng is recorded as received
    page.tabs.setCurrentIndex(BADGES)
    _select(page.badges, "Hà Văn Thắng")
    qtbot.mouseClick(page.award_button, LEFT)
    award = page.active_dialog
    assert award.fields.text("milestone") == "30"
    award.fields["date"].setText("20/11/2026")  # the superiors decided it ahead of the round
    award.buttons.button(SAVE).click()
    # THEN it is his event, and the round no longer proposes him
    (m,) = [m for m in demo_store.members.all() if m.full_name == "Hà Văn Thắng"]
    assert any(e.detail == "30 năm" for e in demo_store.members.events_of(m.id))
    assert "Hà Văn Thắng" not in page.badges.column_texts(column(page.badges, "Họ và tên"))


def test_a_recognition_short_of_two_thirds_is_refused_in_the_form(qtbot, page, demo_store):
    # GIVEN the probationer near 11 months
    page.tabs.setCurrentIndex(PROBATION)
    _select(page.probation, "Vi Thị Ngọc")
    qtbot.mouseClick(page.recognise_button, LEFT)
    dialog = page.active_dialog
    # WHEN 20 of 32 full members voted for
    dialog.fields["votes_entitled"].setText("32")
    dialog.fields["votes_for"].setText("20")
    dialog.fields["date"].setText("20/11/2026")
    dialog.buttons.button(SAVE).click()
    # THEN the form says how many were needed, and nothing is recorded
    assert dialog.isVisible() and "cần ít nhất 22" in dialog.banner.text()
    dialog.reject()
    names = page.probation.column_texts(column(page.probation, "Họ và tên"))
    assert "Vi Thị Ngọc" in names


def test_closing_the_candidate_form_with_typed_text_asks_first(qtbot, page, demo_store, unsaved_answers):
    # GIVEN the candidate form opened on Đinh Thị Mai and the decision date typed
    _select(page.candidates, "Đinh Thị Mai")
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = page.active_dialog
    dialog.fields["decision_date"].setText("20/11/2026")
    # WHEN Esc is pressed and the question is answered "Quay lại"
    unsaved_answers.answer = Unsaved.BACK
    dialog.reject()
    # THEN the form stays open with what was typed
    assert dialog.isVisible() and dialog.fields["decision_date"].text() == "20/11/2026"
    assert unsaved_answers.asked == ["CandidateDialog"]
    # WHEN the answer is "Lưu" THEN the form saves and closes
    unsaved_answers.answer = Unsaved.SAVE
    dialog.reject()
    assert not dialog.isVisible()
    [mai] = [c for c in demo_store.growth.candidates() if c.full_name == "Đinh Thị Mai"]
    assert format_date(mai.decision_date) == "20/11/2026"
