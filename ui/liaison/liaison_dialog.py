"""Add or edit a working member living in the village (the QĐ 213 register), and change their
status (moved, retired, ended)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.liaison import LiaisonCategory, LiaisonMember, LiaisonStatus
from cellsec.entities.members import Sex
from cellsec.services.liaison import LIAISON_LABELS, change_status, save_liaison
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import FormDialog, roomy_form
from ui.common.form_fields import FormFields, combo, date_edit, line_edit, memo

LEFT = ("full_name", "sex", "birth_date", "address", "phone", "notes")
RIGHT = (
    "workplace",
    "workplace_party_org",
    "workplace_contact",
    "ggt_number",
    "ggt_date",
    "received_date",
    "category",
)
PLACEHOLDERS = {
    "full_name": "Ví dụ: Trần Văn Hải",
    "address": "Số nhà, xóm, thôn",
    "phone": "Ví dụ: 0912 345 678",
    "workplace": "Ví dụ: Trường THPT Thanh Sơn",
    "workplace_party_org": "Ví dụ: Chi bộ Trường THPT Thanh Sơn",
    "workplace_contact": "Người, số điện thoại liên hệ ở nơi công tác",
    "ggt_number": "Ví dụ: 25-GGT/ĐU",
}
DATES = ("birth_date", "ggt_date", "received_date")


def liaison_values(m: LiaisonMember) -> dict[str, str]:
    return {
        "full_name": m.full_name,
        "sex": m.sex.value,
        "birth_date": format_date(m.birth_date),
        "address": m.address,
        "phone": m.phone,
        "workplace": m.workplace,
        "workplace_party_org": m.workplace_party_org,
        "workplace_contact": m.workplace_contact,
        "ggt_number": m.ggt_number,
        "ggt_date": format_date(m.ggt_date),
        "received_date": format_date(m.received_date),
        "category": m.category.value,
        "notes": m.notes,
    }


class LiaisonDialog(EditorDialog):
    """New entry when `member` is None. After Lưu: `liaison_id` and `changes`."""

    def __init__(
        self, store: Store, today: date, member: LiaisonMember | None = None, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.liaison_id = member.id if member else None
        self.changes: Changes | None = None
        self.setWindowTitle(
            "Thêm đảng viên giữ mối liên hệ nơi cư trú"
            if member is None
            else "Sửa thông tin đảng viên giữ mối liên hệ"
        )
        self.fields = FormFields()
        self.banner = ErrorBanner()
        widgets: dict[str, QWidget] = {
            key: date_edit() if key in DATES else line_edit(PLACEHOLDERS.get(key, ""))
            for key in (*LEFT, *RIGHT)
        }
        widgets["sex"] = combo([("— Chọn —", "")] + [(s.label, s.value) for s in Sex])
        widgets["category"] = combo((c.label, c.value) for c in LiaisonCategory)
        widgets["notes"] = memo(lines=3)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for column, keys in enumerate((LEFT, RIGHT)):
            form = roomy_form()
            for key in keys:
                form.addRow(LIAISON_LABELS[key], self.fields.add(key, widgets[key]))
            grid.addLayout(form, 0, column)
        hint = QLabel(
            "Diện theo Hướng dẫn 33: người thuộc các diện miễn (lực lượng vũ trang ở "
            "doanh trại, công tác lưu động, cán bộ luân chuyển, học tập xa) không phải "
            "nhận xét hằng năm; chỉ làm phiếu rút gọn khi nơi công tác đề nghị."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addWidget(hint)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        if member is not None:
            self.fields.fill(liaison_values(member))
        else:
            self.fields.set_text("received_date", format_date(today))
        self.setMinimumWidth(1000)
        self.fields["full_name"].setFocus()

    def _on_save(self) -> None:
        with self.banner.attempt(self.fields) as tried:
            self.liaison_id, self.changes = save_liaison(
                self._store, self.fields.values(), self.liaison_id, today=self._today
            )
        if tried.failed:
            return
        self.accept()


def status_dialog(
    store: Store, member: LiaisonMember, today: date, parent: QWidget | None = None
) -> FormDialog:
    """Moved away, retired (now in the village cell), ended — or back to active."""
    assert member.id is not None
    current = member.status_on(today)
    choices = [(s.label, s.value) for s in LiaisonStatus if s is not current]
    now = current.label.lower() if current else "chưa nhận giấy giới thiệu"
    return FormDialog(
        "Thay đổi tình trạng giữ mối liên hệ",
        f"{member.full_name} — hiện nay: {now}.",
        [
            ("status", "Tình trạng mới", combo(choices)),
            ("date", "Từ ngày", date_edit()),
            ("note", "Ghi chú", line_edit("Ví dụ: Chuyển đến xã khác cư trú")),
        ],
        lambda v: change_status(
            store, member.id or 0, LiaisonStatus(v["status"]), v["date"], v["note"], today=today
        ),
        values={"date": format_date(today)},
        parent=parent,
    )
