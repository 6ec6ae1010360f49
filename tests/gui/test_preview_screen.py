"""The print preview on a 1366×768 screen at large text: its bar fits, every action has a key;
and it speaks Vietnamese like every other window (the "no English on screen" walk), the print
dialog it opens included."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QHBoxLayout
from screen_words import english_on, unexplained_buttons, visible_texts
from test_fits_screen import _register_at, look  # noqa: F401 - `look` is a fixture
from test_no_english import vietnamese_qt  # noqa: F401 - a fixture

from ui.liaison.page import LiaisonPage
from ui.printing.preview import PrintPreviewDialog, print_dialog

RENDER_TIMEOUT_MS = 30_000


def _preview(qtbot, page) -> PrintPreviewDialog:
    page.window().navigation.show(page.key)
    page.register.print_register()
    dialog = page.active_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.waitUntil(lambda: dialog.is_ready or dialog.failure is not None, timeout=RENDER_TIMEOUT_MS)
    assert dialog.failure is None
    QApplication.processEvents()
    return dialog


def _bar(dialog: PrintPreviewDialog) -> QHBoxLayout:
    bar = dialog.layout().itemAt(0).layout()
    assert isinstance(bar, QHBoxLayout)
    return bar


@pytest.mark.parametrize("scale", [100, 150, 175])
def test_the_preview_bar_fits_1366_pixels_and_every_action_has_a_key(
    qtbot,
    demo_store,
    app_settings,
    look,  # noqa: F811
    scale,
):
    # GIVEN the demo cell at this text size in a maximised 1366×768 window
    members = _register_at(qtbot, demo_store, app_settings, scale)
    page = members.window().page_of(LiaisonPage)
    # WHEN the liaison register is previewed
    dialog = _preview(qtbot, page)
    # THEN the preview's bar fits the screen and the dialog is no wider or higher than it
    margins = dialog.layout().contentsMargins()
    assert _bar(dialog).minimumSize().width() + margins.left() + margins.right() <= 1366 - 16
    assert dialog.width() <= 1366 and dialog.height() <= 768
    # AND every action can be done from the keyboard, its key named in its tooltip
    keyed = {
        dialog.prev_button: "PgUp",
        dialog.next_button: "PgDown",
        dialog.zoom_out_button: "Ctrl+-",
        dialog.zoom_in_button: "Ctrl++",
        dialog.fit_button: "Ctrl+0",
        dialog.print_button: "Ctrl+P",
        dialog.save_button: "Ctrl+S",
    }
    for button, key in keyed.items():
        assert button.shortcut() == QKeySequence(key)
        assert button.toolTip()
    assert "Esc" in dialog.close_button.toolTip()
    dialog.done(0)


def test_the_print_preview_and_its_print_dialog_are_vietnamese(
    qtbot,
    vietnamese_qt,  # noqa: F811
    demo_window,
):
    from gui_helpers import TODAY

    page = demo_window.page_of(LiaisonPage)
    page.today = lambda: TODAY
    # GIVEN the preview of a document, ready
    dialog = _preview(qtbot, page)
    # THEN no English word and no short button without a tooltip in it
    assert "Lưu PDF…" in [text for _, text in visible_texts(dialog)]
    assert english_on(dialog) + unexplained_buttons(dialog) == []
    dialog.done(0)
    # AND the print dialog it opens (Qt's own where the system has none) is Vietnamese
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # outlives its dialog
    box = print_dialog(printer, demo_window)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert box.windowTitle() == "In văn bản"
    read = [text for _, text in visible_texts(box)]
    assert len(read) > 10 and "In" in read
    assert english_on(box) == []
    box.reject()
