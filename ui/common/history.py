"""The change history of one member or one meeting, and the button that opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cellsec.services.history import HistoryEntry

from ui.common.history_view import HistoryView


class HistoryDialog(QDialog):
    """Read-only: who changed what and when, newest first."""

    def __init__(self, title: str, entries: Sequence[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Lịch sử thay đổi — {title}")
        heading = QLabel(f"<b>{escape(title)}</b>")
        heading.setWordWrap(True)
        hint = QLabel(
            "Mỗi lần lưu được ghi lại: thời gian, người sửa (tên đăng nhập máy tính) "
            "và từng thông tin thay đổi “cũ → mới”."
        )
        hint.setWordWrap(True)
        self.view = HistoryView()
        self.view.show_entries(entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def text(self) -> str:
        return self.view.toPlainText()


def open_history(parent: QWidget, title: str, entries: Sequence[HistoryEntry]) -> HistoryDialog:
    """Window-modal, no nested event loop; deleted when closed."""
    dialog = HistoryDialog(title, entries, parent)
    dialog.finished.connect(lambda *_: dialog.deleteLater())
    dialog.open()
    return dialog


def history_button(
    parent: QWidget, title: Callable[[], str], entries: Callable[[], Sequence[HistoryEntry] | None]
) -> QPushButton:
    """ "Lịch sử thay đổi…": asks for the entries when pressed (None: nothing saved yet)."""
    button = QPushButton("Lịch sử thay đổi…")
    button.setToolTip("Xem ai đã sửa gì, khi nào")
    button.setAutoDefault(False)
    button.setDefault(False)

    def show() -> None:
        found = entries()
        if found is not None:
            parent.history_dialog = open_history(parent, title(), found)  # type: ignore[attr-defined]

    button.clicked.connect(show)
    return button
