"""The roll call ("Điểm danh"): everyone present in one click, exceptions by keyboard, live counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cellsec.entities.meetings import Mark, RollEntry
from cellsec.rules.counting import RollCount, count_roll, percent

from ui.meetings.roll_model import (
    ACCEPTED,
    APART_MARKS,
    CALLED_MARKS,
    CATEGORY,
    FLAGS,
    MARK,
    NAME,
    REASON,
    STT,
    RollTableModel,
)

KEY_HINT = (
    "Bấm “Tất cả có mặt”, rồi chọn người vắng và bấm phím: L = vắng có lý do (gõ lý do "
    "rồi Enter), K = vắng không lý do, P = có mặt. Mũi tên lên/xuống để chuyển người."
)
APART_HINT = (
    "Miễn sinh hoạt, sinh hoạt tạm thời nơi khác — không triệu tập; ai đến dự thì "
    "bấm P (có mặt), bấm K để bỏ."
)
_KEY_MARKS = {
    Qt.Key.Key_P: Mark.PRESENT,
    Qt.Key.Key_L: Mark.ABSENT_REASON,
    Qt.Key.Key_K: Mark.ABSENT_NO_REASON,
}


def roll_summary(c: RollCount) -> str:
    """The header figures of the minutes, in the order the minutes read them."""
    return (
        f"Tổng số {c.total} đảng viên (chính thức {c.full}, dự bị {c.probationary}); "
        f"miễn sinh hoạt {c.exempted}; SHTT nơi khác {c.attached_out}; SHTT đến {c.guests}.\n"
        f"Có mặt {c.present} (chính thức {c.present_full}, dự bị {c.present_probationary}, "
        f"SHTT đến {c.present_guests}); vắng có lý do {len(c.absent_reason)}; "
        f"vắng không lý do {len(c.absent_no_reason)}.\n"
        f"Số có quyền biểu quyết {c.eligible_voters} (có mặt {c.eligible_present}); tỷ lệ dự họp "
        f"{percent(c.attendance_rate)}."
    )


class MarkDelegate(QStyledItemDelegate):
    """A drop-down of the marks allowed in this table, for mouse users."""

    def __init__(self, marks: tuple[Mark, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks = marks

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        box = QComboBox(parent)
        for mark in self._marks:
            box.addItem(mark.label, mark.value)
        # Choosing from the list is the whole edit: commit at once.
        box.activated.connect(lambda *_: (self.commitData.emit(box), self.closeEditor.emit(box)))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findText(str(index.data())), 0))

    def setModelData(self, editor: QWidget, model, index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ReasonDelegate(QStyledItemDelegate):
    """The reason's line: Enter commits it and closes it at once. Qt's own delegate queues that
    commit, so a focus change before the queue runs (the roll moving on to the next member)
    closed the editor first and the queued commit then reached a view that no longer had it
    ("commitData called with an editor that does not belong to this view")."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True  # the minutes' dialog never sees this Enter
        return super().eventFilter(watched, event)


class RollView(QTableView):
    """P / L / K mark the current member (P and K then go to the next one); L opens the reason."""

    def __init__(self, model: RollTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setItemDelegateForColumn(MARK, MarkDelegate(model.marks, self))
        self.setItemDelegateForColumn(REASON, ReasonDelegate(self))
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        self.setStyleSheet("QTableView::indicator { width: 22px; height: 22px; }")
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        for col, sample in (
            (STT, "999"),
            (NAME, "Nguyễn Thị Thanh Hương"),
            (CATEGORY, "Chính thức"),
            (FLAGS, "Miễn sinh hoạt"),
            (MARK, "Vắng không lý do"),
            (REASON, "Ốm, đi viện tỉnh"),
            (ACCEPTED, "chấp nhận"),
        ):
            self.setColumnWidth(col, metrics.horizontalAdvance(sample) + pad)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)

    def roll_model(self) -> RollTableModel:
        model = self.model()
        assert isinstance(model, RollTableModel)
        return model

    def mark_current(self, mark: Mark) -> bool:
        row = self.currentIndex().row()
        model = self.roll_model()
        if row < 0 or not model.set_mark(row, mark):
            return False
        if mark is Mark.ABSENT_REASON:
            reason = model.index(row, REASON)
            self.setCurrentIndex(reason)
            self.edit(reason)
        elif row + 1 < model.rowCount():
            self.setCurrentIndex(model.index(row + 1, NAME))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        mark = _KEY_MARKS.get(Qt.Key(event.key())) if plain else None
        if mark is not None and self.state() != QAbstractItemView.State.EditingState:
            model = self.roll_model()
            if mark not in model.marks:  # the members listed apart: K undoes a P
                mark = Mark.NOT_EXPECTED if mark is Mark.ABSENT_NO_REASON else None
            if mark is not None and self.mark_current(mark):
                event.accept()
                return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        # Letters are mark keys here; jumping to a name starting with them would surprise.
        return


