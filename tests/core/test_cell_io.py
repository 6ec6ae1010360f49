"""Whole-cell JSON export/import: lossless round trip; a bad file writes nothing."""
from __future__ import annotations

import json

import pytest

from cellsec.demo import create_demo, demo_cell_data
from cellsec.errors import ValidationError
from cellsec.services.cell_io import export_cell, export_cell_file, import_cell, import_cell_file
from cellsec.store import Store
from core_forms import TODAY


def _strip_volatile(data):
    data = json.loads(json.dumps(data))
    data.pop("exported_at")
    data.pop("audit_log")   # the new file's trail records the import itself
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


def test_identifiers_stay_text_with_leading_zeros_in_the_export(store):
    create_demo(store, today=TODAY)
    data = export_cell(store)
    assert all(isinstance(m["citizen_id"], str) and m["citizen_id"].startswith("025")
               for m in data["members"])


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


@pytest.mark.parametrize("content,fragment", [
    ("{not json", "không phải JSON hợp lệ"),
    ('{"format": "something-else"}', "không phải bản xuất"),
    ('{"format": "cellsec-cell", "version": 99, "members": []}', "không được hỗ trợ"),
    ('{"format": "cellsec-cell", "version": 1, "members": [{"full_name": 5}]}', "Đảng viên thứ 1"),
])
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
    assert len(data["meetings"]) == 13     # 12 cell meetings and a committee meeting
    # WHEN it is imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        ids = copy.meetings.all_ids()
        meetings = [copy.meetings.get(i) for i in ids]
        # THEN every minutes entry is still approved, numbered and verifies; reviews point at
        # the earlier meeting's tasks in the new file
        assert all(m.approved and check_record(copy, m.id).ok for m in meetings)
        assert [m.resolution_number for m in meetings if m.resolution_number] == \
            [f"{n:02d}-NQ" for n in range(1, 13)]
        assert meetings[1].reviews[0].task.content == meetings[0].tasks[0].content or \
            meetings[1].reviews[0].task.content == meetings[0].tasks[1].content


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
    return subprocess.run([sys.executable, "-m", "cellsec.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120, cwd=cwd)


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
    assert [p.name for p in folder.iterdir()] == ["chibo.cellsec"]
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
    for read, path, words in ((read_cell_file, folder, "không đọc “chibo.json” được"),
                              (read_table, broken, "tệp hỏng hoặc không phải .xlsx.")):
        with pytest.raises(ValidationError) as refused:
            read(path)
        message = str(refused.value)
        assert path.name in message and words in message, message
        assert not any(english in message for english in ("Errno", "zip", "directory")), message
