"""Who is at the keyboard: picked from the cell committee (or another named person), remembered
for this PC account, and written with the account into the audit trail (Store.set_operator)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cellsec.services.committee import committee_on
from cellsec.store import Store
from cellsec.text import nfc

TITLE = "Ai đang làm việc?"
INTRO = (
    "Chọn tên của anh/chị. Mọi thay đổi từ giờ được ghi vào nhật ký với tên này (kèm tên "
    "tài khoản máy tính). Chương trình nhớ lựa chọn cho tài khoản máy này."
)
OTHER = "Người khác:"
NEEDS_NAME = "Hãy chọn một tên, hoặc gõ họ tên người khác."


def committee_people(store: Store, on: date) -> list[tuple[str, str]]:
    """(name, post) of who may be at the keyboard: the committee on that day, else the
    secretary and deputy named in the cell's profile."""
    people = [(entry.name, role.post.label) for role, entry in committee_on(store, on)]
    if people:
        return people
    profile = store.profile.get()
    named = [(profile.secretary, "Bí thư"), (profile.deputy_secretary, "Phó Bí thư")] if profile else []
    return [(name, post) for name, post in named if name.strip()]


class OperatorDialog(QDialog):
    """One radio button per committee seat and "Người khác: ___"; `name` once accepted."""

    def __init__(self, store: Store, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.name = ""
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.choices: list[tuple[QRadioButton, str]] = []
        for name, post in committee_people(store, date.today()):
            button = QRadioButton(f"{name} — {post}")
            button.setChecked(name == current)
            self.group.addButton(button)
            self.choices.append((button, name))
            layout.addWidget(button)
        self.other_button = QRadioButton(OTHER)
        self.group.addButton(self.other_button)
        self.other_edit = QLineEdit()
        self.other_edit.setPlaceholderText("Họ và tên")
        self.other_edit.textEdited.connect(lambda *_: self.other_button.setChecked(True))
        if current and not any(name == current for _, name in self.choices):
            self.other_button.setChecked(True)
            self.other_edit.setText(current)
        layout.addWidget(self.other_button)
        layout.addWidget(self.other_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #a00;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        buttons.addButton("Đồng ý", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Để sau", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def chosen_name(self) -> str:
        if self.other_button.isChecked():
            return nfc(" ".join(self.other_edit.text().split()))
        return next((name for button, name in self.choices if button.isChecked()), "")

    def accept(self) -> None:
        name = self.chosen_name()
        if not name:
            self.error_label.setText(NEEDS_NAME)
            self.error_label.show()
            return
        self.name = name
        super().accept()
