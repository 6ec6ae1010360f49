"""Whole-cell JSON export/import: lossless round trip; a bad file writes nothing."""

from __future__ import annotations

import json

import pytest
from factories import TODAY

from cellsec.demo.cell import create_demo, demo_cell_data
from cellsec.errors import ValidationError
from cellsec.services.cell_io import export_cell, export_cell_file, import_cell, import_cell_file
from cellsec.store import Store


def _strip_volatile(data):
    data = json.loads(json.dumps(data))
    data.pop("exported_at")
    data.pop("audit_log")  # the new file's trail records the import itself
    for m in data["members"]:
        m.pop("id")
        for e in m["events"]:
            e.pop("id")
    for w in data["working_away"]:
        w.pop("event_id")
        w.pop("id")
        for c in w["contacts"]:
            c.pop("id")
    return data


def test_export_then_import_gives_back_the_same_cell(store, tmp_path):
    create_demo(store, today=TODAY)
    path = tmp_path / "chibo.json"
    assert export_cell_file(store, path) == store.members.count()
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell_file(copy, path, today=TODAY)
        assert _strip_volatile(export_cell(copy)) == _strip_volatile(export_cell(store))


def test_the_demo_mark_travels_with_the_export_and_a_real_cell_never_gains_it(store, tmp_path):
    # GIVEN the demo cell exported
    create_demo(store, today=TODAY)
    data = export_cell(store)
    assert data["demo"] is True
    # WHEN it is imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        # THEN the new file says it holds the demo (banner, title, printouts' footer)
        assert copy.facts.is_demo()
    # AND the same cell exported without the mark (a real cell) imports as a real cell
    with Store.open(tmp_path / "real.cellsec") as real:
        import_cell(real, {**data, "demo": False}, today=TODAY)
        assert not real.facts.is_demo()


def test_a_demo_mark_that_is_not_true_or_false_is_refused_and_nothing_written(store, tmp_path):
    create_demo(store, today=TODAY)
    data = {**export_cell(store), "demo": "có"}
    with Store.open(tmp_path / "copy.cellsec") as copy:
        with pytest.raises(ValidationError, match="“demo”"):
            import_cell(copy, data, today=TODAY)
        assert copy.members.count() == 0 and not copy.facts.is_demo()


def test_identifiers_stay_text_with_leading_zeros_in_the_export(store):
    create_demo(store, today=TODAY)
    data = export_cell(store)
    assert all(
        isinstance(m["citizen_id"], str) and m["citizen_id"].startswith("025") for m in data["members"]
    )


def test_a_bad_record_is_reported_by_position_and_nothing_is_written(store, tmp_path):
    data = demo_cell_data(TODAY)
    data["members"][4]["birth_date"] = "1990-02-31"
    with pytest.raises(ValidationError) as err:
        import_cell(store, data, today=TODAY)
    assert str(err.value).startswith("Đảng viên thứ 5")
    assert store.members.count() == 0


def test_a_contradictory_history_in_the_file_is_refused(store):
    data = demo_cell_data(TODAY)
    data["members"][0]["events"].append({"kind": "recognised", "date": "2020-01-01"})
    with pytest.raises(ValidationError, match="Đảng viên thứ 1"):
        import_cell(store, data, today=TODAY)
    assert store.members.count() == 0


@pytest.mark.parametrize(
    "content,fragment",
    [
        ("{not json", "không phải JSON hợp lệ"),
        ('{"format": "something-else"}', "không phải bản xuất"),
        ('{"format": "cellsec-cell", "version": 99, "members": []}', "không được hỗ trợ"),
        ('{"format": "cellsec-cell", "version": 1, "members": [{"full_name": 5}]}', "Đảng viên thứ 1"),
    ],
)
def test_broken_files_get_a_clear_message(store, tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=fragment):
        import_cell_file(store, path, today=TODAY)
    assert store.members.count() == 0


def test_import_refuses_a_register_that_is_not_empty(store):
    create_demo(store, today=TODAY)
    with pytest.raises(ValidationError, match="chỉ nhập được vào một tệp dữ liệu mới"):
        create_demo(store, today=TODAY)


