"""A member of the cell goes to work far away: the application and the cell's decision (which
is written into the register too); and the small forms for contact, dues and the return."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.liaison import Arrangement, WorkingAway
from cellsec.services.register import StatusFilter, filter_rows, load_register
from cellsec.services.working_away import (
    LABELS,
    add_contact,
    record_return,
    start_working_away,
    update_dues,
)
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import FormDialog, roomy_form
from ui.common.form_fields import FormFields, combo, date_edit, line_edit, memo

CONTACT_METHODS = ("Điện thoại", "Zalo / Sổ tay đảng viên", "Trực tiếp", "Qua gia đình")
PLACEHOLDERS = {
    "destination": "Tỉnh, thành phố nơi đến làm việc",
    "employer": "Tên công ty, cơ sở nơi làm việc",
    "contact": "Số điện thoại, Zalo, người nhà liên hệ",
    "decision_ref": "Ví dụ: Nghị quyết chi bộ ngày …",
    "dues": "Ví dụ: Nộp trước 6 tháng tại chi bộ",
}
LEFT = ("member_id", "arrangement", "application_date", "start", "end", "decision_ref")
RIGHT = ("destination", "employer", "contact", "dues", "reason")


class WorkingAwayDialog(EditorDialog):
    """After Lưu: `record_id` and `changes` (the register changes too)."""

    def __init__(self, store: Store, today: date, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.record_id: int | None = None
        self.changes: Changes | None = None
        self.setWindowTitle("Ghi đảng viên đi làm ăn xa")
        self.fields = FormFields()
        self.banner = ErrorBanner()
        # Members on the roll today, from the register (exempted ones included: the service
        # says clearly if the period clashes with an exemption already recorded).
        rows = filter_rows(load_register(store, today), "", StatusFilter.ROLL)
        people = [("— Chọn đảng viên —", "")] + [
            (f"{r.member.full_name} ({r.state.label})", str(r.member.id)) for r in rows
        ]
        widgets: dict[str, QWidget] = {
            "member_id": combo(people),
            "arrangement": combo((a.label, a.value) for a in Arrangement),
            "application_date": date_edit(),
            "start": date_edit(),
            "end": date_edit(),
            "reason": memo("Ví dụ: Đi làm ăn xa để phát triển kinh tế gia đình", 3),
        }
        for key in (*LEFT, *RIGHT):
            widgets.setdefault(key, line_edit(PLACEHOLDERS.get(key, "")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for column, keys in enumerate((LEFT, RIGHT)):
            form = roomy_form()
            for key in keys:
                form.addRow(LABELS[key], self.fields.add(key, widgets[key]))
            grid.addLayout(form, 0, column)
        self.fields.set_text("application_date", format_date(today))
        hint = QLabel(
            "Khi lưu, sổ đảng viên ghi luôn sự kiện tương ứng (miễn sinh hoạt tạm thời "
            "hoặc sinh hoạt tạm thời nơi khác) cho thời gian này."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addWidget(hint)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(1000)
        self.fields["member_id"].setFocus()

    def _on_save(self) -> None:
        with self.banner.attempt(self.fields) as tried:
            self.record_id, self.changes = start_working_away(
                self._store, self.fields.values(), today=self._today
            )
        if tried.failed:
            return
        self.accept()


def _who(w: WorkingAway) -> str:
    return (
        f"{w.member_name} — {w.arrangement.label.lower()} từ {format_date(w.start)} đến "
        f"{format_date(w.end)}, {w.destination}"
    )


def contact_dialog(store: Store, w: WorkingAway, today: date, parent: QWidget | None = None) -> FormDialog:
    return FormDialog(
        "Ghi liên lạc với đảng viên đi làm ăn xa",
        _who(w),
        [
            ("date", "Ngày liên lạc", date_edit()),
            ("method", "Hình thức", combo(((m, None) for m in CONTACT_METHODS), editable=True)),
            ("note", "Nội dung", memo("Tình hình công việc, sức khỏe, đảng phí …", 3)),
        ],
        lambda v: add_contact(store, w.id or 0, v["date"], v["method"], v["note"], today=today),
        values={"date": format_date(today)},
        parent=parent,
    )


def dues_dialog(store: Store, w: WorkingAway, parent: QWidget | None = None) -> FormDialog:
    return FormDialog(
        "Đảng phí của đảng viên đi làm ăn xa",
        _who(w),
        [("dues", "Đảng phí", line_edit(PLACEHOLDERS["dues"]))],
        lambda v: update_dues(store, w.id or 0, v["dues"]),
        values={"dues": w.dues},
        parent=parent,
    )


def return_dialog(store: Store, w: WorkingAway, today: date, parent: QWidget | None = None) -> FormDialog:
    return FormDialog(
        "Ghi ngày trở về",
        _who(w) + ". Nếu trở về trước thời hạn, sổ đảng viên ghi luôn việc "
        "kết thúc thời gian miễn hoặc chuyển sinh hoạt tạm thời.",
        [("returned_date", "Ngày trở về", date_edit())],
        lambda v: record_return(store, w.id or 0, v["returned_date"], today=today),
        values={"returned_date": format_date(today)},
        accept_text="Ghi ngày trở về",
        parent=parent,
    )
