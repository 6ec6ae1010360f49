"""Due rules of residence liaison and members working away: the period ending, a contact log
gone silent, the yearly comment sheets, the 6-monthly gathering."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.due import DueItem, Target
from cellsec.entities.liaison import LiaisonStatus
from cellsec.rules.due.facts import DueContext, DueFacts
from cellsec.rules.liaison import CommentState, comment_due


def working_away_end(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A member working away whose period ends (shown `working_away_reminder_days` before),
    overdue while no return is recorded."""
    lead = timedelta(days=ctx.setting("working_away_reminder_days"))
    for w in facts.working_away:
        if w.returned_date is not None or w.end - lead > ctx.today or w.id is None:
            continue
        yield ctx.item(
            "working_away_end",
            f"record:{w.id}",
            f"Hết thời hạn {w.arrangement.label.lower()} ({format_date(w.end)}): "
            "ghi nhận trở về hoặc gia hạn",
            w.member_name,
            w.end,
            Target("liaison", f"working_away:{w.id}"),
        )


def working_away_silent(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """No contact recorded with a member working away for N months (from the start, or the
    last contact): due N months after it, shown within the amber window."""
    months = ctx.setting("due_working_away_contact_months")
    soon = timedelta(days=ctx.setting("due_soon_days"))
    for w in facts.working_away:
        if w.returned_date is not None or w.id is None or ctx.today > w.end:
            continue
        last = max([w.start, *(c.date for c in w.contacts)])
        due = add_months(last, months)
        if due - soon > ctx.today:
            continue
        yield ctx.item(
            "working_away_silent",
            f"record:{w.id}:{last.isoformat()}",
            f"Liên lạc với đảng viên đi làm ăn xa (lần cuối: {format_date(last)})",
            w.member_name,
            due,
            Target("liaison", f"working_away:{w.id}"),
        )


def comment_sheet(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """This year's comment sheets due or overdue (QĐ 213; HD 33), shown from N days before the
    deadline."""
    lead = timedelta(days=ctx.setting("due_comment_lead_days"))
    year = ctx.today.year
    for m in facts.liaison:
        if m.id is None:
            continue
        due = comment_due(m, facts.sheets.get(m.id), year, ctx.today, ctx.rules)
        if due.state not in (CommentState.DUE, CommentState.OVERDUE) or due.deadline is None:
            continue
        if due.deadline - lead > ctx.today:
            continue
        yield ctx.item(
            "comment_sheet",
            f"liaison:{m.id}:{year}",
            f"Phiếu nhận xét năm {year}: {due.reason}",
            m.full_name,
            due.deadline,
            Target("liaison", f"comment:{m.id}"),
        )


def liaison_gathering(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """The gathering with the working members living in the village, every N months: due N
    months after the last one (or after the first member was received)."""
    active = [m for m in facts.liaison if m.status_on(ctx.today) is LiaisonStatus.ACTIVE]
    if not active:
        return
    months = ctx.setting("liaison_gathering_months")
    last = max(facts.gatherings, default=min(m.received_date for m in active))
    due = add_months(last, months)
    if due - timedelta(days=ctx.setting("due_gathering_lead_days")) > ctx.today:
        return
    yield ctx.item(
        "liaison_gathering",
        last.isoformat(),
        f"Gặp mặt đảng viên đang công tác cư trú tại địa phương (lần trước: {format_date(last)})",
        "",
        due,
        Target("liaison", "gathering"),
    )
