"""One member's year-end review as typed (the editor, the CLI, an import): every field checked
against the rule settings, a Vietnamese ValidationError naming the field, nothing written here."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from cellsec.dates import parse_date
from cellsec.entities.review import Level, MemberReview, ReviewYear
from cellsec.errors import ValidationError
from cellsec.rules.review import conditions, criteria, level_label
from cellsec.rules.settings import Rules
from cellsec.services.forms import form_text
from cellsec.text import fold

REVIEW_LABELS = {
    "strengths": "Ưu điểm",
    "shortcomings": "Hạn chế, khuyết điểm",
    "self_level": "Tự nhận mức xếp loại",
    "conditions": "Điều kiện giới hạn mức xếp loại",
    "proposed_level": "Chi bộ đề nghị xếp loại",
    "decided_level": "Đảng ủy quyết định xếp loại",
    "notes": "Ghi chú",
}
YEAR_LABELS = {
    "meeting_date": "Ngày họp kiểm điểm",
    "cell_proposed_level": "Chi bộ tự đánh giá xếp loại chi bộ",
    "cell_decided_level": "Đảng ủy xếp loại chi bộ",
    "decision_ref": "Số quyết định của Đảng ủy",
    "decision_date": "Ngày quyết định",
    "notes": "Ghi chú",
}
MAX_NOTE = 4000


def _err(labels: Mapping[str, str], key: str, message: str) -> ValidationError:
    return ValidationError(f"{labels[key]}: {message}", labels[key], key)


def parse_level(rules: Rules, text: str, labels: Mapping[str, str], key: str) -> Level | None:
    """A level given by its code ("good") or its wording ("Hoàn thành tốt nhiệm vụ"); "" is none."""
    if not text:
        return None
    for level in Level:
        if text == level.value or fold(text) == fold(level_label(rules, level)):
            return level
    choices = "; ".join(f"“{level_label(rules, lv)}”" for lv in Level)
    raise _err(labels, key, f"“{text}” không phải mức xếp loại ({choices}).")


def score_key(criterion: str) -> str:
    return f"score_{criterion}"


def _scores(rules: Rules, form: Mapping[str, Any]) -> dict[str, int]:
    scores: dict[str, int] = {}
    rows = criteria(rules)
    for row in rows:
        key, label, top = score_key(row["key"]), f"Điểm — {row['label']}", int(row["max"])
        raw = form.get(key)
        text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None
        if raw is not None and text is None:
            raise ValidationError(f"{label}: không phải số.", label, key)
        if not text:
            continue
        if not re.fullmatch(r"\d{1,3}", text) or int(text) > top:
            raise ValidationError(f"{label}: ghi số điểm nguyên từ 0 đến {top}.", label, key)
        scores[row["key"]] = int(text)
    if scores and len(scores) != len(rows):
        missing = next(r for r in rows if r["key"] not in scores)
        label = f"Điểm — {missing['label']}"
        raise ValidationError(
            f"{label}: chưa chấm (chấm đủ các tiêu chí, hoặc để trống cả nếu chi bộ không chấm điểm).",
            label,
            score_key(missing["key"]),
        )
    return scores


def _conditions(rules: Rules, text: str) -> tuple[str, ...]:
    known = {c.key: c for c in conditions(rules)}
    keys: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        match = next((c.key for c in known.values() if part in (c.key,) or fold(part) == fold(c.label)), None)
        if match is None:
            raise _err(REVIEW_LABELS, "conditions", f"“{part}” không có trong thiết lập quy định.")
        if match not in keys:
            keys.append(match)
    return tuple(keys)


def parse_member_review(rules: Rules, member_id: int, form: Mapping[str, Any]) -> MemberReview:
    """The review as typed; scores are "score_<criterion>" fields, conditions a comma list."""
    text = form_text({k: form.get(k) for k in REVIEW_LABELS}, REVIEW_LABELS, max_len=MAX_NOTE)
    return MemberReview(
        member_id,
        strengths=text["strengths"],
        shortcomings=text["shortcomings"],
        self_level=parse_level(rules, text["self_level"], REVIEW_LABELS, "self_level"),
        scores=_scores(rules, form),
        conditions=_conditions(rules, text["conditions"]),
        proposed_level=parse_level(rules, text["proposed_level"], REVIEW_LABELS, "proposed_level"),
        decided_level=parse_level(rules, text["decided_level"], REVIEW_LABELS, "decided_level"),
        notes=text["notes"],
    )


def review_form(review: MemberReview) -> dict[str, str]:
    """A review back as the form that makes it (the editor's fields, the export's values)."""
    out = {
        "strengths": review.strengths,
        "shortcomings": review.shortcomings,
        "self_level": review.self_level.value if review.self_level else "",
        "conditions": ", ".join(review.conditions),
        "proposed_level": review.proposed_level.value if review.proposed_level else "",
        "decided_level": review.decided_level.value if review.decided_level else "",
        "notes": review.notes,
    }
    out.update({score_key(k): str(v) for k, v in review.scores.items()})
    return out


def parse_year(rules: Rules, year: int, form: Mapping[str, Any], today: date | None = None) -> ReviewYear:
    """The year's own fields (the meeting, the report number, the cell's levels, the decision)."""
    text = form_text({k: form.get(k) for k in YEAR_LABELS}, YEAR_LABELS, max_len=MAX_NOTE)

    def day(key: str) -> date | None:
        return parse_date(text[key], YEAR_LABELS[key], key=key, allow_future=True)

    meeting, decided_on = day("meeting_date"), day("decision_date")
    if meeting is not None and meeting.year not in (year, year + 1):
        raise _err(YEAR_LABELS, "meeting_date", f"không thuộc kỳ kiểm điểm năm {year}.")
    if decided_on is not None and meeting is not None and decided_on < meeting:
        raise _err(YEAR_LABELS, "decision_date", "trước ngày chi bộ họp kiểm điểm.")
    return ReviewYear(
        year,
        meeting_date=meeting,
        cell_proposed_level=parse_level(
            rules, text["cell_proposed_level"], YEAR_LABELS, "cell_proposed_level"
        ),
        cell_decided_level=parse_level(rules, text["cell_decided_level"], YEAR_LABELS, "cell_decided_level"),
        decision_ref=text["decision_ref"],
        decision_date=decided_on,
        notes=text["notes"],
    )


def year_form(y: ReviewYear) -> dict[str, str]:
    def day(value: date | None) -> str:
        return value.strftime("%d/%m/%Y") if value else ""

    return {
        "meeting_date": day(y.meeting_date),
        "cell_proposed_level": y.cell_proposed_level.value if y.cell_proposed_level else "",
        "cell_decided_level": y.cell_decided_level.value if y.cell_decided_level else "",
        "decision_ref": y.decision_ref,
        "decision_date": day(y.decision_date),
        "notes": y.notes,
    }


# What the change log (services/history.py) shows for the review tables' columns.
HISTORY_LABELS = {
    **REVIEW_LABELS,
    **{k: v for k, v in YEAR_LABELS.items() if k != "decision_ref"},
    "scores_json": "Điểm",
    "conditions_json": "Điều kiện giới hạn mức xếp loại",
}
_LEVEL_WORDS = {
    "excellent": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "completed": "Hoàn thành nhiệm vụ",
    "not_completed": "Không hoàn thành nhiệm vụ",
}
HISTORY_CODES = {
    **{
        key: _LEVEL_WORDS
        for key in (
            "self_level",
            "proposed_level",
            "decided_level",
            "cell_proposed_level",
            "cell_decided_level",
        )
    },
}
# How the history says an empty JSON column of a review (the scores not given, no condition).
HISTORY_EMPTY = {"scores_json": "không chấm", "conditions_json": "không có"}
