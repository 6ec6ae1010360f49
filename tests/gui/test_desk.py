"""The desk: text size, who is at the keyboard, the demo says it is one, recent files, first run."""

from __future__ import annotations

import io

import pytest
from gui_helpers import TODAY, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QStyle

from cellsec.services.history import recent_history
from cellsec.services.profile import save_profile
from cellsec.store import Store
from cellsec.store.facts import DEMO_NOTICE

from ui.shell.first_run import DEMO, OWN, FirstRunDialog, Start
from ui.shell.launcher import Launcher
from ui.shell.store_opener import StoreOpener
from ui.shell.text_size import SCALES, TextSize


@pytest.fixture
def look(qapp):
    """Whatever a test does to the text size, the next test gets the app's look back."""
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style)


def _row_height(window) -> int:
    return window.pages[0].table.verticalHeader().defaultSectionSize()


def test_text_size_grows_table_rows_dropdown_rows_and_check_boxes(qtbot, window, look):
    # GIVEN the window at the normal text size, with a drop-down and a check box
    size = TextSize(QApplication.instance(), window._settings)  # applies the remembered 100 %

    def dropdown() -> QComboBox:
        combo = QComboBox()
        combo.addItems(["Có mặt", "Vắng có lý do"])
        qtbot.addWidget(combo)
        return combo

    box = QCheckBox("Đã duyệt")
    qtbot.addWidget(box)
    combo = dropdown()
    before = (
        QApplication.font().pointSizeF(),
        _row_height(window),
        combo.view().sizeHintForRow(0),
        box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box),
    )
    # WHEN the secretary picks 150 %
    size.set_scale(150)
    combo = dropdown()
    after = (
        QApplication.font().pointSizeF(),
        _row_height(window),
        combo.view().sizeHintForRow(0),
        box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box),
    )
    # THEN the text, the register's rows, the drop-down's rows and the check boxes are larger
    assert after[0] == pytest.approx(before[0] * 1.5)
    assert after[1] > before[1] * 1.3
    assert after[2] >= QFontMetrics(QApplication.font()).height() + 10
    assert after[3] == round(before[3] * 1.5)
    # AND the size is remembered for this PC
    assert TextSize(QApplication.instance(), window._settings, apply=False).scale == 150


def test_ctrl_plus_minus_and_zero_change_the_text_size(qtbot, window, look):
    window.text_size.set_scale(125)
    window.text_size.set_scale(100)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == SCALES[1]
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == SCALES[1]
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == 100
    assert QApplication.font().pointSizeF() == pytest.approx(11.0)


def test_the_demo_says_so_in_the_title_and_a_banner_and_is_not_the_default_file(
    qtbot, demo_store, app_settings, recording_ask
):
    from ui.shell.main_window import MainWindow

    # GIVEN the app opened the demo cell
    window = MainWindow(demo_store, app_settings, StoreOpener(ask=recording_ask, choose=lambda _p: None))
    qtbot.addWidget(window)
    window.show()
    # THEN the title bar and a banner say it is made up
    assert DEMO_NOTICE in window.windowTitle()
    assert window.demo_banner.isVisible() and DEMO_NOTICE in window.demo_banner.text()
    # AND a later plain start will not open it, though "Mở gần đây" lists it
    assert app_settings.last_data_file is None
    assert app_settings.recent_files == [demo_store.path]


def test_a_real_cell_has_no_demo_banner(window, store):
    assert not window.demo_banner.isVisible()
    assert DEMO_NOTICE not in window.windowTitle()


def test_recent_files_menu_lists_the_files_opened_and_opens_one(qtbot, window, store, tmp_path):
    # GIVEN the secretary opened a second file, then went back to the first
    other = tmp_path / "chibo-2.cellsec"
    with Store.open(other) as second:
        save_profile(
            second,
            {
                "cell_name": "Chi bộ thôn Đoài",
                "superior_name": "Đảng bộ xã",
                "place_name": "Xã Đoài",
                "secretary": "Trần Văn Bình",
            },
        )
    first = store.path
    window.switch_to(other)
    # WHEN she opens Tệp › Mở gần đây
    window.recent_menu.refill()
    actions = window.recent_menu.actions()
    # THEN the newest is first, each named by its file name
    assert [a.toolTip() for a in actions] == [str(other.resolve()), str(first)]
    assert "chibo-2.cellsec" in actions[0].text()
    # AND choosing the older one opens it again
    actions[1].trigger()
    assert window.store.path == first
    assert window.cell_label.text() == "Chi bộ thôn Tân Hồng"


def test_the_chosen_person_is_recorded_in_the_history(qtbot, window, store):
    # GIVEN the deputy picks herself as the one at the keyboard
    dialog = window.choose_operator()
    dialog.other_button.setChecked(True)
    type_text(qtbot, dialog.other_edit, "Lê Thị Hằng")
    dialog.accept()
    assert "Lê Thị Hằng" in window.operator_label.text()
    # WHEN she changes the cell profile
    save_profile(
        store,
        {
            "cell_name": "Chi bộ thôn Tân Hồng mới",
            "superior_name": "Đảng bộ xã Thanh Sơn",
            "place_name": "Thanh Sơn",
            "secretary": "Nguyễn Văn An",
        },
    )
    # THEN the history names her, with the PC account
    who = recent_history(store, limit=5)[0].user
    assert who.startswith("Lê Thị Hằng (máy: ") or who == "Lê Thị Hằng"
    # AND the choice is remembered for this PC account
    assert window._settings.operator == "Lê Thị Hằng"


