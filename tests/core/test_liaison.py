"""Residence liaison (QĐ 213, HD 33) and members working far away."""

from __future__ import annotations

from datetime import date

import pytest
from factories import TODAY, entry_form, member_form

from cellsec.entities.liaison import LiaisonStatus
from cellsec.errors import ValidationError
from cellsec.rules.liaison import CommentState
from cellsec.services.liaison import (
    change_status,
    comment_list,
    fill_sheet,
    participation,
    record_request,
    save_gathering,
    save_liaison,
)
from cellsec.services.members import add_member, delete_event
from cellsec.services.register import load_register
from cellsec.services.working_away import (
    add_contact,
    inconsistencies,
    record_return,
    reminders,
    start_working_away,
)

ALL_GOOD = {"civic": 0, "ethics": 0, "gatherings": 1, "contact": 1, "movements": 0, "proposal": 1}


def liaison(store, name="Trần Văn Hải", category="regular", received="10/02/2024", **extra):
    form = {
        "full_name": name,
        "sex": "Nam",
        "workplace": "Trường THPT Thanh Sơn",
        "workplace_party_org": "Chi bộ Trường THPT Thanh Sơn",
        "received_date": received,
        "category": category,
        "ggt_number": "12-GGT/ĐU",
        "ggt_date": "01/02/2024",
    }
    form.update(extra)
    return save_liaison(store, form, today=TODAY)[0]


def states(store, year=2026, today=TODAY):
    return {d.member.full_name: d.state for d in comment_list(store, year, today)}


def test_register_validates_with_the_field_named(store):
    with pytest.raises(ValidationError, match="Cơ quan, đơn vị công tác"):
        liaison(store, workplace="")
    with pytest.raises(ValidationError, match="Ngày chi bộ nhận: trước ngày của giấy giới thiệu"):
        liaison(store, received="01/01/2024")
    with pytest.raises(ValidationError, match="Ngày chi bộ nhận"):
        liaison(store, received="31/02/2024")
    assert store.liaison.members() == []


def test_due_list_across_categories_and_status_changes(store):
    # GIVEN a routine member, an HD 33 exempted student, a member who moved away in June,
    # and one introduced after the yearly deadline
    liaison(store, "Trần Văn Hải")
    liaison(store, "Lê Thu Trang", category="student")
    moved = liaison(store, "Phạm Quốc Việt")
    change_status(store, moved, LiaisonStatus.MOVED, "15/06/2026", "Chuyển về Hà Nội", today=TODAY)
    liaison(store, "Vũ Đình Khoa", received="20/12/2025", ggt_date="18/12/2025")
    # THEN before the deadline only the routine member is due; after it, overdue
    before = states(store, today=date(2026, 11, 22))
    assert before == {
        "Trần Văn Hải": CommentState.DUE,
        "Lê Thu Trang": CommentState.NOT_NEEDED,
        "Phạm Quốc Việt": CommentState.NOT_NEEDED,
        "Vũ Đình Khoa": CommentState.DUE,
    }
    # introduced after the 2025 deadline: nothing due for 2025; moved in 2026: due in 2025
    last_year = states(store, 2025, today=date(2025, 12, 31))
    assert last_year["Vũ Đình Khoa"] is CommentState.NOT_NEEDED
    assert last_year["Phạm Quốc Việt"] is CommentState.OVERDUE
    assert states(store, today=date(2026, 12, 20))["Trần Văn Hải"] is CommentState.OVERDUE
    # WHEN the student's school asks, a short sheet becomes due within the reply time
    student = next(m.id for m in store.liaison.members() if m.full_name == "Lê Thu Trang")
    record_request(store, student, 2026, "10/11/2026", "Trường Đại học Bách khoa", today=TODAY)
    due = {d.member.full_name: d for d in comment_list(store, 2026, TODAY)}
    assert due["Lê Thu Trang"].state is CommentState.DUE  # reply due 10/11 + 15 days = 25/11
    assert due["Lê Thu Trang"].variant == "short"
    assert states(store, today=date(2026, 11, 26))["Lê Thu Trang"] is CommentState.OVERDUE


