"""A small cell with a year-end review in progress, for the review tests (synthetic names)."""

from __future__ import annotations

from typing import Any

from factories import TODAY, member

from cellsec.services.members import add_event
from cellsec.services.review import open_review_year, save_member_review
from cellsec.store import Store

YEAR = 2025


def review_cell(store: Store) -> dict[str, int]:
    """Four members: three rated (one disciplined in the year), one exempted (left out)."""
    ids = {
        "an": member(store, "Trần Văn An", "02/03/1970", citizen_id="025070000001"),
        "binh": member(store, "Lê Thị Bình", "05/06/1980", sex="Nữ", citizen_id="025080000002"),
        "cuong": member(store, "Phạm Văn Cường", "07/08/1985", citizen_id="025085000003"),
        "dung": member(store, "Hoàng Văn Dũng", "01/01/1940", citizen_id="025040000004"),
    }
    add_event(
        store, ids["dung"], {"kind": "exempted", "date": "01/03/2024", "detail": "Tuổi cao"}, today=TODAY
    )
    add_event(
        store,
        ids["cuong"],
        {"kind": "disciplined", "date": "10/05/2025", "detail": "Khiển trách"},
        today=TODAY,
    )
    open_review_year(store, YEAR)
    return ids


def scored(general: int, tasks: int, **fields: Any) -> dict[str, Any]:
    return {"score_general": str(general), "score_tasks": str(tasks), **fields}


def fill_reviews(store: Store, ids: dict[str, int], *, decided: bool = False) -> None:
    levels = {"an": "excellent", "binh": "good", "cuong": "completed"}
    scores = {"an": (28, 65), "binh": (25, 55), "cuong": (22, 50)}
    for key, level in levels.items():
        form = scored(*scores[key], strengths="Gương mẫu", shortcomings="Còn chậm", self_level=level)
        form["proposed_level"] = level
        if decided:
            form["decided_level"] = level
        save_member_review(store, YEAR, ids[key], form)
