"""Meetings in the whole-cell JSON import (issue 9, item 3): one validation path — a roll that
contradicts the imported register, approved minutes whose seal is missing or does not match,
colliding ids and malformed values are refused with a Vietnamese message naming the meeting, and
the whole import with them; nothing is ever sealed anew."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import pytest
from core_forms import PROFILE
from factories import TODAY

from cellsec.codec.meetings import meeting_from_plain
from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.errors import ValidationError
from cellsec.services.cell_io import export_cell, import_cell
from cellsec.services.meetings import check_record, new_meeting, save_meeting
from cellsec.services.minutes_record import legacy_content_digest
from cellsec.store import Store


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The demo cell (a year of approved minutes) plus a November draft, exported."""
    from cellsec.services.profile import save_profile

    path = tmp_path_factory.mktemp("src") / "demo.cellsec"
    with Store.open(path) as store:
        save_profile(store, PROFILE)
        create_demo(store, today=TODAY)
        m = new_meeting(store, MeetingKind.REGULAR, date(2026, 11, 12))
        save_meeting(store, replace(m, end_time="09:45"))
        return export_cell(store)


@pytest.fixture
def data(exported):
    return copy.deepcopy(exported)


def _import(tmp_path, data):
    with Store.open(tmp_path / "copy.cellsec") as copy_store:
        try:
            import_cell(copy_store, data, today=TODAY)
        finally:
            written = (copy_store.members.count(), copy_store.meetings.all_ids())
    return written


def _refused(tmp_path, data, fragment):
    with pytest.raises(ValidationError) as err:
        _import(tmp_path, data)
    assert fragment in str(err.value)
    with Store.open(tmp_path / "copy.cellsec") as copy_store:  # a refused import writes nothing
        assert copy_store.members.count() == 0 and copy_store.meetings.all_ids() == []
    return str(err.value)


def _draft(data):
    return next(m for m in data["meetings"] if m["status"] == "draft")


def _approved(data, n=0):
    return [m for m in data["meetings"] if m["status"] == "approved"][n]


def test_a_draft_roll_that_contradicts_the_register_is_refused(tmp_path, data):
    _draft(data)["roll"].pop(3)
    message = _refused(tmp_path, data, "điểm danh không khớp sổ đảng viên")
    assert "12/11/2026" in message


def test_approved_minutes_whose_roll_the_imported_register_contradicts_are_refused(tmp_path, data):
    # GIVEN an export whose register lost a member's exemption (the minutes list them exempted)
    away_events = {w.get("event_id") for w in data.get("working_away", [])}
    member = next(
        m
        for m in data["members"]
        if any(e["kind"] == "exempted" and e["id"] not in away_events for e in m["events"])
        and not any(e["kind"] == "deceased" for e in m["events"])
    )
    member["events"] = [e for e in member["events"] if e["kind"] != "exempted" or e["id"] in away_events]
    _refused(tmp_path, data, "điểm danh không khớp sổ đảng viên")


@pytest.mark.parametrize(
    "change,fragment",
    [
        (lambda m: m.pop("seal"), "thiếu bản niêm phong"),
        (lambda m: m["seal"].update(digest=None), "thiếu bản niêm phong"),
        (lambda m: m.update(seal=None), "thiếu bản niêm phong"),
        (lambda m: m["seal"].update(digest="0" * 64), "không khớp dấu kiểm"),
        (
            lambda m: (m["seal"]["record"]["meeting"].update(place="Nơi khác"), m.update(place="Nơi khác")),
            "không khớp dấu kiểm",
        ),
        (lambda m: m.update(place="Nơi khác"), "không khớp bản niêm phong"),
        (lambda m: m.update(resolution_number="99-NQ"), "không khớp bản niêm phong"),
        (lambda m: m.update(status="draft"), "bản nháp không thể có"),
        (lambda m: m["seal"]["record"].update(count="x"), "không khớp dấu kiểm"),
    ],
)
def test_approved_minutes_must_carry_a_seal_that_verifies(tmp_path, data, change, fragment):
    change(_approved(data, 2))
    message = _refused(tmp_path, data, fragment)
    assert message.startswith("Buổi sinh hoạt thứ 3")


def test_a_number_that_disagrees_with_the_seal_is_refused(tmp_path, data):
    numbers = data["document_numbers"]
    numbers[0]["number"], numbers[1]["number"] = numbers[1]["number"], numbers[0]["number"]
    _refused(tmp_path, data, "số nghị quyết trong tệp không khớp")


@pytest.mark.parametrize(
    "change,fragment",
    [
        (
            lambda d: d["meetings"].append(copy.deepcopy(_draft(d)) | {"date": "2026-11-20"}),
            "trùng với buổi sinh hoạt",
        ),
        (
            lambda d: _draft(d).update(tasks=[{"content": "A", "id": 1}, {"content": "B", "id": 1}]),
            "trùng với buổi sinh hoạt",
        ),
        (
            lambda d: _draft(d).update(reviews=[{"task_id": 987654, "status": "done"}]),
            "không có trong các buổi sinh hoạt trước",
        ),
        (
            lambda d: _draft(d).update(
                reviews=[{"task_id": 1, "status": "done"}, {"task_id": 1, "status": "done"}]
            ),
            "hai lần",
        ),
    ],
)
def test_colliding_ids_are_refused(tmp_path, data, change, fragment):
    change(data)
    _refused(tmp_path, data, fragment)


