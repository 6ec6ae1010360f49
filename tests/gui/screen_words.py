"""What a user reads on screen, collected from live widgets: texts, tooltips, titles, headers,
tab names, drop-down items, menus — for the "no English on screen" and tooltip tests."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

# ASCII-only English words Qt or a forgotten string would show; none is Vietnamese or a name.
_DENY_TEXT = """
OK Cancel Open Save Close Yes No Apply Help Discard Retry Ignore Abort Reset Restore Defaults
Details Show Hide Look File Files Folder Directory Name Size Type Kind Date Modified Options
Print Printer Properties Back Forward Parent Create New List Detail View Sidebar Recent Places
Delete Rename Select All Undo Redo Cut Copy Paste Scroll Page Zoom Preview Search Filter Add
Remove Edit Error Warning Loading Previous Next Week Today Month Year Computer Drive Unknown
Minimize Maximize Portrait Landscape
regular committee draft approved preparation attendance civic ethics proposal
"""
DENY = frozenset(_DENY_TEXT.split())
_WORD = re.compile(r"[A-Za-z]+")


def english_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.replace("&", "")) if w in DENY}


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    top = QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list widget's model keeps columnCount private: one column
        columns = 1
    for i in range(columns):
        yield str(model.headerData(i, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(top), 40)):
        for col in range(columns):
            index = model.index(row, col)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
    if isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget)


def menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for the root and every visible widget in it."""
    for widget in (root, *root.findChildren(QWidget)):
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(root).__name__} › {type(widget).__name__} {widget.objectName()}".strip()
        for text in widget_texts(widget):
            if text:
                yield where, text


def english_on(root: QWidget) -> list[tuple[str, str, set[str]]]:
    return [(where, text, found) for where, text in visible_texts(root) if (found := english_words(text))]


# Buttons every secretary knows at sight; any other short or picture-only button explains itself.
OBVIOUS = {"Lưu", "Hủy", "Đóng", "Có", "Không", "Đồng ý", "Quay lại", "Tiếp tục", "Đã hiểu", "Mở"}


def _owned_by_qt(button: QWidget) -> bool:
    """Arrows of a tab bar, a menu bar's », a search box's clear cross: Qt's own parts."""
    from PySide6.QtWidgets import QDialogButtonBox, QMenuBar

    parent = button.parentWidget()
    return button.objectName().startswith(("qt_", "Scroll")) or isinstance(
        parent, (QTabBar, QMenuBar, QLineEdit, QDialogButtonBox)
    )


def unexplained_buttons(root: QWidget) -> list[str]:
    """Visible push and tool buttons with a short (one or two words) or no label and no tooltip."""
    from PySide6.QtWidgets import QPushButton, QToolButton

    missing = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)) or _owned_by_qt(button):
            continue
        if not button.isVisibleTo(root):
            continue
        label = re.sub(r"\(.*?\)", "", button.text()).replace("&", "").replace("…", "").strip()
        short = len(label.split()) <= 2
        if short and label not in OBVIOUS and not button.toolTip():
            missing.append(f"{type(root).__name__}: “{button.text()}”")
    return missing
