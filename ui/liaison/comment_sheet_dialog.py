"""The yearly comment sheet (phiếu nhận xét, QĐ 213): record the workplace's request, and fill
the sheet — three levels per criterion as radio buttons, free text, and its dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.liaison import CommentSheet, LiaisonMember
from cellsec.errors import ValidationError
from cellsec.rules.liaison import CommentDue
from cellsec.services.liaison import SHEET_DATE_LABELS, fill_sheet, record_request
from cellsec.services.members import rules_of
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box, focus_field
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import BIG_CHECKS, FormDialog, roomy_form
from ui.common.form_fields import FormFields, combo, date_edit, line_edit, memo

VARIANTS = (
    ("Phiếu đầy đủ (sáu tiêu chí)", "full"),
    ("Phiếu rút gọn (diện miễn theo HD 33, khi được đề nghị)", "short"),
)


def request_dialog(
    store: Store,
    member: LiaisonMember,
    year: int,
    today: date,
    sheet: CommentSheet | None = None,
    parent: QWidget | None = None,
) -> FormDialog:
    """The workplace committee asks for this year's comment (a request already recorded is
    shown for correction)."""
    default = "full" if member.category.routine_comment else "short"
    asked = sheet is not None and sheet.requested_date is not None
    return FormDialog(
        f"Ghi đề nghị nhận xét năm {year}",
        f"{member.full_name} — {member.workplace}",
        [
            ("requested_date", SHEET_DATE_LABELS["requested_date"], date_edit()),
            ("requesting_org", "Tổ chức đảng đề nghị", line_edit("Ví dụ: Đảng ủy Trung tâm Y tế")),
            ("variant", "Loại phiếu", combo(VARIANTS)),
        ],
        lambda v: record_request(
            store, member.id or 0, year, v["requested_date"], v["requesting_org"], v["variant"], today=today
        )[1],
        values={
            "requested_date": format_date(sheet.requested_date if asked and sheet else today),
            "requesting_org": sheet.requesting_org if asked and sheet else member.workplace_party_org,
            "variant": sheet.variant if sheet else default,
        },
        parent=parent,
    )


class CommentSheetDialog(EditorDialog):
    """After Lưu: `changes`. The short variant shows only the settings' short criteria."""

    def __init__(
        self,
        store: Store,
        due: CommentDue,
        year: int,
        today: date,
        *,
        participation: tuple[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._member = due.member
        self._year = year
        self._today = today
        self.changes: Changes | None = None
        rules = rules_of(store)
        sheet = due.sheet
        self.variant = sheet.variant if sheet else due.variant
        criteria = list(rules["comment_criteria"])
        if self.variant == "short":
            short = list(rules["comment_short_criteria"])
            criteria = [c for c in criteria if c["key"] in short]
        self.setWindowTitle(f"Phiếu nhận xét năm {year} — {due.member.full_name}")
        self.banner = ErrorBanner()
        heading = QLabel(
            f"<b>{due.member.full_name}</b> — {due.member.workplace}<br>"
            f"{'Phiếu rút gọn' if self.variant == 'short' else 'Phiếu đầy đủ'}; "
            f"{due.reason}" + (f"; hạn gửi {format_date(due.deadline)}" if due.deadline else "") + "."
        )
        heading.setWordWrap(True)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[str, list[QRadioButton]] = {}
        box = QGroupBox("Đánh giá (chọn một mức cho mỗi tiêu chí)")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(18)
        # Each criterion on its own line, its three levels on the line under it.
        for index, c in enumerate(criteria):
            row = 2 * index
            label = QLabel(f"{index + 1}. {c['label']}")
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, row, 0, 1, 4)
            group = QButtonGroup(self)
            self.groups[c["key"]] = group
            self.radios[c["key"]] = []
            for level, text in enumerate(c["levels"]):
                radio = QRadioButton(text)
                radio.setObjectName(f"{c['key']}_{level}")
                group.addButton(radio, level)
                self.radios[c["key"]].append(radio)
                grid.addWidget(radio, row + 1, level + 1)
            chosen = sheet.criteria.get(c["key"]) if sheet else None
            if chosen is not None:
                self.radios[c["key"]][chosen].setChecked(True)
        grid.setColumnMinimumWidth(0, 16)
        for column in (1, 2, 3):
            grid.setColumnStretch(column, 1)
        if participation is not None and "gatherings" in self.groups:
            came, expected = participation
            hint = QLabel(f"(Năm {year} đã dự {came}/{expected} buổi gặp mặt.)")
            hint.setStyleSheet("color: #444;")
            grid.addWidget(hint, 2 * len(criteria), 0, 1, 4)
        self.fields = FormFields()
        self.fields.add("free_text", memo("Ý kiến khác của chi ủy", 3))
        free = roomy_form()
        free.addRow("Ý kiến khác", self.fields["free_text"])
        # The six dates in two columns, in the order things happen.
        dates = QGridLayout()
        dates.setHorizontalSpacing(14)
        for i, (key, text) in enumerate(SHEET_DATE_LABELS.items()):
            row, column = i % 3, 2 * (i // 3)
            dates.addWidget(QLabel(text), row, column)
            dates.addWidget(self.fields.add(key, date_edit()), row, column + 1)
        dates.setColumnStretch(1, 1)
        dates.setColumnStretch(3, 1)
        if sheet is not None:
            self.fields.set_text("free_text", sheet.free_text)
            for key in SHEET_DATE_LABELS:
                self.fields.set_text(key, format_date(getattr(sheet, key)))
        note = QLabel(
            "Chi ủy nhận xét sau khi họp với Ban công tác Mặt trận thôn; phiếu ký "
            "“T/M CHI BỘ”, gửi Đảng ủy xã xác nhận rồi gửi lại nơi công tác. Phiếu "
            "được tính là đã làm khi có ngày gửi."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.banner)
        layout.addWidget(box)
        layout.addLayout(free)
        layout.addLayout(dates)
        layout.addWidget(note)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(900)
        self.setStyleSheet(BIG_CHECKS)

    def choose(self, key: str, level: int) -> None:
        self.radios[key][level].setChecked(True)

    def edit_state(self) -> object:
        return self.fields.values(), self.criteria()

    def criteria(self) -> dict[str, int]:
        return {k: g.checkedId() for k, g in self.groups.items() if g.checkedId() >= 0}

    def _on_save(self) -> None:
        self.banner.clear_message()  # an earlier refusal is not the answer to this attempt
        values = self.fields.values()
        dates: dict[str, Any] = {k: values[k] for k in SHEET_DATE_LABELS}
        try:
            _, self.changes = fill_sheet(
                self._store,
                self._member.id or 0,
                self._year,
                self.criteria(),
                values["free_text"],
                dates,
                self.variant,
                today=self._today,
            )
        except ValidationError as err:
            self.banner.show_message(str(err))
            if err.key in self.radios:
                self.radios[err.key][0].setFocus()
            elif err.key in self.fields:
                focus_field(self.fields[err.key])
            elif err.key == "criteria":
                missing = next((r for k, r in self.radios.items() if self.groups[k].checkedId() < 0), None)
                if missing:
                    missing[0].setFocus()
            return
        self.accept()
