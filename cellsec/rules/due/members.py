"""Due rules of the register: probation ending (warn at 11 months), the recognition review due
within 30 working days after the 12 months, temporary attachments, exemptions and suspensions
whose period ends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.due import DueItem, Target
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.rules.due.facts import DueContext, DueFacts, MemberFacts
from cellsec.rules.probation import Probation, probation_of

K = EventKind
_GONE = (K.TRANSFERRED_OUT, K.REMOVED, K.EXPELLED, K.DECEASED, K.ATTACHED_IN_END)
_CLOSING = {
    K.ATTACHED_IN: K.ATTACHED_IN_END,
    K.ATTACHED_OUT: K.ATTACHED_OUT_END,
    K.EXEMPTED: K.EXEMPTION_END,
    K.SUSPENDED: K.SUSPENSION_END,
}
_PERIOD_WHAT = {
    K.ATTACHED_IN: "Hết thời hạn sinh hoạt tạm thời tại chi bộ: làm thủ tục kết thúc hoặc gia hạn",
    K.ATTACHED_OUT: "Hết thời hạn sinh hoạt tạm thời nơi khác: ghi nhận trở về hoặc gia hạn",
    K.EXEMPTED: "Hết thời hạn miễn công tác và sinh hoạt đảng: xem xét thôi miễn hoặc gia hạn",
    K.SUSPENDED: "Hết thời hạn đình chỉ sinh hoạt đảng: ghi nhận kết thúc",
}


def _probations(facts: DueFacts, ctx: DueContext) -> Iterator[tuple[MemberFacts, Probation]]:
    for m in facts.members:
        p = probation_of(m.events, ctx.rules, ctx.calendar)
        if p is not None:
            yield m, p


def probation_end(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A probationer reaching the end of the 12 months: shown from the 11th month (a setting),
    due on the day the probation ends."""
    for m, p in _probations(facts, ctx):
        if p.warn_on <= ctx.today < p.ends:
            yield ctx.item(
                "probation_end",
                f"member:{m.id}:{p.admitted.isoformat()}",
                f"Sắp hết thời gian dự bị ({format_date(p.ends)}): chuẩn bị hồ sơ xét công nhận chính thức",
                m.name,
                p.ends,
                Target("growth", f"probation:{m.id}"),
            )


def recognition_review(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """Probation over and not yet recognised: the cell reviews within 30 working days."""
    for m, p in _probations(facts, ctx):
        if ctx.today >= p.ends:
            yield ctx.item(
                "recognition_review",
                f"member:{m.id}:{p.admitted.isoformat()}",
                f"Xét công nhận đảng viên chính thức (hết dự bị ngày {format_date(p.ends)})",
                m.name,
                p.review_due,
                Target("growth", f"probation:{m.id}"),
            )


def _open_periods(member: MemberFacts, linked: frozenset[int]) -> Iterator[MemberEvent]:
    """Periods with an end date not closed by a recorded event (nor by leaving the cell)."""
    for i, e in enumerate(member.events):
        if e.kind not in _CLOSING or e.end_date is None or (e.id is not None and e.id in linked):
            continue
        later = member.events[i + 1 :]
        if not any(x.kind is _CLOSING[e.kind] or x.kind in _GONE for x in later):
            yield e


def period_end(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A temporary attachment, exemption or suspension ending: shown from N days before its
    end, overdue after it until a closing event is recorded (for the look-back window)."""
    lead = timedelta(days=ctx.setting("due_period_end_lead_days"))
    oldest = add_months(ctx.today, -ctx.setting("due_lookback_months"))
    linked = frozenset(w.event_id for w in facts.working_away if w.event_id is not None)
    for m in facts.members:
        for e in _open_periods(m, linked):
            assert e.end_date is not None
            if e.end_date - lead > ctx.today or e.end_date < oldest:
                continue
            yield ctx.item(
                "period_end",
                f"event:{e.id}",
                f"{_PERIOD_WHAT[e.kind]} (đến ngày {format_date(e.end_date)})",
                m.name,
                e.end_date,
                Target("members", f"member:{m.id}"),
            )
