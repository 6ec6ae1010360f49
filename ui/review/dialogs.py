"""The review's dialogs: one member's review (Mẫu 2C, scores, conditions, levels), the year's
own fields, and the Đảng ủy's decision — each a FormDialog calling one service on Lưu."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cellsec.entities.changes import Changes
from cellsec.entities.review import Level
from cellsec.errors import ValidationError
from cellsec.services.review import enter_decision, save_member_review, save_review_year
from cellsec.services.review_form import REVIEW_LABELS, YEAR_LABELS, score_key
from cellsec.services.review_record import Record, label_of
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box, show_validation_error
from ui.common.form_dialog import FormDialog, roomy_form
from ui.common.form_fields import FormFields, combo, date_edit, line_edit, memo

NONE = "— chưa ghi —"


def level_combo(record: Record) -> Any:
    return combo([(NONE, ""), *((label_of(record, lv.value), lv.value) for lv in Level)])


def _condition_field(key: str) -> str:
    return f"cond_{key}"


class MemberReviewDialog(QDialog):
    """One member's review: the self-review (Mẫu 2C) on the left, the scores, the conditions
    that cap a level and the levels on the right. Lưu calls save_member_review; a refusal shows
    in the red line with the cursor in the field concerned. After Lưu: `changes`."""

    def __init__(
        self, store: Store, record: Record, entry: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store, self._year, self._entry = store, record["year"], entry
        self._conditions = [c["key"] for c in record["conditions"]]
        self.changes: Changes | None = None
        self.setWindowTitle(f"Kiểm điểm cuối năm {self._year} — {entry['name']}")
        self.setMinimumWidth(900)
        self.fields = FormFields()
        self.banner = ErrorBanner()
        suggested = label_of(record, entry["suggested_level"]) or "chưa chấm điểm"
        who = ", ".join(x for x in (entry["standing"], entry["position"]) if x)
        intro = QLabel(f"Đồng chí {entry['name']} ({who}) — mức theo điểm và điều kiện: {suggested}.")
        intro.setWordWrap(True)
        intro.setStyleSheet("font-weight: bold;")
        left, right = roomy_form(), roomy_form()
        left.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        left.addRow(
            REVIEW_LABELS["strengths"], self.fields.add("strengths", memo("Ưu điểm, kết quả đạt được", 6))
        )
        left.addRow(
            REVIEW_LABELS["shortcomings"],
            self.fields.add("shortcomings", memo("Hạn chế, khuyết điểm và nguyên nhân", 6)),
        )
        left.addRow(REVIEW_LABELS["self_level"], self.fields.add("self_level", level_combo(record)))
        left.addRow(REVIEW_LABELS["notes"], self.fields.add("notes", memo("", 2)))
        for c in record["criteria"]:
            edit = line_edit("trống: không chấm")
            edit.setToolTip(c["label"])
            label = f"Điểm {c['label'].split(' (')[0].lower()} (tối đa {c['max']})"
            right.addRow(_wrapped(label), self.fields.add(score_key(c["key"]), edit))
        for c in record["conditions"]:
            label = f"{c['label']} (tối đa “{label_of(record, c['cap'])}”)"
            right.addRow(
                _wrapped(label),
                self.fields.add(_condition_field(c["key"]), combo([("Không", ""), ("Có", c["key"])])),
            )
        right.addRow(
            _wrapped(REVIEW_LABELS["proposed_level"]), self.fields.add("proposed_level", level_combo(record))
        )
        right.addRow(
            _wrapped(REVIEW_LABELS["decided_level"]), self.fields.add("decided_level", level_combo(record))
        )
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        values = review_form_values(entry)
        for key in entry["conditions"]:  # ticked, or shown by the register (a discipline)
            values[_condition_field(key)] = key
        self.fields.fill(values)
        self.fields["strengths"].setFocus()

    def _on_save(self) -> None:
        form = self.fields.values()
        ticked = [form.pop(_condition_field(k), "") for k in self._conditions]
        form["conditions"] = ", ".join(k for k in ticked if k)
        try:
            self.changes = save_member_review(self._store, self._year, self._entry["member_id"], form)
        except ValidationError as err:
            first = _condition_field(self._conditions[0]) if self._conditions else "notes"
            show_validation_error(self.banner, self.fields, err, {"conditions": first})
            return
        self.accept()


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(240)
    return label


def review_form_values(entry: dict[str, Any]) -> dict[str, str]:
    """The entry of the record as the editor's fields."""
    values = {key: entry[key] or "" for key in ("strengths", "shortcomings", "notes")}
    values.update({key: entry[key] or "" for key in ("self_level", "proposed_level", "decided_level")})
    values.update({score_key(k): str(v) for k, v in entry["scores"].items()})
    return values


def year_dialog(store: Store, record: Record, parent: QWidget) -> FormDialog:
    year = record["year"]
    rows: list[tuple[str, str, QWidget]] = [
        ("meeting_date", YEAR_LABELS["meeting_date"], date_edit()),
        ("cell_proposed_level", YEAR_LABELS["cell_proposed_level"], level_combo(record)),
        ("notes", YEAR_LABELS["notes"], memo("", 3)),
    ]
    r = record["review"]
    values = {
        "meeting_date": _day(r["meeting_date"]),
        "cell_proposed_level": r["cell_proposed_level"] or "",
        "notes": r["notes"],
    }
    return FormDialog(
        f"Kỳ kiểm điểm năm {year}",
        "Ngày chi bộ họp kiểm điểm và chi bộ tự đánh giá xếp loại chi bộ.",
        rows,
        lambda form: save_review_year(store, year, form),
        values=values,
        parent=parent,
    )


def decision_dialog(store: Store, record: Record, parent: QWidget) -> FormDialog:
    year = record["year"]
    rows: list[tuple[str, str, QWidget]] = [
        ("decision_ref", YEAR_LABELS["decision_ref"], line_edit("ví dụ Quyết định số 12-QĐ/ĐU")),
        ("decision_date", YEAR_LABELS["decision_date"], date_edit()),
        ("cell_decided_level", YEAR_LABELS["cell_decided_level"], level_combo(record)),
    ]
    return FormDialog(
        f"Quyết định xếp loại năm {year} của Đảng ủy",
        "Ghi mức Đảng ủy quyết định cho từng đảng viên trước (nút “Sửa kiểm điểm…”). Sau khi "
        f"lưu, kết quả năm {year} được chốt và không sửa được nữa.",
        rows,
        lambda form: enter_decision(store, year, form),
        accept_text="Lưu và chốt kết quả",
        parent=parent,
    )


def _day(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""
