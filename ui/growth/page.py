"""The "Phát triển đảng viên" page: the register of candidates by stage with what the next step
still needs, the probationers with their helper and review dates, and the Party badge rounds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date, years_months
from cellsec.entities.changes import Changes
from cellsec.rules.badges import Basis
from cellsec.services.badges import BadgeRound, badge_choice_people, badge_rounds
from cellsec.services.candidates import CandidateRow, candidate_form, candidate_rows
from cellsec.services.members import rules_of
from cellsec.services.probation import ProbationRow, full_members, probationers
from cellsec.store import Store

from ui.common.flow_layout import FlowLayout
from ui.common.page import Page
from ui.common.record_table import GREY, RED, Cell, RecordTable
from ui.growth import PAGE
from ui.growth import documents as docs
from ui.growth.candidate_dialog import CandidateDialog
from ui.growth.small_dialogs import (
    award_dialog,
    ceremony_dialog,
    choice_dialog,
    failed_review_dialog,
    helper_dialog,
    recognition_dialog,
)

CANDIDATES, PROBATION, BADGES = range(3)


def _buttons(*buttons: QPushButton) -> FlowLayout:
    row = FlowLayout()  # wraps on a small screen at a large text size
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class GrowthPage(Page):
    """Candidates, probationers and badge rounds; writes through run_dialog."""

    spec = PAGE

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.today: Callable[[], date] = date.today  # injectable: tests fix the calendar
        self.preview: QWidget | None = None
        self.rounds: list[BadgeRound] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_candidates(), "Nguồn phát triển đảng viên")
        self.tabs.addTab(self._build_probation(), "Đảng viên dự bị")
        self.tabs.addTab(self._build_badges(), "Huy hiệu Đảng")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- layout ------------------------------------------------------------------------------
    def _build_candidates(self) -> QWidget:
        self.add_button = QPushButton("Thêm quần chúng ưu tú…")
        self.edit_button = QPushButton("Sửa, ghi bước tiếp theo…")
        self.ceremony_button = QPushButton("Ghi lễ kết nạp…")
        self.ceremony_button.setToolTip("Đưa quần chúng đã có quyết định kết nạp vào sổ đảng viên")
        self.print_candidates_button = QPushButton("In danh sách nguồn")
        self.admission_button = QPushButton("In nghị quyết kết nạp")
        self.admission_button.setToolTip("Nghị quyết chi bộ đề nghị kết nạp quần chúng đã chọn")
        self.issue_admission_button = QPushButton("Ban hành, cấp số…")
        self.issue_admission_button.setToolTip(docs.ISSUE_TIP)
        self.admission_button.clicked.connect(lambda: docs.print_admission(self))
        self.issue_admission_button.clicked.connect(lambda: docs.issue(self, docs.ADMISSION))
        self.closed_box = QCheckBox("Hiện cả người đã kết nạp, thôi theo dõi")
        self.add_button.clicked.connect(self.add_candidate)
        self.edit_button.clicked.connect(self.edit_candidate)
        self.ceremony_button.clicked.connect(self.record_ceremony)
        self.print_candidates_button.clicked.connect(self.print_candidates)
        self.closed_box.toggled.connect(lambda *_: self._show_candidates())
        self.candidates = RecordTable(
            ("Họ và tên", "Ngày sinh", "Bước đã đạt", "Còn thiếu", "Người giới thiệu", "Cần chú ý"),
            (19, 12, 20, 20, 18, 0),
        )
        self.candidates.sig_open_requested.connect(self.edit_candidate)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(
            _buttons(
                self.add_button,
                self.edit_button,
                self.ceremony_button,
                self.print_candidates_button,
                self.admission_button,
                self.issue_admission_button,
            )
        )
        layout.addWidget(self.closed_box)
        layout.addWidget(self.candidates)
        return page

    def _build_probation(self) -> QWidget:
        self.helper_button = QPushButton("Phân công đảng viên giúp đỡ…")
        self.recognise_button = QPushButton("Công nhận chính thức…")
        self.recognise_button.clicked.connect(self.record_recognition)
        self.failed_button = QPushButton("Không được công nhận chính thức…")
        self.helper_button.clicked.connect(self.assign_helper)
        self.recognition_print_button = QPushButton("In nghị quyết công nhận")
        self.recognition_print_button.setToolTip("Nghị quyết chi bộ đề nghị công nhận đảng viên chính thức")
        self.issue_recognition_button = QPushButton("Ban hành, cấp số…")
        self.issue_recognition_button.setToolTip(docs.ISSUE_TIP)
        self.helper_comment_button = QPushButton("In bản nhận xét")
        self.helper_comment_button.setToolTip(
            "Bản nhận xét đảng viên dự bị của đảng viên giúp đỡ (để viết tay)"
        )
        self.recognition_print_button.clicked.connect(lambda: docs.print_recognition(self))
        self.issue_recognition_button.clicked.connect(lambda: docs.issue(self, docs.RECOGNITION))
        self.helper_comment_button.clicked.connect(lambda: docs.print_helper_comment(self))
        self.failed_button.clicked.connect(self.record_failed_review)
        self.probation = RecordTable(
            (
                "Họ và tên",
                "Ngày kết nạp",
                "Hết dự bị",
                "Nhắc chuẩn bị",
                "Hạn xét công nhận",
                "Đảng viên giúp đỡ",
            ),
            (24, 12, 12, 12, 16, 0),
        )
        note = QLabel(
            "Công nhận chính thức: chi bộ họp xét (ít nhất 2/3 đảng viên chính thức tán thành); khi có "
            "quyết định của Đảng ủy, bấm “Công nhận chính thức…” để ghi vào hồ sơ đảng viên."
        )
        note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(_buttons(self.helper_button, self.recognise_button, self.failed_button))
        layout.addLayout(
            _buttons(self.helper_comment_button, self.recognition_print_button, self.issue_recognition_button)
        )
        layout.addWidget(note)
        layout.addWidget(self.probation)
        return page

    def _build_badges(self) -> QWidget:
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(lambda *_: self._show_round())
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.award_button = QPushButton("Ghi đã nhận Huy hiệu…")
        self.illness_button = QPushButton("Đề nghị tặng sớm (ốm nặng)…")
        self.posthumous_button = QPushButton("Đề nghị truy tặng…")
        self.print_round_button = QPushButton("In danh sách đề nghị")
        self.award_button.clicked.connect(self.record_award)
        self.illness_button.clicked.connect(lambda: self.record_choice(Basis.ILLNESS))
        self.posthumous_button.clicked.connect(lambda: self.record_choice(Basis.POSTHUMOUS))
        self.print_round_button.clicked.connect(self.print_round)
        self.declaration_button = QPushButton("In bản khai của đồng chí đã chọn")
        self.declarations_button = QPushButton("In bản khai cả đợt")
        self.declaration_button.setToolTip("Bản khai tóm tắt quá trình hoạt động (mẫu 6-HHĐ), điền sẵn")
        self.declaration_button.clicked.connect(lambda: docs.print_declarations(self, one=True))
        self.declarations_button.clicked.connect(lambda: docs.print_declarations(self, one=False))
        self.badges = RecordTable(
            ("Họ và tên", "Huy hiệu", "Đủ tuổi đảng ngày", "Tuổi đảng", "Đề nghị", "Ghi chú"),
            (24, 10, 14, 16, 18, 0),
        )
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Đợt trao:"))
        chooser.addWidget(self.round_box)
        chooser.addWidget(self.due_label, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(chooser)
        layout.addLayout(
            _buttons(
                self.award_button,
                self.illness_button,
                self.posthumous_button,
                self.print_round_button,
                self.declaration_button,
                self.declarations_button,
            )
        )
        layout.addWidget(self.badges)
        return page

    def actions(self) -> list[QAction]:
        return [
            self.page_action("In danh sách nguồn phát triển đảng viên", self.print_candidates),
            self.page_action("In danh sách đề nghị tặng Huy hiệu Đảng", self.print_round),
            self.page_action("In nghị quyết đề nghị kết nạp", lambda: docs.print_admission(self)),
            self.page_action(
                "In nghị quyết đề nghị công nhận đảng viên chính thức", lambda: docs.print_recognition(self)
            ),
            self.page_action(
                "In bản nhận xét của đảng viên giúp đỡ", lambda: docs.print_helper_comment(self)
            ),
        ]

    def show_part(self, part: str) -> None:
        """ "candidate:<id>", "probation:<member id>" or "round:<yyyy-mm-dd>": that tab and row
        (asked for by the to-do list)."""
        kind, _, value = part.partition(":")
        if kind == "candidate" and value.isdigit():
            self.tabs.setCurrentIndex(0)
            self.candidates.select_where(lambda r: r.candidate.id == int(value))
        elif kind == "probation" and value.isdigit():
            self.tabs.setCurrentIndex(1)
            self.probation.select_where(lambda r: r.member.id == int(value))
        elif kind == "round":
            self.tabs.setCurrentIndex(2)
            self.round_box.setCurrentIndex(max(self.round_box.findData(value), 0))

    # --- reading -----------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return changes.growth or changes.members or changes.profile

    def reload(self) -> None:
        self._loaded = True
        self._show_candidates()
        self._show_probation()
        today = self.today()
        chosen = self.round_box.currentData()
        self.rounds = badge_rounds(self.store, today)
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for r in self.rounds:
            self.round_box.addItem(format_date(r.award_date), r.award_date.isoformat())
        index = self.round_box.findData(chosen)
        self.round_box.setCurrentIndex(max(index, 0))
        self.round_box.blockSignals(False)
        self._show_round()

    def _show_candidates(self) -> None:
        rows = candidate_rows(self.store, self.today(), closed=self.closed_box.isChecked())
        self.candidates.set_rows(
            [
                (
                    r.candidate.full_name,
                    r.candidate.person.get("birth_date", ""),
                    r.stage,
                    r.missing[0] if r.missing and r.candidate.member_id is None else "",
                    r.introducers,
                    Cell("; ".join(r.warnings), RED if r.warnings else None),
                )
                for r in rows
            ],
            rows,
            [GREY if r.candidate.member_id or r.candidate.dropped_on else None for r in rows],
        )

    def _show_probation(self) -> None:
        today = self.today()
        rows = probationers(self.store, today)
        self.probation.set_rows(
            [
                (
                    r.member.full_name,
                    format_date(r.probation.admitted),
                    format_date(r.probation.ends),
                    Cell(format_date(r.probation.warn_on), RED if r.probation.warn_on <= today else None),
                    Cell(format_date(r.probation.review_due), RED if r.probation.ends <= today else None),
                    r.helper.full_name if r.helper else Cell("Chưa phân công", RED),
                )
                for r in rows
            ],
            rows,
        )

    def _show_round(self) -> None:
        index = self.round_box.currentIndex()
        if not 0 <= index < len(self.rounds):
            self.badges.set_rows([], [])
            self.due_label.setText("")
            return
        r = self.rounds[index]
        late = " (đã quá hạn)" if r.proposal_due < self.today() else ""
        self.due_label.setText(
            f"Chi bộ đề nghị chậm nhất ngày {format_date(r.proposal_due)}{late} — {len(r.proposed)} đồng chí "
            f"được đề nghị, {len(r.held_back)} đồng chí chưa đủ điều kiện."
        )
        self.badges.set_rows(
            [
                (
                    row.member.full_name,
                    f"{row.line.milestone} năm",
                    format_date(row.line.reached_on),
                    years_months(row.party_age_months),
                    Cell(row.status, None if row.line.proposed else RED),
                    row.line.reason,
                )
                for row in r.rows
            ],
            list(r.rows),
        )

    # --- candidates ----------------------------------------------------------------------
    def selected_candidate(self) -> CandidateRow | None:
        row = self.candidates.selected_payload()
        if row is None:
            self.notify(self, "Phát triển đảng viên", "Hãy chọn một quần chúng trong danh sách.")
        return row

    def add_candidate(self) -> None:
        fresh = {"ethnicity": "Kinh", "religion": "Không"}
        self.run_dialog(
            CandidateDialog(self.store, full_members(self.store, self.today()), values=fresh, parent=self)
        )

    def edit_candidate(self) -> None:
        row = self.selected_candidate()
        if row is None or row.candidate.id is None:
            return
        c = row.candidate
        self.run_dialog(
            CandidateDialog(
                self.store, full_members(self.store, self.today()), c.id, candidate_form(c), parent=self
            )
        )

    def record_ceremony(self) -> None:
        row = self.selected_candidate()
        if row is not None and row.candidate.id is not None:
            self.run_dialog(
                ceremony_dialog(self.store, row.candidate.id, row.candidate.full_name, self.today(), self)
            )

    def print_candidates(self) -> None:
        docs.open_document(self, "candidates", on=self.today())

    # --- probation ---------------------------------------------------------------------------
    def selected_probationer(self) -> ProbationRow | None:
        row = self.probation.selected_payload()
        if row is None:
            self.notify(self, "Đảng viên dự bị", "Hãy chọn một đảng viên dự bị trong danh sách.")
        return row

    def assign_helper(self) -> None:
        row = self.selected_probationer()
        if row is not None and row.member.id is not None:
            helpers = full_members(self.store, self.today())
            self.run_dialog(
                helper_dialog(self.store, row.member.id, row.member.full_name, helpers, self.today(), self)
            )

    def record_recognition(self) -> None:
        row = self.selected_probationer()
        if row is not None and row.member.id is not None:
            member_id = row.member.id
            self.run_dialog(
                recognition_dialog(self.store, member_id, row.member.full_name, self),
                after_route=lambda _dialog: docs.after_recognition(self, member_id),
            )

    def record_failed_review(self) -> None:
        row = self.selected_probationer()
        if row is not None and row.member.id is not None:
            outcome = str(rules_of(self.store)["probation_failed_outcome"]).lower()
            self.run_dialog(
                failed_review_dialog(self.store, row.member.id, row.member.full_name, outcome, self)
            )

    # --- badges ------------------------------------------------------------------------------
    def selected_badge_row(self):  # type: ignore[no-untyped-def]
        row = self.badges.selected_payload()
        if row is None:
            self.notify(self, "Huy hiệu Đảng", "Hãy chọn một đồng chí trong danh sách của đợt.")
        return row

    def record_award(self) -> None:
        row = self.selected_badge_row()
        if row is not None and row.member.id is not None:
            self.run_dialog(
                award_dialog(self.store, row.member.id, row.member.full_name, row.line.milestone, self)
            )

    def record_choice(self, basis: str) -> None:
        """An early or posthumous award: the member is chosen in the form (they are not on a
        round's list until the choice is recorded)."""
        people = badge_choice_people(self.store, basis, self.today())
        self.run_dialog(choice_dialog(self.store, basis, people, self))

    def current_round(self) -> date | None:
        index = self.round_box.currentIndex()
        return self.rounds[index].award_date if 0 <= index < len(self.rounds) else None

    def print_round(self) -> None:
        award = self.current_round()
        if award is not None:
            docs.open_document(self, "badge-round", on=award)
