"""Due rules of the meetings book: the month's regular meeting, the thematic one, minutes left
unapproved, tasks and superiors' directions past their deadline, superiors to notify."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.due import DueItem, Target
from cellsec.rules.due.facts import DueContext, DueFacts


def month_end(year: int, month: int) -> date:
    return add_months(date(year, month, 1), 1) - timedelta(days=1)


def _months_back(ctx: DueContext) -> list[tuple[int, int]]:
    """(year, month) from the look-back window's first month to the current one."""
    first = add_months(date(ctx.today.year, ctx.today.month, 1), -ctx.setting("due_lookback_months"))
    out, day = [], first
    while day <= ctx.today:
        out.append((day.year, day.month))
        day = add_months(day, 1)
    return out


def _started(facts: DueFacts) -> date | None:
    """The first meeting in the book: no meeting is asked for before the cell used the app."""
    return min((m.date for m in facts.meetings), default=None)


def regular_meeting(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """Every month a regular meeting (HD 42): due by the month's last day, shown from
    `due_regular_meeting_lead_days` before it; past months without one stay (look-back)."""
    started = _started(facts)
    if started is None:
        return
    held = {(m.date.year, m.date.month) for m in facts.meetings if m.kind.is_regular}
    lead = ctx.setting("due_regular_meeting_lead_days")
    for year, month in _months_back(ctx):
        end = month_end(year, month)
        if (year, month) in held or end < started or end - timedelta(days=lead) > ctx.today:
            continue
        yield ctx.item(
            "regular_meeting",
            f"{year}-{month:02d}",
            f"Sinh hoạt chi bộ thường kỳ tháng {month}/{year}",
            "",
            end,
            Target("meetings", f"month:{year}-{month:02d}"),
        )


def thematic_meeting(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A thematic meeting every `thematic_every_months` months (periods from January)."""
    started = _started(facts)
    every = ctx.setting("thematic_every_months")
    if started is None or not 1 <= every <= 12:
        return
    lead = ctx.setting("due_thematic_lead_days")
    window = add_months(ctx.today, -max(ctx.setting("due_lookback_months"), every))
    for year in range(window.year, ctx.today.year + 1):
        for first in range(1, 13, every):
            last = min(first + every - 1, 12)
            end = month_end(year, last)
            if end < window or end < started or end - timedelta(days=lead) > ctx.today:
                continue
            if any(
                m.kind.is_thematic and m.date.year == year and first <= m.date.month <= last
                for m in facts.meetings
            ):
                continue
            span = f"tháng {first}–{last}/{year}" if first != last else f"tháng {first}/{year}"
            yield ctx.item(
                "thematic_meeting",
                f"{year}-{first:02d}",
                f"Sinh hoạt chuyên đề ({span})",
                "",
                end,
                Target("meetings", f"month:{year}-{last:02d}"),
            )


def minutes_unapproved(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A meeting held whose minutes are still a draft: approve within N days of the meeting."""
    days = ctx.setting("due_minutes_approval_days")
    for m in facts.meetings:
        if m.approved or m.date > ctx.today or m.id is None:
            continue
        yield ctx.item(
            "minutes_unapproved",
            f"meeting:{m.id}",
            f"Hoàn thành, thông qua biên bản {m.kind.label.lower()} ngày {format_date(m.date)}",
            "",
            m.date + timedelta(days=days),
            Target("meetings", f"meeting:{m.id}"),
        )


def task_deadline(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A task a meeting gave, not reviewed as done, shown from `due_task_lead_days` before its
    deadline."""
    lead = timedelta(days=ctx.setting("due_task_lead_days"))
    for t in facts.tasks:
        if t.deadline - lead > ctx.today:
            continue
        yield ctx.item(
            "task_deadline",
            f"task:{t.id}",
            f"Nhiệm vụ (nghị quyết ngày {format_date(t.meeting_date)}): {t.content}",
            t.owner,
            t.deadline,
            Target("meetings", f"meeting:{t.meeting_id}"),
        )


def direction_deadline(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A superior's direction still open, shown from `due_direction_lead_days` before its deadline."""
    lead = timedelta(days=ctx.setting("due_direction_lead_days"))
    for d in facts.directions:
        if d.deadline is None or d.deadline - lead > ctx.today or d.id is None:
            continue
        yield ctx.item(
            "direction_deadline",
            f"direction:{d.id}",
            f"Thực hiện ý kiến chỉ đạo của đồng chí {d.given_by}: {d.text}",
            d.owner,
            d.deadline,
            Target("superiors", "overdue-directions"),
        )


def superior_notice(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """Tell the superior who follows the cell of a prepared meeting, by N days before it."""
    lead = timedelta(days=ctx.setting("due_notice_lead_days"))
    for n in facts.notices:
        if n.due - lead > ctx.today:
            continue
        yield ctx.item(
            "superior_notice",
            f"meeting:{n.meeting_id}:superior:{n.superior_id}",
            f"Thông báo buổi {n.meeting_label} ngày {format_date(n.meeting_date)}",
            f"đồng chí {n.superior_name}",
            n.due,
            Target("meetings", f"meeting:{n.meeting_id}"),
        )
