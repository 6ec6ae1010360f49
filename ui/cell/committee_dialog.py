"""The cell committee (chi ủy) over time: who holds which seat from when to when. A committee
meeting's roll is the committee on its date. Each action is one service call, written at once;
a seat or an end date typed and not yet written is never dropped unasked ("Lưu thay đổi?")."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import CommitteePost
from cellsec.errors import ValidationError
from cellsec.services.committee import add_committee_role, end_committee_role
from cellsec.services.register import load_register
from cellsec.store import Store
from cellsec.text import name_sort_key

from ui.common.dialogs import ErrorBanner, show_validation_error
from ui.common.editor_dialog import EditorDialog
from ui.common.form_fields import FormFields, combo, date_edit, line_edit
from ui.common.record_table import RecordTable

ADD_FIELDS = ("member_id", "post", "start", "note")
END_FIELDS = ("end",)
HINT = (
    "Chi bộ có từ 9 đảng viên chính thức bầu chi ủy. Ghi mỗi người với chức vụ và ngày bắt "
    "đầu (ngày bầu); khi thôi, ghi ngày kết thúc. Họp chi ủy lấy danh sách này làm điểm danh."
)


class CommitteeDialog(EditorDialog):
    """`changes` holds what was written, for the page to route. Unsaved: what the two rows of
    fields hold beyond what they held when last filled (a seat to add, an end date)."""

    unsaved_title = "Lưu thay đổi?"

    def __init__(self, store: Store, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chi ủy chi bộ")
        self._store = store
        self._today = today or date.today()
        self.changes: Changes | None = None
        self.banner = ErrorBanner()
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.table = RecordTable(
            ("Họ và tên", "Chức vụ", "Từ ngày", "Đến ngày", "Ghi chú"), (0, 14, 11, 11, 16)
        )
        self.fields = FormFields()
        f = self.fields
        row = QHBoxLayout()
        row.addWidget(f.add("member_id", combo()), 2)
        row.addWidget(f.add("post", combo((p.label, p.value) for p in CommitteePost)))
        row.addWidget(QLabel("từ ngày"))
        row.addWidget(f.add("start", date_edit()))
        row.addWidget(f.add("note", line_edit("Ghi chú (ví dụ: Đại hội chi bộ)")), 1)
        self.add_button = QPushButton("Thêm vào chi ủy")
        self.add_button.setToolTip("Ghi người được chọn vào chi ủy với chức vụ và ngày bắt đầu")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_role)
        row.addWidget(self.add_button)
        end_row = QHBoxLayout()
        end_row.addWidget(QLabel("Người đang chọn thôi giữ chức vụ từ sau ngày"))
        end_row.addWidget(f.add("end", date_edit()))
        self.end_button = QPushButton("Ghi ngày thôi")
        self.end_button.setToolTip("Ghi ngày người đang chọn thôi giữ chức vụ trong chi ủy")
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(self.end_selected)
        end_row.addWidget(self.end_button)
        end_row.addStretch(1)
        close = QPushButton("Đóng")
        close.setToolTip("Đóng danh sách chi ủy (những gì đã nhập mà chưa ghi sẽ được hỏi)")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.banner, hint, self.table):
            layout.addWidget(w)
        layout.addLayout(row)
        layout.addLayout(end_row)
        layout.addWidget(close)
        self.resize(900, 480)
        self.refresh()

    def refresh(self) -> None:
        rows = load_register(self._store, self._today)
        names = {r.member.id: r.member.full_name for r in rows}
        roles = self._store.meetings.committee.roles()
        self.table.set_rows(
            [
                [names.get(r.member_id, "?"), r.post.label, format_date(r.start), format_date(r.end), r.note]
                for r in roles
            ],
            roles,
        )
        box = self.fields["member_id"]
        assert isinstance(box, QComboBox)
        box.clear()
        for r in sorted(
            (r for r in rows if r.state.on_roll), key=lambda r: name_sort_key(r.member.full_name)
        ):
            box.addItem(r.member.full_name, str(r.member.id))
        self.mark_saved()

    # --- what is typed and not written -------------------------------------------------------
    def _pending(self, keys: tuple[str, ...]) -> bool:
        clean = self._clean_state or {}
        now = self.fields.values()
        return any(now.get(k) != clean.get(k) for k in keys)

    def save_from_close(self) -> None:
        """Lưu from the closing question: write what is pending (the seat, then the end date),
        then close; a refusal shows in the dialog, which stays open."""
        add, end = self._pending(ADD_FIELDS), self._pending(END_FIELDS)
        if add and not self.add_role():
            return
        if end and not self.end_selected():
            return
        self.done(0)

    def _done(self, changes: Changes) -> None:
        self.banner.clear_message()
        self.changes = changes if self.changes is None else self.changes | changes
        self.refresh()

    def add_role(self) -> bool:
        f = self.fields
        try:
            changes = add_committee_role(
                self._store, {k: f.text(k) for k in ("member_id", "post", "start", "note")}, today=self._today
            )
        except ValidationError as err:
            show_validation_error(self.banner, f, err)
            return False
        for key in ("start", "note"):
            f.set_text(key, "")
        self._done(changes)
        return True

    def end_selected(self) -> bool:
        role = self.table.selected_payload()
        if role is None or role.id is None:
            self.banner.show_message("Chọn một người trong danh sách chi ủy.")
            return False
        try:
            changes = end_committee_role(self._store, role.id, self.fields.text("end"), today=self._today)
        except ValidationError as err:
            show_validation_error(self.banner, self.fields, err)
            return False
        self._done(changes)
        return True
