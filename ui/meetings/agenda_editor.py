"""The "Nội dung" tab: last month's tasks reviewed, then the agenda items in order, each with
what was presented, the opinions (speaker and content) and the chair's conclusion."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.meetings import (
    AgendaItem,
    Guest,
    Mark,
    Opinion,
    ReviewStatus,
    RollEntry,
    TaskReview,
)

from ui.common.form_fields import FormFields, form_layout, line_edit, memo
from ui.common.rows_editor import Col, RowsEditor

OPINION_COLUMNS = (
    Col(
        "speaker",
        "Người phát biểu",
        "combo",
        chars=22,
        placeholder="Gõ vài chữ của tên, chọn trong danh sách",
    ),
    Col("speaker_title", "Chức vụ\n(người ngoài danh sách)", chars=16, placeholder="Chỉ khi là người khác"),
    Col("content", "Nội dung ý kiến", "memo", stretch=True),
)
REVIEW_COLUMNS = (
    Col("task", "Nhiệm vụ tháng trước", "label", chars=30, stretch=True),
    Col("owner", "Người phụ trách", "label", chars=16),
    Col("deadline", "Thời hạn", "label", chars=10),
    Col("status", "Kết quả", "choice", chars=16, choices=tuple((s.label, s.value) for s in ReviewStatus)),
    Col("result", "Đánh giá cụ thể", "memo", chars=24),
)
NEW_ITEM_TITLE = "Nội dung mới"


def follow_guests(
    opinions: tuple[Opinion, ...], old_keys: tuple[int, ...], new_keys: tuple[int, ...]
) -> tuple[Opinion, ...]:
    """Opinions after the guest list changed: each keeps pointing at the guest who spoke (by
    the guest's key), or at no one if that guest was removed."""
    out = []
    for o in opinions:
        if o.guest_position is not None:
            key = old_keys[o.guest_position] if 0 <= o.guest_position < len(old_keys) else None
            o = replace(o, guest_position=new_keys.index(key) if key in new_keys else None)
        out.append(o)
    return tuple(out)


def speaker_ids(
    speaker: str, old: Opinion | None, roll: tuple[RollEntry, ...], guests: tuple[Guest, ...]
) -> tuple[int | None, int | None]:
    """The member or guest a speaker's name points to (a typed name points to no one)."""
    if old is not None and old.speaker == speaker:
        return old.member_id, old.guest_position
    for e in roll:
        if e.name == speaker:
            return e.member_id, None
    for i, g in enumerate(guests):
        if g.name == speaker:
            return None, i
    return None, None


class AgendaEditor(QWidget):
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItem] = []
        self._roll: tuple[RollEntry, ...] = ()
        self._guests: tuple[Guest, ...] = ()
        self._guest_keys: tuple[int, ...] | None = None  # None: not known since set_content
        self._current = -1
        self._loading = False
        self._read_only = False

        # Last month's tasks, task by task (regular meetings only).
        self.reviews = RowsEditor(REVIEW_COLUMNS, addable=False, lines=2)
        self.reviews.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.reviews.sig_changed.connect(self._changed)
        self.reviews_box = QGroupBox("Đánh giá kết quả thực hiện nhiệm vụ tháng trước")
        box_layout = QVBoxLayout(self.reviews_box)
        self.no_reviews = QLabel("Tháng trước không có nhiệm vụ nào được ghi lại.")
        box_layout.addWidget(self.no_reviews)
        box_layout.addWidget(self.reviews)

        # The agenda: a list of items on the left, the chosen item on the right.
        self.item_list = QListWidget()
        self.item_list.setWordWrap(True)
        self.item_list.setSpacing(3)
        self.item_list.currentRowChanged.connect(self._on_item_chosen)
        self.add_item_button = QPushButton("Thêm mục")
        self.remove_item_button = QPushButton("Xóa mục")
        self.item_up_button = QPushButton("Lên")
        self.item_down_button = QPushButton("Xuống")
        self.add_item_button.setToolTip("Thêm một mục vào nội dung buổi sinh hoạt")
        self.remove_item_button.setToolTip("Xóa mục đang chọn")
        self.item_up_button.setToolTip("Đưa mục đang chọn lên trên")
        self.item_down_button.setToolTip("Đưa mục đang chọn xuống dưới")
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.item_up_button.clicked.connect(lambda: self.move_item(-1))
        self.item_down_button.clicked.connect(lambda: self.move_item(1))
        self._item_buttons = (
            self.add_item_button,
            self.remove_item_button,
            self.item_up_button,
            self.item_down_button,
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Các mục nội dung (theo thứ tự):"))
        left_layout.addWidget(self.item_list, 1)
        grid = QHBoxLayout()
        for b in self._item_buttons:
            b.setAutoDefault(False)
            grid.addWidget(b)
        left_layout.addLayout(grid)

        self.fields = FormFields()
        f = self.fields
        right = QWidget()
        form = form_layout()
        form.addRow("Tên mục", f.add("title", line_edit()))
        form.addRow("Nội dung trình bày", f.add("content", memo(lines=3)))
        form.addRow("Kết luận của chủ trì", f.add("conclusion", memo(lines=2)))
        self.opinions = RowsEditor(OPINION_COLUMNS, add_text="Thêm ý kiến", remove_text="Xóa ý kiến")
        self.opinions.sig_changed.connect(self._changed)
        # An item whose list is generated from other records (the superiors' directions).
        self.generated = QLabel()
        self.generated.setObjectName("generated_list")
        self.generated.setWordWrap(True)
        self.generated.setStyleSheet(
            "QLabel#generated_list { background: #f3f6fa; border: 1px "
            "solid #c8d3e1; border-radius: 4px; padding: 6px; }"
        )
        self.generated.hide()
        self._generated: dict[str, str] = {}
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.generated)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel("Ý kiến phát biểu:"))
        right_layout.addWidget(self.opinions, 1)
        f["title"].textChanged.connect(self._on_title_typed)  # type: ignore[attr-defined]
        for key in ("content", "conclusion"):
            f[key].textChanged.connect(self._changed)  # type: ignore[attr-defined]
        self._right = right

        agenda = QSplitter(Qt.Orientation.Horizontal)
        agenda.addWidget(left)
        agenda.addWidget(right)
        agenda.setStretchFactor(0, 1)
        agenda.setStretchFactor(1, 3)
        agenda.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.reviews_box)
        self.splitter.addWidget(agenda)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # --- filling -----------------------------------------------------------------------------
    def set_content(
        self, items: tuple[AgendaItem, ...], reviews: tuple[TaskReview, ...], show_reviews: bool
    ) -> None:
        self._loading = True
        self._items = list(items)
        self._guest_keys = None
        self._current = -1
        self.item_list.clear()
        for item in self._items:
            self.item_list.addItem(item.title)
        rows = []
        for r in reviews:
            t = r.task
            rows.append(
                {
                    "task": t.content if t else "",
                    "owner": t.owner if t else "",
                    "deadline": format_date(t.deadline) if t else "",
                    "status": r.status.value,
                    "result": r.result,
                }
            )
        self.reviews.set_rows(rows, list(reviews))
        self.no_reviews.setVisible(not reviews)
        self.reviews.setVisible(bool(reviews))
        self.show_reviews(show_reviews)
        self._loading = False
        self.item_list.setCurrentRow(0 if self._items else -1)
        self._right.setEnabled(bool(self._items))

    def set_generated(self, lists: dict[str, str]) -> None:
        """Text printed under an item from other records (by item title), shown read-only."""
        self._generated = lists
        self._show_generated()

    def _show_generated(self) -> None:
        title = self._items[self._current].title if 0 <= self._current < len(self._items) else ""
        text = self._generated.get(title, "")
        self.generated.setText(text)
        self.generated.setVisible(bool(text))

    def show_reviews(self, visible: bool) -> None:
        self.reviews_box.setVisible(visible)

    def set_speakers(
        self,
        roll: tuple[RollEntry, ...],
        guests: tuple[Guest, ...],
        guest_keys: tuple[int, ...] | None = None,
    ) -> None:
        """Speakers to choose from: the members present, then the guests. `guest_keys` name
        the guests across changes: a guest removed or moved takes their opinions' link along."""
        if guest_keys is not None:
            if self._guest_keys is not None and guest_keys != self._guest_keys:
                self._commit()
                old = self._guest_keys
                self._items = [
                    replace(item, opinions=follow_guests(item.opinions, old, guest_keys))
                    for item in self._items
                ]
                if 0 <= self._current < len(self._items):
                    self.opinions.set_payloads(list(self._items[self._current].opinions))
            self._guest_keys = guest_keys
        self._roll, self._guests = roll, guests
        names = [e.name for e in roll if e.mark is Mark.PRESENT]
        names += [g.name for g in guests if g.name]
        self.opinions.set_choices("speaker", [(n, None) for n in names])

    # --- reading -----------------------------------------------------------------------------
    def items(self) -> tuple[AgendaItem, ...]:
        self._commit()
        return tuple(self._items)

    def task_reviews(self) -> tuple[TaskReview, ...]:
        out = []
        for values, old in zip(self.reviews.rows(), self.reviews.payloads()):
            out.append(replace(old, status=ReviewStatus(values["status"]), result=values["result"].strip()))
        return tuple(out)

    def _commit(self) -> None:
        """Write the right-hand panel back into the item it shows."""
        i = self._current
        if not 0 <= i < len(self._items):
            return
        f = self.fields
        opinions = []
        for values, old in zip(self.opinions.rows(), self.opinions.payloads()):
            speaker = values["speaker"].strip()
            member_id, guest_pos = speaker_ids(speaker, old, self._roll, self._guests)
            title = values["speaker_title"].strip() if member_id is None and guest_pos is None else ""
            opinions.append(
                Opinion(
                    speaker=speaker,
                    content=values["content"].strip(),
                    member_id=member_id,
                    guest_position=guest_pos,
                    speaker_title=title,
                )
            )
        self._items[i] = replace(
            self._items[i],
            title=f.text("title").strip(),
            content=f.text("content").strip(),
            conclusion=f.text("conclusion").strip(),
            opinions=tuple(opinions),
        )

    # --- editing -----------------------------------------------------------------------------
    def _on_item_chosen(self, row: int) -> None:
        if self._loading:
            return
        self._commit()
        self._current = row
        self._loading = True
        if 0 <= row < len(self._items):
            item = self._items[row]
            self.fields.fill({"title": item.title, "content": item.content, "conclusion": item.conclusion})
            self.opinions.set_rows(
                [
                    {"speaker": o.speaker, "content": o.content, "speaker_title": o.speaker_title}
                    for o in item.opinions
                ],
                list(item.opinions),
            )
        else:
            self.fields.fill({"title": "", "content": "", "conclusion": ""})
            self.opinions.set_rows([])
        self.opinions.set_read_only(self._read_only)
        self._right.setEnabled(0 <= row < len(self._items))
        self._loading = False
        self._show_generated()

    def _on_title_typed(self, text: str) -> None:
        if not self._loading and 0 <= self._current < self.item_list.count():
            self.item_list.item(self._current).setText(text)
        self._changed()

    def add_item(self) -> None:
        self._commit()
        self._items.append(AgendaItem(NEW_ITEM_TITLE))
        self.item_list.addItem(NEW_ITEM_TITLE)
        self.item_list.setCurrentRow(len(self._items) - 1)
        title = self.fields["title"]
        title.setFocus()
        title.selectAll()  # type: ignore[attr-defined]
        self._changed()

    def remove_item(self) -> None:
        row = self._current
        if self._read_only or not 0 <= row < len(self._items):
            return
        self._current = -1  # nothing to commit: the item goes
        del self._items[row]
        self._loading = True
        self.item_list.takeItem(row)
        self._loading = False
        self.item_list.setCurrentRow(-1)
        self.item_list.setCurrentRow(min(row, len(self._items) - 1))
        self._changed()

    def move_item(self, step: int) -> None:
        row, to = self._current, self._current + step
        if self._read_only or not (0 <= row < len(self._items) and 0 <= to < len(self._items)):
            return
        self._commit()
        self._items[row], self._items[to] = self._items[to], self._items[row]
        self._loading = True
        for i in (row, to):
            self.item_list.item(i).setText(self._items[i].title)
        self._loading = False
        self._current = -1
        self.item_list.setCurrentRow(to)
        self._changed()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for b in self._item_buttons:
            b.setEnabled(not read_only)
        for key in self.fields:
            self.fields[key].setReadOnly(read_only)  # type: ignore[attr-defined]
        self.opinions.set_read_only(read_only)
        self.reviews.set_read_only(read_only)

    def _changed(self, *_: object) -> None:
        if not self._loading:
            self.sig_changed.emit()
