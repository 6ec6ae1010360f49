"""The year-end review of one year as every screen, print, export and command reads it: one
plain JSON record (the header, the rules' wording, each member rated with the self-review,
scores and levels, those left out with the reason). A decided year reads its sealed record, so
nothing done elsewhere (renaming a member, changing a setting or the profile) changes it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from cellsec.codec.sealed_minutes import record_digest
from cellsec.entities.members import Presence, Standing
from cellsec.entities.review import Level, MemberReview, ReviewYear
from cellsec.errors import ValidationError
from cellsec.rules.review import (
    CAP_KEY,
    automatic_conditions,
    conditions,
    criteria,
    excellent_cap_warning,
    exclusion,
    level_label,
    suggested_level,
)
from cellsec.rules.review_stats import ReviewStatistics, statistics
from cellsec.rules.settings import Rules
from cellsec.services.committee import committee_on
from cellsec.services.members import rules_of
from cellsec.services.register import make_row
from cellsec.store import Store
from cellsec.text import name_sort_key

Record = dict[str, Any]


def year_end(year: int) -> date:
    return date(year, 12, 31)


def _code(level: Level | None) -> str | None:
    return level.value if level else None


def _year_part(y: ReviewYear) -> dict[str, Any]:
    return {
        "year": y.year,
        "meeting_date": y.meeting_date.isoformat() if y.meeting_date else None,
        "cell_proposed_level": _code(y.cell_proposed_level),
        "cell_decided_level": _code(y.cell_decided_level),
        "decision_ref": y.decision_ref,
        "decision_date": y.decision_date.isoformat() if y.decision_date else None,
        "notes": y.notes,
    }


def _member_part(
    rules: Rules, base: dict[str, Any], review: MemberReview | None, auto: tuple[str, ...]
) -> Record:
    review = review or MemberReview(base["member_id"])
    ticked = tuple(dict.fromkeys((*auto, *review.conditions)))
    return {
        **base,
        "strengths": review.strengths,
        "shortcomings": review.shortcomings,
        "self_level": _code(review.self_level),
        "scores": dict(review.scores),
        "score": review.score,
        "conditions": list(ticked),
        "suggested_level": _code(suggested_level(rules, review.score, ticked)),
        "proposed_level": _code(review.proposed_level),
        "decided_level": _code(review.decided_level),
        "notes": review.notes,
        "has_review": review.id is not None,
    }


def _standing(standing: Standing) -> str:
    return "Dự bị" if standing is Standing.PROBATIONARY else "Chính thức"


def live_record(store: Store, y: ReviewYear) -> Record:
    """The year as the rows stand now (an undecided year)."""
    rules = rules_of(store)
    profile = store.profile.get()
    end, start = year_end(y.year), date(y.year, 1, 1)
    events = store.members.all_events()
    reviews = store.reviews.reviews(y.id) if y.id is not None else {}
    posts = {role.member_id: role.post.label for role, _ in committee_on(store, end)}
    rated: list[Record] = []
    excluded: list[Record] = []
    members = sorted(store.members.all(), key=lambda m: (name_sort_key(m.full_name), m.id))
    for m in members:
        history = events.get(m.id or 0, [])
        row = make_row(m, history, end, "")
        here = row.state.on_roll or row.state.presence is Presence.GUEST
        if not (here or make_row(m, history, start, "").state.on_roll):  # was in in January
            continue
        base = {"member_id": m.id, "name": m.full_name}
        why = exclusion(rules, row.state, row.admission_date, y.year)
        if why is not None:
            excluded.append({**base, "reason": why})
            continue
        base.update(
            birth_year=m.birth_date.year if m.birth_date else None,
            standing=_standing(row.state.standing),
            position=posts.get(m.id or 0, ""),
        )
        rated.append(_member_part(rules, base, reviews.get(m.id or 0), automatic_conditions(history, y.year)))
    return {
        "year": y.year,
        "header": {
            "cell_name": profile.cell_name if profile else "",
            "superior_name": profile.superior_name if profile else "",
            "place_name": profile.place_name if profile else "",
            "secretary": profile.secretary if profile else "",
        },
        "levels": [{"key": lv.value, "label": level_label(rules, lv)} for lv in Level],
        "criteria": criteria(rules),
        "conditions": [{"key": c.key, "label": c.label, "cap": c.cap.value} for c in conditions(rules)],
        "cap_percent": int(rules[CAP_KEY]),
        "review": _year_part(y),
        "members": rated,
        "excluded": excluded,
    }


def year_only_record(y: ReviewYear) -> Record:
    """The year's own part (dates, the cell's levels, the decision) without its members: for a
    reader that needs no member (the to-do list of a decided year)."""
    return {"year": y.year, "review": _year_part(y), "members": [], "excluded": []}


def review_record(store: Store, year: int) -> Record | None:
    """The year's record: the sealed one once decided, else built from the rows; None if the
    cell has not opened that year's review."""
    y = store.reviews.year(year)
    if y is None or y.id is None:
        return None
    seal = store.reviews.seal(y.id)
    if seal is not None:
        record: Record = json.loads(seal.record_json)
        return record
    return live_record(store, y)


