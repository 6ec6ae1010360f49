"""THE registry of due rules. Adding a rule is one pure function `(facts, ctx) -> items` (in a
module of this package, or any area's rules) and one line below; its settings go into
cellsec/rules/defaults.json with their source (docs/architecture.md: "How to add a due rule")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cellsec.entities.due import DueItem
from cellsec.rules.due import growth, liaison, meetings, members, review, safety, transfers
from cellsec.rules.due.facts import DueContext, DueFacts

RuleFunction = Callable[[DueFacts, DueContext], Iterable[DueItem]]


@dataclass(frozen=True)
class DueRule:
    key: str  # stored in the marks of its items: never rename
    label: str  # Vietnamese, what the rule watches
    setting: str  # the rule setting whose `source` is the item's citation
    function: RuleFunction


RULES: tuple[DueRule, ...] = (
    DueRule(
        "regular_meeting",
        "Sinh hoạt thường kỳ hằng tháng",
        "due_regular_meeting_lead_days",
        meetings.regular_meeting,
    ),
    DueRule(
        "minutes_unapproved",
        "Biên bản chưa thông qua",
        "due_minutes_approval_days",
        meetings.minutes_unapproved,
    ),
    DueRule("thematic_meeting", "Sinh hoạt chuyên đề", "thematic_every_months", meetings.thematic_meeting),
    DueRule("task_deadline", "Nhiệm vụ theo nghị quyết", "due_task_lead_days", meetings.task_deadline),
    DueRule(
        "direction_deadline",
        "Ý kiến chỉ đạo của cấp trên",
        "due_direction_lead_days",
        meetings.direction_deadline,
    ),
    DueRule(
        "superior_notice",
        "Thông báo cấp ủy viên cấp trên",
        "superior_notice_days_before",
        meetings.superior_notice,
    ),
    DueRule("probation_end", "Hết thời gian dự bị", "due_probation_warn_months", members.probation_end),
    DueRule(
        "recognition_review",
        "Xét công nhận chính thức",
        "recognition_review_working_days",
        members.recognition_review,
    ),
    DueRule(
        "candidate_certificate",
        "Giấy chứng nhận lớp nhận thức về Đảng sắp hết hạn",
        "awareness_certificate_valid_months",
        growth.candidate_certificate,
    ),
    DueRule(
        "candidate_stalled",
        "Quần chúng ưu tú dừng lâu ở một bước",
        "candidate_stalled_months",
        growth.candidate_stalled,
    ),
    DueRule("admission_ceremony", "Lễ kết nạp đảng viên", "ceremony_working_days", growth.admission_ceremony),
    DueRule("badge_proposal", "Đề nghị tặng Huy hiệu Đảng", "badge_lead_days", growth.badge_proposal),
    DueRule(
        "period_end",
        "Hết thời hạn sinh hoạt tạm thời, miễn, đình chỉ",
        "due_period_end_lead_days",
        members.period_end,
    ),
    DueRule(
        "transfer_out",
        "Chuyển sinh hoạt đảng khi chuyển đi",
        "transfer_out_working_days",
        transfers.transfer_out,
    ),
    DueRule(
        "working_away_end",
        "Hết thời hạn đi làm ăn xa",
        "working_away_reminder_days",
        liaison.working_away_end,
    ),
    DueRule(
        "working_away_silent",
        "Liên lạc với đảng viên đi làm ăn xa",
        "due_working_away_contact_months",
        liaison.working_away_silent,
    ),
    DueRule("comment_sheet", "Phiếu nhận xét nơi cư trú", "comment_routine_deadline", liaison.comment_sheet),
    DueRule(
        "liaison_gathering",
        "Gặp mặt đảng viên công tác cư trú",
        "liaison_gathering_months",
        liaison.liaison_gathering,
    ),
    DueRule("review_deadline", "Kiểm điểm, xếp loại cuối năm", "review_report_due", review.review_deadline),
    DueRule("backup_verified", "Sao lưu dữ liệu", "due_backup_days", safety.backup_verified),
    DueRule("usb_copy", "Chép sao lưu ra USB", "due_usb_copy_days", safety.usb_copy),
)
