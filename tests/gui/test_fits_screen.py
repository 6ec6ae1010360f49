"""A 1366×768 screen: the register needs no horizontal scrollbar at 100 % and 150 % text size;
the less used columns come back with the column chooser; the member's file can be folded away."""

from __future__ import annotations

import pytest
from gui_helpers import column
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.members.page import MembersPage
from ui.shell.main_window import MainWindow
from ui.shell.store_opener import StoreOpener
from ui.shell.text_size import TextSize


@pytest.fixture
def look(qapp):
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style)


def _register_at(qtbot, demo_store, app_settings, scale: int) -> MembersPage:
    # The size is applied at start-up, before the window is built (as the app does).
    app_settings.set_text_scale(scale)
    TextSize(QApplication.instance(), app_settings)
    window = MainWindow(demo_store, app_settings, StoreOpener(choose=lambda _p: None))
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 1366, 738)  # maximised on 1366×768, under a 30 px task bar
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(MembersPage)
    window.navigation.show(page.key)  # the app opens on the to-do list
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    QApplication.processEvents()
    return page


@pytest.mark.parametrize("scale", [100, 150])
def test_register_fits_1366x768_without_a_horizontal_scrollbar(qtbot, demo_store, app_settings, look, scale):
    page = _register_at(qtbot, demo_store, app_settings, scale)
    table = page.table
    # THEN no horizontal scrollbar, and the columns that matter are there
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    shown = [
        table.model().headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
        for c in range(header.count())
        if not header.isSectionHidden(c)
    ]
    assert shown == ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Tuổi đảng", "Tình trạng"]
    # AND the member's file is beside the list at 100 %; at 150 % it starts folded away
    assert page.detail.isVisible() == (scale == 100)
    assert page.detail_button.text() == ("Ẩn hồ sơ ▸" if scale == 100 else "◂ Hiện hồ sơ")


def test_column_chooser_brings_back_a_column_and_still_no_scrollbar(qtbot, demo_store, app_settings, look):
    page = _register_at(qtbot, demo_store, app_settings, 100)
    # WHEN the secretary ticks "Điện thoại" in the column chooser
    action = next(a for a in page.column_chooser.actions() if a.text() == "Điện thoại")
    action.setChecked(True)
    QApplication.processEvents()
    # THEN the column is shown, and the table still fits its width
    assert not page.table.horizontalHeader().isSectionHidden(column(page.table, "Điện thoại"))
    assert not page.table.horizontalScrollBar().isVisible()
    # AND the choice is kept for the next run
    state = page.view_state()
    page.table.horizontalHeader().setSectionHidden(column(page.table, "Điện thoại"), True)
    page.restore_view_state(state)
    assert not page.table.horizontalHeader().isSectionHidden(column(page.table, "Điện thoại"))


def test_the_members_file_pane_folds_away_and_the_list_takes_the_width(qtbot, demo_store, app_settings, look):
    page = _register_at(qtbot, demo_store, app_settings, 100)
    narrow = page.table.width()
    page.detail_button.click()
    QApplication.processEvents()
    assert not page.detail.isVisible()
    assert page.table.width() > narrow
    assert page.view_state()["detail"].data() == b"0"
    page.detail_button.click()
    assert page.detail.isVisible()


@pytest.mark.parametrize("scale", [100, 150])
def test_meetings_list_fits_and_long_titles_elide_with_a_tooltip(
    qtbot, demo_store, app_settings, look, scale
):
    from factories import TODAY

    from ui.meetings.page import MeetingsPage
    from ui.meetings.year_tree import KIND

    # GIVEN the meetings page of the demo cell on a 1366×768 screen
    page = _register_at(qtbot, demo_store, app_settings, scale)
    window = page.window()
    meetings = window.page_of(MeetingsPage)
    window.navigation.show("meetings")
    meetings.set_year(TODAY.year)
    QApplication.processEvents()
    tree = meetings.tree
    # THEN the year's list needs no horizontal scrollbar
    assert not tree.horizontalScrollBar().isVisible()
    # AND a meeting's title, however long, is whole in its tooltip
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    thematic = next(item for item in items if "chuyên đề" in item.text(KIND))
    assert thematic.toolTip(KIND) == thematic.text(KIND)


@pytest.mark.parametrize("scale", [150, 175])
def test_no_page_makes_the_window_wider_than_a_1366_screen(qtbot, demo_store, app_settings, look, scale):
    # GIVEN the app at a large text size on a 1366×768 screen
    app_settings.set_text_scale(scale)
    TextSize(QApplication.instance(), app_settings)
    window = MainWindow(demo_store, app_settings, StoreOpener(choose=lambda _p: None))
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 1366, 738)
    window.show()
    qtbot.waitExposed(window)
    # WHEN every page is opened in turn (and each tab of a page with tabs)
    too_wide = {}
    for key in [spec.key for spec in window.navigation.specs]:
        page = window.navigation.show(key)
        qtbot.waitUntil(lambda page=page: page.is_loaded)
        tabs = getattr(page, "tabs", None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            needed = window.minimumSizeHint().width()
            if needed > 1366:
                too_wide[f"{key}/{tab}"] = needed
    # THEN none asks for more width than the screen has (a button row or a long line that
    # does not wrap would push the window off the screen)
    assert too_wide == {}, too_wide
