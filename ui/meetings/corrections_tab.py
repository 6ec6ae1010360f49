"""The meeting editor's "Ghi chú đính chính" tab: the dated notes that correct approved minutes
(approved minutes are never rewritten), and the box to add one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.meetings import Correction

from ui.common.form_fields import memo

HINT = (
    "Biên bản đã thông qua không được viết lại. Khi cần sửa, thêm một ghi chú đính chính có "
    "ghi ngày; ghi chú được in dưới biên bản."
)


class CorrectionsTab(QWidget):
    """Shows the notes; the editor connects `add_button` to its add_correction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.text = memo("Nội dung đính chính (ghi rõ sửa điều gì, vì sao)", lines=3)
        self.text.setObjectName("correction")
        self.add_button = QPushButton("Thêm ghi chú đính chính")
        self.add_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(QLabel("Các ghi chú đính chính đã có:"))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_notes(self, corrections: Sequence[Correction]) -> None:
        self.notes.clear()
        for c in corrections:
            self.notes.addItem(f"Ngày {format_date(c.date)}: {c.text}")
