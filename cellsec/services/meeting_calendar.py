"""The year's calendar of meetings (a regular meeting every month, a thematic one every
`thematic_every_months` months) and the notices due to the superiors who follow the cell
(`superior_notice_days_before` days before each meeting) — both from the cell's rule settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cellsec.codec.sealed_minutes import MinutesRecord
from cellsec.dates import add_months, format_date
from cellsec.entities.meetings import Meeting
from cellsec.entities.superiors import Superior
from cellsec.errors import ValidationError
from cellsec.rules.settings import Rules
from cellsec.services.members import rules_of
from cellsec.services.minutes_record import upgrade_old_approvals, vanished_minutes
from cellsec.store import Store

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class MonthRow:
    month: int
    meetings: tuple[Meeting, ...]
    missing_regular: bool  # a past month without a regular meeting
    regular_pending: bool = False  # the current month, no regular meeting yet
    thematic_missing: str = ""  # the last month of a period without a thematic meeting


@dataclass(frozen=True)
class YearCalendar:
    year: int
    months: tuple[MonthRow, ...]
    quarters_without_thematic: tuple[int, ...]  # when the period is a quarter
    thematic_every_months: int = 3
    periods_without_thematic: tuple[tuple[int, int], ...] = ()  # (first month, last month)
    vanished: tuple[MinutesRecord, ...] = ()  # approved minutes deleted outside the app

    @property
    def thematic_flag(self) -> str:
        """ "Chưa sinh hoạt chuyên đề: quý I, II." / "…: tháng 1–2, 3–4."."""
        if not self.periods_without_thematic:
            return ""
        if self.thematic_every_months == 3:
            return (
                "Chưa sinh hoạt chuyên đề: quý "
                + ", ".join(ROMAN[(a - 1) // 3 + 1] for a, _ in self.periods_without_thematic)
                + "."
            )
        return (
            "Chưa sinh hoạt chuyên đề: tháng "
            + ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in self.periods_without_thematic)
            + "."
        )


def period_label(first: int, last: int, every: int) -> str:
    if every == 3:
        return f"Quý {ROMAN[(first - 1) // 3 + 1]} chưa sinh hoạt chuyên đề"
    span = f"tháng {first}–{last}" if first != last else f"tháng {first}"
    return f"{span[0].upper()}{span[1:]} chưa sinh hoạt chuyên đề"


def thematic_every(rules: Rules) -> int:
    value = rules["thematic_every_months"]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise ValidationError(
            f"Thiết lập “Sinh hoạt chuyên đề ít nhất (tháng một lần)” không hợp "
            f"lệ ({value!r}): cần từ 1 đến 12.",
            "Thiết lập quy định",
            "thematic_every_months",
        )
    return value


def year_calendar(store: Store, year: int, *, today: date | None = None) -> YearCalendar:
    today = today or date.today()
    upgrade_old_approvals(store)
    every = thematic_every(rules_of(store))
    meetings = store.meetings.list_between(date(year, 1, 1), date(year, 12, 31))
    periods = []
    for first in range(1, 13, every):
        last = min(first + every - 1, 12)
        over = add_months(date(year, last, 1), 1) <= today
        if over and not any(m.kind.is_thematic for m in meetings if first <= m.date.month <= last):
            periods.append((first, last))
    ends = {last: period_label(first, last, every) for first, last in periods}
    months = []
    for month in range(1, 13):
        mine = tuple(m for m in meetings if m.date.month == month)
        over = (year, month) < (today.year, today.month)
        has_regular = any(m.kind.is_regular for m in mine)
        months.append(
            MonthRow(
                month,
                mine,
                over and not has_regular,
                (year, month) == (today.year, today.month) and not has_regular,
                ends.get(month, ""),
            )
        )
    quarters = tuple((first - 1) // 3 + 1 for first, _ in periods) if every == 3 else ()
    vanished = tuple(r for r in vanished_minutes(store) if r.meeting.date.year == year)
    return YearCalendar(year, tuple(months), quarters, every, tuple(periods), vanished)


# --- notices to the superiors who follow the cell (HD 42) -----------------------------------
@dataclass(frozen=True)
class NoticeDue:
    meeting: Meeting
    superior: Superior
    due: date  # the day by which the notice should go out
    sent: date | None = None  # when it went out, if it did

    @property
    def late(self) -> bool:
        return self.sent is not None and self.sent > self.due

    def text(self, today: date) -> str:
        when = f"buổi {self.meeting.kind.label.lower()} ngày {format_date(self.meeting.date)}"
        if self.sent is not None:
            return (
                f"Đã thông báo cho đồng chí {self.superior.name} ngày {format_date(self.sent)}"
                + (f" (muộn: cần trước ngày {format_date(self.due)})" if self.late else "")
                + f" về {when}."
            )
        overdue = " — đã quá hạn" if today > self.due else ""
        return (
            f"Cần thông báo cho đồng chí {self.superior.name} về {when} chậm nhất ngày "
            f"{format_date(self.due)}{overdue}."
        )


def notice_days(store: Store) -> int:
    value = rules_of(store)["superior_notice_days_before"]
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 1


def meeting_notices(store: Store, m: Meeting) -> list[NoticeDue]:
    """For one meeting: each superior assigned on its date, when the notice is due, and when
    it went out."""
    from cellsec.services.superiors import assigned_on

    due = m.date - timedelta(days=notice_days(store))
    sent = {n.superior_id: n.sent for n in store.superiors.notices(m.id)} if m.id else {}
    return [NoticeDue(m, s, due, sent.get(s.id or 0)) for s in assigned_on(store, m.date)]


def notices_due(store: Store, today: date | None = None) -> list[NoticeDue]:
    """Notices the app should ask for now: meetings prepared for today or later whose notice
    day has come (or passed) and an assigned superior not yet notified."""
    today = today or date.today()
    days = notice_days(store)
    out = []
    for header in store.meetings.list_between(today, today + timedelta(days=days + 366)):
        if header.approved or header.date - timedelta(days=days) > today:
            continue
        out += [n for n in meeting_notices(store, header) if n.sent is None]
    return out