class RollEditor(QWidget):
    """Edits the whole roll: the members called (main table) and those listed apart."""

    sig_changed = Signal()

    def __init__(
        self,
        counter: Callable[[tuple[RollEntry, ...]], RollCount] = count_roll,
        parent: QWidget | None = None,
    ) -> None:
        """`counter`: the meeting's one derivation of its figures (the core's meeting_counts
        for a draft under the cell's rules; the sealed figures for approved minutes)."""
        super().__init__(parent)
        self._counter = counter
        self.called_model = RollTableModel(CALLED_MARKS, self)
        self.apart_model = RollTableModel(APART_MARKS, self)
        self.called_view = RollView(self.called_model)
        self.apart_view = RollView(self.apart_model)
        self.all_present_button = QPushButton("Tất cả có mặt")
        self.all_present_button.setToolTip("Đánh dấu có mặt cho mọi đảng viên được triệu tập")
        self.all_present_button.clicked.connect(self.mark_all_present)
        hint = QLabel(KEY_HINT)
        hint.setWordWrap(True)
        self.apart_label = QLabel(APART_HINT)
        self.apart_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("roll_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setStyleSheet(
            "QLabel#roll_summary { font-weight: bold; "
            "background: #eef3fb; border: 1px solid #b9c9e4; "
            "border-radius: 4px; padding: 6px 8px; }"
        )

        top = QHBoxLayout()
        top.addWidget(self.all_present_button)
        top.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.called_view, 3)
        layout.addWidget(self.apart_label)
        layout.addWidget(self.apart_view, 1)
        layout.addWidget(self.summary_label)
        for model in (self.called_model, self.apart_model):
            model.dataChanged.connect(self._on_model_changed)
            model.modelReset.connect(self._on_model_changed)

    def set_roll(self, roll: Sequence[RollEntry]) -> None:
        called = [(i, e) for i, e in enumerate(roll) if e.expected]
        apart = [(i, e) for i, e in enumerate(roll) if not e.expected]
        self.called_model.set_entries(called)
        self.apart_model.set_entries(apart)
        self.apart_label.setVisible(bool(apart))
        self.apart_view.setVisible(bool(apart))
        if called:
            self.called_view.setCurrentIndex(self.called_model.index(0, NAME))

    def roll(self) -> tuple[RollEntry, ...]:
        rows = self.called_model.entries() + self.apart_model.entries()
        return tuple(e for _, e in sorted(rows, key=lambda pair: pair[0]))

    def count(self) -> RollCount:
        return self._counter(self.roll())

    def set_counter(self, counter: Callable[[tuple[RollEntry, ...]], RollCount]) -> None:
        self._counter = counter
        self.summary_label.setText(roll_summary(self.count()))

    def set_read_only(self, read_only: bool) -> None:
        self.called_model.set_read_only(read_only)
        self.apart_model.set_read_only(read_only)
        self.all_present_button.setEnabled(not read_only)

    def mark_all_present(self) -> None:
        self.called_model.set_all(Mark.PRESENT)
        self.called_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def row_of(self, name: str) -> tuple[RollView, int]:
        """The table and row showing this member (for tests and focusing an error)."""
        for view in (self.called_view, self.apart_view):
            model = view.roll_model()
            for row in range(model.rowCount()):
                if model.entry(row).name == name:
                    return view, row
        raise KeyError(name)

    def _on_model_changed(self, *_: object) -> None:
        self.summary_label.setText(roll_summary(self.count()))
        self.sig_changed.emit()
