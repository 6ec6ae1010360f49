"""Record or correct one dated event in a member's party life (admission, exemption, ...)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.members import DISCIPLINE_LEVELS, EventKind, MemberEvent
from cellsec.rules.exemption import EXEMPTION_REASONS
from cellsec.services.members import EVENT_LABELS, add_event, update_event
from cellsec.services.register import event_warning
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, ask_yes_no, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_fields import FormFields, combo, date_edit, form_layout, line_edit

CHOOSE_KIND = "— Chọn loại sự kiện —"
# What "Nội dung" means for each kind, shown as the field's placeholder.
DETAIL_HINTS = {
    EventKind.ADMITTED: "Để trống nếu kết nạp tại chi bộ; nếu nơi khác, ghi tên tổ chức",
    EventKind.READMITTED: "Để trống nếu kết nạp lại tại chi bộ",
    EventKind.TRANSFERRED_IN: "Chuyển đến từ chi bộ, đảng bộ nào",
    EventKind.TRANSFER_PENDING: "Chuyển đến đâu, vì sao (nghỉ hưu, chuyển công tác, đổi nơi cư trú)",
    EventKind.TRANSFERRED_OUT: "Chuyển đi đến chi bộ, đảng bộ nào",
    EventKind.ATTACHED_IN: "Đến từ chi bộ, đảng bộ nào",
    EventKind.ATTACHED_OUT: "Sinh hoạt tạm thời ở đâu",
    EventKind.EXEMPTED: "Lý do: tuổi cao, sức khỏe yếu, ...",
    EventKind.SUSPENDED: "Lý do",
    EventKind.DISCIPLINED: "Hình thức kỷ luật",
    EventKind.REMOVED: "Lý do xóa tên",
    EventKind.EXPELLED: "Lý do khai trừ",
    EventKind.LOST_CONTACT: "Lý do, nơi ở khi mất liên lạc",
    EventKind.TRANSFER_GAP: "Chuyển từ đâu đến đâu (thời gian không tính tuổi đảng)",
    EventKind.BADGE_AWARDED: "Mốc Huy hiệu Đảng, ví dụ “30 năm”",
}


class EventDialog(EditorDialog):
    """New event when `event` is None, else an edit of it. After Lưu, `changes` is set."""

    def __init__(
        self,
        store: Store,
        member_id: int,
        member_name: str,
        event: MemberEvent | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._member_id = member_id
        self._event = event
        self.changes: Changes | None = None
        self.ask = ask_yes_no  # injectable: tests answer without a modal box
        self.fields = FormFields()
        self.banner = ErrorBanner()
        self.setWindowTitle("Ghi sự kiện" if event is None else "Sửa sự kiện")
        self.setMinimumWidth(600)

        layout = QVBoxLayout(self)
        who = QLabel(f"Đảng viên: <b>{member_name}</b>")
        layout.addWidget(who)
        layout.addWidget(self.banner)
        self._form = form_layout()
        kinds = [(CHOOSE_KIND, "")] + [(k.label, k.value) for k in EventKind]
        widgets: dict[str, QWidget] = {
            "kind": combo(kinds),
            "date": date_edit(),
            "end_date": date_edit(),
            "decision_ref": line_edit("Ví dụ: Quyết định số 125-QĐ/ĐU"),
            "detail": combo(editable=True),
            "note": line_edit(),
        }
        for key, widget in widgets.items():
            self._form.addRow(EVENT_LABELS[key], self.fields.add(key, widget))
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)

        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        if event is not None:
            self.fields.set_text("kind", event.kind.value)
            self.fields.set_text("date", format_date(event.date))
            self.fields.set_text("end_date", format_date(event.end_date))
            self.fields.set_text("decision_ref", event.decision_ref)
            self.fields.set_text("note", event.note)
        self._on_kind_changed()
        if event is not None:
            self.fields.set_text("detail", event.detail)
        self.kind_box.setFocus()

    @property
    def kind_box(self) -> QComboBox:
        box = self.fields["kind"]
        assert isinstance(box, QComboBox)
        return box

    def set_kind(self, kind: EventKind) -> None:
        self.fields.set_text("kind", kind.value)

    def _current_kind(self) -> EventKind | None:
        value = self.fields.text("kind")
        return EventKind(value) if value else None

    def _on_kind_changed(self, *_: object) -> None:
        kind = self._current_kind()
        self._form.setRowVisible(self.fields["end_date"], bool(kind and kind.has_period))
        detail = self.fields["detail"]
        assert isinstance(detail, QComboBox)
        typed = detail.currentText()
        detail.clear()
        suggestions = {EventKind.DISCIPLINED: DISCIPLINE_LEVELS, EventKind.EXEMPTED: EXEMPTION_REASONS}.get(
            kind
        )  # type: ignore[arg-type]
        if suggestions:
            detail.addItems(list(suggestions))
            if typed not in suggestions:
                detail.setEditText(typed)
        else:
            detail.setEditText(typed)
        line = detail.lineEdit()
        if line is not None:
            line.setPlaceholderText(DETAIL_HINTS.get(kind, "") if kind else "")

    def values(self) -> dict[str, str]:
        form = self.fields.values()
        kind = self._current_kind()
        if not (kind and kind.has_period):
            form["end_date"] = ""  # hidden: an old value must not be saved by accident
        return form

    def _on_save(self) -> None:
        event_id = self._event.id if self._event is not None else None
        with self.banner.attempt(self.fields) as tried:
            warning = event_warning(self._store, self._member_id, self.values(), event_id=event_id)
            if warning and not self.ask(self, "Kiểm tra tuổi", f"{warning}\n\nVẫn ghi sự kiện này?"):
                return
            if self._event is None:
                self.changes = add_event(self._store, self._member_id, self.values())
            else:
                assert self._event.id is not None
                self.changes = update_event(self._store, self._member_id, self._event.id, self.values())
        if tried.failed:
            return
        self.accept()
