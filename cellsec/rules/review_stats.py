"""The review statistics exactly as the superiors publish them (DOMAIN.md §7): per level the
count and its share of the members rated, and the excellent ones also as a share of the "good"
ones (which include them). Percentages are rounded half up to two decimals, written the
Vietnamese way ("95,24 %"); when the rounded shares of the four levels do not add up to 100 %,
the statistics say so."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from cellsec.entities.review import Level


@dataclass(frozen=True)
class LevelFigure:
    level: Level
    count: int
    share: Fraction | None  # of the members rated


@dataclass(frozen=True)
class ReviewStatistics:
    rated: int
    figures: tuple[LevelFigure, ...]  # each level on its own, best first
    good_or_better: int  # "Hoàn thành tốt nhiệm vụ" as published: good + excellent
    good_or_better_share: Fraction | None
    excellent_of_good: Fraction | None  # excellent / (good + excellent)

    def figure(self, level: Level) -> LevelFigure:
        return next(f for f in self.figures if f.level is level)

    @property
    def printed_total(self) -> Decimal:
        """The four printed shares added up (100 unless rounding moved them)."""
        return sum((rounded(f.share) for f in self.figures if f.share is not None), Decimal(0))

    @property
    def rounding_note(self) -> str:
        """ "" when the printed shares add up to 100 %; otherwise a sentence saying why not."""
        if self.rated == 0 or self.printed_total == 100:
            return ""
        return (
            f"Các tỷ lệ được làm tròn đến hai chữ số thập phân nên cộng lại là "
            f"{_decimal_text(self.printed_total)} %, không đúng 100 %."
        )


def statistics(counts: Mapping[Level, int]) -> ReviewStatistics:
    rated = sum(counts.get(level, 0) for level in Level)

    def share(n: int) -> Fraction | None:
        return Fraction(n, rated) if rated else None

    good = counts.get(Level.EXCELLENT, 0) + counts.get(Level.GOOD, 0)
    excellent = counts.get(Level.EXCELLENT, 0)
    return ReviewStatistics(
        rated=rated,
        figures=tuple(LevelFigure(lv, counts.get(lv, 0), share(counts.get(lv, 0))) for lv in Level),
        good_or_better=good,
        good_or_better_share=share(good),
        excellent_of_good=Fraction(excellent, good) if good else None,
    )


def rounded(share: Fraction | None) -> Decimal:
    """A share as a percentage rounded half up to two decimals (2682/2816 → 95.24)."""
    if share is None:
        return Decimal(0)
    exact = Decimal(share.numerator * 100) / Decimal(share.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _decimal_text(value: Decimal) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent_text(share: Fraction | None) -> str:
    """ "95,24 %"; "—" when there is nothing to divide by."""
    return "—" if share is None else f"{_decimal_text(rounded(share))} %"


def count_text(n: int) -> str:
    """ "2.816": a dot between thousands."""
    return f"{n:,}".replace(",", ".")


def published_text(stats: ReviewStatistics, labels: Mapping[Level, str]) -> str:
    """The sentence in the superiors' style: "Hoàn thành tốt nhiệm vụ 2.682 đồng chí (chiếm
    95,24 %), trong đó hoàn thành xuất sắc nhiệm vụ 392 đồng chí (chiếm 14,62 % số đảng viên
    hoàn thành tốt nhiệm vụ); …"."""
    good, excellent = labels[Level.GOOD], labels[Level.EXCELLENT]
    parts = [
        f"{good} {count_text(stats.good_or_better)} đồng chí "
        f"(chiếm {percent_text(stats.good_or_better_share)}), trong đó {excellent.lower()} "
        f"{count_text(stats.figure(Level.EXCELLENT).count)} đồng chí (chiếm "
        f"{percent_text(stats.excellent_of_good)} số đảng viên {good.lower()})"
    ]
    for level in (Level.COMPLETED, Level.NOT_COMPLETED):
        f = stats.figure(level)
        parts.append(
            f"{labels[level].lower()} {count_text(f.count)} đồng chí (chiếm {percent_text(f.share)})"
        )
    return f"Tổng số đảng viên được xếp loại: {count_text(stats.rated)} đồng chí. " + "; ".join(parts) + "."
