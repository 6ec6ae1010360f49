"""The "Cấp trên" tab of the meeting editor: notify the assigned follower before the meeting,
record the directions given at it, and report on earlier directions at it. Each action is its
own service call, written at once (the minutes' Lưu is not needed for them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import Meeting
from cellsec.entities.superiors import DirectionStatus
from cellsec.errors import ValidationError
from cellsec.services.meeting_calendar import meeting_notices, notice_days
from cellsec.services.superiors import (
    add_direction,
    assigned_on,
    directory_in_order,
    follow_up,
    open_directions,
    record_notice,
)
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, focus_field
from ui.common.form_fields import FormFields, combo, date_edit, form_layout, line_edit, memo
from ui.common.record_table import RED, Cell, RecordTable
from ui.common.superior_entry import SuperiorDialog
from ui.meetings.guests_tab import GuestsTab

NOTICE_METHODS = ("Sổ tay đảng viên", "Điện thoại", "Giấy mời", "Trực tiếp")
NOT_SAVED = "Lưu biên bản (Ctrl+S) trước khi ghi thông báo và ý kiến chỉ đạo của cấp trên."
LOCKED = (
    "Biên bản đã thông qua: không thêm ý kiến chỉ đạo vào buổi này nữa (nếu ghi thiếu, "
    "thêm ghi chú đính chính)."
)
DIRECTION_LABELS = {
    "given_by": "Người chỉ đạo",
    "text": "Nội dung chỉ đạo",
    "owner": "Phụ trách",
    "deadline": "Thời hạn",
}


def merge_changes(a: Changes | None, b: Changes) -> Changes:
    """Everything either one changed; the editor starts with nothing (None)."""
    return b if a is None else a | b


def _button(text: str) -> QPushButton:
    b = QPushButton(text)
    b.setAutoDefault(False)  # Enter belongs to the fields, never to a button
    return b


class SuperiorMeetingSection(QScrollArea):
    """`changes` gathers what was written here; sig_changed announces each write."""

    sig_changed = Signal(object)  # Changes

    def __init__(
        self,
        store: Store,
        meeting: Meeting,
        guests_tab: GuestsTab,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._meeting = meeting
        self._today = today or date.today()
        self._guests = guests_tab
        self.changes: Changes | None = None
        self.active_dialog: QDialog | None = None
        self.banner = ErrorBanner()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("color: #6b4b00; font-weight: bold;")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.banner)
        layout.addWidget(self.state_label)
        layout.addWidget(self._build_notice())
        layout.addWidget(self._build_directions())
        layout.addWidget(self._build_reports())
        layout.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        guests_tab.set_directory(directory_in_order(store))
        guests_tab.sig_new_superior.connect(self.new_superior)
        self._people = directory_in_order(store)
        self.set_meeting(meeting)
        guests_tab.sig_changed.connect(lambda: self._fill_given_by(self._people))

    # --- layout ------------------------------------------------------------------------------
    def _build_notice(self) -> QGroupBox:
        box = QGroupBox("Thông báo cho người theo dõi chi bộ trước buổi sinh hoạt")
        self.notify_label = QLabel()
        self.notify_label.setWordWrap(True)
        self.notice_fields = FormFields()
        f = self.notice_fields
        row = QHBoxLayout()
        row.addWidget(QLabel("Người"))
        row.addWidget(f.add("superior_id", combo()), 2)
        row.addWidget(QLabel("Ngày"))
        row.addWidget(f.add("sent", date_edit()))
        row.addWidget(QLabel("Hình thức"))
        row.addWidget(f.add("method", combo(((m, None) for m in NOTICE_METHODS), editable=True)), 1)
        self.notice_button = _button("Ghi đã thông báo")
        self.notice_button.setToolTip("Ghi đã báo lịch họp cho người được chọn (ngày, hình thức bên cạnh)")
        self.notice_button.clicked.connect(self.record_notice)
        row.addWidget(self.notice_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.notify_label)
        layout.addLayout(row)
        return box

    def _build_directions(self) -> QGroupBox:
        box = QGroupBox("Ý kiến chỉ đạo của cấp trên tại buổi sinh hoạt này")
        self.given = RecordTable(
            ("Người chỉ đạo", "Nội dung chỉ đạo", "Phụ trách", "Thời hạn", "Tình trạng"), (18, 0, 11, 11, 15)
        )
        self.given.setMinimumHeight(110)
        self.given.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.direction_fields = FormFields()
        f = self.direction_fields
        form = form_layout()
        given_by = combo(editable=True)
        given_by.lineEdit().setPlaceholderText("Chọn trong danh bạ hoặc gõ họ tên")
        form.addRow(DIRECTION_LABELS["given_by"], f.add("given_by", given_by))
        form.addRow(
            DIRECTION_LABELS["text"], f.add("text", memo("Đồng chí cấp trên chỉ đạo chi bộ làm gì", 2))
        )
        when = QHBoxLayout()
        when.addWidget(f.add("owner", line_edit("Chi ủy")), 1)
        when.addWidget(QLabel(DIRECTION_LABELS["deadline"]))
        when.addWidget(f.add("deadline", date_edit()))
        form.addRow(DIRECTION_LABELS["owner"], when)
        self.direction_button = _button("Thêm ý kiến chỉ đạo")
        self.direction_button.clicked.connect(self.add_direction)
        # The typing part goes away once the minutes are approved.
        self.direction_form = QWidget()
        entry = QVBoxLayout(self.direction_form)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.direction_button)
        buttons.addStretch(1)
        entry.addLayout(buttons)
        layout = QVBoxLayout(box)
        layout.addWidget(self.given)
        layout.addWidget(self.direction_form)
        return box

    def _build_reports(self) -> QGroupBox:
        box = QGroupBox("Ý kiến chỉ đạo các buổi trước chưa hoàn thành — báo cáo kết quả tại buổi này")
        self.earlier = RecordTable(
            ("Ngày nhận", "Người chỉ đạo", "Nội dung chỉ đạo", "Thời hạn", "Tình trạng"), (11, 18, 0, 11, 18)
        )
        self.earlier.setMinimumHeight(110)
        self.earlier.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.report_status = combo((s.label, s.value) for s in DirectionStatus)
        self.report_status.setCurrentIndex(self.report_status.findData(DirectionStatus.DONE.value))
        self.report_result = line_edit("Kết quả thực hiện")
        self.report_button = _button("Ghi kết quả")
        self.report_button.setToolTip("Ghi kết quả thực hiện ý kiến chỉ đạo đang chọn tại buổi sinh hoạt này")
        self.report_button.clicked.connect(self.report_selected)
        row = QHBoxLayout()
        row.addWidget(QLabel("Tình trạng"))
        row.addWidget(self.report_status)
        row.addWidget(self.report_result, 1)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.earlier)
        layout.addLayout(row)
        return box

    # --- showing -----------------------------------------------------------------------------
    def set_meeting(self, meeting: Meeting) -> None:
        """The stored meeting (after each save of the minutes)."""
        self._meeting = meeting
        saved = meeting.id is not None
        self.state_label.setText(NOT_SAVED if not saved else LOCKED if meeting.approved else "")
        self.state_label.setVisible(not saved or meeting.approved)
        self.notice_button.setEnabled(saved)
        self.report_button.setEnabled(saved and not meeting.approved)
        self.direction_button.setEnabled(saved and not meeting.approved)
        self.direction_form.setVisible(not meeting.approved)
        self.refresh()

    def refresh(self) -> None:
        m, store = self._meeting, self._store
        people = self._people = directory_in_order(store)
        names = {s.id: s.name for s in people}
        followers = assigned_on(store, m.date)
        notices = {n.superior_id: n for n in store.superiors.notices(m.id)} if m.id else {}
        lines = []
        for due in meeting_notices(store, m):
            s = due.superior
            head = f"<b>{s.name}</b> ({s.position or s.level.label}): "
            if due.sent is not None:
                n = notices[s.id or 0]
                late = (
                    f" <span style='color:#9b1c1c'>(muộn: cần trước ngày {format_date(due.due)})</span>"
                    if due.late
                    else ""
                )
                lines.append(head + f"đã thông báo ngày {format_date(n.sent)} qua {n.method or '…'}.{late}")
            else:
                colour = "#9b1c1c" if self._today >= due.due else "#6b4b00"
                lines.append(
                    head + f"<span style='color:{colour}'>chưa ghi thông báo — cần "
                    f"thông báo chậm nhất ngày {format_date(due.due)} "
                    f"({notice_days(store)} ngày trước buổi sinh hoạt).</span>"
                )
        others = [n for sid, n in notices.items() if sid not in {s.id for s in followers}]
        lines += [
            f"{names.get(n.superior_id, '?')}: đã thông báo ngày {format_date(n.sent)} qua {n.method or '…'}."
            for n in others
        ]
        self.notify_label.setText(
            f"Người được phân công theo dõi chi bộ ngày {format_date(m.date)}:<br>" + "<br>".join(lines)
            if followers or others
            else f"Ngày {format_date(m.date)} chưa có ai được phân công theo dõi chi bộ (xem trang "
            "“Cấp trên”)."
        )
        box = self.notice_fields["superior_id"]
        assert isinstance(box, QComboBox)
        ordered = followers + [s for s in people if s.id not in {f.id for f in followers}]
        box.clear()
        for s in ordered:
            box.addItem(s.name, str(s.id))
        if not self.notice_fields.text("sent"):
            self.notice_fields.set_text("sent", format_date(min(self._today, m.date)))
        self._fill_given_by(people)
        given = store.superiors.directions(meeting_id=m.id) if m.id else []
        self.given.set_rows(
            [[d.given_by, d.text, d.owner, format_date(d.deadline), d.status.label] for d in given], given
        )
        earlier = [d for d in open_directions(store, before=m.date) if d.meeting_id != m.id]
        self.earlier.set_rows(
            [
                [
                    format_date(d.meeting_date),
                    d.given_by,
                    d.text,
                    format_date(d.deadline),
                    Cell(
                        d.status.label + (" — quá hạn" if d.deadline and d.deadline < m.date else ""),
                        RED if d.deadline and d.deadline < m.date else None,
                    ),
                ]
                for d in earlier
            ],
            earlier,
        )
        if earlier and self.earlier.selected_row() < 0:
            self.earlier.selectRow(0)

    def _fill_given_by(self, people: list) -> None:
        """Superiors among this meeting's guests first, then the directory."""
        box = self.direction_fields["given_by"]
        assert isinstance(box, QComboBox)
        typed = box.currentText()
        present = [g.superior_id for g in self._guests.guests() if g.superior_id]
        ordered = sorted(people, key=lambda s: s.id not in present)
        box.clear()
        for s in ordered:
            box.addItem(s.name, str(s.id))
        box.setEditText(typed or (ordered[0].name if ordered and ordered[0].id in present else ""))

    # --- writing -----------------------------------------------------------------------------
    def _done(self, changes: Changes) -> None:
        self.banner.clear_message()
        self.changes = merge_changes(self.changes, changes)
        self.refresh()
        self.sig_changed.emit(changes)

    def _error(self, err: ValidationError, fields_: FormFields | None = None) -> None:
        self.banner.show_message(str(err))
        self.ensureWidgetVisible(self.banner)
        if fields_ is not None and err.key in fields_:
            focus_field(fields_[err.key])

    def record_notice(self) -> bool:
        f = self.notice_fields
        if self._meeting.id is None or not f.text("superior_id"):
            self.banner.show_message("Người được thông báo: chưa có ai trong danh bạ cấp trên.")
            return False
        try:
            changes = record_notice(
                self._store,
                self._meeting.id,
                int(f.text("superior_id")),
                f.text("sent"),
                f.text("method"),
                today=self._today,
            )
        except ValidationError as err:
            self._error(err, f)
            return False
        self._done(changes)
        return True

    def add_direction(self) -> bool:
        if self._meeting.id is None:
            return False
        f = self.direction_fields
        box = f["given_by"]
        assert isinstance(box, QComboBox)
        typed = box.currentText().strip()
        index = box.findText(typed)
        form = {
            "text": f.text("text"),
            "owner": f.text("owner"),
            "deadline": f.text("deadline"),
            "given_by": typed,
            "superior_id": str(box.itemData(index) or "") if index >= 0 else "",
        }
        try:
            changes = add_direction(self._store, self._meeting.id, form)
        except ValidationError as err:
            self._error(err, f)
            return False
        for key in ("text", "deadline"):
            f.set_text(key, "")
        self._done(changes)
        return True

    def report_selected(self) -> bool:
        chosen = self.earlier.selected_payload()
        if chosen is None or self._meeting.id is None or chosen.id is None:
            return False
        try:
            changes = follow_up(
                self._store,
                chosen.id,
                DirectionStatus(self.report_status.currentData()),
                self.report_result.text().strip(),
                self._meeting.id,
            )
        except ValidationError as err:
            self._error(err)
            return False
        self.report_result.clear()
        self._done(changes)
        return True

    def new_superior(self) -> None:
        """Thêm người mới vào danh bạ, then straight into this meeting's guests."""
        dialog = SuperiorDialog(self._store, parent=self.window())
        self.active_dialog = dialog

        def finished(result: int) -> None:
            self.active_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted or dialog.changes is None:
                return
            people = directory_in_order(self._store)
            self._guests.set_directory(people)
            added = next((s for s in people if s.id == dialog.superior_id), None)
            if added is not None:
                self._guests.add_superior_guest(added)
            self._done(dialog.changes)

        dialog.finished.connect(finished)
        dialog.open()
