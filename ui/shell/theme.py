"""The look: a larger default font for elderly eyes, roomy controls, Vietnamese locale."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ui.common.wheel_guard import install_wheel_guard
from ui.shell.qt_vi import VietnameseQtTranslator

BASE_POINT_SIZE = 11.0
STYLE_SHEET = """
QPushButton { padding: 5px 14px; }
QLineEdit, QComboBox, QDateEdit { padding: 3px 4px; min-height: 1.6em; }
QListWidget#nav::item { padding: 8px 6px; }
QTabBar::tab { padding: 6px 14px; }
QLabel#cell_label { font-weight: bold; }
"""


def apply_look(app: QApplication) -> VietnameseQtTranslator:
    """Set font, locale, style sheet and Qt's own texts; keep the returned translator alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    font = app.font()
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
        app.setFont(font)
    translator = VietnameseQtTranslator(app)
    app.installTranslator(translator)
    app.setStyleSheet(STYLE_SHEET)
    install_wheel_guard(app)  # the wheel never changes a field without the focus
    return translator
