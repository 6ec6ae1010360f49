"""Step 3 of the Excel import: every row with what it would do, its problems, and a fix form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cellsec.spreadsheets import FIELD_LABELS, ImportPreview, ImportRow, RowAction, RowChoice

HEADERS = ("Nhập", "Dòng", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Kết quả")
INCLUDE, ROW, NAME, BORN, ADMITTED, ACTION = range(6)
ROW_COLOURS = {RowAction.ERROR: "#fde2e0", RowAction.DUPLICATE: "#fff4d6"}
PSEUDO = {"birth_male": ("birth_date", "sex"), "birth_female": ("birth_date", "sex")}
Recheck = Callable[[int, dict[str, str]], ImportRow]


def problem_text(p) -> str:  # noqa: ANN001 - cellsec Problem
    """ "Dòng 3, cột “Ngày sinh”: ngày 32/13/1970 …" (the column is not said twice)."""
    message = p.message
    if message.startswith(f"{p.column}: "):
        message = message[len(p.column) + 2 :]
    return f"Dòng {p.row}, cột “{p.column}”: {message}"


class PreviewStep(QWidget):
    """Shows an ImportPreview; `choices()` is what the user decided, for import_rows."""

    sig_count_changed = Signal(int)

    def __init__(self, recheck: Recheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recheck = recheck
        self._preview: ImportPreview | None = None
        self._rows: list[ImportRow] = []  # as shown now (after any correction)
        self._fixes: dict[int, dict[str, str]] = {}
        self._filling = False
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for c in range(len(HEADERS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.setMinimumWidth(560)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._show_selected)

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.edits: dict[str, QLineEdit] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_box)
        self.recheck_button = QPushButton("Kiểm tra lại dòng này")
        self.recheck_button.setToolTip("Sửa chữ trong các ô rồi bấm để kiểm tra lại")
        self.recheck_button.clicked.connect(self.recheck_selected)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(QLabel("Sửa thông tin của dòng này (không sửa tệp Excel):"))
        detail_layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.recheck_button)
        row.addStretch(1)
        detail_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])

        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.lists = QTabWidget()
        self.lists.addTab(self.problems, "Lỗi cần sửa")
        self.lists.addTab(self.notes, "Ghi chú")
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(splitter)
        vertical.addWidget(self.lists)
        vertical.setStretchFactor(0, 3)
        vertical.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(vertical, 1)

    # --- showing -------------------------------------------------------------------------------
    @property
    def rows(self) -> list[ImportRow]:
        return list(self._rows)

    def set_preview(self, preview: ImportPreview) -> None:
        self._preview = preview
        self._rows = list(preview.rows)
        self._fixes = {}
        self._filling = True
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            self._fill_row(r, row, include=row.action is RowAction.ADD)
        self._filling = False
        self._fill_lists()
        if self._rows:
            self.table.selectRow(0)
        self._count_changed()

    def _fill_row(self, r: int, row: ImportRow, *, include: bool) -> None:
        check = QTableWidgetItem()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if row.action is not RowAction.ERROR:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        check.setFlags(flags)
        check.setCheckState(
            Qt.CheckState.Checked
            if include and row.action is not RowAction.ERROR
            else Qt.CheckState.Unchecked
        )
        check.setToolTip(
            "Đánh dấu để nhập dòng này"
            if row.action is not RowAction.ERROR
            else "Dòng có lỗi: sửa rồi bấm “Kiểm tra lại dòng này”"
        )
        v = row.values
        name = row.member.full_name if row.member else v.get("full_name", "")
        texts = (str(row.row), name, v.get("birth_date", ""), v.get("admission_date", ""), row.action.label)
        brush = QBrush(QColor(ROW_COLOURS[row.action])) if row.action in ROW_COLOURS else None
        self.table.setItem(r, INCLUDE, check)
        for c, text in enumerate(texts, start=ROW):
            item = QTableWidgetItem(text)
            self.table.setItem(r, c, item)
        for c in range(len(HEADERS)):
            item = self.table.item(r, c)
            if brush is not None:
                item.setBackground(brush)

    def _fill_lists(self) -> None:
        assert self._preview is not None
        self.problems.clear()
        self.notes.clear()
        for row in self._rows:
            for p in row.problems:
                item_text = problem_text(p)
                self.problems.addItem(item_text)
                self.problems.item(self.problems.count() - 1).setData(Qt.ItemDataRole.UserRole, row.row)
        for note in self._preview.notes:
            self.notes.addItem(note)
        for row in self._rows:
            for note in (*row.notes, *(d.text for d in row.duplicates)):
                self.notes.addItem(f"Dòng {row.row}: {note}")
        self.lists.setTabText(0, f"Lỗi cần sửa ({self.problems.count()})")
        self.lists.setTabText(1, f"Ghi chú ({self.notes.count()})")
        p = self._preview
        counts = {a: sum(r.action is a for r in self._rows) for a in RowAction}
        self.summary_label.setText(
            f"Tệp “{p.path.name}”{' — trang ' + p.sheet if p.sheet else ''}: "
            f"{len(self._rows)} dòng đảng viên (tiêu đề ở dòng {p.header_row}). "
            f"{counts[RowAction.ADD]} dòng thêm mới, {counts[RowAction.DUPLICATE]} dòng trùng, "
            f"{counts[RowAction.ERROR]} dòng có lỗi. Bỏ dấu ở cột “Nhập” để không nhập một dòng."
        )

    # --- choosing ------------------------------------------------------------------------------
    def is_included(self, r: int) -> bool:
        return self.table.item(r, INCLUDE).checkState() == Qt.CheckState.Checked

    def set_included(self, number: int, include: bool) -> None:
        r = self._index_of(number)
        self.table.item(r, INCLUDE).setCheckState(
            Qt.CheckState.Checked if include else Qt.CheckState.Unchecked
        )

    def included_count(self) -> int:
        return sum(self.is_included(r) for r in range(self.table.rowCount()))

    def choices(self) -> dict[int, RowChoice]:
        """Only what differs from the default (new rows in, the rest out), so a row that has
        become a duplicate meanwhile is still skipped by import_rows unless chosen."""
        assert self._preview is not None
        out: dict[int, RowChoice] = {}
        for r, original in enumerate(self._preview.rows):
            include = self.is_included(r)
            fixes = self._fixes.get(original.row)
            if include != (original.action is RowAction.ADD) or fixes:
                out[original.row] = RowChoice(include, fixes)
        return out

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == INCLUDE:
            self._count_changed()

    def _count_changed(self) -> None:
        self.sig_count_changed.emit(self.included_count())

    # --- one row -------------------------------------------------------------------------------
    def _index_of(self, number: int) -> int:
        return next(i for i, r in enumerate(self._rows) if r.row == number)

    def select_row(self, number: int) -> None:
        self.table.selectRow(self._index_of(number))

    def selected_row(self) -> ImportRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _go_to_problem(self, item) -> None:  # noqa: ANN001 - QListWidgetItem
        number = item.data(Qt.ItemDataRole.UserRole)
        if number is not None:
            self.select_row(number)

    def _fields_of(self, row: ImportRow) -> list[str]:
        assert self._preview is not None
        keys: set[str] = set()
        for key in self._preview.mapping:
            keys.update(PSEUDO.get(key, (key,)))
        keys.update(p.field for p in row.problems if p.field)
        keys.update(k for k, v in row.values.items() if v)
        return [k for k in FIELD_LABELS if k in keys and k in row.values]

    def _show_selected(self) -> None:
        row = self.selected_row()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        if row is None:
            self.detail_label.clear()
            self.recheck_button.setEnabled(False)
            return
        lines = [f"<b>Dòng {row.row}: {row.action.label}</b>"]
        lines += [
            f"<span style='color:#9b1c1c'>✗ {problem_text(p).split(', ', 1)[1]}</span>" for p in row.problems
        ]
        lines += [f"⚠ {d.text}" for d in row.duplicates]
        lines += [f"• {n}" for n in row.notes]
        self.detail_label.setText("<br>".join(lines))
        bad = {p.field for p in row.problems}
        for key in self._fields_of(row):
            edit = QLineEdit(row.values.get(key, ""))
            if key in bad:
                edit.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")
            edit.returnPressed.connect(self.recheck_selected)
            self.edits[key] = edit
            self.form.addRow(f"{FIELD_LABELS[key]}:", edit)
        self.recheck_button.setEnabled(True)

    def recheck_selected(self) -> ImportRow | None:
        """The row again with the texts typed in the form; a row that is now fine is ticked."""
        row = self.selected_row()
        if row is None:
            return None
        values = {k: e.text().strip() for k, e in self.edits.items()}
        fixed = self._recheck(row.row, values)
        assert self._preview is not None
        original = self._preview.row(row.row).values
        self._fixes[row.row] = {k: v for k, v in values.items() if v != original.get(k, "")}
        r = self._index_of(row.row)
        self._rows[r] = fixed
        self._filling = True
        self._fill_row(r, fixed, include=fixed.action is RowAction.ADD)
        self._filling = False
        self._fill_lists()
        self.table.selectRow(r)
        self._show_selected()
        self._count_changed()
        return fixed
