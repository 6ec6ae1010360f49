"""Asks what kind of meeting to prepare and on which date, before the editor opens."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date, parse_date
from cellsec.entities.meetings import MeetingKind

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.form_fields import FormFields, combo, date_edit, form_layout


class NewMeetingDialog(QDialog):
    """After Đồng ý: `kind` and `when`."""

    def __init__(self, suggested: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chuẩn bị buổi sinh hoạt mới")
        self.kind: MeetingKind = MeetingKind.REGULAR
        self.when: date = suggested
        self.fields = FormFields()
        self.banner = ErrorBanner()
        form = form_layout()
        form.addRow(
            "Loại buổi sinh hoạt", self.fields.add("kind", combo((k.label, k.value) for k in MeetingKind))
        )
        form.addRow("Ngày sinh hoạt", self.fields.add("date", date_edit()))
        self.fields.set_text("date", format_date(suggested))
        hint = QLabel("Danh sách điểm danh được lấy từ sổ đảng viên tính đến ngày sinh hoạt.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(hint)
        self.buttons = button_box(self, accept_text="Chuẩn bị")
        self.buttons.accepted.connect(self._on_accept)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def set_kind(self, kind: MeetingKind) -> None:
        box = self.fields["kind"]
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(kind.value))

    def _on_accept(self) -> None:
        with self.banner.attempt(self.fields) as tried:
            when = parse_date(
                self.fields.text("date"), "Ngày sinh hoạt", key="date", required=True, allow_future=True
            )
        if tried.failed:
            return
        assert when is not None
        self.kind = MeetingKind(self.fields.text("kind"))
        self.when = when
        self.accept()
