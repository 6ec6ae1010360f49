"""The demo cell's year-end reviews: last year's finished (levels decided by the Đảng ủy, the
year locked; its report left unnumbered, so the demo's report numbers stay the superiors'), and
this year's in progress (some self-reviews and proposals)."""

from __future__ import annotations

from datetime import date
from typing import Any

from cellsec.services.review import enter_decision, open_review_year, save_member_review, save_review_year
from cellsec.services.review_record import review_record
from cellsec.store import Store

_STRENGTHS = (
    "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; gương mẫu ở khu dân cư.",
    "Tham gia đầy đủ sinh hoạt chi bộ; nhiệt tình với công tác Mặt trận, đoàn thể ở thôn.",
    "Hoàn thành nhiệm vụ chi bộ phân công; giữ gìn đoàn kết trong chi bộ và khu dân cư.",
)
_SHORTCOMINGS = (
    "Việc nghiên cứu, học tập nghị quyết còn hạn chế.",
    "Có lúc phát biểu ý kiến trong sinh hoạt chi bộ chưa nhiều.",
    "Tham gia phong trào ở khu dân cư chưa thường xuyên.",
)
# (level, general points, task points) by member position in the list: mostly "good".
_PATTERN = (
    ("good", 26, 52),
    ("good", 25, 50),
    ("excellent", 28, 64),
    ("good", 24, 51),
    ("good", 26, 55),
    ("completed", 20, 40),
    ("good", 25, 53),
)


def _form(n: int, entry: dict[str, Any], decided: bool) -> dict[str, str]:
    level, general, tasks = _PATTERN[n % len(_PATTERN)]
    if "disciplined" in entry["conditions"] and level in ("excellent", "good"):
        level, general, tasks = "completed", 20, 42
    form = {
        "strengths": _STRENGTHS[n % len(_STRENGTHS)],
        "shortcomings": _SHORTCOMINGS[n % len(_SHORTCOMINGS)],
        "self_level": level,
        "score_general": str(general),
        "score_tasks": str(tasks),
        "proposed_level": level,
    }
    if decided:
        form["decided_level"] = level
    return form


def create_demo_review(store: Store, today: date) -> None:
    """Last year decided and locked; this year opened with a third of the self-reviews in."""
    last, this = today.year - 1, today.year
    open_review_year(store, last)
    record = review_record(store, last)
    assert record is not None
    for n, entry in enumerate(record["members"]):
        save_member_review(store, last, entry["member_id"], _form(n, entry, decided=True))
    save_review_year(
        store, last, {"meeting_date": f"18/12/{last}", "cell_proposed_level": "good", "notes": ""}
    )
    enter_decision(
        store,
        last,
        {
            "decision_ref": "Quyết định số 35-QĐ/ĐU",
            "decision_date": f"20/01/{this}",
            "cell_decided_level": "good",
        },
        today=today,
    )
    open_review_year(store, this)
    record = review_record(store, this)
    assert record is not None
    for n, entry in enumerate(record["members"][: len(record["members"]) // 3]):
        save_member_review(store, this, entry["member_id"], _form(n, entry, decided=False))
