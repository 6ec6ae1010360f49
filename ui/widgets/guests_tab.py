"""The "Khách mời" tab: guests with their position, superior committee members ticked apart."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cellsec.meeting_entities import Guest

from .rows_editor import Col, RowsEditor

GUEST_COLUMNS = (
    Col("name", "Họ và tên", chars=22, placeholder="Họ và tên khách mời"),
    Col("title", "Chức vụ, đơn vị", "memo", chars=30, placeholder="Ví dụ: Đảng ủy viên xã"),
    Col("is_superior", "Cấp ủy\ncấp trên", "check", chars=8),
    Col("remarks", "Ý kiến phát biểu, chỉ đạo", "memo", stretch=True),
)
HINT = ("Ghi khách mời và đại biểu dự sinh hoạt. Đánh dấu “Cấp ủy cấp trên” cho cấp ủy viên "
        "Đảng ủy xã (hoặc cấp trên) được phân công theo dõi chi bộ: biên bản ghi họ riêng.")


class GuestsTab(QWidget):
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RowsEditor(GUEST_COLUMNS, add_text="Thêm khách mời",
                                empty_row={"is_superior": False})
        self.table.sig_changed.connect(self.sig_changed)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def set_guests(self, guests: tuple[Guest, ...]) -> None:
        self.table.set_rows([{"name": g.name, "title": g.title, "is_superior": g.is_superior,
                              "remarks": g.remarks} for g in guests], list(guests))

    def guests(self) -> tuple[Guest, ...]:
        out = []
        for values, old in zip(self.table.rows(), self.table.payloads()):
            # Start from the stored guest so fields this tab does not show are kept.
            base = old if isinstance(old, Guest) else Guest(name="")
            out.append(replace(base, name=values["name"].strip(), title=values["title"].strip(),
                               is_superior=bool(values["is_superior"]),
                               remarks=values["remarks"].strip()))
        return tuple(out)

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)
