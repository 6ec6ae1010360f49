"""The cell profile form: asked for on first run and opened from the "Chi bộ" menu."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cellsec.entities.changes import Changes
from cellsec.services.profile import PROFILE_LABELS, profile_form, save_profile
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_fields import FormFields, date_edit, form_layout, line_edit

EXAMPLES = {
    "cell_name": "Ví dụ: Chi bộ thôn Tân Hồng",
    "superior_name": "Ví dụ: Đảng bộ xã Thanh Sơn",
    "place_name": "Ví dụ: Thanh Sơn",
    "secretary": "Ví dụ: Nguyễn Văn An",
    "deputy_secretary": "Ví dụ: Trần Thị Bình",
    "term_label": "Ví dụ: 2025 – 2030",
}
FIRST_RUN_TEXT = (
    "Chào mừng đồng chí đến với CellSec — Sổ tay Bí thư chi bộ.\n"
    "Trước khi bắt đầu, xin nhập thông tin của chi bộ. Các thông tin này được in "
    "trên biên bản, báo cáo và có thể sửa lại sau trong trình đơn “Chi bộ”."
)


class ProfileDialog(EditorDialog):
    """Edit the cell profile; on success `changes` holds what the service changed."""

    def __init__(self, store: Store, *, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.changes: Changes | None = None
        self.setWindowTitle("Thông tin chi bộ")
        self.setMinimumWidth(560)
        self.fields = FormFields()
        self.banner = ErrorBanner()

        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(FIRST_RUN_TEXT)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addWidget(self.banner)
        form = form_layout()
        for key, label in PROFILE_LABELS.items():
            widget = date_edit() if key == "term_start" else line_edit(EXAMPLES.get(key, ""))
            form.addRow(label, self.fields.add(key, widget))
        layout.addLayout(form)
        self.buttons = button_box(self, "Lưu" if not first_run else "Lưu và bắt đầu")
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)

        self.fields.fill(profile_form(store.profile.get()))
        self.fields["cell_name"].setFocus()

    def _on_save(self) -> None:
        with self.banner.attempt(self.fields) as tried:
            self.changes = save_profile(self._store, self.fields.values())
        if tried.failed:
            return
        self.accept()


def needs_profile(store: Store) -> bool:
    """True until the cell's name, superior, place and secretary have been entered."""
    profile = store.profile.get()
    return profile is None or not profile.is_complete
