"""“Sửa danh sách”: one list setting the Đảng ủy xã sets (meeting quality criteria and bands,
comment-sheet criteria, the short sheet; the year-end review's levels, scoring criteria and
disqualifying conditions) edited row by row; the service checks it on Lưu and the message names
the row. "Về mặc định" refills the rows with the shipped list (saved on Lưu)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cellsec.entities.changes import Changes
from cellsec.entities.review import Level
from cellsec.errors import ValidationError
from cellsec.rules.review import level_label
from cellsec.rules.settings import Rules, RuleSetting
from cellsec.services.members import rules_of
from cellsec.services.rule_lists import QUALITY_TOTAL
from cellsec.services.rule_settings import list_kind, set_rule_value
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.rows_editor import Col, RowsEditor

COLUMNS = {
    "scored": (
        Col("label", "Tiêu chí", chars=40, stretch=True),
        Col("max", "Điểm tối đa", kind="spin", chars=9, maximum=QUALITY_TOTAL),
    ),
    "bands": (
        Col("floor", "Từ điểm", kind="spin", chars=8, maximum=QUALITY_TOTAL),
        Col("label", "Xếp loại", chars=20, stretch=True),
    ),
    "levels": (
        Col("label", "Nội dung nhận xét", kind="memo", chars=30, stretch=True),
        Col("level1", "Mức 1", kind="memo", chars=14),
        Col("level2", "Mức 2", kind="memo", chars=14),
        Col("level3", "Mức 3", kind="memo", chars=14),
    ),
    "subset": (
        Col("label", "Tiêu chí của phiếu đầy đủ", kind="label", chars=40, stretch=True),
        Col("chosen", "Có trong phiếu rút gọn", kind="check", chars=12),
    ),
    "thresholds": (
        Col("label", "Mức xếp loại", chars=30, stretch=True),
        Col("min_score", "Từ điểm", kind="spin", chars=8, maximum=QUALITY_TOTAL),
    ),
}
FIXED_ROWS = ("subset", "thresholds")  # the rows are given: no Thêm / Xóa / Lên / Xuống
HINTS = {
    "scored": "Tổng điểm tối đa các tiêu chí phải bằng 100.",
    "bands": "Xếp từ cao xuống thấp; dòng cuối từ 0 điểm.",
    "levels": "Mỗi tiêu chí ghi đủ ba mức, từ tốt nhất đến chưa đạt.",
    "subset": "Đánh dấu các tiêu chí dùng cho phiếu rút gọn (đảng viên thuộc diện miễn theo "
    "HD 33, khi được đề nghị).",
    "thresholds": "Bốn mức từ cao xuống thấp; điểm tối thiểu giảm dần, mức cuối từ 0 điểm. "
    "Kết quả đã có quyết định của Đảng ủy giữ nguyên như khi chốt.",
    "capped": "Có điều kiện thì đảng viên không được xếp cao hơn mức tối đa ghi bên cạnh. "
    "Kết quả đã có quyết định của Đảng ủy giữ nguyên như khi chốt.",
}


def columns_of(kind: str, rules: Rules) -> tuple[Col, ...]:
    """The editor's columns; the caps of the conditions are chosen among the levels in force."""
    if kind != "capped":
        return COLUMNS[kind]
    caps = tuple((level_label(rules, lv), lv.value) for lv in list(Level)[1:])
    return (
        Col("label", "Điều kiện", chars=40, stretch=True),
        Col("cap", "Mức tối đa", kind="choice", chars=30, choices=caps),
    )


