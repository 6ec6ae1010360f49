"""Add or edit a superior committee member in the directory (from the superiors page and from
the meeting editor's "Cấp trên" tab)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from cellsec.entities.changes import Changes
from cellsec.entities.superiors import Level, Superior
from cellsec.services.superiors import SUPERIOR_LABELS, save_superior
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import roomy_form
from ui.common.form_fields import FormFields, combo, line_edit, memo

PLACEHOLDERS = {
    "name": "Ví dụ: Hoàng Minh Tuấn",
    "position": "Ví dụ: Đảng ủy viên, Phó Chủ tịch UBND xã",
    "committee": "Ví dụ: Đảng ủy xã Thanh Sơn",
    "phone": "Ví dụ: 0912 345 678",
}


class SuperiorDialog(EditorDialog):
    """New entry when `superior` is None. After Lưu: `superior_id` and `changes`."""

    def __init__(
        self, store: Store, superior: Superior | None = None, *, parent: QWidget | None = None, name: str = ""
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._superior = superior
        self.superior_id: int | None = superior.id if superior else None
        self.changes: Changes | None = None
        self.setWindowTitle(
            "Thêm người vào danh bạ cấp trên" if superior is None else "Sửa thông tin cấp ủy viên cấp trên"
        )
        self.setMinimumWidth(640)
        self.fields = FormFields()
        self.banner = ErrorBanner()
        profile = store.profile.get()
        # Suggestions: the cell's own superior committee first, then those already in use.
        names = (
            [profile.superior_name.replace("Đảng bộ", "Đảng ủy")] if profile and profile.superior_name else []
        )
        names += [s.committee for s in store.superiors.all() if s.committee]
        committees = [(n, None) for n in dict.fromkeys(names)]
        widgets: dict[str, QWidget] = {
            "name": line_edit(PLACEHOLDERS["name"]),
            "position": line_edit(PLACEHOLDERS["position"]),
            "level": combo((lv.label, lv.value) for lv in Level),
            "committee": combo(committees, editable=True),
            "phone": line_edit(PLACEHOLDERS["phone"]),
            "notes": memo(lines=2),
        }
        form = roomy_form()
        for key, widget in widgets.items():
            form.addRow(SUPERIOR_LABELS[key], self.fields.add(key, widget))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        if superior is not None:
            self.fields.fill(
                {
                    "name": superior.name,
                    "position": superior.position,
                    "level": superior.level.value,
                    "committee": superior.committee,
                    "phone": superior.phone,
                    "notes": superior.notes,
                }
            )
        else:
            self.fields.set_text("name", name)
            if not committees:
                self.fields.set_text("committee", "")
        self.fields["name"].setFocus()

    def _on_save(self) -> None:
        with self.banner.attempt(self.fields) as tried:
            self.superior_id, self.changes = save_superior(
                self._store, self.fields.values(), self.superior_id
            )
        if tried.failed:
            return
        self.accept()
