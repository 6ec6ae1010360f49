"""The side panel of the register: one member's main facts, warnings and event history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date, years_months
from cellsec.entities.members import MemberEvent
from cellsec.services.members import EVENT_LABELS
from cellsec.services.register import MemberDetail

HISTORY_HEADERS = ("Ngày", "Sự kiện")
IMPLIED_NOTE = "(tự động: hết thời hạn)"
EMPTY_TEXT = "Chọn một đảng viên trong danh sách để xem hồ sơ."


def event_text(event: MemberEvent) -> str:
    """The "Sự kiện" cell: the kind, then each detail the secretary recorded on its own line."""
    if event.id is None:
        return f"{event.kind.label}\n{IMPLIED_NOTE}"
    lines = [event.kind.label]
    # "Số văn bản" rather than the form's long label: the panel is narrow.
    for label, value in (
        (EVENT_LABELS["end_date"], format_date(event.end_date)),
        ("Số văn bản", event.decision_ref),
        (EVENT_LABELS["detail"], event.detail),
        (EVENT_LABELS["note"], event.note),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MemberDetailPanel(QWidget):
    """Shows a MemberDetail; asks (by signal) for an event to be added, edited or deleted."""

    sig_add_event = Signal()
    sig_edit_event = Signal(object)  # MemberEvent
    sig_delete_event = Signal(object)  # MemberEvent
    sig_show_changes = Signal()  # "Lịch sử thay đổi": who changed this record, when

    FACTS = (
        ("status", "Tình trạng"),
        ("born", "Ngày sinh"),
        ("age", "Tuổi đảng"),
        ("admitted", "Ngày vào Đảng"),
        ("official", "Ngày chính thức"),
        ("card", "Số thẻ đảng"),
        ("citizen_id", "Số CCCD"),
        ("phone", "Điện thoại"),
        ("address", "Nơi thường trú"),
        ("ratings", "Xếp loại"),  # the year-end reviews, newest first (show_ratings)
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: MemberDetail | None = None
        self._events: list[MemberEvent] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)

        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        layout.addWidget(self.name_label)

        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        self._facts_box = QWidget()
        facts = QFormLayout(self._facts_box)
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setVerticalSpacing(4)
        self.facts: dict[str, QLabel] = {}
        for key, title in self.FACTS:
            self.facts[key] = _value_label()
            facts.addRow(f"{title}:", self.facts[key])
        layout.addWidget(self._facts_box)

        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "QLabel#warnings { background: #fff4d6; border: 1px solid #e0c070; "
            "border-radius: 4px; padding: 6px; color: #5c4300; }"
        )
        layout.addWidget(self.warnings_label)

        self.history_title = QLabel("<b>Quá trình sinh hoạt đảng</b>")
        layout.addWidget(self.history_title)
        self.history = QTableWidget(0, len(HISTORY_HEADERS))
        self.history.setHorizontalHeaderLabels(HISTORY_HEADERS)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Wrapped lines need new row heights whenever the panel gets wider or narrower.
        header.sectionResized.connect(lambda *_: self.history.resizeRowsToContents())
        self.history.itemSelectionChanged.connect(self._update_buttons)
        self.history.itemDoubleClicked.connect(lambda *_: self._on_edit())
        layout.addWidget(self.history, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("Thêm sự kiện…")
        self.edit_button = QPushButton("Sửa…")
        self.edit_button.setToolTip("Sửa sự kiện đang chọn")
        self.delete_button = QPushButton("Xóa…")
        self.delete_button.setToolTip("Xóa sự kiện ghi nhầm")
        self.changes_button = QPushButton("Lịch sử thay đổi…")
        self.changes_button.setToolTip("Xem ai đã sửa hồ sơ này, sửa gì, khi nào")
        self.changes_button.clicked.connect(self.sig_show_changes)
        self.add_button.clicked.connect(self.sig_add_event)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.changes_button)
        layout.addLayout(buttons)
        self.show_detail(None)

    # --- showing -----------------------------------------------------------------------------
    @property
    def detail(self) -> MemberDetail | None:
        return self._detail

    def show_detail(self, detail: MemberDetail | None) -> None:
        self._detail = detail
        has = detail is not None
        for widget in (
            self._facts_box,
            self.history_title,
            self.history,
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.changes_button,
        ):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        self.name_label.setVisible(has)
        if detail is None:
            self.warnings_label.hide()
            self._events = []
            self.history.setRowCount(0)
            return
        row, m = detail.row, detail.row.member
        self.name_label.setText(m.full_name + (f" ({m.alias})" if m.alias else ""))
        address = ", ".join(p for p in (m.permanent_address, m.permanent_commune, m.permanent_province) if p)
        values = {
            "status": row.state.label,
            "born": " — ".join(x for x in (format_date(m.birth_date), m.sex.label, detail.age_note) if x),
            "age": " — ".join(x for x in (years_months(row.party_age_months), detail.badge_note) if x)
            if row.admission_date
            else "",
            "admitted": format_date(row.admission_date),
            "official": format_date(row.official_date) or "(còn dự bị)",
            "card": m.party_card_no or m.old_card_no,
            "citizen_id": m.citizen_id,
            "phone": m.phone,
            "address": address,
            "ratings": "",
        }
        for key, label in self.facts.items():
            label.setText(values[key] or "—")
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in detail.warnings))
        self.warnings_label.setVisible(bool(detail.warnings))
        self._fill_history(detail)

    def show_ratings(self, lines: list[str]) -> None:
        """The member's year-end ratings (services.review_record.history_lines)."""
        self.facts["ratings"].setText("\n".join(lines) or "—")

    def _fill_history(self, detail: MemberDetail) -> None:
        self._events = [event for event, _ in detail.timeline]
        self.history.setRowCount(len(self._events))
        grey = QBrush(QColor("#6b6b6b"))
        for r, event in enumerate(self._events):
            implied = event.id is None
            for c, text in enumerate((format_date(event.date), event_text(event))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if implied:
                    # An end the program worked out from "đến ngày": shown, but not editable.
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                    item.setForeground(grey)
                self.history.setItem(r, c, item)
        self.history.resizeRowsToContents()
        self._update_buttons()

    # --- events ------------------------------------------------------------------------------
    def selected_event(self) -> MemberEvent | None:
        rows = self.history.selectionModel().selectedRows()
        if not rows:
            return None
        event = self._events[rows[0].row()]
        return event if event.id is not None else None

    def select_event(self, event_id: int) -> None:
        for r, event in enumerate(self._events):
            if event.id == event_id:
                self.history.selectRow(r)

    def _update_buttons(self) -> None:
        editable = self.selected_event() is not None
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    def _on_edit(self) -> None:
        event = self.selected_event()
        if event is not None:
            self.sig_edit_event.emit(event)

    def _on_delete(self) -> None:
        event = self.selected_event()
        if event is not None:
            self.sig_delete_event.emit(event)
