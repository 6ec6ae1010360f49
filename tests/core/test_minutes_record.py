"""Approved minutes are a sealed, self-contained record (issue 9, items 1 and 2): nothing done
to another record changes what they print or their seal; a correction re-seals; a change made
outside the app — including reopening them — is detected, never silently accepted."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from factories import TODAY
from meeting_helpers import complete
from test_reports import pdf_text

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import Guest, Mark, MeetingKind, ReviewStatus, Task
from cellsec.entities.superiors import DirectionStatus
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.meetings import (
    add_correction,
    approve_meeting,
    check_record,
    delete_meeting,
    new_meeting,
    save_meeting,
)
from cellsec.services.member_form import member_form
from cellsec.services.members import update_member
from cellsec.services.minutes_record import vanished_minutes
from cellsec.services.profile import profile_form, save_profile
from cellsec.services.rule_settings import set_rule
from cellsec.services.superiors import add_direction, follow_up, save_superior
from cellsec.store import Store

V7_FIXTURE = Path(__file__).parent.parent / "data" / "cellsec-v7-minutes.cellsec"
OCTOBER, NOVEMBER = date(2026, 10, 5), date(2026, 11, 5)


@pytest.fixture
def sealed(store):
    """GIVEN an October draft with two tasks and a superior's direction, and November minutes,
    approved, that review those tasks, report the direction done, have the superior as a
    guest, a speaker on the roll, and the member working elsewhere present."""
    create_demo(store, today=TODAY, meetings=False)
    superior, _ = save_superior(
        store, {"name": "Hoàng Minh Tuấn", "position": "Đảng ủy viên", "level": "commune"}
    )
    guest = Guest("Hoàng Minh Tuấn", "Đảng ủy viên", True, "Đề nghị làm tốt công tác dân vận.", superior)
    october = new_meeting(store, MeetingKind.REGULAR, OCTOBER)
    october_id, _ = save_meeting(
        store,
        replace(
            october,
            guests=(guest,),
            tasks=(
                Task("Rà soát hộ nghèo", "Đồng chí Hằng", date(2026, 10, 30)),
                Task("Thu đảng phí quý IV", "Đồng chí Khải"),
            ),
        ),
    )
    add_direction(
        store,
        october_id,
        {"superior_id": str(superior), "text": "Vận động làm đường bê tông", "deadline": "30/11/2026"},
    )
    november = new_meeting(store, MeetingKind.REGULAR, NOVEMBER)
    roll = tuple(replace(e, mark=Mark.PRESENT) if e.attached_out else e for e in november.roll)
    speaker = next(e for e in roll if e.mark is Mark.PRESENT and e.category == "full")
    items = list(november.items)
    items[-2] = replace(items[-2], opinions=(replace(_opinion(speaker.name), member_id=speaker.member_id),))
    reviews = tuple(replace(r, status=ReviewStatus.DONE, result="Xong") for r in november.reviews)
    november_id, _ = save_meeting(
        store, complete(replace(november, roll=roll, items=tuple(items), reviews=reviews, guests=(guest,)))
    )
    direction = store.superiors.directions(meeting_id=october_id)[0]
    follow_up(store, direction.id, DirectionStatus.DONE, "Đã làm xong 300 m", november_id)
    approve_meeting(store, november_id)
    return store, october_id, november_id, speaker, superior


def _opinion(name):
    from cellsec.entities.meetings import Opinion

    return Opinion(name, "Nhất trí với báo cáo.")


def minutes_text(store, meeting_id):
    return pdf_text(render(build_document(store, "minutes", meeting_id=meeting_id)))[0]


def resolution_text(store, meeting_id):
    return pdf_text(render(build_document(store, "resolution", meeting_id=meeting_id)))[0]


def _unchanged(store, meeting_id, before_text, before_digest):
    assert minutes_text(store, meeting_id) == before_text
    assert store.meetings.get(meeting_id).digest == before_digest
    assert check_record(store, meeting_id).ok is True


def test_the_sealed_record_holds_the_reviews_directions_and_guests(sealed):
    store, _, november, speaker, _ = sealed
    text = minutes_text(store, november)
    assert "Rà soát hộ nghèo (Đồng chí Hằng) — đã hoàn thành: Xong." in text
    assert "Vận động làm đường bê tông" in text and "đã hoàn thành" in text
    assert "Đã làm xong 300 m" in text
    assert "đồng chí Hoàng Minh Tuấn, Đảng ủy viên" in text
    assert f"Đồng chí {speaker.name}: Nhất trí với báo cáo." in text
    assert check_record(store, november).ok is True


def test_editing_the_earlier_draft_changes_nothing_in_approved_minutes(sealed):
    store, october, november, _, _ = sealed
    before, digest = minutes_text(store, november), store.meetings.get(november).digest
    # WHEN the October draft's reviewed task is rewritten
    m = store.meetings.get(october)
    save_meeting(store, replace(m, tasks=(replace(m.tasks[0], content="Việc khác hẳn"), m.tasks[1])))
    # THEN November prints and verifies exactly as approved
    _unchanged(store, november, before, digest)
    assert "Việc khác hẳn" not in before


def test_deleting_the_earlier_draft_changes_nothing_in_approved_minutes(sealed):
    store, october, november, _, _ = sealed
    before, digest = minutes_text(store, november), store.meetings.get(november).digest
    # WHEN the October draft (with its tasks and the direction given at it) is deleted
    delete_meeting(store, october)
    assert store.superiors.directions(meeting_id=october) == []
    _unchanged(store, november, before, digest)
    assert "Rà soát hộ nghèo" in before


def test_editing_a_directory_entry_changes_nothing_in_approved_minutes(sealed):
    store, _, november, _, superior = sealed
    before, digest = minutes_text(store, november), store.meetings.get(november).digest
    save_superior(
        store, {"name": "Hoàng Văn Khác", "position": "Phó Bí thư Đảng ủy", "level": "commune"}, superior
    )
    _unchanged(store, november, before, digest)


def test_changing_a_rule_setting_changes_nothing_in_approved_minutes(sealed):
    store, _, november, _, _ = sealed
    before, digest = minutes_text(store, november), store.meetings.get(november).digest
    record_before = resolution_text(store, november)
    # WHEN the cell stops counting members attached elsewhere who came (one did)
    set_rule(store, "attached_out_present_votes", "Không")
    _unchanged(store, november, before, digest)
    assert resolution_text(store, november) == record_before


def test_changing_the_cell_profile_changes_nothing_in_approved_minutes(sealed):
    store, _, november, _, _ = sealed
    before, digest = minutes_text(store, november), store.meetings.get(november).digest
    form = profile_form(store.profile.get())
    form.update(cell_name="Chi bộ thôn Đổi Tên", place_name="Nơi Khác", secretary="Người Mới")
    save_profile(store, form)
    _unchanged(store, november, before, digest)
    assert "Người Mới" not in resolution_text(store, november)


def test_renaming_a_member_changes_nothing_in_approved_minutes(sealed):
    store, _, november, speaker, _ = sealed
    before, digest = minutes_text(store, november), store.meetings.get(november).digest
    member = store.members.get(speaker.member_id)
    update_member(store, speaker.member_id, {**member_form(member), "full_name": "Tên Mới Hẳn"}, today=TODAY)
    _unchanged(store, november, before, digest)


def test_a_correction_reseals_and_is_covered_by_the_digest(sealed):
    store, _, november, _, _ = sealed
    digest = store.meetings.get(november).digest
    add_correction(store, november, "Sửa giờ kết thúc thành 10 giờ.", today=TODAY)
    after = store.meetings.get(november)
    assert after.digest != digest and check_record(store, november).ok is True
    assert "Sửa giờ kết thúc thành 10 giờ." in minutes_text(store, november)
    # a correction deleted outside the app is detected
    conn = sqlite3.connect(store.path)
    conn.execute("DELETE FROM corrections WHERE meeting_id = ?", (november,))
    conn.commit()
    conn.close()
    assert "đính chính" in check_record(store, november).message


@pytest.mark.parametrize(
    "sql,fragment",
    [
        ("UPDATE document_numbers SET number = 7 WHERE meeting_id = {id}", "Số nghị quyết"),
        ("UPDATE meetings SET digest = 'x' WHERE id = {id}", "Dấu kiểm"),
        ("UPDATE opinions SET content = 'Không nhất trí.'", "Nội dung biên bản"),
    ],
)
def test_changes_outside_the_app_are_detected(sealed, sql, fragment):
    store, _, november, _, _ = sealed
    conn = sqlite3.connect(store.path)
    conn.execute(sql.format(id=november))
    conn.commit()
    conn.close()
    check = check_record(store, november)
    assert check.ok is False and fragment in check.message


def test_reopening_approved_minutes_outside_the_app_is_refused_then_detected(sealed):
    store, _, november, _, _ = sealed
    conn = sqlite3.connect(store.path)
    # a plain UPDATE is refused by the file itself
    with pytest.raises(sqlite3.DatabaseError, match="locked"):
        conn.execute("UPDATE meetings SET status = 'draft' WHERE id = ?", (november,))
    # someone who drops the guard gets through — and the app says so, and stays locked
    conn.execute("DROP TRIGGER meetings_approved_locked")
    conn.execute("UPDATE meetings SET status = 'draft', approved_at = NULL WHERE id = ?", (november,))
    conn.commit()
    conn.close()
    check = check_record(store, november)
    assert check.ok is False and "trạng thái nháp" in check.message
    m = store.meetings.get(november)
    assert m.approved  # shown as the approved record, read-only
    with pytest.raises(ValidationError, match="khóa"):
        save_meeting(store, m)
    with pytest.raises(ValidationError, match="không xóa được"):
        delete_meeting(store, november)
    assert "CẢNH BÁO" in minutes_text(store, november)


def test_the_sealed_record_itself_cannot_be_rewritten_unnoticed(sealed):
    store, _, november, _, _ = sealed
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE minutes_seals SET record_json = '{}'")
    conn.execute("DROP TRIGGER minutes_seals_append_only")
    text = conn.execute("SELECT record_json FROM minutes_seals WHERE meeting_id = ?", (november,)).fetchone()[
        0
    ]
    conn.execute(
        "UPDATE minutes_seals SET record_json = ? WHERE meeting_id = ?",
        (text.replace('"approved_at":"', '"approved_at":"1999'), november),
    )
    conn.commit()
    conn.close()
    assert check_record(store, november).ok is False


def test_approved_minutes_deleted_outside_the_app_are_still_known(sealed):
    store, _, november, _, _ = sealed
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TRIGGER meetings_approved_kept")
    conn.execute("DELETE FROM meetings WHERE id = ?", (november,))
    conn.commit()
    conn.close()
    assert [r.meeting.date for r in vanished_minutes(store)] == [NOVEMBER]


def test_minutes_approved_before_the_upgrade_are_sealed_from_their_content(tmp_path):
    # GIVEN a file from schema v7 with three approved meetings
    path = tmp_path / "old.cellsec"
    shutil.copy(V7_FIXTURE, path)
    with Store.open(path) as store:
        ids = store.meetings.all_ids()
        before = [store.meetings.get_live(i) for i in ids]
        # WHEN it is opened THEN each is sealed once, from its content, and verifies
        assert all(check_record(store, i).ok for i in ids)
        assert [store.meetings.get(i) for i in ids] == [
            replace(m, digest=store.meetings.get(m.id).digest) for m in before
        ]
        assert store.meetings.seals.pending() == []


def test_an_old_approval_that_no_longer_matched_is_flagged_after_the_upgrade(tmp_path):
    path = tmp_path / "old.cellsec"
    shutil.copy(V7_FIXTURE, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE opinions SET content = 'Sửa lén' WHERE id = (SELECT min(id) FROM opinions)")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        problems = [check_record(store, i) for i in store.meetings.all_ids()]
        assert [p.ok for p in problems].count(False) == 1
        assert "Khi nâng cấp" in next(p.message for p in problems if p.ok is False)
