"""Prepare, record and approve one meeting's minutes: five tabs over one Meeting record.
Saving is one service call; approval locks the minutes, after which only corrections are added."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import Mark, Meeting, MeetingKind, RollEntry
from cellsec.errors import ValidationError
from cellsec.rules.counting import RollCount, count_meeting
from cellsec.services.history import HistoryEntry, meeting_history
from cellsec.services.meetings import (
    DIRECTIONS_ITEM,
    add_correction,
    approve_meeting,
    check_approval,
    check_record,
    duration_warning,
    expected_roll_for,
    merge_roll,
    quality_rating,
    save_meeting,
)
from cellsec.services.members import rules_of
from cellsec.services.minutes_record import (
    DRAFT,
    MISMATCH_WARNING,
    RecordCheck,
    direction_line,
    directions_reviewed,
    sealed_record,
)
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, ask_yes_no, focus_field, show_notice
from ui.common.editor_dialog import EditorDialog
from ui.common.flow_layout import FlowLayout
from ui.common.history import history_button
from ui.meetings.agenda_editor import AgendaEditor
from ui.meetings.corrections_tab import CorrectionsTab
from ui.meetings.general_tab import GeneralTab
from ui.meetings.guests_tab import GuestsTab
from ui.meetings.resolution_tab import ResolutionTab
from ui.meetings.roll_editor import RollEditor
from ui.meetings.superiors_tab import SuperiorMeetingSection, merge_changes

GENERAL, ROLL, CONTENT, GUESTS, RESOLUTION, CORRECTIONS, SUPERIORS = range(7)
ERROR_TABS = {
    "kind": GENERAL,
    "date": GENERAL,
    "start_time": GENERAL,
    "end_time": GENERAL,
    "topic": GENERAL,
    "place": GENERAL,
    "chair": GENERAL,
    "recorder": GENERAL,
    "roll": ROLL,
    "items": CONTENT,
    "reviews": CONTENT,
    "guests": GUESTS,
    "votes": RESOLUTION,
    "tasks": RESOLUTION,
    "scores": RESOLUTION,
    "resolution": RESOLUTION,
    "correction": CORRECTIONS,
}
APPROVE_QUESTION = "Biên bản đã được đọc lại và chi bộ thông qua? Sau khi thông qua sẽ không sửa được."
WARNINGS_QUESTION = "Biên bản còn những điểm sau:\n\n{}\n\nVẫn thông qua biên bản?"
WARNING_STYLE = (
    "QLabel#digest_warning { color: #7a1010; background: #fde2e0; border: 2px solid "
    "#c0392b; border-radius: 4px; padding: 8px; font-weight: bold; }"
)

Ask = Callable[[QWidget | None, str, str], bool]
PrintAction = Callable[[QWidget, str, Meeting], None]


def meeting_title(m: Meeting) -> str:
    return f"{m.kind.label} ngày {format_date(m.date)}"


class MeetingEditor(EditorDialog):
    """`changes` holds what was written (saved, approved, corrected), even if later closed.
    Closing with unsaved changes asks Lưu / Không lưu / Quay lại (EditorDialog)."""

    unsaved_title = "Đóng biên bản"

    def __init__(
        self,
        store: Store,
        meeting: Meeting,
        *,
        parent: QWidget | None = None,
        ask: Ask = ask_yes_no,
        notify: Callable[..., None] = show_notice,
        print_action: PrintAction | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._meeting = meeting
        self._rules = rules_of(store)
        self.ask = ask
        self.notify = notify
        self._print_action = print_action
        self._today = today
        self.changes: Changes | None = None
        self._baseline: Meeting | None = None
        self._filling = False
        self._check: RecordCheck = DRAFT
        self._sealed_count: RollCount | None = None
        self._vote_rules: object = self._rules

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.digest_warning = QLabel(MISMATCH_WARNING)
        self.digest_warning.setObjectName("digest_warning")
        self.digest_warning.setWordWrap(True)
        self.digest_warning.setStyleSheet(WARNING_STYLE)
        self.digest_warning.hide()
        self.banner = ErrorBanner()

        self.general = GeneralTab()
        self.roll_editor = RollEditor(self._count_of)
        self.agenda = AgendaEditor()
        self.guests_tab = GuestsTab()
        self.resolution_tab = ResolutionTab(
            list(self._rules["meeting_quality_criteria"]),
            lambda s: quality_rating(s, self._rules),
            self._rules,
        )
        self.corrections_tab = CorrectionsTab()
        self.corrections_tab.add_button.clicked.connect(self.add_correction)
        self.corrections_list = self.corrections_tab.notes
        self.correction_text = self.corrections_tab.text
        self.add_correction_button = self.corrections_tab.add_button
        self.superior_tab = SuperiorMeetingSection(store, meeting, self.guests_tab, today=today)
        self.tabs = QTabWidget()
        for widget, title in (
            (self.general, "Thông tin chung"),
            (self.roll_editor, "Điểm danh"),
            (self.agenda, "Nội dung"),
            (self.guests_tab, "Khách mời"),
            (self.resolution_tab, "Nghị quyết"),
            (self.corrections_tab, "Ghi chú đính chính"),
            (self.superior_tab, "Cấp trên"),
        ):
            self.tabs.addTab(widget, title)

        self.save_button = QPushButton("Lưu (Ctrl+S)")
        self.save_button.setToolTip("Lưu bản nháp biên bản (chưa thông qua, còn sửa được)")
        self.approve_button = QPushButton("Thông qua biên bản…")
        self.approve_button.setToolTip("Khóa biên bản sau khi thư ký đọc lại và chi bộ thông qua")
        self.print_button = QPushButton("Xem và in biên bản")
        self.print_button.setToolTip("Xem và in biên bản này")
        self.print_resolution_button = QPushButton("Nghị quyết")
        self.print_resolution_button.setToolTip("Xem và in nghị quyết của buổi sinh hoạt")
        self.close_button = QPushButton("Đóng")
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(self.approve)
        self.print_button.clicked.connect(lambda: self.print_document("minutes"))
        self.print_resolution_button.clicked.connect(lambda: self.print_document("resolution"))
        self.close_button.clicked.connect(self.reject)
        buttons = FlowLayout()  # wraps on a small screen at a large text size
        for b in (self.save_button, self.approve_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.history_button = meeting_history_button(self, store, lambda: self._meeting)
        buttons.addWidget(self.history_button)
        for b in (self.print_button, self.print_resolution_button, self.close_button):
            buttons.addWidget(b)
        for b in (
            self.save_button,
            self.approve_button,
            self.print_button,
            self.print_resolution_button,
            self.close_button,
        ):
            b.setAutoDefault(False)  # Enter belongs to the fields, never to a button
            b.setDefault(False)
        self.print_button.setEnabled(print_action is not None)
        self.print_resolution_button.setEnabled(print_action is not None)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.digest_warning)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save)

        self.general.sig_changed.connect(self._on_general_changed)
        self.general.sig_date_changed.connect(self._on_date_changed)
        self.general.sig_kind_changed.connect(self._on_kind_changed)
        self.roll_editor.sig_changed.connect(self._on_roll_changed)
        self.guests_tab.sig_changed.connect(self._on_roll_changed)
        self.superior_tab.sig_changed.connect(self._on_superiors_written)
        self._fill(meeting)
        self._size_to_screen()

    def _size_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 800
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(width, height)

    # --- filling -----------------------------------------------------------------------------
    @property
    def meeting(self) -> Meeting:
        return self._meeting

    @property
    def read_only(self) -> bool:
        return self._meeting.approved

    def _on_superiors_written(self, changes: Changes) -> None:
        """Written at once (kept even if the minutes are closed unsaved); the directions list
        of the minutes follows."""
        self.changes = merge_changes(self.changes, changes)
        self._show_directions()

    def _show_directions(self) -> None:
        """The directions reported on at this meeting, as the minutes print them (from the
        records while a draft, from the seal once approved)."""
        m = self._meeting
        record = sealed_record(self._store, m.id) if m.id is not None and m.approved else None
        reviewed = record.directions_reviewed if record is not None else directions_reviewed(self._store, m)
        lines = "\n".join(direction_line(d, m) for d in reviewed)
        self.agenda.set_generated(
            {
                DIRECTIONS_ITEM: (
                    "Danh sách in vào biên bản (lấy từ theo dõi ý kiến chỉ đạo, tab “Cấp trên”):\n" + lines
                )
                if lines
                else ""
            }
        )

    def _count_of(self, roll: tuple[RollEntry, ...]) -> RollCount:
        """The figures the screen shows: the sealed ones for approved minutes, else the one
        derivation from the roll and the cell's rules."""
        if self._sealed_count is not None:
            return self._sealed_count
        return count_meeting(roll, self._rules)

    def _fill(self, m: Meeting) -> None:
        self._load_state(m)
        if not m.approved and m.id is not None:
            # A draft's roll follows the register as of its date (marks already taken stay).
            m = replace(m, roll=self._fresh_roll(m.kind, m.date, m.roll))
        self._filling = True
        self.general.set_meeting(m)
        self.roll_editor.set_roll(m.roll)
        self.guests_tab.set_guests(m.guests)
        self.agenda.set_content(m.items, m.reviews, m.kind.is_regular)
        self.resolution_tab.set_values(m.resolution, m.dues_status, m.tasks, m.votes, m.scores)
        self._filling = False
        self._on_roll_changed()
        self._on_general_changed()
        self._show_state()
        self.tabs.setCurrentIndex(GENERAL)
        self._baseline = self._snapshot()

    def _load_state(self, m: Meeting) -> None:
        """The check of the stored record and, for approved minutes, their sealed figures."""
        self._check = check_record(self._store, m.id) if m.id is not None else DRAFT
        record = sealed_record(self._store, m.id) if m.id is not None and m.approved else None
        self._sealed_count = record.count if record is not None else None
        self._vote_rules = record.rule_values if record is not None else self._rules

    def _show_state(self) -> None:
        m = self._meeting
        if m.approved:
            number = f" — Nghị quyết số {m.full_resolution_number}" if m.resolution_number else ""
            state = f"Đã thông qua{number}"
        else:
            state = "Nháp (chưa thông qua)" if m.id is not None else "Nháp mới (chưa lưu)"
        self.heading.setText(f"{meeting_title(m)} — {state}")
        self.setWindowTitle(f"Biên bản {meeting_title(m).lower()}")
        locked = m.approved
        self.general.set_read_only(locked)
        self.roll_editor.set_read_only(locked)
        self.agenda.set_read_only(locked)
        self.guests_tab.set_read_only(locked)
        self.resolution_tab.set_read_only(locked)
        self.save_button.setEnabled(not locked)
        self.approve_button.setEnabled(not locked)
        self.tabs.setTabVisible(CORRECTIONS, locked)
        self.corrections_tab.show_notes(m.corrections)
        self.digest_warning.setText(
            MISMATCH_WARNING + (f" ({self._check.message})" if self._check.problems else "")
        )
        self.digest_warning.setVisible(self._check.ok is False)
        self._show_directions()
        self.superior_tab.set_meeting(m)

    # --- live reactions ----------------------------------------------------------------------
    def _on_general_changed(self) -> None:
        if self._filling:
            return
        warning = None
        if self.general.times_complete():
            f = self.general.fields
            probe = Meeting(
                kind=self.general.kind,
                start_time=f.text("start_time").strip(),
                end_time=f.text("end_time").strip(),
            )
            if probe.end_time > probe.start_time:
                warning = duration_warning(probe, self._rules)
        self.general.show_duration_warning(warning)

    def _on_roll_changed(self) -> None:
        if self._filling:
            return
        roll = self.roll_editor.roll()
        guests = self.guests_tab.guests()
        self.resolution_tab.set_count(self.roll_editor.count(), self._vote_rules)
        self.agenda.set_speakers(roll, guests, self.guests_tab.guest_keys())
        names = [e.name for e in roll]
        self.general.set_names(names)
        self.resolution_tab.set_names(names)

    def _fresh_roll(
        self, kind: MeetingKind, when: date, marked: tuple[RollEntry, ...]
    ) -> tuple[RollEntry, ...]:
        """The register (or, for a committee meeting, the committee) on the date, keeping the
        marks already taken; the roll as it was, with the reason shown, if there is none."""
        try:
            return merge_roll(expected_roll_for(self._store, kind, when), marked)
        except ValidationError as err:
            self.banner.show_message(str(err))
            return marked

    def _on_kind_changed(self, kind: MeetingKind) -> None:
        self.agenda.show_reviews(kind.is_regular)
        if self._filling or self.read_only:
            return
        self.roll_editor.set_roll(self._fresh_roll(kind, self._meeting_date(), self.roll_editor.roll()))

    def _meeting_date(self) -> date:
        try:
            return self.general.meeting_date()
        except ValidationError:
            return self._meeting.date

    def _on_date_changed(self, new: date) -> None:
        """The roll is the register as of the meeting date; marks already taken are kept."""
        self.roll_editor.set_roll(self._fresh_roll(self.general.kind, new, self.roll_editor.roll()))
        self.heading.setText(
            f"{self.general.kind.label} ngày {format_date(new)} — " + self.heading.text().split(" — ", 1)[-1]
        )

    # --- reading -----------------------------------------------------------------------------
    def collect(self) -> Meeting:
        """The meeting as the form shows it; raises ValidationError for a bad date."""
        values = self.general.values()
        kind = self.general.kind
        return replace(
            self._meeting,
            **values,
            **self.resolution_tab.texts(),
            roll=self.roll_editor.roll(),
            guests=self.guests_tab.guests(),
            items=self.agenda.items(),
            reviews=self.agenda.task_reviews() if kind.is_regular else (),
            tasks=self.resolution_tab.task_list(),
            votes=self.resolution_tab.vote_list(),
            scores=self.resolution_tab.scores(),
        )

    def _snapshot(self) -> Meeting | None:
        try:
            return self.collect()
        except ValidationError:
            return None

    def is_dirty(self) -> bool:
        if self.read_only:
            return False
        current = self._snapshot()
        return current is None or current != self._baseline

    # --- actions -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the draft (one transaction). On a mistake: say so, show the tab, save nothing."""
        try:
            meeting = self.collect()
            meeting_id, changes = save_meeting(self._store, meeting)
        except ValidationError as err:
            self.show_error(err)
            return False
        self.banner.clear_message()
        self.changes = merge_changes(self.changes, changes)
        stored = self._store.meetings.get(meeting_id)
        assert stored is not None
        self._meeting = stored
        self._load_state(stored)
        # Saved tasks now carry ids (next month's review points at them).
        self.resolution_tab.tasks.set_payloads(list(stored.tasks))
        self._baseline = self._snapshot()
        self._show_state()
        return True

    def approve(self) -> bool:
        """Save, ask the core what is missing (errors refuse with the whole list; warnings are
        the secretary's to confirm), then approve in one operation."""
        if self.read_only or not self.save():
            return False
        assert self._meeting.id is not None
        check = check_approval(self._store, self._meeting.id)
        if check.errors:
            self.banner.show_message(
                "Chưa thông qua được biên bản, còn thiếu:\n- " + "\n- ".join(check.errors)
            )
            return False
        if check.warnings and not self.ask(
            self, "Thông qua biên bản", WARNINGS_QUESTION.format("\n".join(f"- {w}" for w in check.warnings))
        ):
            return False
        if not self.ask(self, "Thông qua biên bản", APPROVE_QUESTION):
            return False
        try:
            self.changes = merge_changes(self.changes, approve_meeting(self._store, self._meeting.id))
        except ValidationError as err:
            self.show_error(err)
            return False
        stored = self._store.meetings.get(self._meeting.id)
        assert stored is not None
        self._meeting = stored
        self._baseline = None
        self._load_state(stored)
        self._show_state()
        self._on_roll_changed()  # the figures are now the sealed ones
        self.banner.clear_message()
        return True

    def add_correction(self) -> bool:
        if self._meeting.id is None:
            return False
        try:
            self.changes = merge_changes(
                self.changes,
                add_correction(
                    self._store,
                    self._meeting.id,
                    self.correction_text.toPlainText().strip(),
                    today=self._today,
                ),
            )
        except ValidationError as err:
            self.show_error(err)
            return False
        self.correction_text.clear()
        stored = self._store.meetings.get(self._meeting.id)
        assert stored is not None
        self._meeting = stored
        self._load_state(stored)
        self._show_state()
        self.banner.clear_message()
        return True

    def print_document(self, name: str) -> None:
        """Print what is stored: a draft with changes is saved first."""
        if self._print_action is None:
            return
        if not self.read_only and (self._meeting.id is None or self.is_dirty()) and not self.save():
            return
        self._print_action(self, name, self._meeting)  # says if the seal does not match

    def show_error(self, err: ValidationError) -> None:
        self.banner.show_message(str(err))
        tab = ERROR_TABS.get(err.key or "")
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        key = err.key or ""
        if key in self.general.fields:
            focus_field(self.general.fields[key])
        elif key == "roll":
            self._focus_missing_reason()
        elif key == "correction":
            self.correction_text.setFocus()

    def _focus_missing_reason(self) -> None:
        for e in self.roll_editor.roll():
            if e.mark is Mark.ABSENT_REASON and not e.reason:
                view, row = self.roll_editor.row_of(e.name)
                view.setCurrentIndex(view.roll_model().index(row, 5))
                view.setFocus()
                return

    # --- closing -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # a stray Enter in a field must not close the minutes
            return
        super().keyPressEvent(event)

    def has_unsaved_changes(self) -> bool:
        return self.is_dirty()

    def save_from_close(self) -> None:
        if self.save():
            self.accept()

    def saved_message(self) -> str:
        return f"Đã lưu biên bản {self._meeting.kind.label.lower()} ngày {format_date(self._meeting.date)}."


def meeting_history_button(parent: QWidget, store: Store, meeting_of: Callable[[], Meeting]) -> QPushButton:
    """The meeting editor's button: the history of the meeting as it is now (a new, unsaved
    meeting has none yet)."""

    def title() -> str:
        m = meeting_of()
        return f"{m.kind.label} ngày {format_date(m.date)}"

    def entries() -> list[HistoryEntry]:
        m = meeting_of()
        return meeting_history(store, m.id) if m.id is not None else []

    return history_button(parent, title, entries)
