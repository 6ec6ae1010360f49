"""“Thiết lập quy định”: the rule settings in force for this cell, each with its legal source.
Numbers, yes/no, dates and milestones are typed here; the lists the Đảng ủy xã sets (criteria,
bands, the short comment sheet, the year-end review's levels, criteria and conditions) open row
by row in “Sửa danh sách…”. Each can go back to the shipped default. A value typed and not yet
saved is never dropped unasked: closing, or choosing another setting, asks "Lưu thay đổi?"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError
from cellsec.rules.settings import RuleSetting
from cellsec.services.members import rules_of
from cellsec.services.rule_settings import editable, list_kind, list_rules, reset_rule, set_rule, show_value
from cellsec.store import Store

from ui.cell.rule_list_dialog import RuleListDialog
from ui.common.dialogs import ErrorBanner
from ui.common.editor_dialog import EditorDialog, Unsaved

HEADERS = ("Thiết lập", "Giá trị đang dùng", "Mặc định", "Căn cứ")


def _short(text: str, limit: int = 70) -> str:
    """Long lists (criteria) in one or two lines; the whole text is in the tooltip."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


class RulesDialog(EditorDialog):
    """Changes go through the rule-settings service; `changes` collects them for the window
    (None while nothing was saved). What is unsaved: the value typed in the line."""

    unsaved_title = "Lưu thay đổi?"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.changes: Changes | None = None
        self._shown: str | None = None  # the setting whose value is in the line
        self.setWindowTitle("Thiết lập quy định")
        self.resize(1100, 620)
        intro = QLabel(
            "Các mức, hạn và chỉ tiêu theo quy định hiện hành, kèm văn bản căn cứ. "
            "Dòng nền vàng là quy định chưa được xác minh: hãy đối chiếu với hướng dẫn "
            "của Đảng ủy xã và sửa nếu khác."
        )
        intro.setWordWrap(True)
        self.error = ErrorBanner()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 210)
        self.table.itemSelectionChanged.connect(self._on_select)
        # Row heights follow the columns once the dialog has its real width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(
            "Giá trị mới (số; Có/Không; ngày/tháng như 15/12; tỷ lệ như 2/3; các mốc như 30, 40, 45)"
        )
        self.value_edit.returnPressed.connect(self.save_value)
        self.save_button = QPushButton("Lưu giá trị")
        self.save_button.setToolTip("Lưu giá trị vừa nhập cho quy định đang chọn")
        self.save_button.clicked.connect(self.save_value)
        self.list_button = QPushButton("Sửa danh sách…")
        self.list_button.setToolTip(
            "Sửa từng dòng của danh sách (tiêu chí, xếp loại, phiếu rút gọn, mức xếp loại cuối năm, "
            "điều kiện giới hạn mức)"
        )
        self.list_button.clicked.connect(self.edit_list)
        self.list_dialog: RuleListDialog | None = None
        self.reset_button = QPushButton("Về mặc định")
        self.reset_button.setToolTip("Trở lại giá trị theo văn bản quy định")
        self.reset_button.clicked.connect(self.reset_value)
        close = QPushButton("Đóng")
        close.setToolTip("Đóng bảng thiết lập (giá trị đã nhập mà chưa lưu sẽ được hỏi)")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.value_edit, 1)
        for w in (self.save_button, self.list_button, self.reset_button):
            row.addWidget(w)
        row.addSpacing(40)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        for w in (intro, self.error, self.table):
            layout.addWidget(w)
        layout.addLayout(row)
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Once the stretched columns have their new widths, rows fit their wrapped text again.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def reload(self, keep: str | None = None) -> None:
        """Read the settings again (after a write: what was typed is saved or set aside)."""
        self._shown = None
        self._rules = list_rules(self._store)
        in_force = rules_of(self._store)
        self.table.setRowCount(len(self._rules))
        for r, rule in enumerate(self._rules):
            unverified = "" if rule.verified or "chưa xác minh" in rule.source else " — chưa xác minh"
            cells = (
                rule.label,
                show_value(rule.value, rule.key, in_force),
                show_value(rule.default, rule.key, in_force),
                rule.source + unverified,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(_short(text) if c in (1, 2) else text)
                item.setToolTip(text)
                if not rule.verified:
                    item.setBackground(QColor("#fff6d6"))
                if c == 1 and rule.overridden:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        if keep is not None:
            self.select(keep)
        self._on_select()

    def select(self, key: str) -> None:
        for r, rule in enumerate(self._rules):
            if rule.key == key:
                self.table.selectRow(r)

    def _current(self) -> RuleSetting | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rules[rows[0].row()] if rows else None

    @staticmethod
    def _typed(rule: RuleSetting | None) -> bool:
        """Edited as one line of text (a list of rows opens its own editor)."""
        return rule is not None and editable(rule) and list_kind(rule) in (None, "numbers")

    def _on_select(self) -> None:
        if self._shown is not None and self.has_unsaved_changes() and not self._leave_typed():
            return
        rule = self._current()
        self._shown = rule.key if rule is not None else None
        typed = self._typed(rule)
        for w in (self.value_edit, self.save_button):
            w.setEnabled(typed)
        self.list_button.setEnabled(rule is not None and editable(rule) and not typed)
        self.reset_button.setEnabled(rule is not None and rule.overridden)
        self.value_edit.setText(show_value(rule.value, rule.key) if typed and rule else "")
        self.error.clear_message()
        self.mark_saved()

    # --- what is typed and not saved ---------------------------------------------------------
    def edit_state(self) -> object:
        return self.value_edit.text().strip()

    def _leave_typed(self) -> bool:
        """Another setting was chosen while a value typed for the shown one is unsaved: ask.
        True when the choice may go on (the value dropped); otherwise the dialog has dealt with
        it — saved and shown again on the new choice, or the shown setting chosen again."""
        shown = self._shown
        answer = type(self).ask_unsaved(self, self.unsaved_title)
        if answer is Unsaved.DISCARD:
            return True
        if answer is Unsaved.SAVE and shown is not None and self._save(shown):
            target = self._current()
            self.reload(keep=target.key if target is not None else None)
            return False
        self.table.blockSignals(True)
        self.select(shown or "")
        self.table.blockSignals(False)
        return False

    def save_from_close(self) -> None:
        """Lưu from the closing question: save the typed value, then close (a refusal stays)."""
        if self._shown is not None and self._save(self._shown):
            self.done(0)

    # --- writes ------------------------------------------------------------------------------
    def _record(self, changes: Changes) -> None:
        self.changes = changes if self.changes is None else self.changes | changes

    def _save(self, key: str) -> bool:
        try:
            self._record(set_rule(self._store, key, self.value_edit.text()))
        except ValidationError as err:
            self.error.show_message(str(err))
            self.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.mark_saved()
        return True

    def save_value(self) -> None:
        rule = self._current()
        if rule is None or not self._save(rule.key):
            return
        self.reload(keep=rule.key)

    def reset_value(self) -> None:
        rule = self._current()
        if rule is None:
            return
        try:
            self._record(reset_rule(self._store, rule.key))
        except ValidationError as err:
            self.error.show_message(str(err))
            return
        self.reload(keep=rule.key)

    def edit_list(self) -> None:
        """Open the row editor of the chosen list (window-modal, no nested event loop)."""
        rule = self._current()
        if rule is None or self._typed(rule) or not editable(rule):
            return
        dialog = RuleListDialog(self._store, rule, parent=self)
        self.list_dialog = dialog

        def finished(_result: int) -> None:
            self.list_dialog = None
            if dialog.changes is not None:
                self._record(dialog.changes)
                self.reload(keep=rule.key)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
