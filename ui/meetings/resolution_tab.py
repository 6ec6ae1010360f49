"""The "Nghị quyết" tab: resolution text, next month's tasks, dues, votes with their live result,
and the meeting's self-assessment scores with total and rating."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cellsec.dates import format_date, parse_date
from cellsec.entities.meetings import Task, Vote, VoteKind
from cellsec.errors import ValidationError
from cellsec.rules.counting import RollCount, count_roll, percent, vote_result

from ui.common.form_fields import memo
from ui.common.rows_editor import Col, RowsEditor

TASK_COLUMNS = (
    Col("content", "Nhiệm vụ", "memo", stretch=True),
    Col("owner", "Người phụ trách", "combo", chars=20),
    Col("deadline", "Thời hạn", "date", chars=11),
)
VOTE_COLUMNS = (
    Col("subject", "Nội dung biểu quyết", chars=24, stretch=True),
    Col("kind", "Loại", "choice", chars=22, choices=tuple((k.label, k.value) for k in VoteKind)),
    Col("in_favour", "Tán thành", "spin", chars=7),
    Col("against", "Không\ntán thành", "spin", chars=7),
    Col("other", "Ý kiến\nkhác", "spin", chars=7),
    Col("result", "Kết quả", "label", chars=34),
)
ERROR_STYLE = "color: #9b1c1c; font-weight: bold;"


def vote_text(vote: Vote, count: RollCount, rules: Any) -> str:
    """ "Thông qua — tán thành 15/16 (93,75 %); cần ít nhất 9 …"; raises ValidationError."""
    r = vote_result(vote, count, rules)
    verdict = "Thông qua" if r.passed else "Không thông qua"
    share = percent(r.share(vote.in_favour)).replace(" ", "\u00a0")  # "100 %" on one line
    return (
        f"{verdict} — tán thành {vote.in_favour}/{r.eligible} ({share});\n"
        f"cần ít nhất {r.needed} phiếu tán thành"
    )


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for w in widgets:
        layout.addWidget(w)
    return box


class ResolutionTab(QWidget):
    sig_changed = Signal()

    def __init__(
        self,
        criteria: list[dict[str, Any]],
        rating: Callable[[tuple[tuple[str, int], ...]], tuple[int, str]],
        rules: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._count = count_roll(())
        self._rules = rules
        self._rating = rating
        self.resolution = memo("Nội dung nghị quyết, kết luận của chi bộ", lines=5)
        self.resolution.setObjectName("resolution")
        self.tasks = RowsEditor(TASK_COLUMNS, add_text="Thêm nhiệm vụ")
        self.tasks.setMinimumHeight(230)
        self.dues = memo("Ví dụ: 38/40 đồng chí đã nộp đảng phí tháng 11", lines=2)
        self.dues.setObjectName("dues_status")
        self.votes = RowsEditor(
            VOTE_COLUMNS,
            add_text="Thêm biểu quyết",
            lines=2,
            empty_row={"subject": "Thông qua nghị quyết", "kind": VoteKind.RESOLUTION.value},
        )
        self.votes.setMinimumHeight(170)
        self.eligible_label = QLabel()
        self.vote_error = QLabel()
        self.vote_error.setObjectName("vote_error")
        self.vote_error.setWordWrap(True)
        self.vote_error.setStyleSheet(ERROR_STYLE)
        self.vote_error.hide()

        scores = QWidget()
        grid = QGridLayout(scores)
        self.score_boxes: dict[str, QSpinBox] = {}
        for row, c in enumerate(criteria):
            spin = QSpinBox()
            spin.setRange(0, int(c["max"]))
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("100") + 60)
            spin.setObjectName(f"score_{c['key']}")
            spin.valueChanged.connect(self._on_scores_changed)
            self.score_boxes[c["key"]] = spin
            label = QLabel(c["label"])
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(QLabel(f"/ {c['max']} điểm"), row, 2)
        grid.setColumnStretch(0, 1)
        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-weight: bold;")
        grid.addWidget(self.total_label, len(criteria), 0, 1, 3)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(_group("Nghị quyết, kết luận của chi bộ", self.resolution))
        layout.addWidget(_group("Nhiệm vụ tháng tới (người phụ trách, thời hạn dd/mm/yyyy)", self.tasks))
        layout.addWidget(_group("Tình hình thu nộp đảng phí", self.dues))
        layout.addWidget(_group("Biểu quyết", self.eligible_label, self.votes, self.vote_error))
        layout.addWidget(_group("Tự đánh giá chất lượng buổi sinh hoạt (thang 100 điểm)", scores))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll = scroll

        self.resolution.textChanged.connect(self.sig_changed)
        self.dues.textChanged.connect(self.sig_changed)
        self.tasks.sig_changed.connect(self.sig_changed)
        self.votes.sig_changed.connect(self._on_votes_changed)
        self._on_scores_changed()

    # --- filling -----------------------------------------------------------------------------
    def set_values(
        self,
        resolution: str,
        dues: str,
        tasks: tuple[Task, ...],
        votes: tuple[Vote, ...],
        scores: tuple[tuple[str, int], ...],
    ) -> None:
        self.resolution.setPlainText(resolution)
        self.dues.setPlainText(dues)
        self.tasks.set_rows(
            [{"content": t.content, "owner": t.owner, "deadline": format_date(t.deadline)} for t in tasks],
            list(tasks),
        )
        self.votes.set_rows(
            [
                {
                    "subject": v.subject,
                    "kind": v.kind.value,
                    "in_favour": v.in_favour,
                    "against": v.against,
                    "other": v.other,
                }
                for v in votes
            ]
        )
        points = dict(scores)
        for key, spin in self.score_boxes.items():
            spin.blockSignals(True)
            spin.setValue(int(points.get(key, 0)))
            spin.blockSignals(False)
        self._on_scores_changed()
        self._on_votes_changed()

    def set_names(self, names: list[str]) -> None:
        self.tasks.set_choices("owner", [(n, None) for n in names])

    def set_count(self, count: RollCount, rules: Any) -> None:
        """The meeting's figures and the rules its votes are decided by."""
        self._count, self._rules = count, rules
        self.eligible_label.setText(
            f"Số đảng viên có quyền biểu quyết: {count.eligible_voters} (có mặt: {count.eligible_present})"
        )
        self._on_votes_changed()

    # --- reading -----------------------------------------------------------------------------
    def task_list(self) -> tuple[Task, ...]:
        out = []
        for i, (values, old) in enumerate(zip(self.tasks.rows(), self.tasks.payloads()), start=1):
            deadline = parse_date(
                values["deadline"], f"Nhiệm vụ tháng tới, dòng {i}, thời hạn", key="tasks", allow_future=True
            )
            base = old if isinstance(old, Task) else Task(content="")
            out.append(
                replace(
                    base, content=values["content"].strip(), owner=values["owner"].strip(), deadline=deadline
                )
            )
        return tuple(out)

    def vote_list(self) -> tuple[Vote, ...]:
        return tuple(
            Vote(
                subject=v["subject"].strip(),
                kind=VoteKind(v["kind"]),
                in_favour=v["in_favour"],
                against=v["against"],
                other=v["other"],
            )
            for v in self.votes.rows()
        )

    def scores(self) -> tuple[tuple[str, int], ...]:
        """Nothing when no criterion was scored yet (the meeting is then not rated)."""
        values = tuple((key, spin.value()) for key, spin in self.score_boxes.items())
        return values if any(points for _, points in values) else ()

    def texts(self) -> dict[str, str]:
        return {
            "resolution": self.resolution.toPlainText().strip(),
            "dues_status": self.dues.toPlainText().strip(),
        }

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.resolution, self.dues):
            assert isinstance(edit, QPlainTextEdit)
            edit.setReadOnly(read_only)
        self.tasks.set_read_only(read_only)
        self.votes.set_read_only(read_only)
        for spin in self.score_boxes.values():
            spin.setEnabled(not read_only)

    # --- live results ------------------------------------------------------------------------
    def _on_votes_changed(self) -> None:
        errors = []
        for row, vote in enumerate(self.vote_list()):
            try:
                if self._rules is None:
                    raise ValidationError("Chưa có số liệu điểm danh.")
                text = vote_text(vote, self._count, self._rules)
            except ValidationError as err:
                errors.append(str(err))
                text = "Số phiếu không hợp lệ"
            self.votes.set_label(row, "result", text)
        self.vote_error.setText("\n".join(errors))
        self.vote_error.setVisible(bool(errors))
        self.sig_changed.emit()

    def _on_scores_changed(self, *_: object) -> None:
        total, label = self._rating(self.scores())
        if not self.scores():
            self.total_label.setText("Tổng điểm: chưa chấm")
        else:
            self.total_label.setText(f"Tổng điểm: {total}/100 — xếp loại: {label or '—'}")
        self.sig_changed.emit()

    def focus_scroll(self, widget: QWidget) -> None:
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
