"""The "Việc cần làm" list: gather the cell's facts once, run every due rule over them
(cellsec.rules.due), apply the secretary's marks; and the two things a secretary records about
an item — done elsewhere, postponed with a reason. Page, PDF and CLI all read `due_items`."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from cellsec.backup.manifest import list_backups
from cellsec.backup.usb_record import last_usb_copy
from cellsec.dates import add_months, format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.due import DueItem, DueMark, MarkKind
from cellsec.entities.superiors import DirectionStatus
from cellsec.errors import ValidationError
from cellsec.rules.badges import next_award_dates
from cellsec.rules.due import BadgeRoundFact, DueFacts, MemberFacts, NoticeFact, TaskFact, context, evaluate
from cellsec.rules.growth_deadlines import badge_warn_from
from cellsec.rules.settings import Rules
from cellsec.services.forms import plain_text
from cellsec.services.members import rules_of
from cellsec.services.review_due import review_facts
from cellsec.store import Store

NOTICE_HORIZON_DAYS = 60  # prepared meetings this far ahead are looked at for notices


def _newest_verified_backup(store: Store) -> date | None:
    """The day of the newest backup CellSec verified (read from the manifests: no re-hashing)."""
    try:
        infos = list_backups(store.path)
    except OSError:
        return None
    return next((i.created.date() for i in infos if i.good), None)


def _notices(store: Store, today: date, rules: Rules) -> tuple[NoticeFact, ...]:
    from cellsec.services.meeting_calendar import meeting_notices

    out = []
    for m in store.meetings.list_between(today, today + timedelta(days=NOTICE_HORIZON_DAYS)):
        if m.approved or m.id is None:
            continue
        for n in meeting_notices(store, m):
            if n.sent is None and n.superior.id is not None:
                out.append(
                    NoticeFact(m.id, m.date, m.kind.label.lower(), n.superior.id, n.superior.name, n.due)
                )
    return tuple(out)


def _badge_rounds(store: Store, today: date, rules: Rules) -> tuple[BadgeRoundFact, ...]:
    """The coming rounds already in their window that propose someone (a round's list is read
    only when the list could show it)."""
    from cellsec.services.badges import proposes_anyone

    return tuple(
        BadgeRoundFact(award)
        for award in next_award_dates(today, rules, 4)
        if badge_warn_from(award, rules) <= today and proposes_anyone(store, award, rules)
    )


def collect_facts(store: Store, today: date, rules: Rules) -> DueFacts:
    """Everything the rules read, in a few queries."""
    back = int(rules["due_lookback_months"]) if isinstance(rules["due_lookback_months"], int) else 3
    members = tuple(
        MemberFacts(mid, name, tuple(events))
        for mid, name, events in store.due.members_with_deadlines(add_months(today, -back))
    )
    start = add_months(date(today.year, 1, 1), -max(back, 12))
    year = today.year
    return DueFacts(
        members=members,
        meetings=tuple(store.meetings.list_between(start, today + timedelta(days=400))),
        tasks=tuple(TaskFact(*row) for row in store.due.open_tasks()),
        directions=tuple(d for d in store.superiors.directions() if d.status in _OPEN),
        notices=_notices(store, today, rules),
        liaison=tuple(store.liaison.members()),
        sheets={s.liaison_id: s for s in store.liaison.sheets(year)},
        gatherings=tuple(g.date for g in store.liaison.gatherings() if g.date <= today),
        working_away=tuple(store.liaison.working_away()),
        last_verified_backup=_newest_verified_backup(store),
        last_usb_copy=last_usb_copy(store.path),
        last_done=store.due.last_done(),
        started=store.due.first_use(),
        candidates=tuple(
            c for c in store.growth.candidates() if c.member_id is None and c.dropped_on is None
        ),
        badge_rounds=_badge_rounds(store, today, rules),
        reviews=review_facts(store, today, rules),
    )


_OPEN = (DirectionStatus.OPEN, DirectionStatus.IN_PROGRESS)


def due_items(store: Store, today: date | None = None, rules: Rules | None = None) -> list[DueItem]:
    """THE list: what is overdue, due soon and coming later on `today`, most urgent first."""
    today = today or date.today()
    rules = rules or rules_of(store)
    facts = collect_facts(store, today, rules)
    return evaluate(facts, context(today, rules), store.due.marks())


def counts_by_page(items: list[DueItem]) -> dict[str, int]:
    """Overdue and due-soon items per page key (the numbers on the navigation entries)."""
    return dict(Counter(i.target.page for i in items if i.state.value in ("overdue", "soon")))


def _find(store: Store, item_key: str, today: date) -> DueItem:
    item = next((i for i in due_items(store, today) if i.key == item_key), None)
    if item is None:
        raise ValidationError("Việc này không còn trong danh sách (có thể đã được làm hoặc đã thay đổi).")
    return item


def mark_done(store: Store, item_key: str, today: date | None = None, reason: object = "") -> Changes:
    """The item was done elsewhere (or outside the app): it leaves the list, the history keeps
    who said so and when."""
    today = today or date.today()
    item = _find(store, item_key, today)
    note = plain_text(reason, "Ghi chú", "reason")
    with store.transaction():
        store.due.add_mark(DueMark(item.key, item.rule, MarkKind.DONE, today, None, note), item.what)
    return Changes(todo=True)


def postpone(
    store: Store, item_key: str, until_text: object, reason: object, today: date | None = None
) -> Changes:
    """Move the item to a later day, with the reason (both shown on the list and kept in the
    history). The reason is required; the day must be after today."""
    today = today or date.today()
    item = _find(store, item_key, today)
    until = parse_date(
        plain_text(until_text, "Hoãn đến ngày", "until"),
        "Hoãn đến ngày",
        key="until",
        required=True,
        allow_future=True,
        today=today,
    )
    assert until is not None
    if until <= today:
        raise ValidationError(
            f"Hoãn đến ngày: phải sau hôm nay ({format_date(today)}).", "Hoãn đến ngày", "until"
        )
    why = plain_text(reason, "Lý do hoãn", "reason")
    if not why:
        raise ValidationError("Lý do hoãn: cần ghi lý do.", "Lý do hoãn", "reason")
    with store.transaction():
        store.due.add_mark(DueMark(item.key, item.rule, MarkKind.POSTPONED, today, until, why), item.what)
    return Changes(todo=True)


ITEM_HEADERS = ("Tình trạng", "Việc cần làm", "Đối với", "Hạn", "Ghi chú")


def item_texts(item: DueItem) -> list[str]:
    """One item as the page shows it and the PDF prints it (ITEM_HEADERS' columns)."""
    return [item.state.label, item.what, item.who, format_date(item.due), item.note]


def list_title(today: date) -> str:
    """ "Việc cần làm tháng 12/2026": the printed list's title."""
    return f"Việc cần làm tháng {today.month}/{today.year}"


def item_json(item: DueItem) -> dict[str, Any]:
    """One item as the CLI prints it (and as tests compare page, PDF and CLI)."""
    return {
        "key": item.key,
        "rule": item.rule,
        "state": item.state.value,
        "state_label": item.state.label,
        "what": item.what,
        "who": item.who,
        "due": format_date(item.due),
        "citation": item.citation,
        "page": item.target.page,
        "part": item.target.part,
        "note": item.note,
    }
