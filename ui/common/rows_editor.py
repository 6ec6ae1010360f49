"""A small editable list of records (guests, tasks, votes, opinions…): one real widget a cell,
with Thêm / Xóa / Lên / Xuống buttons. Meant for a few dozen rows, not for the roll."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.folded_completer import FoldedCompleter
from ui.common.form_fields import DATE_PLACEHOLDER


@dataclass(frozen=True)
class Col:
    """One column. kind: text, memo (several lines), combo (editable, with suggestions that
    complete with folded matching, like the register search), choice (fixed (label, value)
    pairs), check, spin, date (dd/mm/yyyy text), label (read-only)."""

    key: str
    header: str
    kind: str = "text"
    chars: int = 14  # starting width, in characters
    stretch: bool = False
    choices: tuple[tuple[str, Any], ...] = ()
    maximum: int = 9999
    placeholder: str = ""


class _FocusWatcher(QObject):
    """Makes the row whose widget gets the focus the table's current row (for Xóa, Lên …)."""

    def __init__(self, editor: RowsEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._editor.follow_focus(watched)
        return False


class RowsEditor(QWidget):
    sig_changed = Signal()

    def __init__(
        self,
        columns: Sequence[Col],
        *,
        add_text: str = "Thêm",
        addable: bool = True,
        remove_text: str = "Xóa dòng",
        lines: int | None = None,
        empty_row: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._keys = [c.key for c in self.columns]
        self._payloads: list[Any] = []
        self._empty_row = empty_row or {}
        self._read_only = False
        self._watcher = _FocusWatcher(self)
        self._choices = {c.key: c.choices for c in self.columns}
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        # A pale highlight: the row stays readable behind its widgets (and large check boxes).
        self.table.setStyleSheet(
            "QTableWidget::item:selected { background: #dbe8f7; }"
            "QCheckBox::indicator { width: 22px; height: 22px; }"
        )
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        char = self.fontMetrics().averageCharWidth()
        for i, c in enumerate(self.columns):
            self.table.setColumnWidth(
                i, max(c.chars * char + 24, self.fontMetrics().horizontalAdvance(c.header) + 24)
            )
            if c.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        if lines is None:
            lines = 3 if any(c.kind == "memo" for c in self.columns) else 1
        self._row_height = self.fontMetrics().lineSpacing() * lines + 20
        self.table.verticalHeader().setDefaultSectionSize(self._row_height)

        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(remove_text)
        self.up_button = QPushButton("Lên")
        self.down_button = QPushButton("Xuống")
        self.add_button.setToolTip("Thêm một dòng mới vào cuối bảng")
        self.remove_button.setToolTip("Xóa dòng đang chọn")
        self.up_button.setToolTip("Đưa dòng đang chọn lên trên một dòng")
        self.down_button.setToolTip("Đưa dòng đang chọn xuống dưới một dòng")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._buttons = (self.add_button, self.remove_button, self.up_button, self.down_button)
        buttons = QHBoxLayout()
        for b in self._buttons:
            b.setAutoDefault(False)
            b.setVisible(addable)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- rows --------------------------------------------------------------------------------
    def rowCount(self) -> int:
        return self.table.rowCount()

    def set_rows(self, rows: Sequence[dict[str, Any]], payloads: Sequence[Any] | None = None) -> None:
        self.table.setRowCount(0)
        self._payloads = []
        for i, values in enumerate(rows):
            self._append(values, payloads[i] if payloads is not None else None)
        self.sig_changed.emit()

    def add_row(self, values: dict[str, Any] | None = None, payload: Any = None) -> int:
        row = self._append({**self._empty_row, **(values or {})}, payload)
        self.table.selectRow(row)
        first = self.cell(row, self._keys[0])
        for c in self.columns:  # put the cursor in the first thing to type
            if c.kind not in ("label", "check"):
                first = self.cell(row, c.key)
                break
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.sig_changed.emit()
        return row

    def rows(self) -> list[dict[str, Any]]:
        return [{c.key: self._value(r, c) for c in self.columns} for r in range(self.rowCount())]

    def payloads(self) -> list[Any]:
        return list(self._payloads)

    def set_payloads(self, payloads: Sequence[Any]) -> None:
        """Swap the hidden records (e.g. for the saved ones, which carry ids) in place."""
        if len(payloads) == len(self._payloads):
            self._payloads = list(payloads)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if self._read_only or not 0 <= row < self.rowCount():
            return
        rows, payloads = self.rows(), self.payloads()
        del rows[row], payloads[row]
        self.set_rows(rows, payloads)
        if rows:
            self.table.selectRow(min(row, len(rows) - 1))

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        to = row + step
        if self._read_only or not (0 <= row < self.rowCount() and 0 <= to < self.rowCount()):
            return
        rows, payloads = self.rows(), self.payloads()
        rows[row], rows[to] = rows[to], rows[row]
        payloads[row], payloads[to] = payloads[to], payloads[row]
        self.set_rows(rows, payloads)
        self.table.selectRow(to)

    def cell(self, row: int, key: str) -> QWidget:
        """The editing widget of a cell (the check box itself, not its centring frame)."""
        widget = self.table.cellWidget(row, self._keys.index(key))
        inner = widget.findChild(QCheckBox) if widget is not None else None
        return inner if inner is not None else widget

    def set_choices(self, key: str, choices: Sequence[tuple[str, Any]]) -> None:
        """New suggestions for a combo column; what is typed in existing rows stays."""
        self._choices[key] = tuple(choices)
        for row in range(self.rowCount()):
            box = self.cell(row, key)
            if isinstance(box, QComboBox):
                text = box.currentText()
                box.blockSignals(True)
                box.clear()
                for label, value in choices:
                    box.addItem(label, value)
                box.setEditText(text)
                box.blockSignals(False)
                if isinstance(box.completer(), FoldedCompleter):
                    box.completer().set_names([label for label, _ in choices])

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for b in self._buttons:
            b.setEnabled(not read_only)
        for row in range(self.rowCount()):
            for c in self.columns:
                self._lock(self.cell(row, c.key), read_only)

    def follow_focus(self, widget: QWidget) -> None:
        viewport = self.table.viewport()
        if not viewport.isAncestorOf(widget):
            return
        index = self.table.indexAt(widget.mapTo(viewport, QPoint(1, 1)))
        if index.isValid() and index.row() != self.table.currentRow():
            self.table.selectRow(index.row())

    # --- cells -------------------------------------------------------------------------------
    def _append(self, values: dict[str, Any], payload: Any) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._payloads.append(payload)
        for i, c in enumerate(self.columns):
            widget, editor = self._make(c, values.get(c.key))
            self._lock(editor, self._read_only)
            editor.installEventFilter(self._watcher)
            self.table.setCellWidget(row, i, widget)
        return row

    def _make(self, c: Col, value: Any) -> tuple[QWidget, QWidget]:
        def changed(*_: object) -> None:
            self.sig_changed.emit()

        if c.kind == "memo":
            memo = QPlainTextEdit(str(value or ""))
            memo.setTabChangesFocus(True)
            memo.setPlaceholderText(c.placeholder)
            memo.textChanged.connect(changed)
            return memo, memo
        if c.kind in ("combo", "choice"):
            box = QComboBox()
            box.setEditable(c.kind == "combo")
            for label, data in self._choices[c.key]:
                box.addItem(label, data)
            if c.kind == "combo":
                box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                box.setCompleter(FoldedCompleter([label for label, _ in self._choices[c.key]], box))
                box.setEditText(str(value or ""))
                box.lineEdit().setPlaceholderText(c.placeholder)
                box.editTextChanged.connect(changed)
            else:
                box.setCurrentIndex(max(box.findData(value), 0))
                box.currentIndexChanged.connect(changed)
            return box, box
        if c.kind == "check":
            check = QCheckBox()
            check.setChecked(bool(value))
            check.toggled.connect(changed)
            frame = QWidget()
            centre = QHBoxLayout(frame)
            centre.setContentsMargins(0, 0, 0, 0)
            centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
            centre.addWidget(check)
            return frame, check
        if c.kind == "spin":
            spin = QSpinBox()
            spin.setRange(0, c.maximum)
            spin.setValue(int(value or 0))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(changed)
            return spin, spin
        if c.kind == "label":
            label = QLabel(str(value or ""))
            label.setWordWrap(True)
            label.setContentsMargins(6, 0, 6, 0)
            return label, label
        edit = QLineEdit(str(value or ""))
        edit.setPlaceholderText(DATE_PLACEHOLDER if c.kind == "date" else c.placeholder)
        edit.setCursorPosition(0)
        edit.textChanged.connect(changed)
        return edit, edit

    def _value(self, row: int, c: Col) -> Any:
        w = self.cell(row, c.key)
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentText() if w.isEditable() else w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, (QLineEdit, QLabel)):
            return w.text()
        raise TypeError(type(w).__name__)

    def set_label(self, row: int, key: str, text: str) -> None:
        label = self.cell(row, key)
        assert isinstance(label, QLabel)
        label.setText(text)

    @staticmethod
    def _lock(w: QWidget, read_only: bool) -> None:
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(read_only)
        elif not isinstance(w, QLabel):
            w.setEnabled(not read_only)
