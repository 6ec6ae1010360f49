"""The register table: a Qt model over a plain list of MemberRow, sorted with Vietnamese keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cellsec.dates import format_date, years_months
from cellsec.entities.members import MemberRow
from cellsec.text import fold

SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _date_key(value: date | None) -> tuple:
    # Rows without a date sort first and never compare None with a date.
    return (0,) if value is None else (1, value.isoformat())


def _text_key(value: str) -> tuple:
    return (fold(value), value)


class Column:
    """One column: its header, the text shown, the raw key it sorts by, and a sample of the
    widest usual value (the view sizes columns from it)."""

    def __init__(
        self,
        header: str,
        text: Callable[[MemberRow], str],
        key: Callable[[MemberRow], Any],
        align: Qt.AlignmentFlag | None = None,
        sample: str = "",
        wrap_header: bool = False,
    ) -> None:
        self.header = header
        self.text = text
        self.key = key
        self.align = align
        self.sample = sample
        # Two-line headers keep the date columns narrow, so more columns fit on a small screen.
        self.title = header.replace(" ", "\n", 1) if wrap_header else header


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

STT, NAME = 0, 1
COLUMNS: tuple[Column, ...] = (
    # STT is the position in the list; sorting by it goes back to the register's own order.
    Column("STT", lambda r: "", lambda r: 0, _RIGHT, "9999"),
    Column("Họ và tên", lambda r: r.member.full_name, lambda r: r.sort_key, _LEFT, "Nguyễn Thị Thanh Hương"),
    Column(
        "Giới tính",
        lambda r: r.member.sex.label,
        lambda r: r.member.sex.value,
        _CENTER,
        "Nam",
        wrap_header=True,
    ),
    Column(
        "Ngày sinh",
        lambda r: format_date(r.member.birth_date),
        lambda r: _date_key(r.member.birth_date),
        _CENTER,
        "00/00/0000",
        wrap_header=True,
    ),
    Column(
        "Ngày vào Đảng",
        lambda r: format_date(r.admission_date),
        lambda r: _date_key(r.admission_date),
        _CENTER,
        "00/00/0000",
        wrap_header=True,
    ),
    Column(
        "Ngày chính thức",
        lambda r: format_date(r.official_date),
        lambda r: _date_key(r.official_date),
        _CENTER,
        "00/00/0000",
        wrap_header=True,
    ),
    Column(
        "Tuổi đảng",
        lambda r: years_months(r.party_age_months) if r.admission_date else "",
        lambda r: r.party_age_months,
        _RIGHT,
        "48 năm 11 tháng",
        wrap_header=True,
    ),
    Column(
        "Tình trạng",
        lambda r: r.state.label,
        lambda r: _text_key(r.state.label),
        _LEFT,
        "Chính thức, miễn sinh hoạt",
    ),
    Column("Điện thoại", lambda r: r.member.phone, lambda r: r.member.phone, _LEFT, "0912345678"),
    Column(
        "Số thẻ đảng",
        lambda r: r.member.party_card_no,
        lambda r: r.member.party_card_no,
        _LEFT,
        "012345678901",
    ),
)

STATUS = next(i for i, c in enumerate(COLUMNS) if c.header == "Tình trạng")
# Hidden until the secretary adds them with the column chooser: on a 1366×768 screen the
# register shows the columns that matter without a horizontal scrollbar.
HIDDEN_BY_DEFAULT = tuple(
    i
    for i, c in enumerate(COLUMNS)
    if c.header in ("Giới tính", "Ngày chính thức", "Điện thoại", "Số thẻ đảng")
)

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SORT_KEY_ROLE,
        MEMBER_ID_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
_TEXT_CACHE_LIMIT = 50_000


class MemberTableModel(QAbstractTableModel):
    """Rows are replaced wholesale with `set_rows` (filtering happens on the Python list)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._rank: dict[int, int] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Cell texts by id(row); each entry keeps its row alive, so an id is never reused
        # while cached. Typing in the search box repaints the same rows again and again.
        self._texts: dict[int, tuple[MemberRow, list[str | None]]] = {}

    # --- reading -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for many roles per visible cell on every repaint: leave early.
        if role not in _ROLES or not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(index.row() + 1) if index.column() == STT else self._text(row, index.column())
        if role == SORT_KEY_ROLE:
            return self._key(index.column(), row)
        if role == MEMBER_ID_ROLE:
            return row.member.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NAME and row.member.alias:
            return f"{row.member.full_name}\nTên gọi khác: {row.member.alias}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (NAME, STATUS):
            return self._text(row, index.column())  # the whole text, when the column is narrow
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMNS[section].header
        return None

    def _text(self, row: MemberRow, column: int) -> str:
        entry = self._texts.get(id(row))
        if entry is None:
            entry = self._texts[id(row)] = (row, [None] * len(COLUMNS))
        texts = entry[1]
        text = texts[column]
        if text is None:
            text = texts[column] = COLUMNS[column].text(row)
        return text

    def row_at(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_member(self, member_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.member.id == member_id:
                return i
        return -1

    def rows(self) -> list[MemberRow]:
        return list(self._rows)

    # --- changing ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        """Show these rows (in the given order, then the current sort if the user chose one)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._rank = {id(r): i for i, r in enumerate(self._rows)}
        if len(self._texts) > _TEXT_CACHE_LIMIT:
            self._texts.clear()
        if self._sort is not None:
            self._sort_rows(*self._sort, fresh=True)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [self._rows[i.row()] for i in persistent]
        self._sort_rows(column, order)
        where = {id(r): i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(where[id(r)], i.column()) for r, i in zip(moved, persistent, strict=True)]
        )
        self.layoutChanged.emit()

    def _key(self, column: int, row: MemberRow) -> Any:
        if column == STT:
            return self._rank.get(id(row), 0)
        return COLUMNS[column].key(row)

    def _sort_rows(self, column: int, order: Qt.SortOrder, fresh: bool = False) -> None:
        # Ties keep the register order (Vietnamese name order), whichever way the column goes.
        if column == STT:
            self._rows.sort(
                key=lambda r: self._rank.get(id(r), 0), reverse=order == Qt.SortOrder.DescendingOrder
            )
            return
        if not fresh:  # rows fresh from set_rows are already in register order
            self._rows.sort(key=lambda r: self._rank.get(id(r), 0))
        self._rows.sort(key=COLUMNS[column].key, reverse=order == Qt.SortOrder.DescendingOrder)
