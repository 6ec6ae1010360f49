"""Sealed minutes and the text cleaner (issue 9, items 1-4): minutes approved by an older version
may hold characters today's cleaner changes (a Word line break \\x0b, "\\r\\n", a trailing space).
Their seal is checked against the record exactly as stored or exported; cleaning applies only to
what is not sealed, so such minutes still verify, travel through export and import unchanged, and
are never refused or sealed anew because of it."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from factories import TODAY
from meeting_helpers import complete
from test_minutes_record import V7_FIXTURE, minutes_text

from cellsec.demo import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.services.cell_io import export_cell, import_cell
from cellsec.services.meetings import add_correction, check_record, new_meeting, save_meeting
from cellsec.services.minutes_record import legacy_content_digest
from cellsec.store import Store

OLD_TEXT = "Dòng một\x0bdòng hai\r\ndòng ba. "  # as Word and an old version left it


@pytest.fixture
def old_file(tmp_path: Path) -> tuple[Path, int]:
    """GIVEN a schema v7 file whose first approved minutes have an agenda item typed in Word
    (a manual line break, CR LF, a trailing space), approved by that version with a digest over
    exactly that text."""
    path = tmp_path / "old.cellsec"
    shutil.copy(V7_FIXTURE, path)
    conn = sqlite3.connect(path)
    meeting_id, item_id = conn.execute(
        "SELECT meeting_id, min(id) FROM agenda_items WHERE meeting_id = "
        "(SELECT min(id) FROM meetings WHERE status = 'approved')"
    ).fetchone()
    conn.execute("UPDATE agenda_items SET content = ? WHERE id = ?", (OLD_TEXT, item_id))
    conn.commit()
    conn.close()
    # The old version's digest of that content: computed on a scratch upgrade of the same file.
    scratch = tmp_path / "scratch.cellsec"
    shutil.copy(path, scratch)
    with Store.open(scratch) as store:
        digest = legacy_content_digest(store.meetings.get_live(meeting_id))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meetings SET digest = ? WHERE id = ?", (digest, meeting_id))
    conn.commit()
    conn.close()
    return path, meeting_id


def _item_text(store: Store, meeting_id: int) -> str:
    return store.meetings.get_live(meeting_id).items[0].content


def test_old_minutes_with_uncleaned_text_still_verify_after_the_upgrade(old_file):
    path, meeting_id = old_file
    # WHEN the file is opened by this version (the minutes are sealed at first read)
    with Store.open(path) as store:
        check = check_record(store, meeting_id)
        # THEN they verify, with no note that the content had changed at the upgrade
        assert check.ok is True, check.message
        assert _item_text(store, meeting_id) == OLD_TEXT  # the sealed text is kept as it is
        sealed = store.meetings.seals.latest(meeting_id)
        assert "\\u000b" in sealed.record_json and "\\r\\n" in sealed.record_json
        # and they print, the Word line break shown as a line break
        text = minutes_text(store, meeting_id)
        assert "Dòng một dòng hai dòng ba." in text
    # WHEN the file is opened again THEN nothing is sealed anew and it still verifies
    with Store.open(path) as store:
        assert store.meetings.seals.latest(meeting_id) == sealed
        assert check_record(store, meeting_id).ok is True
        # WHEN a correction is added THEN the record is sealed again as it was, plus the note
        add_correction(store, meeting_id, "Sửa giờ kết thúc thành 10 giờ.", today=TODAY)
        assert check_record(store, meeting_id).ok is True
        assert "\\u000b" in store.meetings.seals.latest(meeting_id).record_json


def test_old_minutes_with_uncleaned_text_survive_export_and_import_unchanged(old_file, tmp_path):
    path, meeting_id = old_file
    with Store.open(path) as store:
        data = export_cell(store)
        digest = store.meetings.seals.latest(meeting_id).digest
    exported = next(m for m in data["meetings"] if m["seal"]["digest"] == digest)
    assert exported["seal"]["record"]["meeting"]["items"][0]["content"] == OLD_TEXT
    # WHEN the export is imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        new_id = next(i for i in copy.meetings.all_ids() if copy.meetings.seals.latest(i).digest == digest)
        # THEN the minutes verify there with the same digest: taken as sealed, not sealed anew
        # from cleaned text
        assert check_record(copy, new_id).ok is True
        assert _item_text(copy, new_id) == OLD_TEXT
        # and a second export and import round trip keeps them the same again
        again = export_cell(copy)
    with Store.open(tmp_path / "third.cellsec") as third:
        import_cell(third, again, today=TODAY)
        assert all(check_record(third, i).ok for i in third.meetings.all_ids())
        assert digest in {third.meetings.seals.latest(i).digest for i in third.meetings.all_ids()}


def test_a_draft_imported_with_uncleaned_text_is_cleaned(store, tmp_path):
    # GIVEN an export whose draft meeting holds a Word line break (nothing sealed there)
    create_demo(store, today=TODAY)
    save_meeting(store, complete(new_meeting(store, MeetingKind.REGULAR, date(2026, 12, 5))))
    data = export_cell(store)
    draft = next(m for m in data["meetings"] if m["status"] == "draft")
    draft["items"][0]["content"] = OLD_TEXT
    # WHEN it is imported THEN the draft's text is cleaned like anything typed
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        drafts = [copy.meetings.get_live(i) for i in copy.meetings.all_ids()]
        texts = [m.items[0].content for m in drafts if m.status == "draft"]
        assert texts == ["Dòng một\ndòng hai\ndòng ba."]


def test_an_export_from_before_sealed_records_with_uncleaned_text_is_taken(old_file, tmp_path):
    # GIVEN the old minutes exported as a version before sealed records did: the minutes as
    # stored, with the digest of their approval
    from cellsec.codec.plain import plain

    path, meeting_id = old_file
    with Store.open(path) as store:
        data = export_cell(store)
        for i, m in enumerate(data["meetings"]):
            live = store.meetings.get_live(m["id"])
            data["meetings"][i] = {**plain(live), "digest": legacy_content_digest(live)}
    # WHEN it is imported THEN it is taken (not refused as tampered), and verifies once sealed
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        checks = [check_record(copy, i) for i in copy.meetings.all_ids()]
        assert all(c.ok for c in checks), [c.message for c in checks]
        assert OLD_TEXT in [_item_text(copy, i) for i in copy.meetings.all_ids()]
