"""Record a 6-monthly gathering with the working members living in the village: date, place,
content, and a tick for each member (active that day) who came."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.liaison import LiaisonStatus
from cellsec.errors import ValidationError
from cellsec.services.liaison import members_in_order, save_gathering
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import BIG_CHECKS, roomy_form
from ui.common.form_fields import FormFields, date_edit, line_edit, memo


class GatheringDialog(EditorDialog):
    """After Lưu: `gathering_id` and `changes`. The ticks follow the date: only members
    keeping contact that day can be marked present."""

    def __init__(self, store: Store, today: date, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.gathering_id: int | None = None
        self.changes: Changes | None = None
        self.checks: dict[int, QCheckBox] = {}
        self.setWindowTitle("Gặp mặt đảng viên giữ mối liên hệ (6 tháng một lần)")
        self.setMinimumWidth(680)
        self.setStyleSheet(BIG_CHECKS)
        self.fields = FormFields()
        self.banner = ErrorBanner()
        profile = store.profile.get()
        place = f"Nhà văn hóa {profile.cell_name.removeprefix('Chi bộ ')}" if profile else ""
        form = roomy_form()
        form.addRow("Ngày gặp mặt", self.fields.add("date", date_edit()))
        form.addRow("Địa điểm", self.fields.add("place", line_edit()))
        form.addRow("Nội dung", self.fields.add("content", memo("Thông báo, trao đổi, lấy ý kiến về …", 3)))
        self.fields.fill({"date": format_date(today), "place": place})
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.people = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.people_label)
        layout.addLayout(self.people)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        self.fields["date"].editingFinished.connect(self._show_people)
        self._show_people()

    def _show_people(self) -> None:
        try:
            when = parse_date(
                self.fields.text("date"), "Ngày gặp mặt", key="date", required=True, today=self._today
            )
        except ValidationError:
            return
        assert when is not None
        ticked = {i for i, c in self.checks.items() if c.isChecked()}
        for check in self.checks.values():
            self.people.removeWidget(check)
            check.deleteLater()
        self.checks = {}
        active = [
            m
            for m in members_in_order(self._store)
            if m.id is not None and m.status_on(when) is LiaisonStatus.ACTIVE
        ]
        for m in active:
            check = QCheckBox(f"{m.full_name} — {m.workplace}")
            check.setObjectName(f"present_{m.id}")
            check.setChecked(m.id in ticked)
            self.checks[m.id] = check  # type: ignore[index]
            self.people.addWidget(check)
        self.people_label.setText(
            f"Đánh dấu người có mặt ({len(active)} người giữ mối liên hệ ngày "
            f"{format_date(when)}; người không đánh dấu được ghi vắng):"
            if active
            else f"Ngày {format_date(when)} không có đảng viên nào đang giữ mối liên hệ."
        )

    def edit_state(self) -> object:
        return self.fields.values(), {i for i, c in self.checks.items() if c.isChecked()}

    def tick(self, liaison_id: int, present: bool = True) -> None:
        self.checks[liaison_id].setChecked(present)

    def _on_save(self) -> None:
        values = self.fields.values()
        present = [i for i, c in self.checks.items() if c.isChecked()]
        with self.banner.attempt(self.fields) as tried:
            self.gathering_id, self.changes = save_gathering(
                self._store, values["date"], values["place"], values["content"], present, today=self._today
            )
        if tried.failed:
            return
        self.accept()
