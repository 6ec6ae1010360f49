"""Exemption from party work and activities for old age, and party-badge milestones: the settings
`exemption_age_male` / `exemption_age_female` (HD 27-HD/BTCTW 2009, unverified under HD 38) and
`badge_milestones_years` applied to one member."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cellsec.dates import add_months, format_date
from cellsec.entities.members import EventKind, Member, MemberEvent, Sex
from cellsec.rules.lifecycle import party_age_months
from cellsec.rules.settings import Rules
from cellsec.text import fold

# Reasons offered when an exemption is recorded (the text stays free).
EXEMPTION_REASONS = (
    "Tuổi cao",
    "Sức khỏe yếu",
    "Điều trị bệnh dài ngày",
    "Công tác, làm ăn xa",
    "Nghỉ thai sản",
)
_OLD_AGE_WORDS = ("tuoi cao", "cao tuoi", "tuoi gia", "gia yeu", "het tuoi")


def exemption_age(sex: Sex, rules: Rules) -> int:
    key = "exemption_age_female" if sex is Sex.FEMALE else "exemption_age_male"
    return int(rules[key])


def age_on(birth: date, on: date) -> int:
    """Age in completed years."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def over_exemption_age(birth: date | None, sex: Sex, on: date, rules: Rules) -> bool:
    """ "Over 60" (men) / "over 55" (women): from the day after that birthday."""
    if birth is None:
        return False
    return on > add_months(birth, 12 * exemption_age(sex, rules))


def is_old_age_reason(detail: str) -> bool:
    folded = fold(detail)
    return any(words in folded for words in _OLD_AGE_WORDS)


def _rule_text(sex: Sex, rules: Rules) -> str:
    key = "exemption_age_female" if sex is Sex.FEMALE else "exemption_age_male"
    return f"{sex.label.lower()} trên {exemption_age(sex, rules)} tuổi ({rules.settings[key].source})"


def age_note(member: Member, on: date, rules: Rules) -> str:
    """The member's age, and whether it is past the exemption age: "67 tuổi, trên tuổi được xét
    miễn sinh hoạt"."""
    if member.birth_date is None:
        return ""
    years = age_on(member.birth_date, on)
    if over_exemption_age(member.birth_date, member.sex, on, rules):
        return f"{years} tuổi, trên tuổi được xét miễn sinh hoạt đảng"
    return f"{years} tuổi"


def exemption_age_warning(member: Member, event: MemberEvent, rules: Rules) -> str:
    """A warning (the Đảng ủy decides; the age rule is unverified) when an exemption recorded for
    old age starts before the member is over the exemption age, or the age cannot be checked."""
    if event.kind is not EventKind.EXEMPTED or not is_old_age_reason(event.detail):
        return ""
    rule = _rule_text(member.sex, rules)
    if member.birth_date is None:
        return (
            f"Miễn sinh hoạt vì tuổi cao từ {format_date(event.date)}: hồ sơ chưa có ngày "
            f"sinh để đối chiếu với quy định ({rule})."
        )
    if over_exemption_age(member.birth_date, member.sex, event.date, rules):
        return ""
    return (
        f"Miễn sinh hoạt vì tuổi cao từ {format_date(event.date)}, khi đó đồng chí mới "
        f"{age_on(member.birth_date, event.date)} tuổi; quy định: {rule}."
    )


def next_badge(events: Iterable[MemberEvent], on: date, milestones: Iterable[int]) -> tuple[int, date] | None:
    """The next party-badge milestone (years of party age) and the day it is reached if the
    member stays in the Party; None when none is left or party age no longer grows."""
    events = list(events)
    age = party_age_months(events, on)
    upcoming = [years for years in milestones if years * 12 > age]
    if not upcoming:
        return None
    target = upcoming[0] * 12
    low, high = on, add_months(on, target - age + 1)
    if party_age_months(events, high) < target:
        return None
    while (high - low).days > 1:  # party age never falls: find the first day it is due
        middle = date.fromordinal((low.toordinal() + high.toordinal()) // 2)
        if party_age_months(events, middle) >= target:
            high = middle
        else:
            low = middle
    return upcoming[0], high
