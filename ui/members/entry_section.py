"""The "Vào chi bộ" part of the new-member form: how the member came to this cell."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from cellsec.services.members import ENTRY_KINDS, ENTRY_LABELS

from ui.common.form_fields import FormFields, combo, date_edit, form_layout, line_edit

# Fields that only make sense when the member comes from another organisation.
_FROM_ELSEWHERE = ("joined_date", "origin", "entry_ref")
_ATTACHED_ONLY = ("attached_until",)
_PLACEHOLDERS = {
    "admission_ref": "Ví dụ: 125-QĐ/ĐU",
    "official_ref": "Để trống nếu còn dự bị",
    "origin": "Ví dụ: Chi bộ thôn Đông, Đảng bộ xã Thanh Sơn",
    "entry_ref": "Ví dụ: 15-GGT/ĐU",
}
_HINT = (
    "Ngày kết nạp là ngày ghi trên quyết định (tuổi đảng tính từ ngày này). "
    "Ngày chính thức để trống nếu đảng viên còn dự bị."
)


class EntrySection(QWidget):
    """Entry kind, admission and official dates, and for members from elsewhere where from."""

    def __init__(self, fields: FormFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        layout = QVBoxLayout(self)
        hint = QLabel(_HINT)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self._form = form_layout()
        layout.addLayout(self._form)
        layout.addStretch(1)
        for key, label in ENTRY_LABELS.items():
            if key == "entry_kind":
                widget: QWidget = combo(((text, value) for value, text in ENTRY_KINDS.items()))
            elif key.endswith("_date") or key == "attached_until":
                widget = date_edit()
            else:
                widget = line_edit(_PLACEHOLDERS.get(key, ""))
            self._form.addRow(label, fields.add(key, widget))
        kind_box = fields["entry_kind"]
        assert isinstance(kind_box, QComboBox)
        kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    def keys(self) -> list[str]:
        return list(ENTRY_LABELS)

    def values(self) -> dict[str, str]:
        """The entry form; fields hidden for the chosen kind count as empty."""
        shown = self._shown_keys()
        return {k: (self._fields.text(k) if k in shown else "") for k in self.keys()}

    def _shown_keys(self) -> set[str]:
        kind = self._fields.text("entry_kind")
        hidden = set(_FROM_ELSEWHERE + _ATTACHED_ONLY)
        if kind != "admitted":
            hidden -= set(_FROM_ELSEWHERE)
        if kind == "attached_in":
            hidden -= set(_ATTACHED_ONLY)
        return set(self.keys()) - hidden

    def _on_kind_changed(self, *_: object) -> None:
        shown = self._shown_keys()
        for key in _FROM_ELSEWHERE + _ATTACHED_ONLY:
            self._form.setRowVisible(self._fields[key], key in shown)