def is_locked(store: Store, year: int) -> bool:
    y = store.reviews.year(year)
    return y is not None and y.id is not None and store.reviews.seal(y.id) is not None


def seal_problem(store: Store, year: int) -> str | None:
    """A sealed year whose record no longer matches its digest (the file was edited)."""
    y = store.reviews.year(year)
    seal = store.reviews.seal(y.id) if y and y.id is not None else None
    if seal is None:
        return None
    if record_digest(json.loads(seal.record_json)) != seal.digest:
        return f"Kết quả kiểm điểm năm {year} không khớp bản đã chốt: tệp dữ liệu đã bị sửa ngoài ứng dụng."
    return None


# --- reading a record (pure) -----------------------------------------------------------------
def labels_of(record: Record) -> dict[Level, str]:
    return {Level(row["key"]): row["label"] for row in record["levels"]}


def label_of(record: Record, code: str | None) -> str:
    return labels_of(record)[Level(code)] if code else ""


def basis(record: Record) -> str:
    """Which level the statistics count: "decided" once every member rated has the Đảng ủy's
    level, else "proposed" (the cell's proposal)."""
    rated = record["members"]
    return "decided" if rated and all(m["decided_level"] for m in rated) else "proposed"


def counts(record: Record, which: str | None = None) -> dict[Level, int]:
    key = f"{which or basis(record)}_level"
    out = {lv: 0 for lv in Level}
    for m in record["members"]:
        if m[key]:
            out[Level(m[key])] += 1
    return out


def record_statistics(record: Record, which: str | None = None) -> ReviewStatistics:
    return statistics(counts(record, which))


def unrated(record: Record, which: str | None = None) -> list[str]:
    key = f"{which or basis(record)}_level"
    return [m["name"] for m in record["members"] if not m[key]]


def warnings(record: Record) -> list[str]:
    """What the secretary should look at before the meeting or the report."""
    out: list[str] = []
    rules = Rules.with_overrides({CAP_KEY: record["cap_percent"]})
    for which in ("proposed", "decided"):
        cap = excellent_cap_warning(_labelled(rules, record), counts(record, which))
        if cap:
            who = "Chi bộ đề nghị" if which == "proposed" else "Đảng ủy quyết định"
            out.append(f"{who}: {cap}")
    order = [lv.value for lv in Level]
    missing = [m["name"] for m in record["members"] if not m["has_review"]]
    if missing:
        shown = ", ".join(missing[:8]) + (f" và {len(missing) - 8} đồng chí khác" if len(missing) > 8 else "")
        out.append(f"{len(missing)} đồng chí chưa có bản tự kiểm điểm: {shown}.")
    for m in record["members"]:
        suggested, proposed = m["suggested_level"], m["proposed_level"]
        if suggested and proposed and order.index(proposed) < order.index(suggested):
            out.append(
                f"{m['name']}: chi bộ đề nghị “{label_of(record, proposed)}” cao hơn mức điểm và "
                f"điều kiện cho phép (“{label_of(record, suggested)}”)."
            )
    return out


def _labelled(rules: Rules, record: Record) -> Rules:
    """The rules with the record's level wording (a sealed year keeps its own)."""
    levels = [{"key": r["key"], "label": r["label"], "min_score": 0} for r in record["levels"]]
    return Rules.with_overrides({CAP_KEY: record["cap_percent"], "review_levels": levels})


def member_history(store: Store, member_id: int) -> list[tuple[int, str, str]]:
    """(year, proposed, decided) of every review year that has the member's review, newest
    first: a decided year as sealed, an open one from its rows (cheap: no register replay)."""
    rules = rules_of(store)
    out = []
    for y in reversed(store.reviews.years()):
        assert y.id is not None
        seal = store.reviews.seal(y.id)
        if seal is not None:
            record: Record = json.loads(seal.record_json)
            entry = next((m for m in record["members"] if m["member_id"] == member_id), None)
            if entry is not None:
                out.append(
                    (
                        y.year,
                        label_of(record, entry["proposed_level"]),
                        label_of(record, entry["decided_level"]),
                    )
                )
            continue
        review = store.reviews.reviews(y.id).get(member_id)
        if review is not None:
            out.append(
                (y.year, level_label(rules, review.proposed_level), level_label(rules, review.decided_level))
            )
    return out


def history_lines(store: Store, member_id: int) -> list[str]:
    """The member detail's lines: "2025: Hoàn thành tốt nhiệm vụ (Đảng ủy quyết định)"."""
    lines = []
    for year, proposed, decided in member_history(store, member_id):
        if decided:
            lines.append(f"{year}: {decided}")
        elif proposed:
            lines.append(f"{year}: {proposed} (chi bộ đề nghị)")
        else:
            lines.append(f"{year}: chưa xếp loại")
    return lines


def require_record(store: Store, year: int) -> Record:
    record = review_record(store, year)
    if record is None:
        raise ValidationError(f"Chưa mở kiểm điểm cuối năm {year}.", "Năm", "year")
    return record