@pytest.mark.parametrize(
    "field,value,fragment",
    [
        ("kind", 5, "Loại buổi sinh hoạt"),
        ("date", "2026-02-31", "không hợp lệ"),
        ("date", None, "chưa có ngày"),
        ("roll", "x", "danh sách"),
        ("roll", [{"member_id": "a", "name": "X", "category": "full", "mark": "present"}], "mã"),
        ("roll", [5], "không đúng định dạng"),
        (
            "votes",
            [{"subject": "NQ", "kind": "resolution", "in_favour": -3, "against": 0, "other": 0}],
            "số tán thành",
        ),
        ("votes", [{"subject": "NQ", "kind": "resolution", "in_favour": True}], "số nguyên"),
        ("items", [1], "Mục nội dung thứ 1"),
        ("items", [{"title": "A", "opinions": [{"speaker": None, "content": "x"}]}], "người phát biểu"),
        (
            "items",
            [{"title": "A", "opinions": [{"speaker": "Ai", "content": "x", "guest_position": 4}]}],
            "khách mời",
        ),
        ("scores", [["x"]], "Điểm tự đánh giá thứ 1"),
        ("scores", [["preparation", 300]], "chỉ được từ 0 đến 20"),
        ("tasks", [{"content": 5, "id": 999}], "Nhiệm vụ thứ 1"),
        ("reviews", [{"task_id": "z", "status": "done"}], "mã nhiệm vụ"),
        ("guests", [{"name": ["x"]}], "Khách mời thứ 1"),
        ("corrections", [{"date": "2026-11-12", "text": "x"}], "bản nháp không thể có"),
        ("start_time", "25:99", "Giờ bắt đầu"),
    ],
)
def test_malformed_values_name_the_meeting_and_field(tmp_path, data, field, value, fragment):
    _draft(data)[field] = value
    message = _refused(tmp_path, data, fragment)
    assert message.startswith(f"Buổi sinh hoạt thứ {len(data['meetings'])}")


@pytest.mark.parametrize(
    "change,fragment",
    [
        (lambda d: d.update(meetings={}), "phải là một danh sách"),
        (lambda d: d["meetings"].append(5), "Buổi sinh hoạt thứ 15"),
        (lambda d: d["document_numbers"].append(dict(d["document_numbers"][0])), "trùng với số văn bản"),
        (lambda d: d["document_numbers"].append({"number": "x"}), "Số văn bản thứ 13"),
        (lambda d: d.update(document_numbers="x"), "phải là một danh sách"),
    ],
)
def test_malformed_lists_are_refused(tmp_path, data, change, fragment):
    change(data)
    _refused(tmp_path, data, fragment)


def test_an_export_made_before_sealed_records_is_verified_with_its_old_digest(tmp_path, data):
    # GIVEN an export in the older form: approved minutes with a content digest, no seal
    for raw in data["meetings"]:
        if raw.pop("seal", None) is not None:
            raw["digest"] = legacy_content_digest(meeting_from_plain(raw, "x"))
    # WHEN it is imported THEN every minutes entry is sealed from it and verifies
    with Store.open(tmp_path / "copy.cellsec") as store:
        import_cell(store, data, today=TODAY)
        assert all(check_record(store, i).ok is not False for i in store.meetings.all_ids())
        assert sum(check_record(store, i).ok is True for i in store.meetings.all_ids()) == 13
    # AND an old-form export whose content was edited is refused
    data2 = copy.deepcopy(data)
    _approved(data2, 1)["place"] = "Nơi khác"
    _refused(tmp_path / "again", data2, "không khớp dấu kiểm")


def test_a_real_export_from_the_previous_version_imports_and_verifies(tmp_path):
    # GIVEN the JSON export a schema-v7 CellSec made (approved minutes with their old digest,
    # task reviews without copies of the tasks)
    from pathlib import Path

    from cellsec.services.cell_io import import_cell_file

    path = Path(__file__).parent.parent / "data" / "cellsec-v7-export.json"
    # WHEN it is imported THEN the three approved minutes are sealed from it and verify
    with Store.open(tmp_path / "new.cellsec") as store:
        import_cell_file(store, path, today=TODAY)
        checks = [check_record(store, i) for i in store.meetings.all_ids()]
        assert [c.ok for c in checks] == [True, True, True]
        assert [store.meetings.get(i).full_resolution_number for i in store.meetings.all_ids()] == [
            "01-NQ/CB",
            "02-NQ/CB",
            "03-NQ/CB",
        ]
