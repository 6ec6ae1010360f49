"""The register of candidates for admission (nguồn phát triển đảng viên): save a candidate through
the member form's parser and the stage rules, list them by stage, and record the ceremony — which
creates the member with the admission event from the decision date, in one transaction."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.growth import CANDIDATE_STAGES, Candidate
from cellsec.entities.members import Standing
from cellsec.errors import ValidationError
from cellsec.rules import candidates as rules_c
from cellsec.rules import lifecycle
from cellsec.services.forms import form_text, record_id
from cellsec.services.member_form import MEMBER_LABELS, parse_member, search_text
from cellsec.services.members import entry_events, rules_of
from cellsec.store import Store
from cellsec.text import fold, name_sort_key

PERSON_KEYS = (
    "full_name",
    "sex",
    "birth_date",
    "citizen_id",
    "phone",
    "hometown",
    "permanent_address",
    "occupation",
    "education",
    "ethnicity",
    "religion",
    "youth_union_date",
)
PERSON_LABELS = {k: MEMBER_LABELS[k] for k in PERSON_KEYS}
STAGE_FORM_LABELS = {
    "course_date": "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng",
    "course_certificate_no": "Số giấy chứng nhận",
    "application_date": "Ngày làm đơn xin vào Đảng",
    "cv_date": "Ngày hoàn thành lý lịch",
    "verification_date": "Ngày thẩm tra lý lịch xong",
    "introducer_1_id": "Người giới thiệu thứ nhất",
    "introducer_1_since": "Người thứ nhất cùng công tác, cư trú từ ngày",
    "introducer_2_id": "Người giới thiệu thứ hai",
    "introducer_2_since": "Người thứ hai cùng công tác, cư trú từ ngày",
    "youth_union_introduces": "Ban Chấp hành Đoàn giới thiệu",
    "resolution_date": "Ngày chi bộ họp xét, ra nghị quyết",
    "resolution_ref": "Số nghị quyết của chi bộ",
    "votes_entitled": "Số đảng viên chính thức",
    "votes_for": "Số tán thành",
    "decision_date": "Ngày quyết định kết nạp",
    "decision_ref": "Số quyết định kết nạp",
    "dropped_on": "Thôi theo dõi từ ngày",
    "dropped_reason": "Lý do thôi theo dõi",
    "notes": "Ghi chú",
}
CANDIDATE_LABELS = {**PERSON_LABELS, **STAGE_FORM_LABELS}
YOUTH_UNION_WORDING = "Ban Chấp hành Đoàn TNCS Hồ Chí Minh"
_NOT_FOUND = "Không tìm thấy quần chúng này (có thể đã bị thay đổi ở nơi khác)."


@dataclass(frozen=True)
class CandidateRow:
    """One candidate as the page, the PDF and the CLI show them."""

    candidate: Candidate
    stage: str
    missing: tuple[str, ...]
    warnings: tuple[str, ...]
    introducers: str


def _date(values: Mapping[str, str], key: str, today: date) -> date | None:
    return parse_date(values[key], STAGE_FORM_LABELS[key], key=key, today=today)


def _number(values: Mapping[str, str], key: str) -> int | None:
    text = values[key].strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{1,4}", text):
        label = STAGE_FORM_LABELS[key]
        raise ValidationError(f"{label}: “{text}” không phải số.", label, key)
    return int(text)


def _yes(text: str) -> bool:
    return fold(text) in ("co", "x", "1", "true", "yes")


def parse_candidate(store: Store, form: Mapping[str, str], *, today: date | None = None) -> Candidate:
    """A candidate from the form, or a ValidationError naming the field: the person through
    the member form's parser, the stages through the rules of DOMAIN.md §8."""
    today = today or date.today()
    values = form_text(form, CANDIDATE_LABELS)
    person = {k: values[k] for k in PERSON_KEYS}
    member = parse_member(person, today=today)
    c = Candidate(
        full_name=member.full_name,
        person={k: v for k, v in person.items() if v},
        course_date=_date(values, "course_date", today),
        course_certificate_no=values["course_certificate_no"],
        application_date=_date(values, "application_date", today),
        cv_date=_date(values, "cv_date", today),
        verification_date=_date(values, "verification_date", today),
        introducer_1_id=_number(values, "introducer_1_id"),
        introducer_1_since=_date(values, "introducer_1_since", today),
        introducer_2_id=_number(values, "introducer_2_id"),
        introducer_2_since=_date(values, "introducer_2_since", today),
        youth_union_introduces=_yes(values["youth_union_introduces"]),
        resolution_date=_date(values, "resolution_date", today),
        resolution_ref=values["resolution_ref"],
        votes_for=_number(values, "votes_for"),
        votes_entitled=_number(values, "votes_entitled"),
        decision_date=_date(values, "decision_date", today),
        decision_ref=values["decision_ref"],
        dropped_on=_date(values, "dropped_on", today),
        dropped_reason=values["dropped_reason"],
        notes=values["notes"],
    )
    check_candidate(store, c, member.birth_date)
    return c


