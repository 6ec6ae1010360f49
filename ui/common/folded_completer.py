"""Name completion that matches the way the register search does: case and accents folded
(đ → d), anywhere in the name — "nguyen van duc" offers "Nguyễn Văn Đức"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

from cellsec.text import fold

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 7


class FoldedCompleter(QCompleter):
    def __init__(self, names: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompletionRole(FOLDED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.set_names(names)

    def set_names(self, names: Sequence[str]) -> None:
        self._model.clear()
        for name in names:
            item = QStandardItem(name)
            item.setData(fold(name), FOLDED_ROLE)
            self._model.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def matches(self, typed: str) -> list[str]:
        """What the popup offers for `typed` (for tests and keyboard users alike)."""
        self.setCompletionPrefix(typed)
        out = []
        for row in range(self.completionCount()):
            self.setCurrentRow(row)
            out.append(self.currentCompletion())
        return out
