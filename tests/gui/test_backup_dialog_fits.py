"""The backups list fits its dialog at 100 % and 150 % text on a 1366×768 screen: every column
reads whole (a long check sentence is elided, whole in its tooltip), no horizontal scrollbar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from test_fits_screen import _register_at, look  # noqa: F401 - `look` is a fixture

from cellsec.backup import make_backup

from ui.safety.backup_dialog import CHECK, HEADERS, BackupDialog


@pytest.mark.parametrize("scale", [100, 150])
def test_backups_list_fits_and_reads_whole(qtbot, demo_store, app_settings, look, scale, tmp_path):  # noqa: F811
    # GIVEN a data file with two backups, in a maximised window at this text size
    members = _register_at(qtbot, demo_store, app_settings, scale)
    path = tmp_path / "demo.cellsec"
    for _ in range(2):
        make_backup(path)
    # WHEN the backups dialog is opened
    dialog = BackupDialog(path, lambda *_: None, members.window())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    table = dialog.table
    assert table.rowCount() == 2
    # THEN it fits the screen and its list needs no horizontal scrollbar
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert not table.horizontalScrollBar().isVisible()
    # AND every text but the check's sentence is whole in its column
    metrics = table.fontMetrics()
    for r in range(table.rowCount()):
        for c in range(len(HEADERS)):
            text = table.item(r, c).text()
            if c != CHECK:
                assert metrics.horizontalAdvance(text) <= table.columnWidth(c), text
    # AND the check's sentence is whole in its tooltip, however narrow the column gets
    assert table.item(0, CHECK).toolTip().startswith(table.item(0, CHECK).text())
