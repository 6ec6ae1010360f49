"""The deadlines of growing the cell (DOMAIN.md §8, §10) as data for the to-do list's rules
(cellsec.rules.due.growth): a candidate's certificate expiring, a candidate stalled at a stage,
the ceremony, a badge round's proposal — what, for whom, by when, and the rule's source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.growth import Candidate
from cellsec.rules import candidates as rules_c
from cellsec.rules.badges import previous_award_date, proposal_due
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import WorkCalendar


@dataclass(frozen=True)
class GrowthDeadline:
    # certificate_expiry | candidate_stalled | ceremony | badge_proposal (the probation's dates
    # are cellsec.rules.probation's, read by the register's due rules)
    kind: str
    what: str  # Vietnamese, as the to-do list shows it
    who: str  # the person's name ("" for a badge round)
    due: date  # by when
    warn_from: date  # from when the to-do list should show it (its citation is the due rule's)


def candidate_deadlines(
    c: Candidate, rules: Rules, calendar: WorkCalendar | None = None
) -> list[GrowthDeadline]:
    if c.member_id is not None or c.dropped_on is not None:
        return []
    out = []
    expires = rules_c.certificate_expires(c, rules)
    if expires is not None and c.resolution_date is None:
        out.append(
            GrowthDeadline(
                "certificate_expiry",
                "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng hết hạn: chi bộ cần xét kết nạp "
                "trước ngày này",
                c.full_name,
                expires,
                expires - timedelta(days=int(rules["awareness_certificate_warning_days"])),
            )
        )
    due = rules_c.ceremony_due(c, rules, calendar)
    if due is not None and c.ceremony_date is None:
        out.append(
            GrowthDeadline(
                "ceremony",
                f"Tổ chức lễ kết nạp (quyết định ngày {format_date(c.decision_date)})",
                c.full_name,
                due,
                c.decision_date or due,
            )
        )
    last = rules_c.last_step_date(c)
    if last is not None and c.decision_date is None:
        stalled = add_months(last, int(rules["candidate_stalled_months"]))
        out.append(
            GrowthDeadline(
                "candidate_stalled",
                f"Quần chúng dừng ở bước “{rules_c.stage_label(c)}” từ {format_date(last)}: "
                "làm bước tiếp theo",
                c.full_name,
                stalled,
                stalled,
            )
        )
    return out


def badge_warn_from(award: date, rules: Rules) -> date:
    """From when the to-do list shows a round's proposal: the day after the previous award, or
    the reminder (a setting) before the proposal is due, whichever is first."""
    due = proposal_due(award, rules)
    return min(
        previous_award_date(award, rules) + timedelta(days=1),
        due - timedelta(days=int(rules["badge_reminder_days"])),
    )


def badge_proposal_deadline(award: date, rules: Rules) -> GrowthDeadline:
    """The cell's proposal for the round of `award` (its list is on the growth page)."""
    return GrowthDeadline(
        "badge_proposal",
        f"Gửi danh sách đề nghị tặng Huy hiệu Đảng đợt {format_date(award)}",
        "",
        proposal_due(award, rules),
        badge_warn_from(award, rules),
    )
