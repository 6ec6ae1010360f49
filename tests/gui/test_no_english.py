"""No English on screen: every page, the menus and the main dialogs of the demo cell, and the
boxes Qt draws itself (file box, context menus) speak Vietnamese; every button whose short or
missing label does not say what it does has a Vietnamese tooltip."""

from __future__ import annotations

import pytest
from gui_helpers import TODAY
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QSpinBox, QTabWidget
from screen_words import english_on, english_words, menu_texts, unexplained_buttons, visible_texts


@pytest.fixture
def vietnamese_qt(qapp):
    """Qt's own texts as the app installs them (ui.shell.theme.apply_look)."""
    from ui.shell.qt_vi import VietnameseQtTranslator

    translator = VietnameseQtTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def _open(qtbot, host, dialog):
    from ui.common.operations import open_dialog

    open_dialog(host, dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_every_page_and_menu_of_the_demo_cell_is_vietnamese(qtbot, vietnamese_qt, demo_window):
    # GIVEN the demo cell open WHEN the secretary visits every page
    found, read = [], []
    for row in range(demo_window.nav.count()):
        demo_window.nav.setCurrentRow(row)
        qtbot.wait(10)
        page = demo_window.navigation.stack.currentWidget()
        tabs = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]
        for tab_widget in tabs or [None]:
            for tab in range(tab_widget.count() if tab_widget else 1):
                if tab_widget is not None:
                    tab_widget.setCurrentIndex(tab)
                found += english_on(demo_window) + unexplained_buttons(demo_window)
                read += [text for _, text in visible_texts(demo_window)]
        # AND reads every menu, the page's own included
        for action in demo_window.menuBar().actions():
            if action.menu() is not None:
                found += [("menu", t, w) for t in menu_texts(action.menu()) if (w := english_words(t))]
    # THEN no English word is on screen (of the many texts read: headers, buttons, tooltips, rows)
    assert len(read) > 500 and "Họ và tên" in read
    assert found == []


def test_the_main_dialogs_are_vietnamese(qtbot, vietnamese_qt, demo_window, demo_store):
    from ui.cell.committee_dialog import CommitteeDialog
    from ui.cell.profile_dialog import ProfileDialog
    from ui.cell.rules_dialog import RulesDialog
    from ui.common.superior_entry import SuperiorDialog
    from ui.liaison.gathering_dialog import GatheringDialog
    from ui.liaison.liaison_dialog import LiaisonDialog
    from ui.liaison.working_away_dialog import WorkingAwayDialog
    from ui.members.event_dialog import EventDialog
    from ui.members.member_dialog import MemberDialog
    from ui.safety.change_log import HistoryLogDialog
    from ui.transfer.import_wizard import ImportWizard

    member = demo_store.members.all()[0]
    from ui.meetings.page import MeetingsPage

    meetings = demo_window.page_of(MeetingsPage)
    meeting = demo_store.meetings.get(demo_store.meetings.all_ids()[-1])
    dialogs = [
        MemberDialog(demo_store, member, parent=demo_window),
        MemberDialog(demo_store, parent=demo_window),
        EventDialog(demo_store, member.id, member.full_name, parent=demo_window),
        ProfileDialog(demo_store, parent=demo_window),
        RulesDialog(demo_store, parent=demo_window),
        CommitteeDialog(demo_store, today=TODAY, parent=demo_window),
        SuperiorDialog(demo_store, parent=demo_window),
        LiaisonDialog(demo_store, TODAY, parent=demo_window),
        GatheringDialog(demo_store, TODAY, parent=demo_window),
        WorkingAwayDialog(demo_store, TODAY, parent=demo_window),
        HistoryLogDialog(lambda: demo_store, demo_window),
        ImportWizard(demo_store, demo_window, today=TODAY),
    ]
    found = []
    for dialog in dialogs:
        _open(qtbot, demo_window, dialog)
        found += english_on(dialog) + unexplained_buttons(dialog)
        dialog.done(0)
    editor = meetings.open_editor(meeting)
    qtbot.waitExposed(editor)
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        found += english_on(editor) + unexplained_buttons(editor)
    editor.done(0)
    rules = RulesDialog(demo_store, parent=demo_window)
    _open(qtbot, demo_window, rules)
    shown = "\n".join(text for _, text in visible_texts(rules))
    rules.done(0)
    assert "Phiếu nhận xét" in shown or "nhận xét" in shown
    assert found == []


def test_qts_own_boxes_and_menus_are_vietnamese(qtbot, vietnamese_qt):
    # GIVEN Qt's own file box (what Linux shows when there is no native one)
    box = QFileDialog(None, "Lưu tệp Excel", "", "Tệp Excel (*.xlsx)")
    box.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    # THEN its labels, buttons, tooltips and column headers are Vietnamese
    assert english_on(box) == []
    box.reject()
    # AND the right-click menus of a text box and a number box
    edit, spin = QLineEdit("Nguyễn Văn Đức"), QSpinBox()
    qtbot.addWidget(edit)
    qtbot.addWidget(spin)
    for menu in (edit.createStandardContextMenu(), spin.lineEdit().createStandardContextMenu()):
        assert [t for t in menu_texts(menu) if english_words(t)] == []
    # AND a date box's calendar (month and day names from the Vietnamese locale)
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QCalendarWidget

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    try:
        calendar = QCalendarWidget()
        qtbot.addWidget(calendar)
        calendar.show()
        qtbot.waitExposed(calendar)
        assert english_on(calendar) == []
    finally:
        QLocale.setDefault(before)
    assert QCoreApplication.translate("QScrollBar", "Scroll here") == "Cuộn đến đây"
    assert QCoreApplication.translate("QPrintDialog", "Print range") == "Phạm vi in"


def test_the_tooltip_rule_catches_a_short_button_without_one(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    # GIVEN a row with "Sửa" (short, no tooltip), "Lưu" (obvious) and a long self-explaining label
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    for text in ("Sửa", "Lưu", "Thêm người vào danh bạ"):
        layout.addWidget(QPushButton(text))
    # THEN only "Sửa" is named as needing a tooltip, until it has one
    assert unexplained_buttons(row) == ["QWidget: “Sửa”"]
    row.findChildren(QPushButton)[0].setToolTip("Sửa thông tin người đang chọn")
    assert unexplained_buttons(row) == []
