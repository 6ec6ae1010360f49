"""What one document is of (a meeting, a year, a date, a period, a person): the options each
catalogue entry's builder, file name and warnings read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cellsec.entities.meetings import MeetingKind


@dataclass(frozen=True)
class Request:
    """What one document is of; each document reads the options it needs."""

    meeting_id: int | None = None
    year: int | None = None
    on: date | None = None
    period: tuple[date, date] | None = None
    liaison_id: int | None = None
    kind: MeetingKind = MeetingKind.REGULAR
    today: date | None = None
    per_member: bool = False  # one copy per member called, the name filled in (invitation)
    candidate_id: int | None = None  # a candidate for admission (growth resolutions)
    member_id: int | None = None  # one member (growth resolutions, sheets, declarations)

    @property
    def the_year(self) -> int:
        return self.year or date.today().year
