"""The tally of superior committee members at the cell's meetings for a period: meetings held,
meetings with a superior present, each person's attendance against the yearly target, whether the
assigned follower came, notices sent, and directions given and carried out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from cellsec.dates import format_date
from cellsec.entities.meetings import Meeting
from cellsec.entities.superiors import Direction, DirectionStatus, Level, Superior
from cellsec.services.members import rules_of
from cellsec.services.report_numbers import IssuedNumber, issued_number
from cellsec.store import Store
from cellsec.text import name_sort_key

REPORT_TYPE = "BC"  # báo cáo

_TARGET_KEYS = {
    Level.COMMUNE: "superior_target_commune_per_year",
    Level.PROVINCE: "superior_target_province_per_year",
}


@dataclass(frozen=True)
class MeetingLine:
    meeting: Meeting
    superiors_present: tuple[str, ...]
    follower_names: tuple[str, ...]  # assigned on that date
    follower_came: bool | None  # None when nobody was assigned
    notified: tuple[str, ...]


@dataclass(frozen=True)
class PersonLine:
    superior: Superior
    attended: int
    target: Fraction | None  # pro-rated to the period; None for "other" levels
    expected_so_far: Fraction | None  # for the running year: the part of the target due by now
    warning: str

    @property
    def meets_target(self) -> bool | None:
        return None if self.target is None else self.attended >= self.target


@dataclass(frozen=True)
class Tally:
    start: date
    end: date
    meetings: tuple[MeetingLine, ...]
    people: tuple[PersonLine, ...]
    directions: tuple[Direction, ...]
    target_sources: dict[str, str]
    # The number the period's report was issued with (None: a draft). The screen, the PDF, the
    # workbook and the CLI all read it here.
    number: IssuedNumber | None = None

    @property
    def held(self) -> int:
        return len(self.meetings)

    @property
    def with_superior(self) -> int:
        return sum(bool(m.superiors_present) for m in self.meetings)

    @property
    def directions_done(self) -> int:
        return sum(d.status is DirectionStatus.DONE for d in self.directions)

    @property
    def directions_open(self) -> int:
        return sum(d.status.is_open for d in self.directions)


def _decimal(value: Fraction) -> str:
    return f"{float(value):.1f}".replace(".", ",")


def _months(start: date, end: date) -> Fraction:
    days = (end - start).days + 1
    return Fraction(days * 12, 365)


def superior_tally(store: Store, start: date, end: date, *, today: date | None = None) -> Tally:
    today = today or date.today()
    rules = rules_of(store)
    directory = {s.id: s for s in store.superiors.all()}
    assignments = store.superiors.assignments()
    notices = store.superiors.notices()
    lines = []
    counts: dict[int, int] = {}
    for header in store.meetings.list_between(start, end):
        m = store.meetings.get(header.id or 0)
        assert m is not None
        present_ids = {g.superior_id for g in m.guests if g.superior_id is not None}
        for sid in present_ids:
            counts[sid] = counts.get(sid, 0) + 1
        followers = [a.superior_id for a in assignments if a.covers(m.date)]
        lines.append(
            MeetingLine(
                meeting=m,
                superiors_present=tuple(g.name for g in m.guests if g.is_superior or g.superior_id),
                follower_names=tuple(directory[f].name for f in followers if f in directory),
                follower_came=(any(f in present_ids for f in followers) if followers else None),
                notified=tuple(
                    directory[n.superior_id].name
                    for n in notices
                    if n.meeting_id == m.id and n.superior_id in directory
                ),
            )
        )
    share = _months(start, end) / 12
    running = start <= today <= end
    people = []
    for s in directory.values():
        attended = counts.get(s.id or 0, 0)
        assigned = any(
            a.superior_id == s.id and a.start <= end and (a.end is None or a.end >= start)
            for a in assignments
        )
        if not attended and not assigned:
            continue
        key = _TARGET_KEYS.get(s.level)
        yearly = Fraction(int(rules[key])) if key else None
        target = yearly * share if yearly is not None else None
        expected = (yearly * _months(start, today) / 12) if (yearly is not None and running) else None
        warning = ""
        if target is not None and attended < target:
            if running and expected is not None and attended < expected:
                warning = (
                    f"Có nguy cơ không đạt: mới dự {attended} buổi, theo tiến độ cần "
                    f"{_decimal(expected)} buổi."
                )
            elif not running:
                warning = f"Chưa đạt: dự {attended}/{float(target):.0f} buổi."
        people.append(PersonLine(s, attended, target, expected, warning))
    people.sort(
        key=lambda p: (
            p.superior.level.value,
            -p.attended,
            name_sort_key(p.superior.name),
            p.superior.id or 0,
        )
    )
    directions = tuple(
        d for d in store.superiors.directions() if d.meeting_date and start <= d.meeting_date <= end
    )
    return Tally(
        start,
        end,
        tuple(lines),
        tuple(people),
        directions,
        {
            k: rules.settings[v].source
            for k, v in (("commune", _TARGET_KEYS[Level.COMMUNE]), ("province", _TARGET_KEYS[Level.PROVINCE]))
        },
        superior_report_number(store, start, end),
    )


def superior_report_title(start: date, end: date) -> str:
    """The report's name with its period: what identifies an issued report in the numbers list."""
    return f"Báo cáo cấp ủy viên cấp trên dự sinh hoạt chi bộ từ {format_date(start)} đến {format_date(end)}"


def superior_report_number(store: Store, start: date, end: date) -> IssuedNumber | None:
    """The number the report for this period was issued with; None while it is a draft."""
    return issued_number(store, REPORT_TYPE, superior_report_title(start, end))