def test_meetings_travel_with_the_cell_and_stay_verified(store, tmp_path):
    # GIVEN the demo cell with a year of approved minutes
    from cellsec.services.meetings import check_record

    create_demo(store, today=TODAY)
    data = export_cell(store)
    assert len(data["meetings"]) == 13  # 12 cell meetings and a committee meeting
    # WHEN it is imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        ids = copy.meetings.all_ids()
        meetings = [copy.meetings.get(i) for i in ids]
        # THEN every minutes entry is still approved, numbered and verifies; reviews point at
        # the earlier meeting's tasks in the new file
        assert all(m.approved and check_record(copy, m.id).ok for m in meetings)
        assert [m.resolution_number for m in meetings if m.resolution_number] == [
            f"{n:02d}-NQ" for n in range(1, 13)
        ]
        assert (
            meetings[1].reviews[0].task.content == meetings[0].tasks[0].content
            or meetings[1].reviews[0].task.content == meetings[0].tasks[1].content
        )


def test_a_tampered_export_is_refused_whole(store, tmp_path):
    create_demo(store, today=TODAY)
    data = export_cell(store)
    data["meetings"][0]["items"][0]["opinions"][0]["content"] = "Nội dung bị sửa"
    with Store.open(tmp_path / "copy.cellsec") as copy:
        with pytest.raises(ValidationError, match="không khớp bản niêm phong"):
            import_cell(copy, data, today=TODAY)
        assert copy.members.count() == 0 and copy.meetings.all_ids() == []


def _cli(*args, cwd):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "cellsec.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.slow
def test_cli_import_creates_the_data_file_only_when_the_import_succeeds(store, tmp_path):
    # GIVEN an export of the demo cell and a copy of it with one member's id repeated
    from pathlib import Path

    create_demo(store, today=TODAY)
    good = tmp_path / "chibo.json"
    export_cell_file(store, good)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["members"][1]["id"] = data["members"][0]["id"]
    bad = tmp_path / "hong.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "moi"
    folder.mkdir()
    # WHEN the bad one is imported into a data file that does not exist yet
    res = _cli("--data", str(folder / "chibo.cellsec"), "import", str(bad), cwd=root)
    # THEN it says why, in Vietnamese, and leaves no data file at all
    assert res.returncode == 1 and "trùng với đảng viên thứ 1" in res.stderr
    assert list(folder.iterdir()) == []
    # AND the good one creates the file with every member
    res = _cli("--data", str(folder / "chibo.cellsec"), "import", str(good), cwd=root)
    assert res.returncode == 0, res.stderr
    # (and the lock file every data file that was opened has: the import held its lock)
    assert sorted(p.name for p in folder.iterdir()) == ["chibo.cellsec", "chibo.cellsec.lock"]
    with Store.open(folder / "chibo.cellsec") as imported:
        assert imported.members.count() == store.members.count()


def test_file_problems_are_told_in_vietnamese_without_python_text(store, tmp_path):
    # GIVEN a folder where an export file was expected, and a damaged workbook
    from cellsec.services.cell_io import read_cell_file
    from cellsec.spreadsheets import read_table

    folder = tmp_path / "chibo.json"
    folder.mkdir()
    broken = tmp_path / "danh-sach.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    # WHEN each is read THEN the message names the file in Vietnamese, without Python's text
    for read, path, words in (
        (read_cell_file, folder, "không đọc “chibo.json” được"),
        (read_table, broken, "tệp hỏng hoặc không phải .xlsx."),
    ):
        with pytest.raises(ValidationError) as refused:
            read(path)
        message = str(refused.value)
        assert path.name in message and words in message, message
        assert not any(english in message for english in ("Errno", "zip", "directory")), message


