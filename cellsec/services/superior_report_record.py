"""What the report on superiors attending the cell's meetings prints, as a plain record (strings
and numbers): made from the period's tally while the report is a draft, kept as issued once it
has its number (report_numbers.issue_number), so a renamed superior or a changed target never
changes an issued report."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError
from cellsec.services.profile import required_profile
from cellsec.services.report_numbers import IssuedNumber, issue_number, issued_record
from cellsec.services.superior_tally import (
    REPORT_TYPE,
    Tally,
    superior_report_number,
    superior_report_title,
    superior_tally,
)
from cellsec.store import Store

Record = dict[str, Any]


def _target(value: Fraction | None) -> str:
    if value is None:
        return "—"
    number = float(value)
    return f"{number:.0f}" if number == int(number) else f"{number:.1f}".replace(".", ",")


def report_record(store: Store, t: Tally) -> Record:
    """The report's content from the tally: every line and cell as it prints."""
    profile = required_profile(store)
    return {
        "header": {
            "cell_name": profile.cell_name,
            "superior_name": profile.superior_name,
            "place_name": profile.place_name,
            "secretary": profile.secretary,
        },
        "start": t.start.isoformat(),
        "end": t.end.isoformat(),
        "held": t.held,
        "with_superior": t.with_superior,
        "directions": [len(t.directions), t.directions_done, t.directions_open],
        "people": [
            [
                x.superior.name,
                x.superior.position,
                x.superior.level.label,
                x.attended,
                _target(x.target),
                x.warning or ("Đạt" if x.meets_target else ""),
            ]
            for x in t.people
        ],
        "target_source": t.target_sources["commune"],
        "meetings": [
            [
                format_date(x.meeting.date),
                x.meeting.kind.label,
                ", ".join(x.superiors_present) or "—",
                {True: "Có", False: "Không", None: "—"}[x.follower_came],
                ", ".join(x.notified) or "—",
            ]
            for x in t.meetings
        ],
        "direction_rows": [
            [
                format_date(d.meeting_date),
                d.given_by,
                d.text,
                d.owner,
                format_date(d.deadline),
                d.status.label + (f": {d.result}" if d.result else ""),
            ]
            for d in t.directions
        ],
    }


def printed_record(store: Store, start: date, end: date, today: date) -> tuple[Record, IssuedNumber | None]:
    """What the report for the period prints and its number: the content kept at issue once
    issued (a report issued before contents were kept prints from the rows), else the draft."""
    number = superior_report_number(store, start, end)
    kept = issued_record(store, REPORT_TYPE, superior_report_title(start, end)) if number else None
    if kept is not None:
        return kept, number  # the tally is not read: the issued content is what prints
    return report_record(store, superior_tally(store, start, end, today=today)), number


def issue_superior_report(
    store: Store, start: date, end: date, *, today: date | None = None
) -> tuple[IssuedNumber, Changes]:
    """Issue the report for the period: it gets "Số NN-BC/CB" (next in the term) and today's
    date, and its content is kept as issued for every later print. Issuing it again changes
    nothing."""
    today = today or date.today()
    if end < start:
        raise ValidationError("Kỳ báo cáo: ngày kết thúc trước ngày bắt đầu.", "Kỳ báo cáo", "end")
    if start > today:
        raise ValidationError(
            f"Kỳ báo cáo bắt đầu ngày {format_date(start)}, chưa tới: chưa ban hành được báo cáo.",
            "Kỳ báo cáo",
            "start",
        )
    record = report_record(store, superior_tally(store, start, end, today=today))
    number, new = issue_number(store, REPORT_TYPE, superior_report_title(start, end), today, record)
    return number, Changes(superiors=True) if new else Changes()