def test_sheet_needs_front_meeting_and_all_criteria_before_sending(store):
    member = liaison(store)
    with pytest.raises(ValidationError, match="Ban công tác Mặt trận"):
        fill_sheet(store, member, 2026, ALL_GOOD, "", {"sent_date": "20/11/2026"}, today=TODAY)
    with pytest.raises(ValidationError, match="Chưa đánh giá"):
        fill_sheet(
            store,
            member,
            2026,
            {"civic": 0},
            "",
            {"front_met_date": "15/11/2026", "sent_date": "20/11/2026"},
            today=TODAY,
        )
    with pytest.raises(ValidationError, match="chọn một trong ba mức"):
        fill_sheet(store, member, 2026, {**ALL_GOOD, "civic": 3}, "", {}, today=TODAY)
    assert store.liaison.sheets(2026) == []
    fill_sheet(
        store,
        member,
        2026,
        ALL_GOOD,
        "Gương mẫu, nhiệt tình.",
        {"front_met_date": "15/11/2026", "signed_date": "16/11/2026", "sent_date": "18/11/2026"},
        today=TODAY,
    )
    assert states(store)["Trần Văn Hải"] is CommentState.DONE


def test_gatherings_record_attendance_and_yearly_participation(store):
    a, b = liaison(store, "Trần Văn Hải"), liaison(store, "Lê Thu Trang")
    save_gathering(store, "15/06/2026", "Nhà văn hóa", "Thông báo tình hình địa phương", [a], today=TODAY)
    save_gathering(store, "10/11/2026", "Nhà văn hóa", "Lấy ý kiến", [a, b], today=TODAY)
    assert participation(store, 2026) == {a: (2, 2), b: (1, 2)}
    with pytest.raises(ValidationError, match="Điểm danh"):
        save_gathering(store, "10/01/2024", "", "", [a], today=TODAY)


def test_working_away_keeps_the_register_consistent(store):
    # GIVEN a full member who applies to work in Bình Dương for a year
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    record_id, changes = start_working_away(
        store,
        {
            "member_id": str(member_id),
            "arrangement": "exemption",
            "application_date": "01/03/2026",
            "start": "15/03/2026",
            "end": "14/03/2027",
            "destination": "Bình Dương",
            "employer": "Công ty TNHH May Việt Tiến",
            "contact": "Zalo 0912345678",
            "dues": "Nộp trước 6 tháng",
        },
        today=TODAY,
    )
    assert changes.members and changes.liaison
    # THEN the register shows the exemption for the period, and nothing is inconsistent
    row = load_register(store, date(2026, 6, 1))[0]
    assert row.state.exempted and inconsistencies(store) == []
    add_contact(store, record_id, "01/10/2026", "Điện thoại", "Vẫn làm việc ổn định", today=TODAY)
    assert store.liaison.working_away()[0].contacts[0].note == "Vẫn làm việc ổn định"
    # the register event cannot be deleted behind the record's back
    event_id = store.liaison.working_away()[0].event_id
    with pytest.raises(ValidationError, match="đi làm ăn xa"):
        delete_event(store, member_id, event_id)
    # WHEN the member comes back early
    record_return(store, record_id, "20/11/2026", today=TODAY)
    assert not load_register(store, TODAY)[0].state.exempted
    assert reminders(store, TODAY) == []


