"""Identifiers are never reused: a deleted record's id never comes back on a new record, so the
history of the new one never shows the old one's entries (issue 9, item 10)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from cellsec.entities.meetings import MeetingKind
from cellsec.services.history import meeting_history
from cellsec.services.meetings import delete_meeting, new_meeting, save_meeting
from cellsec.store import Store

V7_FIXTURE = Path(__file__).parent.parent / "data" / "cellsec-v7-minutes.cellsec"
AUDITED = (
    "members",
    "member_events",
    "meetings",
    "tasks",
    "corrections",
    "document_numbers",
    "superiors",
    "superior_assignments",
    "meeting_notices",
    "directions",
    "liaison_members",
    "liaison_status",
    "liaison_gatherings",
    "comment_sheets",
    "working_away",
    "working_away_contacts",
)


def _draft(store, when=date(2026, 11, 5)):
    meeting_id, _ = save_meeting(store, new_meeting(store, MeetingKind.REGULAR, when))
    return meeting_id


def test_a_deleted_meetings_id_is_not_given_to_the_next_meeting(store):
    # GIVEN a draft meeting, typed by mistake and deleted (its history has entries)
    first = _draft(store)
    assert meeting_history(store, first)
    delete_meeting(store, first)
    # WHEN the secretary prepares a new meeting
    second = _draft(store, date(2026, 11, 6))
    # THEN it has a new id, and its history shows only its own creation
    assert second != first
    history = meeting_history(store, second)
    assert len(history) == 1 and "05/11/2026" not in " ".join(history[0].lines)


def test_every_audited_table_uses_autoincrement(store):
    conn = sqlite3.connect(store.path)
    try:
        for table in AUDITED:
            sql = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
            assert "AUTOINCREMENT" in sql, table
            triggers = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = ? AND name LIKE 'audit_%'",
                (table,),
            ).fetchone()
            assert triggers[0] == (0 if table == "tasks" else 3), table
    finally:
        conn.close()


def test_upgrading_an_old_file_never_reuses_an_id_deleted_before_the_upgrade(tmp_path):
    # GIVEN a v7 file whose meeting 4 was created and deleted (meetings 1-3 remain, approved)
    path = tmp_path / "old.cellsec"
    shutil.copy(V7_FIXTURE, path)
    # WHEN it is upgraded and a new meeting is prepared
    with Store.open(path) as store:
        new_id = _draft(store, date(2026, 11, 12))
        # THEN the new meeting is 5, its history is its own, and the data kept its links
        assert new_id == 5
        assert len(meeting_history(store, new_id)) == 1
        assert [m.id for m in store.meetings.list_between(date(2026, 1, 1), date(2026, 12, 31))] == [
            1,
            2,
            3,
            5,
        ]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
