"""Due rule of a member who moved away: the official transfer of Party activity must be done
within 60 working days of the move (or of the decision taking effect: retirement, a new post)."""

from __future__ import annotations

from collections.abc import Iterator

from cellsec.dates import format_date
from cellsec.entities.due import DueItem, Target
from cellsec.entities.members import EventKind, MemberEvent
from cellsec.rules.due.facts import DueContext, DueFacts, MemberFacts
from cellsec.rules.lifecycle import ordered

K = EventKind
# What settles a move away: the transfer itself, or the member leaving the Party's roll otherwise.
_SETTLED = (K.TRANSFERRED_OUT, K.REMOVED, K.EXPELLED, K.DECEASED)


def pending_transfer(member: MemberFacts) -> MemberEvent | None:
    """The move away whose transfer out is not recorded yet (None if there is none)."""
    pending = None
    for e in ordered(member.events):
        if e.kind is K.TRANSFER_PENDING:
            pending = e
        elif e.kind in _SETTLED:
            pending = None
    return pending


def transfer_out(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """A member moved away with the transfer still to do: shown from the day of the move, due
    `transfer_out_working_days` working days after it, gone once the transfer out is recorded."""
    days = ctx.setting("transfer_out_working_days")
    for m in facts.members:
        moved = pending_transfer(m)
        if moved is None or moved.date > ctx.today:
            continue
        where = f" đến {moved.detail}" if moved.detail else ""
        yield ctx.item(
            "transfer_out",
            f"member:{m.id}:{moved.date.isoformat()}",
            f"Làm thủ tục chuyển sinh hoạt đảng chính thức{where} (đã chuyển đi từ ngày "
            f"{format_date(moved.date)}; hạn {days} ngày làm việc)",
            m.name,
            ctx.calendar.add_working_days(moved.date, days),
            Target("members", f"member:{m.id}"),
        )
