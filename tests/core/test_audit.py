"""The audit trail: every write is recorded with who, when and field-level old -> new."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

from factories import TODAY, entry_form, member_form
from test_meetings import filled

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import Mark
from cellsec.services.cell_io import export_cell
from cellsec.services.history import meeting_history, member_history, recent_history
from cellsec.services.meetings import approve_meeting, save_meeting
from cellsec.services.members import add_event, add_member, update_member


def test_member_changes_are_recorded_field_by_field_with_the_pc_user(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    update_member(store, member_id, member_form(phone="0987654321", occupation="Nông dân"), today=TODAY)
    add_event(store, member_id, {"kind": "exempted", "date": "01/06/2026", "detail": "Ốm"}, today=TODAY)
    newest, edit, created = member_history(store, member_id)
    assert newest.what == "Thêm quá trình sinh hoạt"
    assert "Loại: Miễn công tác và sinh hoạt đảng" in newest.lines
    assert edit.what == "Sửa hồ sơ đảng viên"
    assert set(edit.lines) == {"Điện thoại: 0912345678 → 0987654321", "Nghề nghiệp: (trống) → Nông dân"}
    assert "Họ và tên: Nguyễn Văn Đức" in created.lines
    assert edit.user == store.user and edit.at.startswith(date.today().strftime("%d/%m/%Y"))


def test_a_refused_action_leaves_no_trace(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    before = store.audit.count()
    with contextlib.suppress(Exception):
        add_event(store, member_id, {"kind": "recognised", "date": "01/01/2020"}, today=TODAY)
    assert store.audit.count() == before


def test_meeting_content_and_approval_are_recorded(store):
    create_demo(store, today=TODAY, meetings=False)
    m = filled(store)
    meeting_id, _ = save_meeting(store, m)
    saved = store.meetings.get(meeting_id)
    roll = list(saved.roll)
    roll[2] = replace(roll[2], mark=Mark.ABSENT_REASON, reason="Đi viện")
    save_meeting(store, replace(saved, roll=tuple(roll), place="Hội trường thôn", votes=()))
    approve_meeting(store, meeting_id)
    approval, edit, _ = meeting_history(store, meeting_id)
    assert "Tình trạng: Nháp → Đã thông qua" in approval.lines
    assert "Địa điểm: Nhà văn hóa thôn Tân Hồng → Hội trường thôn" in edit.lines
    assert any(line == f"Điểm danh: {roll[2].name} — Có mặt → Vắng có lý do (Đi viện)" for line in edit.lines)


def test_history_is_filterable_and_exported_with_the_data(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    update_member(store, member_id, member_form(phone="0987654321"), today=TODAY)
    assert [e.what for e in recent_history(store, text="0987654321")] == ["Sửa hồ sơ đảng viên"]
    assert recent_history(store, entity="members", user="nobody") == []
    assert recent_history(store, since=date(2099, 1, 1)) == []
    exported = export_cell(store)["audit_log"]
    assert any(r["entity"] == "members" and r["action"] == "update" for r in exported)


def test_a_restore_is_noted_in_the_trail(store):
    from cellsec.services.history import note_restored

    note_restored(store, "/sao-luu/chibo-2026-11-20.cellsec", "/sao-luu/chibo.truoc-khoi-phuc.cellsec")
    entry = recent_history(store)[0]
    assert entry.what == "Khôi phục dữ liệu từ bản sao lưu"
    assert "Bản sao lưu: /sao-luu/chibo-2026-11-20.cellsec" in entry.lines


def test_history_names_whose_record_and_shows_labels_not_codes(store):
    from cellsec.services.history import history_users
    from cellsec.services.working_away import start_working_away

    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    start_working_away(
        store,
        {
            "member_id": str(member_id),
            "arrangement": "temporary_transfer",
            "application_date": "01/06/2026",
            "start": "01/06/2026",
            "end": "01/06/2027",
            "destination": "Hà Nội",
        },
        today=TODAY,
    )
    entry = recent_history(store)[0]
    assert entry.subject == "Đảng viên Nguyễn Văn Đức"
    assert "Hình thức: Chuyển sinh hoạt tạm thời" in entry.lines
    assert "Nơi đến: Hà Nội" in entry.lines
    created = next(e for e in recent_history(store) if "Họ và tên: Nguyễn Văn Đức" in e.lines)
    assert "Giới tính: Nam" in created.lines and created.subject == "Đảng viên Nguyễn Văn Đức"
    assert history_users(store) == [store.user]
