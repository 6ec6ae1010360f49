"""Rows <-> Meeting aggregates: the meeting, its agenda, opinions, roll, votes, tasks, reviews.

Approved minutes are read from their sealed record (store.meetings.seals): `get` gives the
meeting as approved; `get_live` gives its rows (for the check that they still match)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime

from cellsec.codec.sealed_minutes import parse_stored
from cellsec.dates import from_iso, to_iso
from cellsec.entities.meetings import (
    AgendaItem,
    Correction,
    Guest,
    Mark,
    Meeting,
    MeetingKind,
    Opinion,
    ReviewStatus,
    RollEntry,
    Task,
    TaskReview,
    Vote,
    VoteKind,
)
from cellsec.errors import ValidationError
from cellsec.store.committee import CommitteeRepository
from cellsec.store.rows import inserted_id
from cellsec.store.seals import SealRepository

_HEADER = (
    "kind",
    "date",
    "start_time",
    "end_time",
    "place",
    "chair",
    "recorder",
    "topic",
    "topic_preparer",
    "purpose",
    "dues_status",
    "resolution",
    "self_rating",
)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class MeetingRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.seals = SealRepository(conn)
        self.committee = CommitteeRepository(conn)  # its meetings' roll

    # --- reading -----------------------------------------------------------------------------
    def list_between(self, start: date, end: date) -> list[Meeting]:
        """Meetings in [start, end] with header fields only (no children), by date."""
        rows = self._conn.execute(
            "SELECT * FROM meetings WHERE date BETWEEN ? AND ? ORDER BY date, start_time, id",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        numbers = self._numbers([r["id"] for r in rows])
        return [self._header(r, numbers.get(r["id"])) for r in rows]

    def years(self) -> list[int]:
        rows = self._conn.execute("SELECT DISTINCT substr(date, 1, 4) FROM meetings").fetchall()
        return sorted(int(r[0]) for r in rows)

    def header(self, meeting_id: int) -> Meeting | None:
        """The meeting's own fields only (no agenda, roll ...): cheap, for naming it."""
        row = self._conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return self._header(row, None) if row else None

    def get(self, meeting_id: int) -> Meeting | None:
        """The meeting: as sealed at approval (with corrections) once approved, else its rows.
        A seal that cannot be read falls back to the rows (the record check reports it)."""
        live = self.get_live(meeting_id)
        seal = self.seals.latest(meeting_id)
        if live is None or seal is None:
            return live
        try:
            record, _ = parse_stored(seal.record_json)
        except ValidationError:
            return live
        return replace(record.meeting, id=meeting_id, digest=seal.digest)

    def get_live(self, meeting_id: int) -> Meeting | None:
        """The meeting's own rows, whatever its state."""
        row = self._conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if row is None:
            return None
        c = self._conn
        guests_rows = c.execute(
            "SELECT * FROM guests WHERE meeting_id = ? ORDER BY position", (meeting_id,)
        ).fetchall()
        guest_pos = {g["id"]: i for i, g in enumerate(guests_rows)}
        items = []
        for it in c.execute(
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position", (meeting_id,)
        ).fetchall():
            opinions = tuple(
                Opinion(
                    speaker=o["speaker"],
                    content=o["content"],
                    member_id=o["member_id"],
                    guest_position=guest_pos.get(o["guest_id"]),
                    speaker_title=o["speaker_title"],
                )
                for o in c.execute("SELECT * FROM opinions WHERE item_id = ? ORDER BY position", (it["id"],))
            )
            items.append(AgendaItem(it["title"], it["content"], it["conclusion"], opinions))
        roll = tuple(
            RollEntry(
                member_id=r["member_id"],
                name=r["name"],
                category=r["category"],
                exempted=bool(r["exempted"]),
                attached_out=bool(r["attached_out"]),
                suspended=bool(r["suspended"]),
                mark=Mark(r["mark"]),
                reason=r["reason"],
                reason_accepted=bool(r["reason_accepted"]),
            )
            for r in c.execute("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY rowid", (meeting_id,))
        )
        votes = tuple(
            Vote(v["subject"], VoteKind(v["kind"]), v["in_favour"], v["against"], v["other"])
            for v in c.execute("SELECT * FROM votes WHERE meeting_id = ? ORDER BY position", (meeting_id,))
        )
        tasks = tuple(
            self._task(t)
            for t in c.execute("SELECT * FROM tasks WHERE meeting_id = ? ORDER BY position", (meeting_id,))
        )
        reviews = tuple(
            TaskReview(
                task_id=r["task_id"], status=ReviewStatus(r["status"]), result=r["result"], task=self._task(r)
            )
            for r in c.execute(
                "SELECT r.task_id, r.status, r.result, t.id, t.content, t.owner, t.deadline "
                "FROM task_reviews r JOIN tasks t ON t.id = r.task_id WHERE r.meeting_id = ? "
                "ORDER BY t.meeting_id, t.position",
                (meeting_id,),
            )
        )
        scores = tuple(
            (s["criterion"], s["points"])
            for s in c.execute(
                "SELECT * FROM meeting_scores WHERE meeting_id = ? ORDER BY rowid", (meeting_id,)
            )
        )
        corrections = tuple(
            Correction(date=date.fromisoformat(x["date"]), text=x["text"], id=x["id"])
            for x in c.execute(
                "SELECT * FROM corrections WHERE meeting_id = ? ORDER BY date, id", (meeting_id,)
            )
        )
        base = self._header(row, self._numbers([meeting_id]).get(meeting_id))
        return Meeting(
            **{
                **base.__dict__,
                "items": tuple(items),
                "guests": tuple(
                    Guest(g["name"], g["title"], bool(g["is_superior"]), g["remarks"], g["superior_id"])
                    for g in guests_rows
                ),
                "roll": roll,
                "votes": votes,
                "tasks": tasks,
                "reviews": reviews,
                "scores": scores,
                "corrections": corrections,
            }
        )

    @staticmethod
    def _task(row: sqlite3.Row) -> Task:
        return Task(
            content=row["content"], owner=row["owner"], deadline=from_iso(row["deadline"]), id=row["id"]
        )

    @staticmethod
    def _header(row: sqlite3.Row, number: tuple[str, str] | None) -> Meeting:
        values = {k: row[k] for k in _HEADER}
        values["kind"] = MeetingKind(values["kind"])
        values["date"] = date.fromisoformat(values["date"])
        resolution, issuer = number or ("", "")
        return Meeting(
            id=row["id"],
            status=row["status"],
            approved_at=row["approved_at"],
            digest=row["digest"],
            resolution_number=resolution,
            resolution_issuer=issuer,
            **values,
        )

    def _numbers(self, meeting_ids: list[int]) -> dict[int, tuple[str, str]]:
        """meeting id -> ("05-NQ", issuer code) of its resolution."""
        if not meeting_ids:
            return {}
        marks = ",".join("?" * len(meeting_ids))
        rows = self._conn.execute(
            f"SELECT meeting_id, type_code, number, issuer FROM document_numbers "
            f"WHERE type_code = 'NQ' AND meeting_id IN ({marks})",
            meeting_ids,
        ).fetchall()
        return {r["meeting_id"]: (f"{r['number']:02d}-{r['type_code']}", r["issuer"]) for r in rows}

    def task(self, task_id: int) -> tuple[int, Task] | None:
        """(meeting id, task) of a stored task."""
        row = self._conn.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return (row["meeting_id"], self._task(row)) if row else None

    def open_tasks_before(self, when: date, exclude_meeting: int | None) -> list[Task]:
        """Tasks of the latest earlier regular meeting (the ones the next meeting reviews)."""
        row = self._conn.execute(
            "SELECT id FROM meetings WHERE date < ? AND kind IN ('regular', 'combined') "
            "AND id IS NOT ? ORDER BY date DESC, id DESC LIMIT 1",
            (when.isoformat(), exclude_meeting),
        ).fetchone()
        if row is None:
            return []
        return [
            self._task(t)
            for t in self._conn.execute(
                "SELECT * FROM tasks WHERE meeting_id = ? ORDER BY position", (row["id"],)
            )
        ]

    # --- writing -----------------------------------------------------------------------------
    def save(self, m: Meeting) -> int:
        """Insert or replace the whole draft (header and children) — call inside a transaction."""
        values = {k: getattr(m, k) for k in _HEADER}
        values["kind"] = m.kind.value
        values["date"] = m.date.isoformat()
        c = self._conn
        if m.id is None:
            values["created_at"] = values["updated_at"] = _now()
            cols = ", ".join(values)
            meeting_id = inserted_id(
                c.execute(
                    f"INSERT INTO meetings ({cols}) VALUES ({', '.join('?' * len(values))})",
                    tuple(values.values()),
                )
            )
        else:
            meeting_id = m.id
            values["updated_at"] = _now()
            sets = ", ".join(f"{k} = ?" for k in values)
            c.execute(f"UPDATE meetings SET {sets} WHERE id = ?", (*values.values(), meeting_id))
            for table in ("agenda_items", "guests", "attendance", "votes", "meeting_scores", "task_reviews"):
                c.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (meeting_id,))
            self._replace_tasks(meeting_id, m.tasks)
        guest_ids = []
        for pos, g in enumerate(m.guests):
            guest_ids.append(
                inserted_id(
                    c.execute(
                        "INSERT INTO guests (meeting_id, position, name, title, is_superior, remarks, "
                        "superior_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (meeting_id, pos, g.name, g.title, int(g.is_superior), g.remarks, g.superior_id),
                    )
                )
            )
        for pos, item in enumerate(m.items):
            item_id = inserted_id(
                c.execute(
                    "INSERT INTO agenda_items (meeting_id, position, title, content, conclusion) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (meeting_id, pos, item.title, item.content, item.conclusion),
                )
            )
            for opos, o in enumerate(item.opinions):
                guest_id = guest_ids[o.guest_position] if o.guest_position is not None else None
                c.execute(
                    "INSERT INTO opinions (item_id, position, member_id, guest_id, speaker, "
                    "content, speaker_title) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (item_id, opos, o.member_id, guest_id, o.speaker, o.content, o.speaker_title),
                )
        c.executemany(
            "INSERT INTO attendance (meeting_id, member_id, name, category, exempted, attached_out, "
            "suspended, mark, reason, reason_accepted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    meeting_id,
                    e.member_id,
                    e.name,
                    e.category,
                    int(e.exempted),
                    int(e.attached_out),
                    int(e.suspended),
                    e.mark.value,
                    e.reason,
                    int(e.reason_accepted),
                )
                for e in m.roll
            ],
        )
        c.executemany(
            "INSERT INTO votes (meeting_id, position, subject, kind, in_favour, against, other) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (meeting_id, pos, v.subject, v.kind.value, v.in_favour, v.against, v.other)
                for pos, v in enumerate(m.votes)
            ],
        )
        if m.id is None:
            self._replace_tasks(meeting_id, m.tasks)
        c.executemany(
            "INSERT INTO meeting_scores (meeting_id, criterion, points) VALUES (?, ?, ?)",
            [(meeting_id, k, p) for k, p in m.scores],
        )
        c.executemany(
            "INSERT INTO task_reviews (meeting_id, task_id, status, result) VALUES (?, ?, ?, ?)",
            [(meeting_id, r.task_id, r.status.value, r.result) for r in m.reviews],
        )
        return meeting_id

    def _replace_tasks(self, meeting_id: int, tasks: tuple[Task, ...]) -> None:
        """Keep the ids of tasks that stay (later meetings' reviews point at them)."""
        c = self._conn
        keep = {t.id for t in tasks if t.id is not None}
        existing = {r[0] for r in c.execute("SELECT id FROM tasks WHERE meeting_id = ?", (meeting_id,))}
        for gone in existing - keep:
            c.execute("DELETE FROM task_reviews WHERE task_id = ?", (gone,))
            c.execute("DELETE FROM tasks WHERE id = ?", (gone,))
        for pos, t in enumerate(tasks):
            if t.id in existing:
                c.execute(
                    "UPDATE tasks SET position = ?, content = ?, owner = ?, deadline = ? WHERE id = ?",
                    (pos, t.content, t.owner, to_iso(t.deadline), t.id),
                )
            else:
                c.execute(
                    "INSERT INTO tasks (meeting_id, position, content, owner, deadline) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (meeting_id, pos, t.content, t.owner, to_iso(t.deadline)),
                )

    def delete(self, meeting_id: int) -> None:
        """A draft typed by mistake: with it go the directions recorded at it; a report made at
        it on an earlier direction is undone (approved minutes keep their own copies)."""
        c = self._conn
        c.execute(
            "DELETE FROM task_reviews WHERE task_id IN (SELECT id FROM tasks WHERE meeting_id = ?)",
            (meeting_id,),
        )
        c.execute(
            "UPDATE directions SET closed_meeting_id = NULL, status = 'in_progress' "
            "WHERE closed_meeting_id = ?",
            (meeting_id,),
        )
        c.execute("DELETE FROM directions WHERE meeting_id = ?", (meeting_id,))
        c.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))

    def approve(self, meeting_id: int, approved_at: str | None = None) -> str:
        """Mark approved (the caller seals the record in the same transaction)."""
        when = approved_at or _now()
        self._conn.execute(
            "UPDATE meetings SET status = 'approved', approved_at = ? WHERE id = ?", (when, meeting_id)
        )
        return when

    def live_number(self, meeting_id: int) -> str:
        """ "05-NQ/CB" as the numbers table holds it now (checked against the sealed record)."""
        number = self._numbers([meeting_id]).get(meeting_id)
        if number is None:
            return ""
        return f"{number[0]}/{number[1]}" if number[1] else number[0]

    def all_ids(self) -> list[int]:
        return [r[0] for r in self._conn.execute("SELECT id FROM meetings ORDER BY date, id")]

    def document_numbers(self) -> list[dict[str, object]]:
        rows = self._conn.execute(
            "SELECT type_code, term, number, meeting_id, date, title, "
            "issuer FROM document_numbers ORDER BY id"
        ).fetchall()
        return [dict(r) for r in rows]

    def add_correction(self, meeting_id: int, when: date, text: str) -> int:
        return inserted_id(
            self._conn.execute(
                "INSERT INTO corrections (meeting_id, date, text, created_at) VALUES (?, ?, ?, ?)",
                (meeting_id, when.isoformat(), text, _now()),
            )
        )

    def live_corrections(self, meeting_id: int) -> tuple[Correction, ...]:
        return tuple(
            Correction(date=date.fromisoformat(x["date"]), text=x["text"], id=x["id"])
            for x in self._conn.execute(
                "SELECT * FROM corrections WHERE meeting_id = ? ORDER BY date, id", (meeting_id,)
            )
        )

    def next_number(self, type_code: str, term: str) -> int:
        row = self._conn.execute(
            "SELECT max(number) FROM document_numbers WHERE type_code = ? AND term = ?", (type_code, term)
        ).fetchone()
        return (row[0] or 0) + 1

    def assign_number(
        self,
        type_code: str,
        term: str,
        number: int,
        meeting_id: int | None,
        when: date,
        title: str,
        issuer: str,
    ) -> None:
        self._conn.execute(
            "INSERT INTO document_numbers (type_code, term, number, meeting_id, "
            "date, title, issuer) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (type_code, term, number, meeting_id, when.isoformat(), title, issuer),
        )
