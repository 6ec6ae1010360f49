"""Report on one direction of a superior: its status and result, at a chosen later meeting."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.superiors import Direction, DirectionStatus
from cellsec.services.superiors import follow_up
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_dialog import roomy_form
from ui.common.form_fields import FormFields, combo, memo

NO_MEETING = "(không gắn với buổi sinh hoạt nào)"


def direction_summary(d: Direction) -> str:
    """One paragraph: who directed what, when, by when."""
    when = f"ngày {format_date(d.meeting_date)}" if d.meeting_date else ""
    deadline = f"; thời hạn {format_date(d.deadline)}" if d.deadline else ""
    return (
        f"{d.given_by} chỉ đạo tại buổi sinh hoạt {when}: “{d.text}” (phụ trách: "
        f"{d.owner or 'Chi ủy'}{deadline})."
    )


def report_meetings(store: Store, d: Direction, today: date) -> list[tuple[str, int | None]]:
    """Meetings after the one where the direction was given (latest first), for the report;
    approved minutes are sealed, so only draft meetings can still take a report."""
    start = d.meeting_date or date(today.year, 1, 1)
    later = [
        m
        for m in store.meetings.list_between(start, date(today.year + 1, 12, 31))
        if m.id is not None and m.id != d.meeting_id and not m.approved
    ]
    later.sort(key=lambda m: m.date, reverse=True)
    return [(f"{m.kind.label} ngày {format_date(m.date)}", m.id) for m in later]


class FollowUpDialog(EditorDialog):
    """After Lưu: `changes`. `meeting_id` preselects the meeting reporting the result."""

    def __init__(
        self,
        store: Store,
        direction: Direction,
        today: date,
        *,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._direction = direction
        self.changes: Changes | None = None
        self.setWindowTitle("Cập nhật kết quả thực hiện ý kiến chỉ đạo")
        self.setMinimumWidth(680)
        self.fields = FormFields()
        self.banner = ErrorBanner()
        summary = QLabel(direction_summary(direction))
        summary.setWordWrap(True)
        summary.setStyleSheet("font-weight: bold;")
        meetings = report_meetings(store, direction, today)
        form = roomy_form()
        form.addRow(
            "Tình trạng", self.fields.add("status", combo((s.label, s.value) for s in DirectionStatus))
        )
        form.addRow("Kết quả", self.fields.add("result", memo("Đã làm gì, kết quả ra sao", 3)))
        form.addRow(
            "Báo cáo tại buổi",
            self.fields.add(
                "meeting_id", combo([*((label, str(i)) for label, i in meetings), (NO_MEETING, "")])
            ),
        )
        default = DirectionStatus.DONE if direction.status.is_open else direction.status
        self.fields.set_text("status", default.value)
        self.fields.set_text("result", direction.result)
        chosen = meeting_id or direction.closed_meeting_id
        if chosen is not None:
            self.fields.set_text("meeting_id", str(chosen))
        elif meetings:
            # The first meeting after the direction was given (the list runs latest first).
            self.fields.set_text("meeting_id", str(meetings[-1][1]))
        hint = QLabel(
            "Khi chọn “Đã hoàn thành” hoặc “Không thực hiện nữa”, ý kiến chỉ đạo được "
            "đóng tại buổi sinh hoạt đã chọn."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(hint)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)

    def _on_save(self) -> None:
        values = self.fields.values()
        status = DirectionStatus(values["status"])
        meeting = int(values["meeting_id"]) if values["meeting_id"] else None
        assert self._direction.id is not None
        with self.banner.attempt(self.fields) as tried:
            self.changes = follow_up(
                self._store, self._direction.id, status, values["result"].strip(), meeting
            )
        if tried.failed:
            return
        self.accept()
