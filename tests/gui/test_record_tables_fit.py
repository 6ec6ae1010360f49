"""A 1366×768 screen at 100 % and 150 % text: the residence liaison and superiors pages need no
horizontal scrollbar (their record tables fit like the member register), no date or number is
cut, the columns that gave way come back with the header's column chooser, and the liaison
register is not squeezed by the comment sheets below it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from test_fits_screen import _register_at, look  # noqa: F401 - `look` is a fixture

from ui.common.record_table import RecordTable
from ui.liaison.page import REGISTER, WORKING_AWAY, LiaisonPage
from ui.superiors.page import DIRECTIONS, DIRECTORY, TALLY, SuperiorsPage


def _shown(page, key: str, tab: int):
    page.window().navigation.show(key)
    page.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    QApplication.processEvents()
    return [t for t in page.tabs.currentWidget().findChildren(RecordTable) if t.isVisible()]


def _cut_cells(table: RecordTable) -> list[str]:
    """Cells whose longest word does not fit their column (a date or a phone number cut)."""
    cut = []
    metrics = table.fontMetrics()
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            if table.isColumnHidden(c):
                continue
            word = max(table.item(r, c).text().split(), key=len, default="")
            if 0 < len(word) <= 16 and metrics.horizontalAdvance(word) > table.columnWidth(c) - 12:
                cut.append(word)
    return cut


@pytest.mark.parametrize("scale", [100, 150])
def test_liaison_and_superiors_tables_fit_1366x768(qtbot, demo_store, app_settings, look, scale):  # noqa: F811
    # GIVEN the demo cell in a maximised window on a 1366×768 screen
    members = _register_at(qtbot, demo_store, app_settings, scale)
    window = members.window()
    liaison, superiors = window.page_of(LiaisonPage), window.page_of(SuperiorsPage)
    tables = []
    # WHEN the secretary opens every tab of both pages
    for page, key, tabs in (
        (liaison, "liaison", (REGISTER, WORKING_AWAY)),
        (superiors, "superiors", (DIRECTORY, DIRECTIONS, TALLY)),
    ):
        for tab in tabs:
            tables += _shown(page, key, tab)
    assert len(tables) >= 6
    # THEN no table needs a horizontal scrollbar and no date or number is cut
    for table in tables:
        assert not table.horizontalScrollBar().isVisible(), table.horizontalHeaderItem(0).text()
        assert _cut_cells(table) == []


def test_at_150_percent_columns_give_way_and_the_chooser_brings_them_back(
    qtbot,
    demo_store,
    app_settings,
    look,  # noqa: F811
):
    members = _register_at(qtbot, demo_store, app_settings, 150)
    window = members.window()
    liaison = window.page_of(LiaisonPage)
    _shown(liaison, "liaison", REGISTER)
    table = liaison.register.table
    header = table.horizontalHeader()
    # THEN the name, workplace, today's state and this year's comment stay; "Diện" gave way
    shown = [
        table.horizontalHeaderItem(c).text()
        for c in range(table.columnCount())
        if not header.isSectionHidden(c)
    ]
    assert shown[0] == "Họ và tên" and "Nhận xét\nnăm nay" in shown and "Diện" not in shown
    # AND the register has the height: the comment sheets folded away, the button says how many
    assert not liaison.register.comments.isVisible()
    assert liaison.register.comments_button.text() == "Hiện phiếu nhận xét ▴ (còn thiếu 3)"
    # WHEN "Diện" is ticked in the header's column chooser
    chooser = table.column_chooser
    chooser.refill()
    action = next(a for a in chooser.actions() if a.text() == "Diện")
    assert not action.isChecked()
    action.setChecked(True)
    QApplication.processEvents()
    # THEN it is shown and stays shown (the secretary asked for it)
    assert not header.isSectionHidden(
        next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "Diện")
    )
    # WHEN the sheets are shown again THEN they are there, with the year's missing sheets
    liaison.register.comments_button.click()
    assert liaison.register.comments.isVisible()
    assert liaison.register.comments_button.text() == "Ẩn phiếu nhận xét ▾"


def test_at_100_percent_nothing_gives_way_on_the_liaison_register(qtbot, demo_store, app_settings, look):  # noqa: F811
    members = _register_at(qtbot, demo_store, app_settings, 100)
    liaison = members.window().page_of(LiaisonPage)
    _shown(liaison, "liaison", REGISTER)
    header = liaison.register.table.horizontalHeader()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert liaison.register.comments.isVisible()
    assert liaison.register.table.fitter.gave_way == set()
