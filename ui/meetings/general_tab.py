"""The "Thông tin chung" tab of the meeting editor: kind, date, times, place, chair, recorder,
thematic topic, purpose, and the live warning about a meeting that was too short."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from cellsec.dates import format_date, parse_date
from cellsec.entities.meetings import Meeting, MeetingKind
from cellsec.errors import ValidationError

from ui.common.form_fields import FormFields, combo, date_edit, form_layout, line_edit, memo

LABELS = {
    "kind": "Loại buổi sinh hoạt",
    "date": "Ngày sinh hoạt",
    "start_time": "Giờ bắt đầu",
    "end_time": "Giờ kết thúc",
    "place": "Địa điểm",
    "chair": "Chủ trì",
    "recorder": "Thư ký",
    "topic": "Chủ đề sinh hoạt chuyên đề",
    "topic_preparer": "Người chuẩn bị chuyên đề",
    "purpose": "Mục đích, yêu cầu",
}
TEXT_KEYS = ("start_time", "end_time", "place", "chair", "recorder", "topic", "topic_preparer", "purpose")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
WARNING_STYLE = (
    "QLabel#duration_warning { color: #6b4b00; background: #fff4d6; "
    "border: 1px solid #e8c96a; border-radius: 4px; padding: 6px 8px; }"
)


def time_edit() -> QLineEdit:
    """A "HH:MM" box; the core checks it, so a bad time gets its Vietnamese message."""
    edit = line_edit("HH:MM")
    edit.setMaxLength(5)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00:000") + 40)
    return edit


def name_combo() -> QComboBox:
    box = combo(editable=True)
    box.setMinimumContentsLength(24)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


class GeneralTab(QWidget):
    """sig_date_changed(date) fires once a new, valid date is typed (the roll follows it);
    sig_kind_changed and sig_changed let the editor update the other tabs."""

    sig_changed = Signal()
    sig_date_changed = Signal(object)
    sig_kind_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FormFields()
        f = self.fields
        self._date: date | None = None
        form = form_layout()
        form.addRow(LABELS["kind"], f.add("kind", combo((k.label, k.value) for k in MeetingKind)))
        form.addRow(LABELS["date"], f.add("date", date_edit()))
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #9b1c1c; font-weight: bold;")
        self.date_error.setWordWrap(True)
        self.date_error.hide()
        form.addRow("", self.date_error)
        form.addRow(LABELS["start_time"], f.add("start_time", time_edit()))
        form.addRow(LABELS["end_time"], f.add("end_time", time_edit()))
        self.duration_warning = QLabel()
        self.duration_warning.setObjectName("duration_warning")
        self.duration_warning.setWordWrap(True)
        self.duration_warning.setStyleSheet(WARNING_STYLE)
        self.duration_warning.hide()
        form.addRow("", self.duration_warning)
        form.addRow(LABELS["place"], f.add("place", line_edit("Ví dụ: Nhà văn hóa thôn")))
        form.addRow(LABELS["chair"], f.add("chair", name_combo()))
        form.addRow(LABELS["recorder"], f.add("recorder", name_combo()))
        form.addRow(LABELS["topic"], f.add("topic", line_edit("Tên chuyên đề")))
        form.addRow(LABELS["topic_preparer"], f.add("topic_preparer", name_combo()))
        form.addRow(LABELS["purpose"], f.add("purpose", memo(lines=4)))
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        kind = f["kind"]
        assert isinstance(kind, QComboBox)
        kind.currentIndexChanged.connect(self._on_kind_changed)
        date_box = f["date"]
        assert isinstance(date_box, QLineEdit)
        date_box.editingFinished.connect(self._on_date_edited)
        for key in TEXT_KEYS:
            w = f[key]
            signal = w.editTextChanged if isinstance(w, QComboBox) else w.textChanged
            signal.connect(lambda *_: self.sig_changed.emit())

    # --- filling and reading -----------------------------------------------------------------
    def set_meeting(self, m: Meeting) -> None:
        self._date = m.date
        f = self.fields
        f.set_text("kind", m.kind.value)
        f.set_text("date", format_date(m.date))
        for key in TEXT_KEYS:
            f.set_text(key, getattr(m, key))
        self._show_topic(m.kind)
        self.date_error.hide()

    def set_names(self, names: list[str]) -> None:
        """Suggestions for chair, recorder and preparer: the members on the roll."""
        for key in ("chair", "recorder", "topic_preparer"):
            box = self.fields[key]
            assert isinstance(box, QComboBox)
            text = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            box.setEditText(text)
            box.blockSignals(False)

    @property
    def kind(self) -> MeetingKind:
        return MeetingKind(self.fields.text("kind"))

    def meeting_date(self) -> date:
        """The typed date; raises the core's ValidationError (key "date") when it is wrong."""
        value = parse_date(
            self.fields.text("date"), LABELS["date"], key="date", required=True, allow_future=True
        )
        assert value is not None
        return value

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {key: self.fields.text(key).strip() for key in TEXT_KEYS}
        values["kind"] = self.kind
        values["date"] = self.meeting_date()
        return values

    def show_duration_warning(self, text: str | None) -> None:
        self.duration_warning.setText(text or "")
        self.duration_warning.setVisible(bool(text))

    def times_complete(self) -> bool:
        return all(_TIME.match(self.fields.text(k).strip()) for k in ("start_time", "end_time"))

    def set_read_only(self, read_only: bool) -> None:
        for key in self.fields:
            w = self.fields[key]
            if isinstance(w, QLineEdit):
                w.setReadOnly(read_only)
            elif isinstance(w, QComboBox):
                w.setEnabled(not read_only)
            else:
                w.setReadOnly(read_only)  # type: ignore[attr-defined]

    # --- reactions ---------------------------------------------------------------------------
    def _show_topic(self, kind: MeetingKind) -> None:
        for key in ("topic", "topic_preparer"):
            self._form.setRowVisible(self.fields[key], kind.is_thematic)

    def _on_kind_changed(self, *_: object) -> None:
        self._show_topic(self.kind)
        self.sig_kind_changed.emit(self.kind)
        self.sig_changed.emit()

    def _on_date_edited(self) -> None:
        try:
            new = self.meeting_date()
        except ValidationError as err:
            self.date_error.setText(str(err))
            self.date_error.show()
            return
        self.date_error.hide()
        if new != self._date:
            self._date = new
            self.sig_date_changed.emit(new)
            self.sig_changed.emit()
