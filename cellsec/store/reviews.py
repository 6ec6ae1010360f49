"""Rows <-> the year-end review: review_years, member_reviews and the append-only review_seals
(migration "year_end_review"; a decided year is locked by triggers)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from cellsec.dates import from_iso, to_iso
from cellsec.entities.review import Level, MemberReview, ReviewYear
from cellsec.store.rows import inserted_id

DECISION, IMPORT = "decision", "import"


@dataclass(frozen=True)
class ReviewSeal:
    id: int
    review_year_id: int
    sealed_at: str
    reason: str
    record_json: str
    digest: str


def _level(value: str | None) -> Level | None:
    return Level(value) if value else None


def _code(level: Level | None) -> str | None:
    return level.value if level is not None else None


def _year(r: sqlite3.Row) -> ReviewYear:
    return ReviewYear(
        r["year"],
        from_iso(r["meeting_date"]),
        _level(r["cell_proposed_level"]),
        _level(r["cell_decided_level"]),
        r["decision_ref"],
        from_iso(r["decision_date"]),
        r["notes"],
        r["id"],
    )


def _review(r: sqlite3.Row) -> MemberReview:
    return MemberReview(
        r["member_id"],
        r["strengths"],
        r["shortcomings"],
        _level(r["self_level"]),
        {str(k): int(v) for k, v in json.loads(r["scores_json"]).items()},
        tuple(json.loads(r["conditions_json"])),
        _level(r["proposed_level"]),
        _level(r["decided_level"]),
        r["notes"],
        r["id"],
    )


class ReviewRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # --- years ---------------------------------------------------------------------------------
    def years(self) -> list[ReviewYear]:
        return [_year(r) for r in self._conn.execute("SELECT * FROM review_years ORDER BY year")]

    def year(self, year: int) -> ReviewYear | None:
        r = self._conn.execute("SELECT * FROM review_years WHERE year = ?", (year,)).fetchone()
        return _year(r) if r else None

    def add_year(self, y: ReviewYear) -> int:
        return inserted_id(
            self._conn.execute(
                "INSERT INTO review_years (year, meeting_date, cell_proposed_level, "
                "cell_decided_level, decision_ref, decision_date, notes, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*self._year_values(y), datetime.now().isoformat(timespec="seconds")),
            )
        )

    def update_year(self, year_id: int, y: ReviewYear) -> None:
        self._conn.execute(
            "UPDATE review_years SET year = ?, meeting_date = ?, "
            "cell_proposed_level = ?, cell_decided_level = ?, decision_ref = ?, decision_date = ?, "
            "notes = ? WHERE id = ?",
            (*self._year_values(y), year_id),
        )

    @staticmethod
    def _year_values(y: ReviewYear) -> tuple[object, ...]:
        return (
            y.year,
            to_iso(y.meeting_date),
            _code(y.cell_proposed_level),
            _code(y.cell_decided_level),
            y.decision_ref,
            to_iso(y.decision_date),
            y.notes,
        )

    # --- members' reviews -----------------------------------------------------------------------
    def reviews(self, year_id: int) -> dict[int, MemberReview]:
        """The year's reviews by member id."""
        rows = self._conn.execute("SELECT * FROM member_reviews WHERE review_year_id = ?", (year_id,))
        return {r["member_id"]: _review(r) for r in rows}

    def put_review(self, year_id: int, review: MemberReview) -> None:
        """Insert or replace the member's review of that year (one row per member and year)."""
        values = (
            review.strengths,
            review.shortcomings,
            _code(review.self_level),
            json.dumps(review.scores, ensure_ascii=False, sort_keys=True),
            json.dumps(list(review.conditions), ensure_ascii=False),
            _code(review.proposed_level),
            _code(review.decided_level),
            review.notes,
        )
        updated = self._conn.execute(
            "UPDATE member_reviews SET strengths = ?, shortcomings = ?, self_level = ?, scores_json = ?, "
            "conditions_json = ?, proposed_level = ?, decided_level = ?, notes = ? "
            "WHERE review_year_id = ? AND member_id = ?",
            (*values, year_id, review.member_id),
        )
        if updated.rowcount == 0:
            self._conn.execute(
                "INSERT INTO member_reviews (review_year_id, member_id, strengths, shortcomings, "
                "self_level, scores_json, conditions_json, proposed_level, decided_level, notes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (year_id, review.member_id, *values),
            )

    # --- seals ----------------------------------------------------------------------------------
    def seal(self, year_id: int) -> ReviewSeal | None:
        r = self._conn.execute(
            "SELECT * FROM review_seals WHERE review_year_id = ? ORDER BY id DESC LIMIT 1", (year_id,)
        ).fetchone()
        if r is None:
            return None
        return ReviewSeal(
            r["id"], r["review_year_id"], r["sealed_at"], r["reason"], r["record_json"], r["digest"]
        )

    def add_seal(self, year_id: int, record_json: str, digest: str, reason: str) -> None:
        self._conn.execute(
            "INSERT INTO review_seals (review_year_id, sealed_at, reason, record_json, digest) "
            "VALUES (?, ?, ?, ?, ?)",
            (year_id, datetime.now().isoformat(timespec="seconds"), reason, record_json, digest),
        )
