"""Due rules of keeping the data safe: a verified backup every N days, a copy on a USB stick
(kept away from the PC) every N days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from cellsec.dates import format_date
from cellsec.entities.due import DueItem, Target
from cellsec.rules.due.facts import DueContext, DueFacts


def _since(when: date | None) -> str:
    return f"lần cuối: {format_date(when)}" if when else "chưa có lần nào"


def backup_verified(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """No verified backup for `due_backup_days` days: shown from the day it falls due (that many
    days after the last one, or after the file was first used if there is none)."""
    last = facts.last_verified_backup
    since = last or facts.started
    if since is None:
        return
    due = since + timedelta(days=ctx.setting("due_backup_days"))
    if due > ctx.today:  # a weekly habit: asked for on the day it falls due, not before
        return
    yield ctx.item(
        "backup_verified",
        due.isoformat(),
        f"Sao lưu dữ liệu và kiểm tra bản sao lưu ({_since(last)})",
        "",
        due,
        Target("safety", "backup"),
    )


def usb_copy(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """No copy on a USB stick for `due_usb_copy_days` days: the newest copy made through the
    app (recorded by the copy itself), or the item marked done for a copy made by hand."""
    copies = [d for d in (facts.last_usb_copy, facts.last_done.get("usb_copy")) if d is not None]
    last = max(copies, default=None)
    since = last or facts.started
    if since is None:
        return
    due = since + timedelta(days=ctx.setting("due_usb_copy_days"))
    if due - timedelta(days=ctx.setting("due_soon_days")) > ctx.today:
        return
    yield ctx.item(
        "usb_copy",
        due.isoformat(),
        f"Chép bản sao lưu ra USB, cất nơi khác ({_since(last)})",
        "",
        due,
        Target("safety", "usb"),
    )
