"""The meetings page ("Sinh hoạt chi bộ"): a year month by month, what is missing, and the
actions on one meeting — prepare, open, print, delete a draft."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import Meeting
from cellsec.errors import ValidationError
from cellsec.services.meetings import check_record, delete_meeting, new_meeting, notices_due, year_calendar
from cellsec.services.minutes_record import MISMATCH_TITLE, MISMATCH_WARNING, meeting_counts
from cellsec.services.superiors import overdue_directions
from cellsec.store import Store

from ui.common.exporting import export_list, export_path_chooser
from ui.common.flow_layout import FlowLayout
from ui.common.operations import open_dialog
from ui.common.page import Page
from ui.meetings import PAGE
from ui.meetings.editor import MeetingEditor
from ui.meetings.new_meeting_dialog import NewMeetingDialog
from ui.meetings.year_tree import YearTree
from ui.printing import actions as printing


class MeetingsPage(Page):
    """A year of meetings month by month; what a meeting write changed goes out on
    sig_changed, the overdue line asks the shell for the superiors' follow-up list."""

    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.preview: QWidget | None = None
        # "Today" is injectable so tests fix the calendar.
        self.today: Callable[[], date] = date.today
        self.missing_months: list[int] = []
        self.quarters_without_thematic: tuple[int, ...] = ()
        self._build()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.year_box = QSpinBox()
        self.year_box.setRange(1990, 2100)
        self.year_box.setValue(date.today().year)
        self.year_box.setKeyboardTracking(False)
        self.year_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("20260") + 48)
        self.year_box.valueChanged.connect(lambda *_: self.reload())
        self.new_button = QPushButton("Chuẩn bị buổi sinh hoạt mới")
        self.open_button = QPushButton("Mở")
        self.open_button.setToolTip("Mở biên bản buổi sinh hoạt đang chọn (Enter)")
        self.delete_button = QPushButton("Xóa nháp")
        self.delete_button.setToolTip("Xóa buổi sinh hoạt chưa thông qua (nhập nhầm)")
        self.minutes_button = QPushButton("Xem và in biên bản")
        self.minutes_button.setToolTip("Xem và in biên bản của buổi sinh hoạt đang chọn")
        self.resolution_button = QPushButton("Nghị quyết")
        self.resolution_button.setToolTip("Xem và in nghị quyết của buổi sinh hoạt đang chọn")
        self.attendance_button = QPushButton("In danh sách dự họp")
        self.attendance_button.setToolTip("Danh sách để đảng viên ký khi đến dự (in trước buổi sinh hoạt)")
        self.invitation_button = QPushButton("Giấy mời")
        self.invitation_button.setToolTip(
            "Giấy mời dự sinh hoạt cho buổi đang chọn; chưa chọn buổi nào: giấy mời để trống, điền tay"
        )
        self.book_button = QPushButton("Sổ biên bản cả năm")
        self.book_button.setToolTip("Xem và in các biên bản đã thông qua của năm đang xem, đóng thành sổ")
        self.committee_button = QPushButton("Chi ủy…")
        self.committee_button.setToolTip("Danh sách chi ủy theo thời gian (điểm danh họp chi ủy)")
        self.committee_button.clicked.connect(self.edit_committee)
        self.new_button.clicked.connect(self.prepare_new)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.minutes_button.clicked.connect(lambda: self.print_selected("minutes"))
        self.resolution_button.clicked.connect(lambda: self.print_selected("resolution"))
        self.attendance_button.clicked.connect(self.print_attendance)
        self.invitation_button.clicked.connect(self.print_invitation)
        self.book_button.clicked.connect(self.print_book)

        top = FlowLayout()  # wraps on a small screen
        for b in (self.new_button, self.open_button, self.delete_button, self.committee_button):
            top.addWidget(b)
        top.addStretch(1)
        self.export_button = QPushButton("Xuất ra Excel…")
        self.export_button.setToolTip("Lưu danh sách các buổi sinh hoạt của năm đang xem ra Excel")
        self.export_button.clicked.connect(self.export_year)
        top.addWidget(self.export_button)
        top.addWidget(QLabel("Năm"))
        top.addWidget(self.year_box)
        prints = FlowLayout()  # wraps on a small screen
        prints.addWidget(QLabel("In:"))
        for b in (
            self.minutes_button,
            self.resolution_button,
            self.attendance_button,
            self.invitation_button,
            self.book_button,
        ):
            prints.addWidget(b)
        prints.addStretch(1)

        self.flags_label = QLabel()
        self.flags_label.setObjectName("meeting_flags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(
            "QLabel#meeting_flags { color: #6b4b00; background: "
            "#fff4d6; border: 1px solid #e8c96a; border-radius: 4px; "
            "padding: 6px 8px; font-weight: bold; }"
        )
        self.flags_label.hide()
        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice_due")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "QLabel#notice_due { color: #0b3d6b; background: #e3effb; "
            "border: 1px solid #9cc0e6; border-radius: 4px; "
            "padding: 6px 8px; }"
        )
        self.notice_label.hide()
        self.overdue_button = QPushButton()
        self.overdue_button.setObjectName("overdue_directions")
        self.overdue_button.setStyleSheet(
            "QPushButton#overdue_directions { color: #7a1010; "
            "background: #fbe0de; border: 1px solid #e5a5a0; "
            "text-align: left; font-weight: bold; }"
        )
        self.overdue_button.clicked.connect(lambda: self.sig_request.emit("superiors", "overdue-directions"))
        self.overdue_button.hide()

        self.tree = YearTree()
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.sig_open_requested.connect(self.open_selected)

        self.summary_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(prints)
        layout.addWidget(self.flags_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.overdue_button)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        self._update_buttons()

    def actions(self) -> list[QAction]:
        return [
            self.page_action("Chuẩn bị buổi sinh hoạt mới…", self.prepare_new),
            self.page_action("In danh sách dự họp", self.print_attendance),
            self.page_action("In giấy mời", self.print_invitation),
            self.page_action(
                "In giấy mời ghi tên từng đảng viên",
                lambda: self.print_invitation(per_member=True),
                "Mỗi đảng viên được triệu tập dự buổi sinh hoạt đang chọn một tờ, ghi sẵn họ tên",
            ),
            self.page_action("Sổ biên bản cả năm", self.print_book),
            self.page_action("Xuất ra Excel…", self.export_year),
        ]

    def view_state(self) -> dict[str, QByteArray]:
        return {"columns": self.tree.header().saveState()}

    def restore_view_state(self, state: dict[str, QByteArray]) -> None:
        if "columns" in state:
            self.tree.header().restoreState(state["columns"])

    # --- reading -----------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self.year_box.value()

    def set_year(self, year: int) -> None:
        if year == self.year:
            self.reload()
        self.year_box.setValue(year)

    def concerns(self, changes: Changes) -> bool:
        # The roll of a draft follows the register, so a register change matters here too.
        return changes.meetings or changes.members or changes.superiors

    def reload(self) -> None:
        self._loaded = True
        calendar = year_calendar(self._store, self.year, today=self.today())
        # The calendar gives headers only; the roll (for the counts) needs the whole record.
        full, counts, checks = {}, {}, {}
        for row in calendar.months:
            for header in row.meetings:
                m = self._store.meetings.get(header.id) if header.id is not None else None
                if m is not None and m.id is not None:
                    full[m.id] = m
                    counts[m.id] = meeting_counts(self._store, m)
                    checks[m.id] = check_record(self._store, m.id)
        count = self.tree.show_year(calendar, full, counts, checks)
        self.missing_months = self.tree.missing_months
        self.quarters_without_thematic = self.tree.quarters_without_thematic
        flags = self.tree.flags_text()
        vanished = "  ".join(
            f"Biên bản đã thông qua ngày {format_date(r.meeting.date)} bị xóa ngoài chương trình!"
            for r in calendar.vanished
        )
        flags = "  ".join(x for x in (flags, vanished) if x)
        self.flags_label.setText(flags)
        self.flags_label.setVisible(bool(flags))
        notices = notices_due(self._store, self.today())
        self.notice_label.setText("\n".join(n.text(self.today()) for n in notices))
        self.notice_label.setVisible(bool(notices))
        self.summary_label.setText(f"Năm {self.year}: {count} buổi sinh hoạt đã ghi.")
        late = overdue_directions(self._store, self.today())
        # Short enough not to widen the window at a large text size; the rest in the tooltip.
        self.overdue_button.setText(f"{len(late)} ý kiến chỉ đạo quá hạn — xem danh sách")
        self.overdue_button.setToolTip(
            f"{len(late)} ý kiến chỉ đạo của cấp trên đã quá hạn: bấm để mở danh sách theo dõi "
            "ở trang Cấp trên"
        )
        self.overdue_button.setVisible(bool(late))
        self._update_buttons()

    def month_note(self, month: int) -> str:
        """What the list says about a month."""
        return self.tree.month_note(month)

    def selected_meeting_id(self) -> int | None:
        return self.tree.selected_meeting_id()

    def select_meeting(self, meeting_id: int) -> None:
        self.tree.select_meeting(meeting_id)

    def show_part(self, part: str) -> None:
        """ "meeting:<id>" (that meeting, in its year) or "month:<yyyy-mm>" (that year), asked
        for by the to-do list."""
        kind, _, value = part.partition(":")
        if kind == "meeting" and value.isdigit():
            header = self._store.meetings.header(int(value))
            if header is not None:
                self.set_year(header.date.year)
                self.select_meeting(int(value))
        elif kind == "month" and value[:4].isdigit():
            self.set_year(int(value[:4]))

    def _selected_meeting(self) -> Meeting | None:
        meeting_id = self.selected_meeting_id()
        return self._store.meetings.get(meeting_id) if meeting_id is not None else None

    def _update_buttons(self) -> None:
        is_meeting = self.tree.selected_meeting_id() is not None
        approved = self.tree.selected_is_approved()
        for b in (self.open_button, self.minutes_button, self.resolution_button):
            b.setEnabled(is_meeting)
        self.delete_button.setEnabled(is_meeting and not approved)

    # --- actions -----------------------------------------------------------------------------
    def _suggested_date(self) -> date:
        today = self.today()
        month = self.tree.selected_month()
        if month is None or (self.year, month) == (today.year, today.month):
            return today if self.year == today.year else date(self.year, 1, 1)
        return date(self.year, month, 1)

    def prepare_new(self) -> None:
        dialog = NewMeetingDialog(self._suggested_date(), parent=self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                try:
                    meeting = new_meeting(self._store, dialog.kind, dialog.when)
                except ValidationError as err:  # e.g. a committee meeting without a committee
                    self.notify(self, "Chưa chuẩn bị được", str(err), warning=True)
                    return
                self.open_editor(meeting)

        open_dialog(self, dialog, finished)

    def edit_committee(self) -> None:
        """The committee is the cell's (its dialog is the shell's): ask for it."""
        self.sig_request.emit("cell", "committee")

    def open_selected(self) -> None:
        meeting = self._selected_meeting()
        if meeting is not None:
            self.open_editor(meeting)

    def open_editor(self, meeting: Meeting) -> MeetingEditor:
        if meeting.id is not None and check_record(self._store, meeting.id).ok is False:
            self.notify(self, MISMATCH_TITLE, MISMATCH_WARNING, warning=True)
        editor = MeetingEditor(
            self._store,
            meeting,
            parent=self,
            ask=self.ask,
            notify=self.notify,
            print_action=self._print_from_editor,
            today=self.today(),
        )

        def show_its_year(_editor: MeetingEditor) -> None:
            if editor.meeting.date.year != self.year:
                self.year_box.blockSignals(True)  # the routed Changes reload the page
                self.year_box.setValue(editor.meeting.date.year)
                self.year_box.blockSignals(False)

        def select_it(_editor: MeetingEditor) -> None:
            if editor.meeting.id is not None:
                self.select_meeting(editor.meeting.id)

        self.run_dialog(editor, before_route=show_its_year, after_route=select_it)
        return editor

    def delete_selected(self) -> None:
        meeting = self._selected_meeting()
        if meeting is None or meeting.id is None:
            return
        question = (
            f"Xóa bản nháp “{meeting.kind.label}” ngày {format_date(meeting.date)}?\n\n"
            "Chỉ xóa buổi sinh hoạt nhập nhầm. Không hoàn tác được."
        )
        if not self.ask(self, "Xóa nháp", question):
            return
        meeting_id = meeting.id
        self.run_operation(lambda: delete_meeting(self._store, meeting_id), "Không xóa được")

    # --- printing ----------------------------------------------------------------------------
    def _preview(self, parent: QWidget, name: str, **kwargs) -> QWidget | None:
        dialog = printing.open_preview(parent, self._store, name, notify=self.notify, **kwargs)
        self.preview = dialog
        return dialog

    def _print_from_editor(self, editor: QWidget, name: str, meeting: Meeting) -> None:
        self._preview(editor, name, meeting_id=meeting.id)

    def print_selected(self, name: str) -> None:
        meeting = self._selected_meeting()
        if meeting is None:
            return
        self.active_dialog = self._preview(self, name, meeting_id=meeting.id)  # type: ignore[assignment]

    def print_attendance(self) -> None:
        """For the meeting chosen (its roll), else a blank sheet from the register."""
        meeting = self._selected_meeting()
        if meeting is not None:
            dialog = self._preview(self, "attendance", meeting_id=meeting.id)
        else:
            dialog = self._preview(self, "attendance", on=self._suggested_date())
        self.active_dialog = dialog  # type: ignore[assignment]

    def print_invitation(self, per_member: bool = False) -> None:
        """For the meeting chosen (draft or approved), else a blank one to fill by hand."""
        meeting = self._selected_meeting()
        meeting_id = meeting.id if meeting is not None else None
        self.active_dialog = self._preview(  # type: ignore[assignment]
            self, "invitation", meeting_id=meeting_id, per_member=per_member, today=self.today()
        )

    def print_book(self) -> None:
        self.active_dialog = self._preview(self, "book", year=self.year)  # type: ignore[assignment]

    def export_year(self) -> None:
        """The meetings of the year shown, to .xlsx or .csv."""
        from cellsec.spreadsheets import export_meetings

        year = self.year
        export_list(
            self,
            "Xuất danh sách buổi sinh hoạt ra Excel",
            f"Sinh-hoat-chi-bo-nam-{year}.xlsx",
            lambda path: export_meetings(self._store, path, year),
            choose=export_path_chooser(self),
            notify=self.notify,
            what="buổi sinh hoạt",
        )
