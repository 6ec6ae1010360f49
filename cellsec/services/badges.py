"""Party badge rounds: for each of the next award dates, the members reaching a milestone (proposed
or held back, with the reason), the early and posthumous choices, and a badge received."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from cellsec.dates import add_months, format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.growth import BadgeChoice
from cellsec.entities.members import EventKind, Member, MemberEvent, Standing
from cellsec.errors import ValidationError
from cellsec.rules import badges
from cellsec.rules.badges import BASIS_LABELS, BadgeLine, Basis
from cellsec.rules.lifecycle import first_admission, official_date, party_age_months, state_on
from cellsec.rules.settings import Rules
from cellsec.services.forms import record_id
from cellsec.services.members import add_event, rules_of
from cellsec.store import Store
from cellsec.text import name_sort_key, nfc

CHOICE_BASES = {Basis.ILLNESS: BASIS_LABELS[Basis.ILLNESS], Basis.POSTHUMOUS: BASIS_LABELS[Basis.POSTHUMOUS]}


@dataclass(frozen=True)
class BadgeRow:
    """One member on a round's list, as the page, the PDF and the CLI show it."""

    member: Member
    line: BadgeLine
    party_age_months: int  # on the award date (party age stops at death)
    admitted: date | None = None  # the first admission decision
    official: date | None = None

    @property
    def status(self) -> str:
        if not self.line.proposed:
            return "Chưa đủ điều kiện"
        return BASIS_LABELS[self.line.basis]


@dataclass(frozen=True)
class BadgeRound:
    award_date: date
    proposal_due: date  # the lead time (a setting) before the award date
    rows: tuple[BadgeRow, ...]

    @property
    def proposed(self) -> tuple[BadgeRow, ...]:
        return tuple(r for r in self.rows if r.line.proposed)

    @property
    def held_back(self) -> tuple[BadgeRow, ...]:
        return tuple(r for r in self.rows if not r.line.proposed)


_CHUNK = 200  # members whose events are read at a time


def _round_lines(
    store: Store, award: date, rules: Rules
) -> Iterator[tuple[int, BadgeLine, list[MemberEvent]]]:
    """(member id, line, events) of everyone on the round of `award`: only the members admitted
    long enough ago to reach the first milestone, and those with a recorded choice, are read."""
    choices: dict[int, set[str]] = {}
    for c in store.growth.badge_choices():
        choices.setdefault(c.member_id, set()).add(c.basis)
    milestones = [int(m) for m in rules["badge_milestones_years"]]
    ids = set(choices)
    if milestones:
        ids |= set(store.members.admitted_by(add_months(award, -12 * min(milestones))))
    chosen = sorted(ids)
    for at in range(0, len(chosen), _CHUNK):  # read in chunks: a caller may stop at the first
        some = chosen[at : at + _CHUNK]
        events = store.members.events_of_members(some)
        for mid in some:
            line = badges.round_line(mid, events.get(mid, []), award, rules, choices.get(mid, set()))
            if line is not None:
                yield mid, line, events.get(mid, [])


def proposes_anyone(store: Store, award: date, rules: Rules) -> bool:
    """Whether the round of `award` proposes at least one member (the to-do list asks; it stops
    at the first)."""
    return any(line.proposed for _, line, _ in _round_lines(store, award, rules))


def badge_round(store: Store, award: date) -> BadgeRound:
    """The members reaching a milestone by `award` (a day of the award-date settings)."""
    rules = rules_of(store)
    if (award.day, award.month) not in badges.award_dates(rules):
        raise ValidationError(
            f"Ngày {format_date(award)} không phải ngày trao Huy hiệu Đảng (các đợt: "
            f"{', '.join(f'{d:02d}/{m:02d}' for d, m in badges.award_dates(rules))}).",
            "Đợt",
            "round",
        )
    rows = []
    lines = list(_round_lines(store, award, rules))
    members = {m.id: m for m in store.members.of_ids([mid for mid, _, _ in lines])}
    for mid, line, evs in lines:
        member = members.get(mid)
        if member is not None:
            # Party age stops at death: on the award date it is the age at death.
            rows.append(
                BadgeRow(member, line, party_age_months(evs, award), first_admission(evs), official_date(evs))
            )
    rows.sort(key=lambda r: (-r.line.milestone, name_sort_key(r.member.full_name)))
    return BadgeRound(award, badges.proposal_due(award, rules), tuple(rows))


def badge_rounds(store: Store, on: date | None = None, count: int = 4) -> list[BadgeRound]:
    """The next `count` award dates from `on` (today), each with its list."""
    rules = rules_of(store)
    return [badge_round(store, award) for award in badges.next_award_dates(on or date.today(), rules, count)]


def parse_round(text: str, today: date | None = None) -> date:
    """An award date typed as dd/mm/yyyy (the CLI's --round, the page's chooser)."""
    value = parse_date(text, "Đợt", key="round", required=True, allow_future=True, today=today)
    assert value is not None
    return value


def badge_choice_people(store: Store, basis: str, on: date) -> list[tuple[str, int]]:
    """(name, id) of whom a choice may name: members on the roll (early award for illness) or
    deceased members (posthumous award), by name."""
    events = store.members.all_events()
    found = []
    for m in store.members.all():
        state = state_on(events.get(m.id or 0, []), on)
        fits = state.standing is Standing.DECEASED if basis == Basis.POSTHUMOUS else state.on_roll
        if fits and m.id is not None:
            found.append((m.full_name, m.id))
    return sorted(found, key=lambda pair: name_sort_key(pair[0]))


def record_choice(
    store: Store, member_id: object, basis: str, note: str = "", *, today: date | None = None
) -> Changes:
    """Record the secretary's choice to propose an early (serious illness) or posthumous award."""
    mid = record_id(member_id, "Không tìm thấy đảng viên này.")
    if store.members.get(mid) is None:
        raise ValidationError("Không tìm thấy đảng viên này.")
    if basis not in CHOICE_BASES:
        raise ValidationError("Hình thức: chọn “Tặng sớm do ốm nặng” hoặc “Truy tặng”.", "Hình thức", "basis")
    if basis == Basis.POSTHUMOUS and not any(
        e.kind is EventKind.DECEASED for e in store.members.events_of(mid)
    ):
        raise ValidationError(
            "Hình thức: chỉ truy tặng cho đảng viên đã ghi sự kiện “Từ trần”.", "Hình thức", "basis"
        )
    with store.transaction():
        store.growth.put_badge_choice(BadgeChoice(mid, basis, today or date.today(), nfc(note).strip()))
    return Changes(members=True, growth=True, member_ids=frozenset({mid}))


def withdraw_choice(store: Store, member_id: int, basis: str) -> Changes:
    with store.transaction():
        store.growth.delete_badge_choice(member_id, basis)
    return Changes(members=True, growth=True, member_ids=frozenset({member_id}))


def record_award(
    store: Store, member_id: int, form: Mapping[str, str], *, today: date | None = None
) -> Changes:
    """A badge received: a member event "Được tặng Huy hiệu Đảng" with the milestone, through the
    one validation path of member events, so the next milestone follows."""
    values = dict(form)
    milestone = values.pop("milestone", "").strip()
    detail = f"{milestone} năm" if milestone.isdigit() else milestone
    return add_event(
        store,
        member_id,
        {"kind": EventKind.BADGE_AWARDED.value, "detail": detail, **values},
        today=today,
    )
