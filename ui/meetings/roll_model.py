"""The meeting roll as a Qt table: one RollEntry a row, marks set by keys, a combo or the model."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cellsec.entities.meetings import Mark, RollEntry
from cellsec.text import name_sort_key

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

STT, NAME, CATEGORY, FLAGS, MARK, REASON, ACCEPTED = range(7)
HEADERS = ("STT", "Họ và tên", "Đảng viên", "Ghi chú", "Điểm danh", "Lý do vắng", "Lý do được\nchấp nhận")
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_ROLE = Qt.ItemDataRole.UserRole + 2

CATEGORY_LABELS = {"full": "Chính thức", "probationary": "Dự bị", "guest": "SHTT đến"}
# Marks offered for members called to the meeting, and for those listed apart (exempted or
# attached elsewhere): they are not expected, but may come.
CALLED_MARKS = (Mark.PRESENT, Mark.ABSENT_REASON, Mark.ABSENT_NO_REASON)
APART_MARKS = (Mark.NOT_EXPECTED, Mark.PRESENT)
_MARK_COLOURS = {
    Mark.PRESENT: ("#e3f4e1", "#1d5c1a"),
    Mark.ABSENT_REASON: ("#fff1cc", "#6b4b00"),
    Mark.ABSENT_NO_REASON: ("#fbe0de", "#8f1b14"),
    Mark.NOT_EXPECTED: ("#eeeeee", "#444444"),
}
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


def flags_text(e: RollEntry) -> str:
    parts = []
    if e.exempted:
        parts.append("Miễn sinh hoạt")
    if e.attached_out:
        parts.append("SHTT nơi khác")
    if e.suspended:
        parts.append("Đình chỉ sinh hoạt")
    return ", ".join(parts)


class RollTableModel(QAbstractTableModel):
    """Rows are (position in the meeting's roll, entry); the position keeps the stored order
    when the editor splits the roll into the members called and those listed apart."""

    def __init__(self, marks: tuple[Mark, ...] = CALLED_MARKS, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, RollEntry]] = []
        self.marks = marks
        self.read_only = False

    # --- content -----------------------------------------------------------------------------
    def set_entries(self, rows: list[tuple[int, RollEntry]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entries(self) -> list[tuple[int, RollEntry]]:
        return list(self._rows)

    def entry(self, row: int) -> RollEntry:
        return self._rows[row][1]

    def set_read_only(self, read_only: bool) -> None:
        self.beginResetModel()  # flags change on every cell
        self.read_only = read_only
        self.endResetModel()

    def set_mark(self, row: int, mark: Mark) -> bool:
        """Mark one member; present and absent-without-reason drop any reason typed before."""
        if self.read_only or not 0 <= row < len(self._rows) or mark not in self.marks:
            return False
        pos, e = self._rows[row]
        if mark is Mark.ABSENT_REASON:
            new = replace(e, mark=mark)
        else:
            new = replace(e, mark=mark, reason="", reason_accepted=True)
        if new == e:
            return True
        self._rows[row] = (pos, new)
        self.dataChanged.emit(self.index(row, FLAGS), self.index(row, ACCEPTED))
        return True

    def set_all(self, mark: Mark) -> None:
        if self.read_only or mark not in self.marks or not self._rows:
            return
        self._rows = [
            (pos, replace(e, mark=mark, reason="", reason_accepted=True) if e.mark is not mark else e)
            for pos, e in self._rows
        ]
        self.dataChanged.emit(self.index(0, FLAGS), self.index(len(self._rows) - 1, ACCEPTED))

    # --- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = index.row(), index.column()
        e = self._rows[row][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, e)
        if role == Qt.ItemDataRole.EditRole:
            if col == MARK:
                return e.mark.label
            if col == REASON:
                return e.reason
            return self._text(row, col, e)
        if role == Qt.ItemDataRole.CheckStateRole:
            if col != ACCEPTED or e.mark is not Mark.ABSENT_REASON:
                return None
            return Qt.CheckState.Checked if e.reason_accepted else Qt.CheckState.Unchecked
        if role == MARK_ROLE:
            return e.mark.value
        if role == SORT_KEY_ROLE:
            return name_sort_key(e.name) if col == NAME else row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER if col in (STT, CATEGORY, MARK, ACCEPTED) else _LEFT
        if col == MARK and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            back, fore = _MARK_COLOURS[e.mark]
            return QBrush(QColor(back if role == Qt.ItemDataRole.BackgroundRole else fore))
        if role == Qt.ItemDataRole.ToolTipRole and col == REASON and e.reason:
            return e.reason
        return None

    @staticmethod
    def _text(row: int, col: int, e: RollEntry) -> str:
        if col == STT:
            return str(row + 1)
        if col == NAME:
            return e.name
        if col == CATEGORY:
            return CATEGORY_LABELS.get(e.category, e.category)
        if col == FLAGS:
            return flags_text(e)
        if col == MARK:
            return e.mark.label
        if col == REASON:
            return e.reason
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        e = self._rows[index.row()][1]
        if index.column() == MARK:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == REASON and e.mark is Mark.ABSENT_REASON:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == ACCEPTED and e.mark is Mark.ABSENT_REASON:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        row, col = index.row(), index.column()
        pos, e = self._rows[row]
        if col == MARK and role == Qt.ItemDataRole.EditRole:
            mark = _to_mark(value)
            return mark is not None and self.set_mark(row, mark)
        if col == REASON and role == Qt.ItemDataRole.EditRole and e.mark is Mark.ABSENT_REASON:
            self._rows[row] = (pos, replace(e, reason=str(value or "").strip()))
        elif col == ACCEPTED and role == Qt.ItemDataRole.CheckStateRole and e.mark is Mark.ABSENT_REASON:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self._rows[row] = (pos, replace(e, reason_accepted=checked))
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


def _to_mark(value: Any) -> Mark | None:
    if isinstance(value, Mark):
        return value
    for mark in Mark:
        if value in (mark.value, mark.label):
            return mark
    return None
