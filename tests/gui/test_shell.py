"""The window shell: what it remembers, what it says in the status bar, unexpected errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.members.member_table_model import NAME
from ui.shell.crash import CrashReporter
from ui.shell.main_window import MainWindow
from ui.shell.qt_vi import VietnameseQtTranslator
from ui.shell.store_opener import StoreOpener


def test_status_bar_shows_cell_and_file(window, data_path):
    assert window.cell_label.text() == "Chi bộ thôn Tân Hồng"
    assert str(data_path.resolve()) in window.file_label.toolTip()
    assert window.file_label.text().startswith("Tệp dữ liệu:")


def test_backup_before_upgrade_is_announced(qtbot, store, app_settings):
    # GIVEN a file that Store.open had to upgrade (it made a backup first)
    store.migration_backup = Path("/du-lieu/chibo.truoc-nang-cap-v1.cellsec.bak")
    window = MainWindow(store, app_settings, StoreOpener())
    qtbot.addWidget(window)
    # THEN the status bar says where the backup is
    message = window.statusBar().currentMessage()
    assert "bản sao lưu trước khi nâng cấp" in message
    assert "chibo.truoc-nang-cap-v1.cellsec.bak" in message


def test_window_remembers_last_file_and_column_layout(qtbot, store, data_path, app_settings):
    # GIVEN the secretary widened the name column, then closed the window
    first = MainWindow(store, app_settings, StoreOpener())
    qtbot.addWidget(first)
    first.show()
    first.pages[1].table.setColumnWidth(NAME, 333)
    first.close()
    # WHEN the app starts again
    assert app_settings.last_data_file == data_path.resolve()
    from cellsec.store import Store

    again = MainWindow(Store.open(data_path), app_settings, StoreOpener())
    qtbot.addWidget(again)
    # THEN the column has the width it was left with
    assert again.pages[1].table.columnWidth(NAME) == 333
    assert again.has_saved_geometry


def test_unexpected_error_is_logged_and_never_blocks_headless(qapp, capsys):
    reporter = CrashReporter(interactive=True)  # offscreen: must not open a modal box
    try:
        raise RuntimeError("hỏng")
    except RuntimeError as exc:
        reporter(type(exc), exc, exc.__traceback__)
    assert reporter.count == 1
    err = capsys.readouterr().err
    assert "lỗi không mong muốn" in err and "RuntimeError: hỏng" in err


def test_qt_own_texts_are_vietnamese(qapp):
    translator = VietnameseQtTranslator()
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Sao chép"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
        assert QCoreApplication.translate("QLineEdit", "Something else") == "Something else"
    finally:
        qapp.removeTranslator(translator)


def test_look_uses_a_larger_font_and_vietnamese_locale(qapp):
    import gc

    from PySide6.QtCore import QLocale

    from ui.shell.theme import BASE_POINT_SIZE, apply_look

    font, sheet, locale = qapp.font(), qapp.styleSheet(), QLocale()
    translator = apply_look(qapp)
    try:
        gc.collect()
        assert qapp.font().pointSizeF() >= BASE_POINT_SIZE
        assert QLocale().language() == QLocale.Language.Vietnamese
        assert QCoreApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"
    finally:
        qapp.removeTranslator(translator)
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)
        QLocale.setDefault(locale)
