"""Counting rules of a cell meeting (DOMAIN.md §3): the roll, the present, the eligible voters,
vote results and the attendance rate. Pure functions over the meeting's roll."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from cellsec.entities.meetings import Mark, RollEntry, Vote
from cellsec.errors import ValidationError


@dataclass(frozen=True)
class RollCount:
    """The header figures of the minutes."""

    total: int  # đảng số: full + probationary
    full: int
    probationary: int
    exempted: int
    attached_out: int
    guests: int  # temporarily attached in (outside the roll)
    present: int  # everyone present, guests included
    present_full: int
    present_probationary: int
    present_guests: int
    absent_reason: tuple[RollEntry, ...]
    absent_no_reason: tuple[RollEntry, ...]
    eligible_voters: int
    expected: int  # called members (for the attendance rate)
    expected_present: int
    eligible_present: int = 0  # eligible voters at the meeting: the most votes that can be cast

    @property
    def attendance_rate(self) -> Fraction | None:
        """Present among the members called, exempted and attached-out members left out."""
        return Fraction(self.expected_present, self.expected) if self.expected else None


def count_roll(
    roll: tuple[RollEntry, ...] | list[RollEntry], *, attached_out_present_counts: bool = True
) -> RollCount:
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
    eligible = eligible_present = 0
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
        eligible_present += e.mark is Mark.PRESENT
    expected = [e for e in members if e.expected]
    return RollCount(
        total=len(members),
        full=len(full),
        probationary=len(members) - len(full),
        exempted=sum(e.exempted for e in members),
        attached_out=sum(e.attached_out for e in members),
        guests=len(guests),
        present=len(present),
        present_full=sum(e.category == "full" for e in present),
        present_probationary=sum(e.category == "probationary" for e in present),
        present_guests=sum(e.category == "guest" for e in present),
        absent_reason=tuple(e for e in members if e.mark is Mark.ABSENT_REASON),
        absent_no_reason=tuple(e for e in members if e.mark is Mark.ABSENT_NO_REASON),
        eligible_voters=eligible,
        expected=len(expected),
        expected_present=sum(e.mark is Mark.PRESENT for e in expected),
        eligible_present=eligible_present,
    )


def count_meeting(roll: tuple[RollEntry, ...] | list[RollEntry], rules: Any) -> RollCount:
    """A meeting's figures under the cell's rules: the one derivation every caller uses (the
    screen, the minutes, Excel, JSON and the CLI; approved minutes keep the figures they were
    approved with). `rules` is the cell's Rules, or the rules frozen with approved minutes."""
    return count_roll(roll, attached_out_present_counts=bool(rules["attached_out_present_votes"]))


MAJORITY_KEY = "vote_majority_more_than"
SPECIAL_MAJORITY_KEY = "vote_special_majority_at_least"


@dataclass(frozen=True)
class VoteResult:
    vote: Vote
    eligible: int  # eligible voters of the cell (the base of the majority)
    needed: int  # votes in favour needed to pass
    passed: bool
    present: int = 0  # eligible voters present: no more votes than this can be cast

    def share(self, count: int) -> Fraction | None:
        return Fraction(count, self.eligible) if self.eligible else None


def threshold(rules: Any, key: str) -> Fraction:
    """A majority setting ([numerator, denominator]) as a fraction between 0 and 1."""
    try:
        value = rules[key]
    except KeyError:
        value = None
    if not (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        and 0 < value[0] <= value[1]
    ):
        raise ValidationError(
            f"Thiết lập quy định “{key}” không hợp lệ ({value!r}): cần [tử số, mẫu số], ví dụ [1, 2].",
            "Thiết lập quy định",
            key,
        )
    return Fraction(value[0], value[1])


def votes_needed(eligible: int, fraction: Fraction, *, at_least: bool) -> int:
    """Votes in favour needed: at least `fraction` of the eligible voters, or more than it."""
    base = fraction * eligible
    if at_least:
        return -(-base.numerator // base.denominator)  # ceil
    return base.numerator // base.denominator + 1  # floor + 1: strictly more


def vote_result(vote: Vote, count: RollCount, rules: Any) -> VoteResult:
    """Check a vote against the eligible voters present and decide it with the majority the
    rules set (more than ½ for a resolution; at least ⅔ for admission and recognition)."""
    for label, cast in (
        ("Tán thành", vote.in_favour),
        ("Không tán thành", vote.against),
        ("Ý kiến khác", vote.other),
    ):
        if cast < 0:
            raise ValidationError(
                f"Biểu quyết “{vote.subject}”: số {label} không được âm.", "Biểu quyết", "votes"
            )
    cast = vote.in_favour + vote.against + vote.other
    if cast > count.eligible_present:
        raise ValidationError(
            f"Biểu quyết “{vote.subject}”: tổng số phiếu {cast} vượt số đảng viên có quyền biểu "
            f"quyết có mặt ({count.eligible_present}).",
            "Biểu quyết",
            "votes",
        )
    special = vote.kind.needs_two_thirds
    fraction = threshold(rules, SPECIAL_MAJORITY_KEY if special else MAJORITY_KEY)
    needed = votes_needed(count.eligible_voters, fraction, at_least=special)
    return VoteResult(
        vote=vote,
        eligible=count.eligible_voters,
        needed=needed,
        passed=count.eligible_voters > 0 and vote.in_favour >= needed,
        present=count.eligible_present,
    )


def majority_words(rules: Any, special: bool) -> str:
    """How the minutes name the majority: "quá nửa", "từ hai phần ba trở lên" ..."""
    fraction = threshold(rules, SPECIAL_MAJORITY_KEY if special else MAJORITY_KEY)
    names = {
        Fraction(1, 2): "một nửa",
        Fraction(2, 3): "hai phần ba",
        Fraction(3, 4): "ba phần tư",
        Fraction(1, 1): "toàn bộ",
    }
    name = names.get(fraction, f"{fraction.numerator}/{fraction.denominator}")
    if special:
        return f"từ {name} trở lên"
    return "quá nửa" if fraction == Fraction(1, 2) else f"quá {name}"


def percent(value: Fraction | None) -> str:
    """Vietnamese percentage: "14,62 %"."""
    if value is None:
        return "—"
    text = f"{float(value) * 100:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"
