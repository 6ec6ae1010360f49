"""The year-end review's writes, one user action each: open a year, save the year's fields,
save a member's review, enter the Đảng ủy's decision (which seals and locks the year)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from cellsec.codec.sealed_minutes import canonical_json, record_digest
from cellsec.entities.changes import Changes
from cellsec.entities.review import Level, ReviewYear
from cellsec.errors import ValidationError
from cellsec.rules.review import automatic_conditions, cap_for, level_label
from cellsec.services.members import rules_of
from cellsec.services.review_form import (
    REVIEW_LABELS,
    YEAR_LABELS,
    parse_member_review,
    parse_year,
    year_form,
)
from cellsec.services.review_record import live_record
from cellsec.store import Store
from cellsec.store.reviews import DECISION

CHANGED = Changes(reviews=True)
_YEARS = (1930, 2200)


def _year_number(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not _YEARS[0] <= year <= _YEARS[1]:
        raise ValidationError(f"Năm kiểm điểm: phải là năm từ {_YEARS[0]} đến {_YEARS[1]}.", "Năm", "year")
    return year


def _open_year(store: Store, year: int) -> ReviewYear:
    y = store.reviews.year(_year_number(year))
    if y is None or y.id is None:
        raise ValidationError(f"Chưa mở kiểm điểm cuối năm {year}.", "Năm", "year")
    if store.reviews.seal(y.id) is not None:
        raise ValidationError(
            f"Kiểm điểm năm {year} đã có quyết định của Đảng ủy và đã chốt: không sửa được nữa.",
            "Năm",
            "year",
        )
    return y


def open_review_year(store: Store, year: int) -> Changes:
    """Start the year's review (nothing else is needed: the members come from the register)."""
    year = _year_number(year)
    if store.reviews.year(year) is not None:
        raise ValidationError(f"Kiểm điểm cuối năm {year} đã được mở.", "Năm", "year")
    with store.transaction():
        store.reviews.add_year(ReviewYear(year))
    return CHANGED


def save_review_year(store: Store, year: int, form: Mapping[str, Any]) -> Changes:
    """The meeting date, the report's number, the cell's own rating, notes. The decision is
    entered with enter_decision, which locks the year."""
    current = _open_year(store, year)
    parsed = parse_year(rules_of(store), year, form)
    if parsed.decision_date is not None or parsed.cell_decided_level is not None or parsed.decision_ref:
        raise ValidationError(
            f"{YEAR_LABELS['decision_date']}: nhập quyết định của Đảng ủy bằng “Nhập quyết định…” "
            "(kết quả sẽ được chốt).",
            YEAR_LABELS["decision_date"],
            "decision_date",
        )
    assert current.id is not None
    with store.transaction():
        store.reviews.update_year(current.id, replace(parsed, year=current.year))
    return CHANGED


def save_member_review(store: Store, year: int, member_id: int, form: Mapping[str, Any]) -> Changes:
    """One member's self-review, scores, conditions and levels. The member must be one the
    rules rate this year; a proposed level above what the conditions allow is refused."""
    y = _open_year(store, year)
    rules = rules_of(store)
    record = live_record(store, y)
    entry = next((m for m in record["members"] if m["member_id"] == member_id), None)
    if entry is None:
        left = next((m for m in record["excluded"] if m["member_id"] == member_id), None)
        why = f": {left['reason']}" if left else ""
        raise ValidationError(
            f"Đảng viên này không thuộc diện xếp loại năm {year}{why}.", "Đảng viên", "member_id"
        )
    review = parse_member_review(rules, member_id, form)
    # What caps the level is what the register ticks by itself and what this save ticks (a
    # condition unticked in the same save no longer counts).
    automatic = automatic_conditions(store.members.events_of(member_id), year)
    cap = cap_for(rules, (*automatic, *review.conditions))
    for key in ("proposed_level", "decided_level"):
        level: Level | None = getattr(review, key)
        if cap is not None and level is not None and level.rank < cap.rank:
            raise ValidationError(
                f"{REVIEW_LABELS[key]}: không được cao hơn “{level_label(rules, cap)}” vì có điều "
                "kiện giới hạn mức xếp loại.",
                REVIEW_LABELS[key],
                key,
            )
    assert y.id is not None
    with store.transaction():
        store.reviews.put_review(y.id, review)
    return Changes(reviews=True, member_ids=frozenset({member_id}))


def enter_decision(store: Store, year: int, form: Mapping[str, Any], *, today: date | None = None) -> Changes:
    """The Đảng ủy's decision: its number and date and the cell's decided level; every member
    rated must already have the decided level. The year is then sealed and locked."""
    y = _open_year(store, year)
    parsed = parse_year(rules_of(store), year, {**year_form(y), **_decision_only(form)})
    for key in ("decision_ref", "decision_date", "cell_decided_level"):
        if not getattr(parsed, key):
            raise ValidationError(f"{YEAR_LABELS[key]}: chưa nhập.", YEAR_LABELS[key], key)
    assert parsed.decision_date is not None
    if parsed.decision_date > (today or date.today()):
        raise ValidationError(
            f"{YEAR_LABELS['decision_date']}: ngày ở tương lai.",
            YEAR_LABELS["decision_date"],
            "decision_date",
        )
    decided = replace(
        y,
        decision_ref=parsed.decision_ref,
        decision_date=parsed.decision_date,
        cell_decided_level=parsed.cell_decided_level,
    )
    record = live_record(store, decided)
    missing = [m["name"] for m in record["members"] if not m["decided_level"]]
    if missing:
        raise ValidationError(
            f"{REVIEW_LABELS['decided_level']}: chưa nhập cho {len(missing)} đồng chí "
            f"({', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}).",
            REVIEW_LABELS["decided_level"],
            "decided_level",
        )
    assert y.id is not None
    with store.transaction():
        store.reviews.update_year(y.id, decided)
        store.reviews.add_seal(y.id, canonical_json(record), record_digest(record), DECISION)
    return Changes(reviews=True, members=True)


def _decision_only(form: Mapping[str, Any]) -> dict[str, Any]:
    return {k: form.get(k) for k in ("decision_ref", "decision_date", "cell_decided_level")}
