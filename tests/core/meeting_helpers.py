"""Helpers for meeting tests: minutes complete enough to be approved."""

from __future__ import annotations

from dataclasses import replace

from cellsec.entities.meetings import Mark, Meeting, Vote, VoteKind
from cellsec.rules.counting import count_roll


def complete(m: Meeting, **fields) -> Meeting:
    """The draft with what approval needs: every item's content, the resolution, times, place,
    a chair and a recorder who are present, and a resolution vote of the members present."""
    present = [e.name for e in m.roll if e.mark is Mark.PRESENT]
    items = tuple(replace(i, content=i.content or "Đồng chí Bí thư trình bày.") for i in m.items)
    voters = count_roll(m.roll).eligible_present
    base = replace(
        m,
        items=items,
        start_time=m.start_time or "08:00",
        end_time=m.end_time or "09:45",
        place=m.place or "Nhà văn hóa thôn",
        chair=m.chair if m.chair in present else present[0],
        recorder=m.recorder if m.recorder in present else present[1],
        resolution=m.resolution or "Chi bộ thống nhất các nhiệm vụ tháng tới.",
        votes=m.votes or (Vote("Thông qua nghị quyết", VoteKind.RESOLUTION, voters, 0, 0),),
    )
    return replace(base, **fields)
