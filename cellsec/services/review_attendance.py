"""Each member's attendance at the cell's meetings of a year (for the self-review form): the
approved meetings' rolls, committee meetings left out; a member not expected (exempted or
attached elsewhere and not come) is not counted for that meeting."""

from __future__ import annotations

from datetime import date

from cellsec.entities.meetings import Mark, MeetingKind
from cellsec.store import Store


def attendance_in_year(store: Store, year: int) -> dict[int, tuple[int, int]]:
    """member id -> (meetings present, meetings expected)."""
    out: dict[int, tuple[int, int]] = {}
    for header in store.meetings.list_between(date(year, 1, 1), date(year, 12, 31)):
        if header.status != "approved" or header.kind is MeetingKind.COMMITTEE or header.id is None:
            continue
        meeting = store.meetings.get(header.id)
        for entry in meeting.roll if meeting else ():
            if entry.mark is Mark.NOT_EXPECTED or entry.category == "guest":
                continue
            present, expected = out.get(entry.member_id, (0, 0))
            out[entry.member_id] = (present + (entry.mark is Mark.PRESENT), expected + 1)
    return out


def attendance_text(counts: tuple[int, int] | None) -> str:
    """ "dự 10/12 buổi (83,33 %)"; "" when the member was expected at none."""
    from fractions import Fraction

    from cellsec.rules.review_stats import percent_text

    if not counts or not counts[1]:
        return ""
    present, expected = counts
    return f"dự {present}/{expected} buổi sinh hoạt chi bộ ({percent_text(Fraction(present, expected))})"
