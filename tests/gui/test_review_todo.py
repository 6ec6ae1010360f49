"""The year-end review's deadlines on "Việc cần làm": coloured by their day, cited with their
rule, counted on the review page's navigation entry; one click opens the review page on the
year the deadline belongs to, and what is done there leaves the list."""

from __future__ import annotations

from gui_helpers import TODO_DAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.common.record_table import AMBER, GREY
from ui.review.page import ReviewPage
from ui.todo.page import TodoPage

DAY = TODO_DAY
LEFT = Qt.MouseButton.LeftButton


def _review_rows(page: TodoPage) -> dict[str, int]:
    return {item.key.split(":")[-1]: r for r, item in enumerate(page.items) if item.rule == "review_deadline"}


def test_the_reviews_deadlines_lead_to_the_review_page(todo, qtbot):
    window = todo.window()
    # GIVEN the demo cell on 05/12/2026, its 2026 review in progress (self-reviews missing)
    rows = _review_rows(todo)
    # THEN the self-reviews are due today (amber), with who is still missing; the meeting on
    # 20/12 and the report on 25/12 are coming (grey); last year's decided review asks nothing
    assert set(rows) == {"self_reviews", "review_meeting", "review_report"}
    self_reviews = rows["self_reviews"]
    assert todo.table.item(self_reviews, 0).background().color().name() == AMBER
    assert "chưa nộp" in todo.table.item(self_reviews, 1).text()
    assert todo.table.item(self_reviews, 3).text() == "05/12/2026"
    assert todo.table.item(rows["review_meeting"], 0).background().color().name() == GREY
    # AND hovering shows the rule's source
    assert "43-HD/BTCTW" in todo.table.item(rows["review_report"], 1).toolTip()
    # AND the review page's navigation entry counts what is red or amber there
    review_entry = next(
        window.nav.item(i).text()
        for i in range(window.nav.count())
        if window.nav.item(i).text().startswith("Kiểm điểm cuối năm")
    )
    assert "(1)" in review_entry

    # GIVEN the review page was left on another year
    review = window.page_of(ReviewPage)
    review.year_box.setValue(2025)
    # WHEN the secretary selects the review meeting's deadline and opens it
    todo.table.selectRow(rows["review_meeting"])
    qtbot.mouseClick(todo.open_button, LEFT)
    # THEN the review page shows the year 2026
    assert window.navigation.current() is review
    assert review.year_box.value() == 2026
    assert "Kiểm điểm năm 2026" in review.status_label.text()

    # WHEN the meeting's date is entered there ("Kỳ kiểm điểm…")
    qtbot.mouseClick(review.year_button, LEFT)
    dialog = review.active_dialog
    assert dialog is not None
    dialog.fields.fill({"meeting_date": "05/12/2026"})
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    qtbot.waitUntil(lambda: review.active_dialog is None)
    # THEN the meeting's deadline leaves the list
    qtbot.waitUntil(lambda: "review_meeting" not in _review_rows(todo))
    assert "review_report" in _review_rows(todo)
