"""The "Khách mời" tab: guests with their position, superior committee members ticked apart."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cellsec.entities.meetings import Guest
from cellsec.entities.superiors import Superior

from ui.common.rows_editor import Col, RowsEditor

GUEST_COLUMNS = (
    Col("name", "Họ và tên", chars=22, placeholder="Họ và tên khách mời"),
    Col("title", "Chức vụ, đơn vị", "memo", chars=30, placeholder="Ví dụ: Đảng ủy viên xã"),
    Col("is_superior", "Cấp ủy\ncấp trên", "check", chars=8),
    Col("remarks", "Ý kiến phát biểu, chỉ đạo", "memo", stretch=True),
)
HINT = (
    "Ghi khách mời và đại biểu dự sinh hoạt. Đánh dấu “Cấp ủy cấp trên” cho cấp ủy viên "
    "Đảng ủy xã (hoặc cấp trên) được phân công theo dõi chi bộ: biên bản ghi họ riêng."
)


CHOOSE_SUPERIOR = "— Chọn cấp ủy viên cấp trên trong danh bạ —"


def superior_title(s: Superior) -> str:
    return s.position or s.committee


@dataclass(frozen=True)
class GuestSlot:
    """A row's hidden record: a key that stays with the guest through removals and moves (the
    opinions of the meeting follow their guest by it) and the stored guest, if any."""

    key: int
    guest: Guest | None = None


class GuestsTab(QWidget):
    """The directory picker shows once `set_directory` is called (the "Cấp trên" section does):
    a picked superior fills name, position and the tick, and keeps the directory record."""

    sig_changed = Signal()
    sig_new_superior = Signal()  # "Thêm người mới vào danh bạ…" was pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RowsEditor(GUEST_COLUMNS, add_text="Thêm khách mời", empty_row={"is_superior": False})
        self.table.sig_changed.connect(self.sig_changed)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.directory_box = QComboBox()
        # Long titles must not make the editor wider than a 1366-pixel screen: the list opens wide.
        self.directory_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.directory_box.setMinimumContentsLength(24)
        self.pick_button = QPushButton("Thêm vào khách mời")
        self.pick_button.setToolTip("Thêm người đã chọn trong danh bạ cấp trên vào khách mời")
        self.new_superior_button = QPushButton("Thêm người mới vào danh bạ…")
        self.pick_button.clicked.connect(self._on_pick)
        self.new_superior_button.clicked.connect(self.sig_new_superior)
        self._directory: dict[int, Superior] = {}
        self._keys = itertools.count(1)
        self.picker = QWidget()
        row = QHBoxLayout(self.picker)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Cấp trên:"))
        row.addWidget(self.directory_box, 1)
        for b in (self.pick_button, self.new_superior_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        self.picker.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.picker)
        layout.addWidget(self.table, 1)

    def set_directory(self, superiors: Sequence[Superior]) -> None:
        self._directory = {s.id: s for s in superiors if s.id is not None}
        self.directory_box.clear()
        self.directory_box.addItem(CHOOSE_SUPERIOR, None)
        for s in superiors:
            title = superior_title(s)
            self.directory_box.addItem(f"{s.name} — {title}" if title else s.name, s.id)
        self.picker.show()

    def _on_pick(self) -> None:
        chosen = self._directory.get(self.directory_box.currentData())
        if chosen is not None:
            self.add_superior_guest(chosen)

    def add_superior_guest(self, s: Superior) -> None:
        """Add the directory person as a guest (or select them if already there)."""
        for row, old in enumerate(self.table.payloads()):
            if isinstance(old, GuestSlot) and old.guest and old.guest.superior_id == s.id:
                self.table.table.selectRow(row)
                return
        self.table.add_row(
            {"name": s.name, "title": superior_title(s), "is_superior": True},
            GuestSlot(next(self._keys), Guest(name=s.name, is_superior=True, superior_id=s.id)),
        )

    def set_guests(self, guests: tuple[Guest, ...]) -> None:
        self.table.set_rows(
            [
                {"name": g.name, "title": g.title, "is_superior": g.is_superior, "remarks": g.remarks}
                for g in guests
            ],
            [GuestSlot(next(self._keys), g) for g in guests],
        )

    def guest_keys(self) -> tuple[int, ...]:
        """The key of each row, in the order of guests() (new rows get one now)."""
        slots = [
            old if isinstance(old, GuestSlot) else GuestSlot(next(self._keys))
            for old in self.table.payloads()
        ]
        self.table.set_payloads(slots)
        return tuple(slot.key for slot in slots)

    def guests(self) -> tuple[Guest, ...]:
        out = []
        for values, old in zip(self.table.rows(), self.table.payloads()):
            # Start from the stored guest so fields this tab does not show are kept.
            base = old.guest if isinstance(old, GuestSlot) and old.guest else Guest(name="")
            out.append(
                replace(
                    base,
                    name=values["name"].strip(),
                    title=values["title"].strip(),
                    is_superior=bool(values["is_superior"]),
                    remarks=values["remarks"].strip(),
                )
            )
        return tuple(out)

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)
        for w in (self.directory_box, self.pick_button, self.new_superior_button):
            w.setEnabled(not read_only)
