"""What a service changed (Anki's OpChanges): the shell hands it to every page, which refreshes
only if it concerns it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Changes:
    """What a service changed, so the window refreshes only the pages concerned."""

    profile: bool = False
    members: bool = False
    member_ids: frozenset[int] = field(default_factory=frozenset)
    meetings: bool = False
    meeting_ids: frozenset[int] = field(default_factory=frozenset)
    superiors: bool = False
    liaison: bool = False
    todo: bool = False  # a mark on the to-do list (done / postponed)
    reviews: bool = False  # the year-end review (kiểm điểm cuối năm)
    growth: bool = False  # candidates, probation helpers, badge choices (issue 16)

    def __or__(self, other: Changes) -> Changes:
        """Both sets of changes (one user action that ran two services)."""
        merged = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (mine | theirs) if isinstance(mine, frozenset) else (mine or theirs)
        return Changes(**merged)
