"""Who needs a yearly comment sheet (QĐ 213; HD 33 exemptions), and when it is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from cellsec.entities.liaison import CommentSheet, LiaisonMember, LiaisonStatus


class CommentState(str, Enum):
    NOT_NEEDED = "not_needed"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"

    @property
    def label(self) -> str:
        return {
            CommentState.NOT_NEEDED: "Không phải nhận xét",
            CommentState.DUE: "Cần nhận xét",
            CommentState.OVERDUE: "Quá hạn",
            CommentState.DONE: "Đã gửi",
        }[self]


@dataclass(frozen=True)
class CommentDue:
    member: LiaisonMember
    state: CommentState
    deadline: date | None
    variant: str  # full / short
    sheet: CommentSheet | None
    reason: str


def routine_deadline(year: int, rules: Any) -> date:
    day, month = (int(x) for x in str(rules["comment_routine_deadline"]).split("/"))
    return date(year, month, day)


def comment_due(
    m: LiaisonMember, sheet: CommentSheet | None, year: int, today: date, rules: Any
) -> CommentDue:
    """Routine members need a full sheet every year they are active; HD 33 exempted members
    only when their workplace asks (short sheet). A sheet counts as done once sent."""
    # Active on the yearly deadline: someone who moved away before it is commented on by the
    # new place of residence; someone introduced after it, from next year.
    active = m.status_on(routine_deadline(year, rules)) is LiaisonStatus.ACTIVE
    requested = sheet is not None and sheet.requested_date is not None
    variant = "full" if m.category.routine_comment else "short"
    if sheet is not None and sheet.sent_date is not None:
        return CommentDue(m, CommentState.DONE, None, sheet.variant, sheet, "Đã gửi phiếu")
    if not active and not requested:
        return CommentDue(m, CommentState.NOT_NEEDED, None, variant, sheet, "Không giữ mối liên hệ trong năm")
    if not m.category.routine_comment and not requested:
        return CommentDue(
            m,
            CommentState.NOT_NEEDED,
            None,
            variant,
            sheet,
            f"Thuộc diện miễn nhận xét thường xuyên (HD 33): {m.category.label}",
        )
    if requested and sheet is not None and sheet.requested_date is not None:
        deadline = sheet.requested_date + timedelta(days=int(rules["comment_reply_days"]))
        reason = f"Đề nghị của {sheet.requesting_org or 'nơi công tác'}"
    else:
        deadline = routine_deadline(year, rules)
        reason = "Nhận xét hằng năm"
    state = CommentState.OVERDUE if today > deadline else CommentState.DUE
    return CommentDue(m, state, deadline, sheet.variant if sheet else variant, sheet, reason)
