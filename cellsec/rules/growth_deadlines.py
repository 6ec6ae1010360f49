"""The deadlines of growing the cell (DOMAIN.md §8, §10) as data for the to-do list: a candidate's
certificate expiring, a candidate stalled at a stage, the ceremony, the probation warning and the
recognition review, a badge round's proposal — what, for whom, by when, and the rule's source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.growth import Candidate
from cellsec.rules import candidates as rules_c
from cellsec.rules.probation import Probation
from cellsec.rules.settings import Rules


@dataclass(frozen=True)
class GrowthDeadline:
    # certificate_expiry | candidate_stalled | ceremony | probation_warning | recognition_review
    # | badge_proposal
    kind: str
    what: str  # Vietnamese, as the to-do list shows it
    who: str  # the person's name ("" for a badge round)
    due: date  # by when
    warn_from: date  # from when the to-do list should show it
    citation: str  # the source of the rule (the setting's)
    member_id: int | None = None
    candidate_id: int | None = None


def _source(rules: Rules, key: str) -> str:
    return rules.settings[key].source


def candidate_deadlines(c: Candidate, rules: Rules, on: date) -> list[GrowthDeadline]:
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
                _source(rules, "awareness_certificate_valid_months"),
                candidate_id=c.id,
            )
        )
    due = rules_c.ceremony_due(c, rules)
    if due is not None and c.ceremony_date is None:
        out.append(
            GrowthDeadline(
                "ceremony",
                f"Tổ chức lễ kết nạp (quyết định ngày {format_date(c.decision_date)})",
                c.full_name,
                due,
                c.decision_date or due,
                _source(rules, "ceremony_working_days"),
                candidate_id=c.id,
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
                _source(rules, "candidate_stalled_months"),
                candidate_id=c.id,
            )
        )
    return out


def probation_deadlines(name: str, member_id: int, p: Probation, rules: Rules) -> list[GrowthDeadline]:
    return [
        GrowthDeadline(
            "probation_warning",
            f"Chuẩn bị xét công nhận chính thức (hết dự bị ngày {format_date(p.ends)})",
            name,
            p.warn_on,
            p.warn_on,
            _source(rules, "due_probation_warn_months"),
            member_id=member_id,
        ),
        GrowthDeadline(
            "recognition_review",
            "Chi bộ họp xét công nhận đảng viên chính thức",
            name,
            p.review_due,
            p.ends,
            _source(rules, "recognition_review_working_days"),
            member_id=member_id,
        ),
    ]


def deadlines(
    candidates: Sequence[Candidate],
    probations: Sequence[tuple[str, int, Probation]],
    badge_rounds: Sequence[tuple[date, date, date, int]],
    rules: Rules,
    on: date,
) -> list[GrowthDeadline]:
    """Every growth deadline, by due date. `probations`: (name, member id, probation) of the
    probationers on the roll; `badge_rounds`: (award date, proposal due, previous award date,
    number of members proposed) of the next rounds."""
    out = [d for c in candidates for d in candidate_deadlines(c, rules, on)]
    for name, member_id, p in probations:
        out += probation_deadlines(name, member_id, p, rules)
    for award, due, previous, proposed in badge_rounds:
        if proposed:
            out.append(
                GrowthDeadline(
                    "badge_proposal",
                    f"Đề nghị tặng Huy hiệu Đảng đợt {format_date(award)} ({proposed} đồng chí)",
                    "",
                    due,
                    min(
                        previous + timedelta(days=1), due - timedelta(days=int(rules["badge_reminder_days"]))
                    ),
                    _source(rules, "badge_lead_days"),
                )
            )
    return sorted(out, key=lambda d: (d.due, d.kind, d.who))
