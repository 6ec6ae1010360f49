"""The first-run screen: "Tạo chi bộ của tôi" and "Xem chi bộ mẫu", side by side."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cellsec.paths import data_dir

TITLE = "Chào mừng đến với CellSec"
WELCOME = (
    "CellSec giúp Bí thư chi bộ giữ sổ đảng viên, sổ biên bản sinh hoạt và in các báo cáo. "
    "Anh/chị muốn bắt đầu thế nào?"
)
OWN = "Tạo chi bộ của tôi"
OWN_HINT = "Nhập tên chi bộ, rồi nhập đảng viên (gõ tay hoặc từ tệp Excel)."
DEMO = "Xem chi bộ mẫu"
DEMO_HINT = (
    "Một chi bộ giả có sẵn đảng viên và một năm sinh hoạt, để xem thử. "
    "Dữ liệu mẫu ở tệp riêng, không lẫn với chi bộ của anh/chị."
)
DEMO_FILE_NAME = "chi-bo-mau.cellsec"


class Start(Enum):
    OWN = "own"
    DEMO = "demo"


def demo_data_file() -> Path:
    """Where the demo cell is kept: its own file in the data folder, never the secretary's."""
    return data_dir() / DEMO_FILE_NAME


class FirstRunDialog(QDialog):
    """Accepted with `choice` set; rejected (closed) means quit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.choice: Start | None = None
        heading = QLabel(TITLE)
        heading.setObjectName("first_run_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        welcome = QLabel(WELCOME)
        welcome.setWordWrap(True)
        self.own_button = QPushButton(OWN)
        self.demo_button = QPushButton(DEMO)
        grid = QGridLayout()
        for column, (button, hint, choice) in enumerate(
            ((self.own_button, OWN_HINT, Start.OWN), (self.demo_button, DEMO_HINT, Start.DEMO))
        ):
            button.setMinimumHeight(button.sizeHint().height() * 2)
            button.clicked.connect(lambda *_, c=choice: self.choose(c))
            label = QLabel(hint)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(button, 0, column)
            grid.addWidget(label, 1, column)
            grid.setColumnStretch(column, 1)
        self.own_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(welcome)
        layout.addSpacing(12)
        layout.addLayout(grid)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def choose(self, choice: Start) -> None:
        self.choice = choice
        self.accept()