class RuleListDialog(EditorDialog):
    """After Lưu, `changes` holds what the service changed (None if nothing was saved)."""

    def __init__(self, store: Store, setting: RuleSetting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._setting = setting
        self._kind = list_kind(setting) or ""
        self.changes: Changes | None = None
        self.setWindowTitle(setting.label)
        self.resize(900 if self._kind in ("levels", "capped") else 700, 520)
        source = QLabel(f"Căn cứ: {setting.source}. {HINTS.get(self._kind, '')}")
        source.setWordWrap(True)
        self.banner = ErrorBanner()
        self.editor = RowsEditor(
            columns_of(self._kind, rules_of(store)),
            add_text="Thêm dòng",
            addable=self._kind not in FIXED_ROWS,
            lines=3 if self._kind == "levels" else None,
        )
        self.total_label = QLabel()
        self.total_label.setVisible(self._kind == "scored")
        self.editor.sig_changed.connect(self._show_total)
        self.default_button = QPushButton("Về mặc định")
        self.default_button.setToolTip("Điền lại danh sách theo văn bản quy định (lưu khi bấm Lưu)")
        self.default_button.setAutoDefault(False)
        self.default_button.clicked.connect(lambda: self.fill(self._setting.default))
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.default_button)
        bottom.addWidget(self.total_label)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        for w in (source, self.banner):
            layout.addWidget(w)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)
        self.fill(setting.value)

    # --- rows <-> value ----------------------------------------------------------------------
    def fill(self, value: Any) -> None:
        rows: list[dict[str, Any]] = []
        payloads: list[Any] = []
        if self._kind == "scored":
            rows = [{"label": c["label"], "max": c["max"]} for c in value]
            payloads = [c["key"] for c in value]
        elif self._kind == "bands":
            rows = [{"floor": floor, "label": label} for floor, label in value]
        elif self._kind == "levels":
            rows = [
                {"label": c["label"], **{f"level{i}": text for i, text in enumerate(c["levels"], start=1)}}
                for c in value
            ]
            payloads = [c["key"] for c in value]
        elif self._kind == "thresholds":
            rows = [{"label": c["label"], "min_score": c["min_score"]} for c in value]
            payloads = [c["key"] for c in value]
        elif self._kind == "capped":
            rows = [{"label": c["label"], "cap": c["cap"]} for c in value]
            payloads = [c["key"] for c in value]
        elif self._kind == "subset":
            criteria = rules_of(self._store)["comment_criteria"]
            rows = [{"label": c["label"], "chosen": c["key"] in value} for c in criteria]
            payloads = [c["key"] for c in criteria]
        self.editor.set_rows(rows, payloads or None)
        self.banner.clear_message()

    def value(self) -> Any:
        rows, keys = self.editor.rows(), self.editor.payloads()
        if self._kind == "scored":
            return [
                {**({"key": k} if k else {}), "label": r["label"], "max": r["max"]}
                for r, k in zip(rows, keys)
            ]
        if self._kind == "bands":
            return [[r["floor"], r["label"]] for r in rows]
        if self._kind in ("thresholds", "capped"):
            field = "min_score" if self._kind == "thresholds" else "cap"
            return [
                {**({"key": k} if k else {}), "label": r["label"], field: r[field]}
                for r, k in zip(rows, keys)
            ]
        if self._kind == "levels":
            return [
                {
                    **({"key": k} if k else {}),
                    "label": r["label"],
                    "levels": [r["level1"], r["level2"], r["level3"]],
                }
                for r, k in zip(rows, keys)
            ]
        return [k for r, k in zip(rows, keys) if r["chosen"]]

    def _show_total(self) -> None:
        if self._kind == "scored":
            total = sum(r["max"] for r in self.editor.rows())
            colour = "#1b5e20" if total == QUALITY_TOTAL else "#9b1c1c"
            self.total_label.setText(
                f"<span style='color:{colour}'>Tổng: <b>{total}</b>/{QUALITY_TOTAL} điểm</span>"
            )

    # --- saving ------------------------------------------------------------------------------
    def edit_state(self) -> object:
        return self.editor.rows()

    def save(self) -> None:
        try:
            self.changes = set_rule_value(self._store, self._setting.key, self.value())
        except ValidationError as err:
            self.banner.show_message(str(err))
            return
        self.accept()
