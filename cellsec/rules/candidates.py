"""Candidates for admission (DOMAIN.md §8): the stage reached, what the next stage still needs,
the certificate's validity, age at review, the introducers' rule, the cell's 2/3 vote — pure
functions over a Candidate and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.growth import CANDIDATE_STAGES, Candidate
from cellsec.errors import ValidationError
from cellsec.rules.counting import threshold, votes_needed
from cellsec.rules.exemption import age_on
from cellsec.rules.settings import Rules
from cellsec.rules.workdays import WorkCalendar, work_calendar

STAGE_LABELS = dict(CANDIDATE_STAGES)
# The dated stages in the order they must happen (the introducers are dated by their "since").
ORDERED_DATES = (
    ("application_date", "Ngày làm đơn xin vào Đảng"),
    ("cv_date", "Ngày hoàn thành lý lịch"),
    ("verification_date", "Ngày thẩm tra lý lịch xong"),
    ("resolution_date", "Ngày chi bộ họp xét, ra nghị quyết"),
    ("decision_date", "Ngày quyết định kết nạp"),
    ("ceremony_date", "Ngày lễ kết nạp"),
)


@dataclass(frozen=True)
class IntroducerCheck:
    """What the rule needs to know of an introducer on the day of the introduction."""

    name: str
    full_member_on_roll: bool


def stage_dates(c: Candidate) -> dict[str, date | None]:
    introduced = c.introducer_1_id is not None and (c.introducer_2_id is not None or c.youth_union_introduces)
    return {
        "course": c.course_date,
        "application": c.application_date,
        "cv": c.cv_date,
        "verification": c.verification_date,
        "introducers": c.application_date if introduced else None,
        "resolution": c.resolution_date,
        "decision": c.decision_date,
        "ceremony": c.ceremony_date,
    }


def stage(c: Candidate) -> str:
    """The last stage reached, in order ("" before the first)."""
    reached = ""
    for key, day in stage_dates(c).items():
        if day is None:
            break
        reached = key
    return reached


def stage_label(c: Candidate) -> str:
    if c.member_id is not None:
        return "Đã kết nạp"
    if c.dropped_on is not None:
        return "Thôi theo dõi"
    key = stage(c)
    return STAGE_LABELS[key] if key else "Mới đưa vào nguồn"


def missing(c: Candidate) -> list[str]:
    """What is missing before the next stage, in the order the stages run."""
    return [label for key, label in CANDIDATE_STAGES if stage_dates(c)[key] is None]


def certificate_expires(c: Candidate, rules: Rules) -> date | None:
    if c.course_date is None:
        return None
    return add_months(c.course_date, int(rules["awareness_certificate_valid_months"]))


def ceremony_due(c: Candidate, rules: Rules, calendar: WorkCalendar | None = None) -> date | None:
    """The last day for the ceremony: working days after the decision (`calendar`: one already
    built, e.g. the to-do list's)."""
    if c.decision_date is None:
        return None
    return (calendar or work_calendar(rules)).add_working_days(
        c.decision_date, int(rules["ceremony_working_days"])
    )


def last_step_date(c: Candidate) -> date | None:
    days = [d for d in stage_dates(c).values() if d is not None]
    return max(days) if days else None


def warnings(c: Candidate, rules: Rules, on: date) -> list[str]:
    """What the page shows next to a candidate still being developed."""
    if c.member_id is not None or c.dropped_on is not None:
        return []
    out = []
    expires = certificate_expires(c, rules)
    warn = int(rules["awareness_certificate_warning_days"])
    if expires and c.resolution_date is None:
        if expires <= on:
            out.append(f"Giấy chứng nhận lớp nhận thức về Đảng đã hết hạn ngày {format_date(expires)}")
        elif expires - timedelta(days=warn) <= on:
            out.append(f"Giấy chứng nhận lớp nhận thức về Đảng hết hạn ngày {format_date(expires)}")
    due = ceremony_due(c, rules)
    if due and c.ceremony_date is None:
        out.append(f"Tổ chức lễ kết nạp chậm nhất ngày {format_date(due)}")
    return out


def _fail(key: str, label: str, why: str) -> ValidationError:
    return ValidationError(f"{label}: {why}", label, key)


def check_order(c: Candidate) -> None:
    """Each stage on or after the one before, and none without the ones before it."""
    previous: tuple[str, date] | None = None
    for key, label in ORDERED_DATES:
        day = getattr(c, key)
        if day is None:
            continue
        if previous is None and key != "application_date":
            raise _fail("application_date", "Ngày làm đơn xin vào Đảng", f"chưa nhập (cần trước “{label}”).")
        if previous is not None and day < previous[1]:
            raise _fail(
                key, label, f"ngày {format_date(day)} trước {previous[0].lower()} {format_date(previous[1])}."
            )
        previous = (label, day)
    for key, label in ORDERED_DATES[1:]:
        if getattr(c, key) is not None:
            before = ORDERED_DATES[[k for k, _ in ORDERED_DATES].index(key) - 1]
            if getattr(c, before[0]) is None:
                raise _fail(before[0], before[1], f"chưa nhập (cần trước “{label}”).")


def check_review(c: Candidate, birth: date | None, rules: Rules) -> None:
    """At the cell's review (its resolution): age, the certificate still valid, the vote."""
    review = c.resolution_date
    if review is None:
        return
    low, high = int(rules["admission_min_age"]), int(rules["admission_max_age"])
    if birth is not None and not low <= age_on(birth, review) <= high:
        raise _fail(
            "resolution_date",
            "Ngày chi bộ họp xét, ra nghị quyết",
            f"người vào Đảng {age_on(birth, review)} tuổi; quy định từ đủ {low} đến đủ {high} tuổi.",
        )
    expires = certificate_expires(c, rules)
    if expires is None or expires <= review:
        why = "chưa có" if expires is None else f"đã hết hạn ngày {format_date(expires)}"
        raise _fail(
            "course_date", "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng", f"{why} khi chi bộ xét kết nạp."
        )
    if c.introducer_1_id is None or (c.introducer_2_id is None and not c.youth_union_introduces):
        raise _fail(
            "introducer_1_id",
            "Người giới thiệu",
            "cần hai đảng viên chính thức, hoặc một đảng viên chính thức và Ban Chấp hành Đoàn.",
        )
    check_vote(c, rules)


def check_vote(c: Candidate, rules: Rules) -> None:
    """The cell's resolution proposing admission: at least 2/3 (a setting) of the full members."""
    if c.votes_entitled is None or c.votes_for is None or c.votes_entitled <= 0:
        raise _fail(
            "votes_for", "Số tán thành", "ghi số đảng viên chính thức và số tán thành khi chi bộ xét."
        )
    if c.votes_for > c.votes_entitled:
        raise _fail("votes_for", "Số tán thành", "nhiều hơn số đảng viên chính thức.")
    needed = votes_needed(c.votes_entitled, threshold(rules, "vote_special_majority_at_least"), at_least=True)
    if c.votes_for < needed:
        raise _fail(
            "votes_for",
            "Số tán thành",
            f"{c.votes_for}/{c.votes_entitled} chưa đủ; cần ít nhất {needed} đảng viên chính thức tán thành.",
        )


def check_introducer(
    key: str, since: date | None, introduced: date | None, check: IntroducerCheck, rules: Rules
) -> None:
    """A full member of the cell who has worked or lived with the candidate ≥ 12 months (a
    setting) by the day of the introduction (the application)."""
    label = "Người giới thiệu thứ nhất" if key == "introducer_1_id" else "Người giới thiệu thứ hai"
    if not check.full_member_on_roll:
        raise _fail(key, label, f"{check.name} không phải đảng viên chính thức của chi bộ khi giới thiệu.")
    months = int(rules["introducer_known_months"])
    if since is None:
        raise _fail(key, label, "ghi từ ngày nào cùng công tác, cư trú với người vào Đảng.")
    if introduced is not None and add_months(since, months) > introduced:
        raise _fail(
            key,
            label,
            f"{check.name} cùng công tác, cư trú với người vào Đảng từ {format_date(since)}, "
            f"chưa đủ {months} tháng đến ngày {format_date(introduced)}.",
        )
