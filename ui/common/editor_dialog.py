"""The base of every dialog that edits a record: closing it (Hủy, Esc, the window's ×) with
unsaved changes asks "Lưu / Không lưu / Quay lại" instead of dropping what was typed."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

UNSAVED_TEXT = "Các thông tin vừa nhập chưa được lưu."
UNSAVED_DETAIL = "Lưu lại trước khi đóng?"


class Unsaved(Enum):
    SAVE = "Lưu"
    DISCARD = "Không lưu"
    BACK = "Quay lại"


def ask_unsaved(parent: QWidget, title: str) -> Unsaved:
    """Lưu (the default: Enter saves) / Không lưu / Quay lại (Esc goes back to the form)."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, UNSAVED_TEXT, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(UNSAVED_DETAIL)
    roles = {
        Unsaved.SAVE: QMessageBox.ButtonRole.AcceptRole,
        Unsaved.DISCARD: QMessageBox.ButtonRole.DestructiveRole,
        Unsaved.BACK: QMessageBox.ButtonRole.RejectRole,
    }
    buttons = {answer: box.addButton(answer.value, role) for answer, role in roles.items()}
    box.setDefaultButton(buttons[Unsaved.SAVE])
    box.setEscapeButton(buttons[Unsaved.BACK])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for answer, button in buttons.items() if button is clicked), Unsaved.BACK)


class EditorDialog(QDialog):
    """What the form holds when it first shows is "saved"; `edit_state()` says what it holds now
    (by default its `fields`' values). On close with a difference the secretary is asked:
    Lưu runs the dialog's own save (its Lưu button), Không lưu closes, Quay lại stays."""

    # Injectable (tests answer without a modal box): (dialog, title) -> Unsaved.
    ask_unsaved: ClassVar[Callable[[QWidget, str], Unsaved]] = staticmethod(ask_unsaved)
    unsaved_title = "Đóng mà chưa lưu"
    _clean_state: Any = None
    _watching = False

    def edit_state(self) -> Any:
        fields = getattr(self, "fields", None)
        return fields.values() if fields is not None else None

    def mark_saved(self) -> None:
        """What the form holds now counts as saved (after filling it, or after a save that keeps
        the dialog open)."""
        self._clean_state = self.edit_state()
        self._watching = True

    def has_unsaved_changes(self) -> bool:
        return self._watching and self.edit_state() != self._clean_state

    def saved_message(self) -> str:
        """The confirmation after a save ("Đã lưu — <what>"); a dialog may name it better."""
        return f"Đã lưu — {self.windowTitle()}"

    def save_from_close(self) -> None:
        """Lưu from the question: the dialog's own Lưu button (it closes when the save succeeds;
        a refusal shows in the form, which stays open)."""
        buttons = getattr(self, "buttons", None)
        if isinstance(buttons, QDialogButtonBox):
            save = buttons.button(QDialogButtonBox.StandardButton.Save)
            if save is not None:
                save.click()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._watching:
            self.mark_saved()

    def reject(self) -> None:
        if self.has_unsaved_changes():
            answer = type(self).ask_unsaved(self, self.unsaved_title)
            if answer is Unsaved.BACK:
                return
            if answer is Unsaved.SAVE:
                self.save_from_close()
                return
        super().reject()
