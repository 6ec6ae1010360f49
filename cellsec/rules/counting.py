"""Counting rules of a cell meeting (DOMAIN.md §3): the roll, the present, the eligible voters,
vote results and the attendance rate. Pure functions over the meeting's roll."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import ValidationError
from ..meeting_entities import Mark, RollEntry, Vote


@dataclass(frozen=True)
class RollCount:
    """The header figures of the minutes."""

    total: int                  # đảng số: full + probationary
    full: int
    probationary: int
    exempted: int
    attached_out: int
    guests: int                 # temporarily attached in (outside the roll)
    present: int                # everyone present, guests included
    present_full: int
    present_probationary: int
    present_guests: int
    absent_reason: tuple[RollEntry, ...]
    absent_no_reason: tuple[RollEntry, ...]
    eligible_voters: int
    expected: int               # called members (for the attendance rate)
    expected_present: int

    @property
    def attendance_rate(self) -> Fraction | None:
        """Present among the members called, exempted and attached-out members left out."""
        return Fraction(self.expected_present, self.expected) if self.expected else None


def count_roll(roll: tuple[RollEntry, ...] | list[RollEntry], *,
               attached_out_present_counts: bool = True) -> RollCount:
    """Count a meeting's roll.

    Eligible voters (Charter; QĐ 294 point 9.3.2): the full members, less those attached
    elsewhere (unless present and the setting counts them), exempted members who are absent,
    suspended members, and full members absent with a reason the committee accepted.
    Probationary members and members attached in do not vote.
    """
    members = [e for e in roll if e.category in ("full", "probationary")]
    guests = [e for e in roll if e.category == "guest"]
    full = [e for e in members if e.category == "full"]
    present = [e for e in roll if e.mark is Mark.PRESENT]
    eligible = 0
    for e in full:
        if e.suspended:
            continue
        if e.attached_out and not (attached_out_present_counts and e.mark is Mark.PRESENT):
            continue
        if e.exempted and e.mark is not Mark.PRESENT:
            continue
        if e.mark is Mark.ABSENT_REASON and e.reason_accepted:
            continue
        eligible += 1
    expected = [e for e in members if e.expected]
    return RollCount(
        total=len(members), full=len(full), probationary=len(members) - len(full),
        exempted=sum(e.exempted for e in members),
        attached_out=sum(e.attached_out for e in members), guests=len(guests),
        present=len(present),
        present_full=sum(e.category == "full" for e in present),
        present_probationary=sum(e.category == "probationary" for e in present),
        present_guests=sum(e.category == "guest" for e in present),
        absent_reason=tuple(e for e in members if e.mark is Mark.ABSENT_REASON),
        absent_no_reason=tuple(e for e in members if e.mark is Mark.ABSENT_NO_REASON),
        eligible_voters=eligible, expected=len(expected),
        expected_present=sum(e.mark is Mark.PRESENT for e in expected))


@dataclass(frozen=True)
class VoteResult:
    vote: Vote
    eligible: int
    needed: int                 # votes in favour needed to pass
    passed: bool

    def share(self, count: int) -> Fraction | None:
        return Fraction(count, self.eligible) if self.eligible else None


def votes_needed(eligible: int, two_thirds: bool) -> int:
    """More than half, or at least two thirds, of the eligible voters."""
    if two_thirds:
        return -(-2 * eligible // 3)      # ceil(2/3 * eligible)
    return eligible // 2 + 1


def vote_result(vote: Vote, eligible: int) -> VoteResult:
    for label, count in (("Tán thành", vote.in_favour), ("Không tán thành", vote.against),
                         ("Ý kiến khác", vote.other)):
        if count < 0:
            raise ValidationError(f"Biểu quyết “{vote.subject}”: số {label} không được âm.",
                                  "Biểu quyết", "votes")
    cast = vote.in_favour + vote.against + vote.other
    if cast > eligible:
        raise ValidationError(
            f"Biểu quyết “{vote.subject}”: tổng số phiếu {cast} vượt số đảng viên có quyền biểu "
            f"quyết ({eligible}).", "Biểu quyết", "votes")
    needed = votes_needed(eligible, vote.kind.needs_two_thirds)
    return VoteResult(vote=vote, eligible=eligible, needed=needed,
                      passed=eligible > 0 and vote.in_favour >= needed)


def percent(value: Fraction | None) -> str:
    """Vietnamese percentage: "14,62 %"."""
    if value is None:
        return "—"
    text = f"{float(value) * 100:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"
