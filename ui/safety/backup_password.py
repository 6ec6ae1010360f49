"""Password questions for encrypted copies: twice when making one, once when restoring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.dialogs import ErrorBanner, button_box

MIN_LENGTH = 6
MISMATCH = "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại."
EMPTY = "Chưa nhập mật khẩu."
BLANK = "Mật khẩu không được chỉ có dấu cách: hãy dùng chữ hoặc số."
TOO_SHORT = f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự."
REMEMBER = (
    "Hãy ghi nhớ mật khẩu (hoặc ghi ra giấy, cất riêng): quên mật khẩu thì không ai mở "
    "được bản chép này, kể cả người hỗ trợ kỹ thuật."
)


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit


class PasswordDialog(QDialog):
    """`confirm`: a new password, typed twice, optional (the check box); else one to open a file.
    After accept, `password` is the text ("" when the copy is made without a password)."""

    def __init__(self, parent: QWidget | None = None, *, confirm: bool, file_name: str = "") -> None:
        super().__init__(parent)
        self._confirm = confirm
        self.password: str | None = None
        self.banner = ErrorBanner()
        self.first = _secret()
        self.second = _secret()
        self.use_password = QCheckBox("Đặt mật khẩu cho bản chép (nên dùng khi mang USB ra khỏi nhà)")
        self.show_text = QCheckBox("Hiện chữ đang gõ")
        self.show_text.toggled.connect(self._show_text)
        form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        if confirm:
            self.setWindowTitle("Mật khẩu cho bản chép")
            self.use_password.setChecked(True)
            self.use_password.toggled.connect(self._on_use_toggled)
            layout.addWidget(self.use_password)
            form.addRow("Mật khẩu:", self.first)
            form.addRow("Nhập lại mật khẩu:", self.second)
            note = QLabel(REMEMBER)
        else:
            self.setWindowTitle("Nhập mật khẩu")
            form.addRow("Mật khẩu:", self.first)
            note = QLabel(f"Tệp “{file_name}” được mã hóa. Hãy nhập mật khẩu đã đặt khi chép.")
        note.setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(self.show_text)
        layout.addWidget(note)
        self.buttons = button_box(self, "Tiếp tục" if confirm else "Mở")
        self.buttons.accepted.connect(self._on_accept)
        layout.addWidget(self.buttons)

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _on_use_toggled(self, on: bool) -> None:
        for w in (self.first, self.second, self.show_text):
            w.setEnabled(on)
        self.banner.clear_message()

    def _on_accept(self) -> None:
        text = self.first.text()
        if self._confirm and not self.use_password.isChecked():
            self.password = ""
            self.accept()
            return
        problem = None
        if not text:
            problem = EMPTY
        elif self._confirm and not text.strip():
            # The core refuses it too (crypto.check_new_password). Opening an old copy made
            # with such a password is still allowed: only new ones are refused.
            problem = BLANK
        elif self._confirm and len(text) < MIN_LENGTH:
            problem = TOO_SHORT
        elif self._confirm and text != self.second.text():
            problem = MISMATCH
        if problem is not None:
            self.banner.show_message(problem)
            target = self.second if problem == MISMATCH else self.first
            if problem == MISMATCH:
                self.second.clear()
            target.setFocus()
            return
        self.password = text
        self.accept()


def ask_copy_password(parent: QWidget | None) -> str | None:
    """None: cancelled; "": copy without a password; else the new password."""
    dialog = PasswordDialog(parent, confirm=True)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.password if accepted else None


def ask_open_password(parent: QWidget | None, file_name: str) -> str | None:
    """None: cancelled."""
    dialog = PasswordDialog(parent, confirm=False, file_name=file_name)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.password if accepted else None
