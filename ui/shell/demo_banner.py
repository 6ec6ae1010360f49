"""The demo cell says so on screen: a banner above the pages (the title bar says it too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from cellsec.store import Store
from cellsec.store.facts import DEMO_NOTICE

STYLE = (
    "QLabel#demo_banner { background: #fde2e1; color: #7a1712; border: 1px solid #e3a19c; "
    "border-radius: 4px; padding: 6px 10px; font-weight: bold; }"
)
DETAIL = "Mọi tên, số liệu trong tệp này đều là giả, chỉ để xem thử chương trình."


def window_title(cell_name: str, store: Store) -> str:
    """The title bar: the cell, "Chi bộ mẫu — dữ liệu giả" for the demo, then the program."""
    return f"{cell_name} — {DEMO_NOTICE} — CellSec" if store.facts.is_demo() else f"{cell_name} — CellSec"


class DemoBanner(QLabel):
    """Shown only while the open file is the demo cell's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(f"{DEMO_NOTICE}. {DETAIL}", parent)
        self.setObjectName("demo_banner")
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_for(self, store: Store) -> None:
        self.setVisible(store.facts.is_demo())