def test_a_cell_with_its_own_rules_reimports_its_comment_sheets(store, tmp_path):
    # GIVEN a cell whose Đảng ủy reworded the comment criteria and added a sixth, put on the
    # short sheet too; a sheet sent with all six; its own majority and sheet deadline
    from cellsec.services.liaison import fill_sheet, save_liaison
    from cellsec.services.members import rules_of
    from cellsec.services.rule_settings import set_rule, set_rule_value

    create_demo(store, today=TODAY, meetings=False)
    criteria = [dict(c) for c in rules_of(store)["comment_criteria"]]
    criteria[0]["label"] = "Gương mẫu chấp hành chủ trương, chính sách ở địa phương"
    criteria.append(
        {
            "label": "Tham gia giữ gìn vệ sinh môi trường",
            "levels": ["Tích cực", "Có tham gia", "Chưa tham gia"],
        }
    )
    set_rule_value(store, "comment_criteria", criteria)
    new_key = rules_of(store)["comment_criteria"][-1]["key"]
    set_rule_value(store, "comment_short_criteria", ["civic", "ethics", new_key, "proposal"])
    set_rule(store, "vote_special_majority_at_least", "3/4")
    set_rule(store, "comment_routine_deadline", "30/11")
    person, _ = save_liaison(
        store,
        {
            "full_name": "Trần Văn Hải",
            "sex": "Nam",
            "birth_date": "12/04/1982",
            "category": "regular",
            "address": "Xóm 2",
            "workplace": "Trường THPT Thanh Sơn",
            "workplace_party_org": "Chi bộ Trường THPT",
            "received_date": "10/02/2024",
        },
        today=TODAY,
    )
    answers = {c["key"]: 0 for c in rules_of(store)["comment_criteria"]}
    fill_sheet(
        store,
        person,
        2026,
        answers,
        "Gương mẫu.",
        {"front_met_date": "01/11/2026", "signed_date": "02/11/2026", "sent_date": "03/11/2026"},
        variant="full",
        today=TODAY,
    )
    # WHEN the cell is exported and imported into a new file
    data = export_cell(store)
    assert data["rule_settings"] == store.settings.overrides()
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        # THEN the new file has the cell's rules, and the sheet with the sixth criterion
        assert copy.settings.overrides() == store.settings.overrides()
        sheets = copy.liaison.sheets(2026)
        assert len(sheets) == 1 and sheets[0].criteria == answers and sheets[0].sent_date
        assert rules_of(copy)["comment_short_criteria"] == rules_of(store)["comment_short_criteria"]
    # and without its settings (an export made before they travelled) the sheet is refused
    data.pop("rule_settings")
    with (
        Store.open(tmp_path / "old-way.cellsec") as copy,
        pytest.raises(ValidationError, match="không có trong phiếu này"),
    ):
        import_cell(copy, data, today=TODAY)


@pytest.mark.parametrize(
    "settings,fragment",
    [
        (
            {"vote_majority_more_than": [3, 2]},
            "^Thiết lập quy định: Biểu quyết thông qua nghị quyết.*tỷ lệ 3/2 phải lớn hơn 0 và nhỏ hơn 1",
        ),
        ({"attached_out_present_votes": "có lẽ"}, "ghi “Có” hoặc “Không”"),
        ({"document_type_code_cell": ["CB"]}, "giá trị không hợp lệ"),
        ({"probation_months": "mười hai"}, "không phải số nguyên dương"),
        ({"comment_short_criteria": ["khong_co"]}, "tiêu chí “khong_co” không có"),
        ({"no_such_rule": 1}, "“no_such_rule”"),
        (["probation_months"], "Thiết lập quy định"),
    ],
)
def test_rule_settings_in_an_export_pass_the_settings_checks(store, tmp_path, settings, fragment):
    # GIVEN an export whose rule settings the settings dialog would refuse
    create_demo(store, today=TODAY)
    data = export_cell(store)
    data["rule_settings"] = settings
    # WHEN it is imported THEN it is refused naming the setting, and nothing is written
    with Store.open(tmp_path / "copy.cellsec") as copy:
        with pytest.raises(ValidationError, match=fragment):
            import_cell(copy, data, today=TODAY)
        assert copy.members.count() == 0 and copy.settings.overrides() == {}