def test_operator_must_be_named(qtbot, window):
    dialog = window.choose_operator()
    dialog.other_button.setChecked(True)
    dialog.accept()
    assert dialog.isVisible() and "Hãy chọn một tên" in dialog.error_label.text()
    dialog.reject()


def test_first_run_screen_offers_own_cell_and_demo_side_by_side(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.own_button.text() == OWN and dialog.demo_button.text() == DEMO
    # side by side: same row, own cell on the left
    assert dialog.own_button.y() == dialog.demo_button.y()
    assert dialog.own_button.x() < dialog.demo_button.x()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Start.DEMO


def test_first_run_demo_opens_the_demo_in_its_own_file(qtbot, qapp, tmp_path, app_settings, monkeypatch):
    # GIVEN a plain first start (an empty default file), and the secretary chooses the demo
    demo_path = tmp_path / "mau" / "chi-bo-mau.cellsec"
    demo_path.parent.mkdir()
    monkeypatch.setattr("ui.shell.launcher.demo_data_file", lambda: demo_path)
    monkeypatch.setattr("ui.shell.launcher.fill_demo", _small_demo)
    launcher = Launcher(qapp, app_settings, StoreOpener(), out=io.StringIO(), welcome=True)
    launcher.on_quit = lambda: None
    assert launcher.start(tmp_path / "chibo.cellsec")
    assert launcher.first_run is not None and launcher.profile_dialog is None
    qtbot.mouseClick(launcher.first_run.demo_button, Qt.MouseButton.LeftButton)
    # THEN the window shows the demo cell, from its own file, and says it is the demo
    qtbot.waitUntil(lambda: launcher.window is not None)
    qtbot.addWidget(launcher.window)
    assert launcher.window.store.path == demo_path.resolve()
    assert launcher.window.demo_banner.isVisible()
    # AND the next plain start is not the demo
    assert app_settings.last_data_file is None


def test_first_run_own_cell_asks_for_the_profile(qtbot, qapp, tmp_path, app_settings):
    launcher = Launcher(qapp, app_settings, StoreOpener(), out=io.StringIO(), welcome=True)
    launcher.on_quit = lambda: None
    assert launcher.start(tmp_path / "chibo.cellsec")
    qtbot.mouseClick(launcher.first_run.own_button, Qt.MouseButton.LeftButton)
    assert launcher.profile_dialog is not None and launcher.profile_dialog.isVisible()
    launcher.profile_dialog.reject()


def _small_demo(store: Store) -> None:
    from cellsec.demo.cell import create_demo

    if store.members.count() == 0:
        create_demo(store, today=TODAY, meetings=False)


def test_file_boxes_start_in_the_data_folder_not_the_program_folder(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.shell import store_opener

    # GIVEN the data folder, and a program started from its own folder
    monkeypatch.setattr("cellsec.paths.data_dir", lambda: tmp_path / "du-lieu")
    monkeypatch.chdir(tmp_path)
    starts: list[str] = []

    def fake(_parent, _title, start, *_a, **_k):
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    # WHEN "Tạo tệp dữ liệu mới…" and "Mở tệp dữ liệu…" ask for a file
    store_opener.choose_new_file(None)
    store_opener.choose_existing_file(None)
    # THEN both boxes open in the data folder
    assert starts[0] == str(tmp_path / "du-lieu" / "chibo.cellsec")
    assert starts[1] == str(tmp_path / "du-lieu" / "")


def test_first_start_opens_maximised_and_asks_who_is_at_the_keyboard(qtbot, qapp, store, app_settings):
    # GIVEN a PC where CellSec never ran (no window size remembered, nobody named)
    store.close()
    launcher = Launcher(qapp, app_settings, StoreOpener(), out=io.StringIO(), ask_operator=True)
    launcher.on_quit = lambda: None
    # WHEN it starts on the cell's file
    assert launcher.start(store.path)
    window = launcher.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.active_dialog is not None)
    # THEN the window fills the (small) screen and asks who is working
    assert window.isMaximized()
    assert window.active_dialog.windowTitle() == "Ai đang làm việc?"
    window.active_dialog.reject()


def test_a_named_person_is_not_asked_again(qtbot, qapp, store, app_settings):
    app_settings.set_operator("Nguyễn Văn An")
    store.close()
    launcher = Launcher(qapp, app_settings, StoreOpener(), out=io.StringIO(), ask_operator=True)
    launcher.on_quit = lambda: None
    assert launcher.start(store.path)
    qtbot.addWidget(launcher.window)
    qtbot.wait(50)
    assert launcher.window.active_dialog is None
    assert launcher.window.store.user.startswith("Nguyễn Văn An")