def check_candidate(store: Store, c: Candidate, birth: date | None) -> None:
    """The stage rules (order, introducers, review): forms and imports pass here."""
    rules = rules_of(store)
    rules_c.check_order(c)
    for key, since in (("introducer_1_id", c.introducer_1_since), ("introducer_2_id", c.introducer_2_since)):
        member_id = getattr(c, key)
        if member_id is not None:
            rules_c.check_introducer(key, since, c.application_date, _introducer(store, member_id, c), rules)
    if c.introducer_1_id is not None and c.introducer_1_id == c.introducer_2_id:
        raise ValidationError(
            "Người giới thiệu thứ hai: trùng người thứ nhất.", "Người giới thiệu thứ hai", "introducer_2_id"
        )
    rules_c.check_review(c, birth, rules)


def _introducer(store: Store, member_id: int, c: Candidate) -> rules_c.IntroducerCheck:
    member = store.members.get(member_id)
    if member is None:
        return rules_c.IntroducerCheck("Người được chọn", False)
    on = c.application_date or date.today()
    state = lifecycle.state_on(store.members.events_of(member_id), on)
    return rules_c.IntroducerCheck(member.full_name, state.on_roll and state.standing is Standing.FULL)


def save_candidate(
    store: Store, form: Mapping[str, str], candidate_id: int | None = None, *, today: date | None = None
) -> tuple[int, Changes]:
    """Add a candidate or save the stages reached; one transaction, nothing on a refusal."""
    candidate = parse_candidate(store, form, today=today)
    with store.transaction():
        if candidate_id is None:
            new_id = store.growth.insert_candidate(candidate)
        else:
            current = _existing(store, candidate_id)
            new_id = candidate_id
            store.growth.update_candidate(
                replace(candidate, id=candidate_id, ceremony_date=current.ceremony_date)
            )
    return new_id, Changes(growth=True)


def _existing(store: Store, candidate_id: object) -> Candidate:
    found = store.growth.candidate(record_id(candidate_id, _NOT_FOUND))
    if found is None:
        raise ValidationError(_NOT_FOUND)
    if found.member_id is not None:
        raise ValidationError("Quần chúng này đã được kết nạp: sửa ở hồ sơ đảng viên.")
    return found


def candidate_form(c: Candidate) -> dict[str, str]:
    """The form's text for a saved candidate (the dialog opens with it)."""
    form = {k: c.person.get(k, "") for k in PERSON_KEYS}
    for key in STAGE_FORM_LABELS:
        value = getattr(c, key)
        if isinstance(value, bool):
            form[key] = "Có" if value else ""
        elif isinstance(value, date):
            form[key] = format_date(value)
        else:
            form[key] = "" if value is None else str(value)
    return form


def record_ceremony(
    store: Store, candidate_id: object, form: Mapping[str, str], *, today: date | None = None
) -> tuple[int, Changes]:
    """The admission ceremony: creates the member from what was typed, with the admission
    event at the Đảng ủy's decision date, and closes the candidate — one transaction."""
    today = today or date.today()
    c = _existing(store, candidate_id)
    values = form_text(form, {"ceremony_date": "Ngày lễ kết nạp"})
    when = parse_date(
        values["ceremony_date"], "Ngày lễ kết nạp", key="ceremony_date", required=True, today=today
    )
    assert when is not None
    if c.decision_date is None:
        raise ValidationError(
            "Ngày lễ kết nạp: chưa có quyết định kết nạp của Đảng ủy.",
            "Ngày quyết định kết nạp",
            "decision_date",
        )
    member = parse_member(_member_form(store, c, when), today=today)
    entry = {
        "entry_kind": "admitted",
        "admission_date": format_date(c.decision_date),
        "admission_ref": c.decision_ref,
    }
    events = entry_events(member, entry, rules_of(store), today)
    with store.transaction():
        member_id = store.members.insert(member, search_text(member))
        for e in events:
            store.members.insert_event(replace(e, member_id=member_id))
        store.growth.update_candidate(replace(c, ceremony_date=when, member_id=member_id))
    return member_id, Changes(members=True, growth=True, member_ids=frozenset({member_id}))


def _member_form(store: Store, c: Candidate, ceremony: date) -> dict[str, str]:
    def name(member_id: int | None) -> str:
        member = store.members.get(member_id) if member_id is not None else None
        return member.full_name if member else ""

    second = name(c.introducer_2_id) or (YOUTH_UNION_WORDING if c.youth_union_introduces else "")
    return {
        **c.person,
        "ceremony_date": format_date(ceremony),
        "admitting_cell": profile.cell_name if (profile := store.profile.get()) else "",
        "introducer_1": name(c.introducer_1_id),
        "introducer_2": second,
    }


def candidate_rows(store: Store, on: date, *, closed: bool = False) -> list[CandidateRow]:
    """The candidates still being developed (and, with `closed`, those admitted or dropped),
    furthest stage first, then by name."""
    rules = rules_of(store)
    names = {m.id: m.full_name for m in store.members.all()}
    rows = []
    for c in store.growth.candidates():
        if not closed and (c.member_id is not None or c.dropped_on is not None):
            continue
        second = names.get(c.introducer_2_id, "") or (YOUTH_UNION_WORDING if c.youth_union_introduces else "")
        rows.append(
            CandidateRow(
                c,
                rules_c.stage_label(c),
                tuple(rules_c.missing(c)),
                tuple(rules_c.warnings(c, rules, on)),
                ", ".join(x for x in (names.get(c.introducer_1_id, ""), second) if x),
            )
        )
    order = ["", *(key for key, _ in CANDIDATE_STAGES)]
    rows.sort(key=lambda r: (-order.index(rules_c.stage(r.candidate)), name_sort_key(r.candidate.full_name)))
    return rows
