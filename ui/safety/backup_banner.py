"""A calm, non-blocking banner above the pages: a restore just made, a risky file location."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLE = (
    "QFrame#notice_banner { background: #fff4d6; border: 1px solid #e0c070; "
    "border-radius: 4px; } QFrame#notice_banner QLabel { color: #4a3600; }"
)


class NoticeBanner(QFrame):
    """Hidden while there is nothing to say; "Đã hiểu" puts it away until the next message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_banner")
        self.setStyleSheet(STYLE)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton("Đã hiểu")
        self.close_button.setToolTip("Ẩn thông báo này")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        if not messages:
            self.hide()
            return
        self.text_label.setText("\n\n".join(messages))
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.text_label.text()
