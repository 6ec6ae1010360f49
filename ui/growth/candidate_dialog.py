"""The candidate's form: the person (the member form's fields, carried into the member at the
ceremony) beside the dated stages towards admission."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from cellsec.entities.changes import Changes
from cellsec.services.candidates import CANDIDATE_LABELS, save_candidate
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import roomy_form
from ui.common.form_fields import FormFields, combo, date_edit, line_edit, memo
from ui.common.screen_room import fit_to_screen

_PERSON = (
    ("full_name", "text"),
    ("sex", "sex"),
    ("birth_date", "date"),
    ("citizen_id", "text"),
    ("phone", "text"),
    ("hometown", "text"),
    ("permanent_address", "text"),
    ("occupation", "text"),
    ("education", "text"),
    ("ethnicity", "text"),
    ("religion", "text"),
    ("youth_union_date", "date"),
)
_STAGES = (
    ("course_date", "date"),
    ("course_certificate_no", "text"),
    ("application_date", "date"),
    ("cv_date", "date"),
    ("verification_date", "date"),
    ("introducer_1_id", "member"),
    ("introducer_1_since", "date"),
    ("introducer_2_id", "member"),
    ("introducer_2_since", "date"),
    ("youth_union_introduces", "yes"),
    ("resolution_date", "date"),
    ("resolution_ref", "text"),
    ("votes_entitled", "number"),
    ("votes_for", "number"),
    ("decision_date", "date"),
    ("decision_ref", "text"),
    ("dropped_on", "date"),
    ("dropped_reason", "text"),
    ("notes", "memo"),
)


class CandidateDialog(EditorDialog):
    """Add or edit a candidate; `members` are (name, id) of the full members who may introduce.
    Closing with what was typed unsaved asks first, like every editor."""

    def __init__(
        self,
        store: Store,
        members: Sequence[tuple[str, int]],
        candidate_id: int | None = None,
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa quần chúng ưu tú" if candidate_id else "Thêm quần chúng ưu tú")
        self._store = store
        self._candidate_id = candidate_id
        self._members = members
        self.changes: Changes | None = None
        self.new_id: int | None = None
        self.fields = FormFields()
        self.banner = ErrorBanner()
        columns = QHBoxLayout()
        columns.addWidget(self._group("Người vào Đảng", _PERSON))
        columns.addWidget(self._group("Các bước phát triển", _STAGES))
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1100, 680)
        if values:
            self.fields.fill(dict(values))
        self.fields["full_name"].setFocus()

    def _group(self, title: str, keys: Sequence[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = roomy_form()
        box.setLayout(form)
        for key, kind in keys:
            form.addRow(CANDIDATE_LABELS[key], self.fields.add(key, self._widget(kind)))
        return box

    def _widget(self, kind: str) -> QWidget:
        if kind == "date":
            return date_edit()
        if kind == "sex":
            return combo((("Nam", "Nam"), ("Nữ", "Nữ")))
        if kind == "member":
            return combo([("(chưa có)", ""), *((name, str(mid)) for name, mid in self._members)])
        if kind == "yes":
            return combo((("Không", ""), ("Có", "Có")))
        if kind == "memo":
            return memo(lines=2)
        if kind == "number":
            return line_edit("số")
        return line_edit()

    def _on_save(self) -> None:
        with self.banner.attempt(self.fields) as tried:
            self.new_id, self.changes = save_candidate(self._store, self.fields.values(), self._candidate_id)
        if not tried.failed:
            self.accept()