def test_working_away_reminders_and_refusals(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    start_working_away(
        store,
        {
            "member_id": str(member_id),
            "arrangement": "temporary_transfer",
            "application_date": "01/11/2025",
            "start": "01/12/2025",
            "end": "10/12/2026",
            "destination": "Đồng Nai",
        },
        today=TODAY,
    )
    assert load_register(store, TODAY)[0].state.attached_out
    assert "hết hạn ngày 10/12/2026" in reminders(store, TODAY)[0].message
    assert "chưa ghi ngày trở về" in reminders(store, date(2027, 1, 5))[0].message
    # overlapping second application contradicts the register and writes nothing
    with pytest.raises(ValidationError, match="Không ghi được vào sổ đảng viên"):
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
    assert len(store.liaison.working_away()) == 1
    with pytest.raises(ValidationError, match="Nơi đến"):
        start_working_away(
            store,
            {
                "member_id": str(member_id),
                "arrangement": "exemption",
                "application_date": "01/06/2026",
                "start": "01/06/2026",
                "end": "01/06/2027",
            },
            today=TODAY,
        )


def test_demo_batch_of_comment_sheets_and_registers_print(store):
    # GIVEN the demo cell: this year's sheets still to do are printed in one batch
    from test_reports import pdf_text

    from cellsec.demo.cell import create_demo
    from cellsec.reports.catalogue import build_document
    from cellsec.reports.template import render

    create_demo(store, today=TODAY)
    due = [d for d in comment_list(store, 2026, TODAY) if d.state in (CommentState.DUE, CommentState.OVERDUE)]
    text, reader = pdf_text(render(build_document(store, "comments", year=2026)))
    assert text.count("PHIẾU NHẬN XÉT") == len(due) >= 2
    for d in due:
        assert d.member.full_name in text
    assert "T/M CHI BỘ" in text and "XÁC NHẬN CỦA ĐẢNG ỦY" in text
    assert "Ban công tác Mặt trận" in text
    done = [d for d in comment_list(store, 2026, TODAY) if d.state is CommentState.DONE]
    assert done and done[0].member.full_name not in text
    register, _ = pdf_text(render(build_document(store, "liaison", on=TODAY)))
    assert "SỔ THEO DÕI" in register and "Trần Văn Hải" in register
    away, _ = pdf_text(render(build_document(store, "working-away", on=TODAY)))
    assert "Bình Dương" in away and "Hà Nội" in away


@pytest.mark.slow
def test_cli_lists_both_registers(tmp_path):
    import json
    import subprocess
    import sys

    data = tmp_path / "demo.cellsec"
    run = lambda *a: subprocess.run(
        [sys.executable, "-m", "cellsec.cli", "--data", str(data), *a],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert run("demo").returncode == 0
    out = json.loads(run("liaison", "--year", "2026").stdout)
    assert len(out["liaison"]) == 6 and len(out["working_away"]) == 2
    assert out["inconsistencies"] == []


def test_both_liaison_registers_export_to_excel(store, tmp_path):
    from openpyxl import load_workbook

    from cellsec.demo.cell import create_demo
    from cellsec.spreadsheets import TABLES, export

    create_demo(store, today=TODAY)
    assert {"liaison", "working_away"} <= set(TABLES)
    export(store, "liaison", tmp_path / "lien-he.xlsx", on=TODAY)
    export(store, "working_away", tmp_path / "lam-an-xa.xlsx", on=TODAY)
    people = load_workbook(tmp_path / "lien-he.xlsx").active
    names = [row[1] for row in people.iter_rows(values_only=True)]
    assert "Trần Văn Hải" in names and "Lê Thu Trang" in names
    away = load_workbook(tmp_path / "lam-an-xa.xlsx").active
    assert any("Bình Dương" in str(v) for row in away.iter_rows(values_only=True) for v in row)


def test_the_register_event_of_a_working_away_record_cannot_be_edited_behind_its_back(store):
    from cellsec.services.members import update_event

    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    start_working_away(
        store,
        {
            "member_id": str(member_id),
            "arrangement": "exemption",
            "application_date": "01/03/2026",
            "start": "15/03/2026",
            "end": "14/03/2027",
            "destination": "Bình Dương",
        },
        today=TODAY,
    )
    event_id = store.liaison.working_away()[0].event_id
    with pytest.raises(ValidationError, match="đi làm ăn xa"):
        update_event(
            store,
            member_id,
            event_id,
            {"kind": "exempted", "date": "16/03/2026", "end_date": "14/03/2027"},
            today=TODAY,
        )
    assert inconsistencies(store) == []
