"""A small form that runs one service call on Lưu (status change, request, contact, dues,
return): the service's Vietnamese message shows in the red line and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from cellsec.entities.changes import Changes

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_fields import FormFields, form_layout

Action = Callable[[dict[str, str]], Changes]
# Bigger tick boxes and radio buttons for elderly eyes and unsteady hands.
BIG_CHECKS = (
    "QCheckBox::indicator, QRadioButton::indicator { width: 20px; height: 20px; }"
    "QCheckBox, QRadioButton { spacing: 8px; }"
)


def roomy_form() -> QFormLayout:
    """The shared label/field grid with a clear gap after the longest label."""
    form = form_layout()
    form.setHorizontalSpacing(14)
    return form


class FormDialog(EditorDialog):
    """`rows` are (key, label, widget); `action(values)` saves and returns Changes.
    After Lưu: `changes`. `aliases` maps a service's error key to a field key."""

    def __init__(
        self,
        title: str,
        intro: str,
        rows: Sequence[tuple[str, str, QWidget]],
        action: Action,
        *,
        values: Mapping[str, str] | None = None,
        accept_text: str = "Lưu",
        aliases: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self._action = action
        self._aliases = dict(aliases or {})
        self.changes: Changes | None = None
        self.fields = FormFields()
        self.banner = ErrorBanner()
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            label.setStyleSheet("font-weight: bold;")
            layout.addWidget(label)
        layout.addWidget(self.banner)
        form = roomy_form()
        for key, text, widget in rows:
            form.addRow(text, self.fields.add(key, widget))
        layout.addLayout(form)
        self.buttons = button_box(self, accept_text=accept_text)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        if values:
            self.fields.fill(dict(values))
        if rows:
            rows[0][2].setFocus()

    def _on_save(self) -> None:
        with self.banner.attempt(self.fields, self._aliases) as tried:
            self.changes = self._action(self.fields.values())
        if tried.failed:
            return
        self.accept()
