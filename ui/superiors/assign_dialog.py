"""Assign a superior committee member to follow the cell from a date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.services.superiors import assign_follower, directory_in_order
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import roomy_form
from ui.common.form_fields import FormFields, combo, date_edit, line_edit

ASSIGN_LABELS = {"superior_id": "Người theo dõi", "start": "Từ ngày", "end": "Đến ngày", "note": "Ghi chú"}
ASSIGN_HINT = (
    "Người đang theo dõi chi bộ (nếu có) được ghi kết thúc vào ngày trước ngày bắt "
    "đầu của phân công mới. Để trống “Đến ngày” nếu chưa biết ngày kết thúc."
)


class AssignDialog(EditorDialog):
    """Phân công theo dõi chi bộ. After Lưu: `changes`."""

    def __init__(
        self, store: Store, today: date, *, chosen: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.changes: Changes | None = None
        self.setWindowTitle("Phân công theo dõi chi bộ")
        self.setMinimumWidth(620)
        self.fields = FormFields()
        self.banner = ErrorBanner()
        people = [("— Chọn người trong danh bạ —", "")] + [
            (f"{s.name} — {s.position}" if s.position else s.name, str(s.id))
            for s in directory_in_order(store)
        ]
        form = roomy_form()
        for key, widget in (
            ("superior_id", combo(people)),
            ("start", date_edit()),
            ("end", date_edit()),
            ("note", line_edit("Ví dụ: Theo Quyết định số 15-QĐ/ĐU")),
        ):
            form.addRow(ASSIGN_LABELS[key], self.fields.add(key, widget))
        self.fields.set_text("start", format_date(today))
        if chosen is not None:
            self.fields.set_text("superior_id", str(chosen))
        hint = QLabel(ASSIGN_HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(hint)
        self.buttons = button_box(self, accept_text="Phân công")
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)

    def _on_save(self) -> None:
        values = self.fields.values()
        with self.banner.attempt(self.fields) as tried:
            if not values["superior_id"]:
                tried.refuse("Người theo dõi: chưa chọn người trong danh bạ.", self.fields["superior_id"])
                return
            self.changes = assign_follower(
                self._store,
                int(values["superior_id"]),
                values["start"],
                values["end"],
                values["note"],
                today=self._today,
            )
        if tried.failed:
            return
        self.accept()
