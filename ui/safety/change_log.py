"""The "Nhật ký thay đổi" window: every recorded change, filtered by text, date, kind and user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cellsec.services.history import ENTITY_LABELS, HistoryEntry, recent_history
from cellsec.store import Store

from ui.common.history_view import HistoryView

ALL = "Tất cả"
LIMIT = 500
NO_MATCH = "Không có thay đổi nào khớp với điều kiện lọc."


class HistoryLogDialog(QDialog):
    """Not modal: the secretary may keep it open beside the register. The store is asked for
    each time (`store_of`), so a file reopened after a restore is read, never a closed one."""

    def __init__(
        self,
        store_of: Callable[[], Store],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._store_of = store_of
        self.setWindowTitle("Nhật ký thay đổi")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm trong nhật ký (tên, thông tin, người sửa)…")
        self.search.setClearButtonEnabled(True)
        self.since_box = QCheckBox("Từ ngày")
        start = today()
        self.since = QDateEdit(QDate(start.year, start.month, 1))
        self.since.setDisplayFormat("dd/MM/yyyy")
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.kind = QComboBox()
        self.kind.addItem(ALL, None)
        for key, label in sorted(ENTITY_LABELS.items(), key=lambda kv: kv[1]):
            self.kind.addItem(label, key)
        self.user = QComboBox()
        self.user.addItem(ALL, None)
        self.refresh_button = QPushButton("Làm mới")
        self.refresh_button.setToolTip("Đọc lại nhật ký (các thay đổi vừa ghi)")
        self.count_label = QLabel()
        self.view = HistoryView()
        close = QPushButton("Đóng")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)

        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 4)
        filters.addWidget(self.since_box, 1, 0)
        filters.addWidget(self.since, 1, 1)
        filters.addWidget(QLabel("Loại thông tin"), 1, 2, Qt.AlignmentFlag.AlignRight)
        filters.addWidget(self.kind, 1, 3)
        filters.addWidget(QLabel("Người sửa"), 2, 2, Qt.AlignmentFlag.AlignRight)
        filters.addWidget(self.user, 2, 3)
        filters.setColumnStretch(0, 0)
        filters.setColumnStretch(3, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(900, 640)

        # Typing waits a moment before searching, so each letter does not reread the log.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda *_: self._typing.start())
        self.since_box.toggled.connect(self.since.setEnabled)
        self.since_box.toggled.connect(lambda *_: self.reload())
        self.since.dateChanged.connect(lambda *_: self.reload())
        self.kind.currentIndexChanged.connect(lambda *_: self.reload())
        self.user.currentIndexChanged.connect(lambda *_: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self._fill_users()
        self.reload()

    def _fill_users(self) -> None:
        """Users come from the log itself (there is no list of users elsewhere)."""
        users = sorted({e.user for e in recent_history(self._store_of(), limit=LIMIT)})
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(ALL, None)
        for name in users:
            self.user.addItem(name, name)
        index = self.user.findData(current)
        self.user.setCurrentIndex(max(index, 0))
        self.user.blockSignals(False)

    @property
    def entries(self) -> list[HistoryEntry]:
        return self.view.entries

    def reload(self) -> None:
        since = self.since.date().toPython() if self.since_box.isChecked() else None
        entries = recent_history(
            self._store_of(),
            entity=self.kind.currentData(),
            user=self.user.currentData(),
            since=since,
            text=self.search.text().strip(),
            limit=LIMIT,
        )
        self.view.show_entries(entries, NO_MATCH)
        more = " (chỉ hiện 500 thay đổi gần nhất)" if len(entries) >= LIMIT else ""
        self.count_label.setText(f"{len(entries)} lần thay đổi{more}")
