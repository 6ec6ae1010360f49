"""A corpus of hostile whole-cell files — truncated, type-swapped, ids colliding, unicode junk,
deeply nested, enormous, null everywhere — each one the demo cell's export with one defect.
Every one is refused with a Vietnamese ValidationError, writes nothing into an empty data file,
and leaves no new data file behind when the CLI import would have created one."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from db_checks import integrity_problems, row_counts
from factories import TODAY

from cellsec.demo.cell import create_demo
from cellsec.errors import ValidationError
from cellsec.services.cell_io import export_cell, import_cell_file, import_into_data_file
from cellsec.store import Store


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("src") / "demo.cellsec") as store:
        create_demo(store, today=TODAY)
        return export_cell(store)


def _set(path: str, value):
    """A defect: the value at a dotted path ("members.1.events") replaced."""

    def change(data):
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[int(last) if isinstance(node, list) else last] = value
        return data

    return change


def _do(*steps):
    def change(data):
        for step in steps:
            data = step(data)
        return data

    return change


def _copy_id(kind: str, src: int, dest: int, key: str = "id"):
    def change(data):
        data[kind][dest][key] = data[kind][src][key]
        return data

    return change


def _nested(depth: int, leaf=1):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _nulls(kind: str):
    """Null everywhere in the first record of a list."""

    def change(data):
        data[kind][0] = {k: None for k in data[kind][0]}
        return data

    return change


def _text(mutate):
    """A defect in the bytes of the file rather than its JSON."""

    def change(data):
        return mutate(json.dumps(data, ensure_ascii=False).encode("utf-8"))

    return change


def _first_event_id(data, member: int):
    return data["members"][member]["events"][0]["id"]


def _in_sealed_count(data, key, value):
    """A defect in the absent list of a sealed record (ids are outside the digest, so the seal
    still verifies and the record itself must refuse it)."""
    for m in data["meetings"]:
        absent = m.get("seal", {}).get("record", {}).get("count", {}).get("absent_no_reason")
        if absent:
            if key is None:
                m["seal"]["record"]["count"]["absent_no_reason"][0] = value
            else:
                absent[0][key] = value
            return data
    raise AssertionError("the demo has no sealed minutes with an absent member")


# Python's own wording that must never reach a user ("string indices must be integers", ...)
PYTHON_TEXT = re.compile(
    r"\b(must be|object|indices|unhashable|invalid literal|has no "
    r"attribute|expected|not subscriptable|Traceback)\b"
)
GENERIC = "dữ liệu không đúng định dạng. Chưa nhập gì"


CASES = {
    # truncations and encodings
    "truncated_at_10%": _text(lambda b: b[: len(b) // 10]),
    "truncated_at_half": _text(lambda b: b[: len(b) // 2]),
    "truncated_last_byte": _text(lambda b: b[:-1]),
    "empty_file": _text(lambda b: b""),
    "invalid_utf8": _text(lambda b: b[:100] + b"\xff\xfe\xc3" + b[100:]),
    "utf16_file": _text(lambda b: b.decode("utf-8").encode("utf-16")),
    "nul_bytes": _text(lambda b: b"\x00" * 64 + b),
    "binary_garbage": _text(lambda b: bytes(range(256)) * 4),
    # the top level
    "top_level_list": lambda d: [d],
    "top_level_string": lambda d: "cellsec-cell",
    "top_level_null": lambda d: None,
    "format_missing": _set("format", None),
    "version_as_text": _set("version", "1"),
    "version_true": _set("version", True),
    "version_unknown": _set("version", 2),
    "members_missing": lambda d: {k: v for k, v in d.items() if k != "members"},
    "members_as_object": _set("members", {"0": {}}),
    "members_null_items": _set("members", [None, None]),
    "meetings_as_text": _set("meetings", "tất cả"),
    "superiors_as_number": _set("superiors", 7),
    # profile
    "profile_list": _set("profile", ["Chi bộ"]),
    "profile_name_number": _set("profile.cell_name", 12345),
    "profile_bad_date": _set("profile.term_start", "2025-13-01"),
    "profile_nested": _set("profile.secretary", {"a": {"b": ["c"]}}),
    # members and their events: types swapped, fields missing
    "member_is_list": _set("members.3", ["Nguyễn Văn A"]),
    "member_name_null": _set("members.2.full_name", None),
    "member_name_number": _set("members.2.full_name", 12345),
    "member_sex_unknown": _set("members.2.sex", "x"),
    "member_birth_number": _set("members.2.birth_date", 19620412),
    "member_birth_dmy": _set("members.2.birth_date", "12/04/1962"),
    "member_birth_year_0001": _set("members.2.birth_date", "0001-01-01"),
    "member_cccd_number": _set("members.2.citizen_id", 25908301661),
    "member_events_text": _set("members.2.events", "admitted"),
    "member_events_number": _set("members.2.events", 5),
    "member_events_numbers": _set("members.2.events", [1, 2]),
    "member_no_events": _set("members.2.events", []),
    "event_kind_unknown": _set("members.2.events.0.kind", "promoted"),
    "event_date_null": _set("members.2.events.0.date", None),
    "event_kind_missing": lambda d: (d["members"][2]["events"][0].pop("kind"), d)[1],
    "history_without_admission": lambda d: (d["members"][2]["events"].pop(0), d)[1],
    "member_id_text": _set("members.1.id", "1"),
    "member_id_true": _set("members.1.id", True),
    "member_id_huge": _set("members.1.id", 10**30),
    "member_id_negative": _set("members.1.id", -4),
    "member_id_float": _set("members.1.id", 1.5),
    # ids that collide: every reference to them would point at the wrong record
    "member_ids_collide": _copy_id("members", 0, 1),
    "event_ids_collide": lambda d: _set("members.5.events.0.id", _first_event_id(d, 4))(d),
    "superior_ids_collide": _copy_id("superiors", 0, 1),
    "liaison_ids_collide": _copy_id("liaison_members", 0, 1),
    "direction_ids_collide": _copy_id("directions", 0, 1),
    "meeting_ids_collide": _copy_id("meetings", 0, 1),
    "gathering_ids_collide": _copy_id("liaison_gatherings", 0, 1),
    "working_away_ids_collide": _copy_id("working_away", 0, 1),
    "task_ids_collide": lambda d: _set("meetings.1.tasks.0.id", d["meetings"][0]["tasks"][0]["id"])(d),
    "sheet_twice_a_year": _do(_set("comment_sheets.1.liaison_id", 1), _set("comment_sheets.1.year", 2025)),
    "document_number_twice": _set("document_numbers.1.number", 1),
    # references to records the file does not hold, or to the wrong one
    "roll_member_unknown": _set("meetings.0.roll.0.member_id", 999),
    "away_member_unknown": _set("working_away.0.member_id", 999),
    "away_event_of_another_member": lambda d: _set("working_away.0.event_id", _first_event_id(d, 0))(d),
    "direction_meeting_unknown": _set("directions.0.meeting_id", 999),
    "notice_superior_unknown": _set("meeting_notices.0.superior_id", 999),
    "assignment_superior_unknown": _set("superior_assignments.0.superior_id", 999),
    "gathering_person_unknown": _set("liaison_gatherings.0.present", [1, 999]),
    "gathering_present_and_absent": _set("liaison_gatherings.1.absent", [1, 4]),
    "gathering_present_twice": _set("liaison_gatherings.0.present", [1, 1]),
    "sheet_person_unknown": _set("comment_sheets.0.liaison_id", 999),
    "number_meeting_unknown": _set("document_numbers.0.meeting_id", 999),
    # a decided year's sealed record: its member ids are outside the digest (found by the fuzzer)
    "sealed_review_member_id_list": _set("review_years.0.sealed_record.members.0.member_id", []),
    "sealed_review_member_unknown": _set("review_years.0.sealed_record.members.0.member_id", 999),
    # unicode junk
    "name_lone_surrogate": _set("members.2.full_name", "Nguyễn \ud800 Văn"),
    "name_right_to_left": _set("members.2.full_name", "Nguyễn \u202eVăn Đức"),
    "cccd_fullwidth_digits": _set("members.2.citizen_id", "０２５９０８３０１６６１"),
    "card_superscript_digits": _set("members.2.party_card_no", "²" * 12),
    "date_arabic_digits": _set("members.2.birth_date", "١٩٦٢-٠٤-١٢"),
    "liaison_sex_emoji": _set("liaison_members.0.sex", "🙂"),
    # enormous values
    "name_100k_chars": _set("members.2.full_name", "Nguyễn Văn " + "A" * 100_000),
    "notes_1mb": _set("members.2.notes", "x" * 1_000_000),
    "number_5000_digits": _text(lambda b: b.replace(b'"version": 1', b'"version": 1' + b"0" * 5000, 1)),
    "sheet_year_huge": _set("comment_sheets.0.year", 10**20),
    "criteria_level_huge": _set("comment_sheets.0.criteria.civic", 10**30),
    "id_infinity": _text(lambda b: b.replace(b'"id": 1,', b'"id": Infinity,', 1)),
    "year_nan": _text(lambda b: b.replace(b'"year": 2025', b'"year": NaN', 1)),
    # deep nesting
    "nesting_beyond_the_parser": _text(lambda b: b"[" * 200_000 + b"]" * 200_000),
    "nested_in_a_member_field": _set("members.2.hometown", _nested(500)),
    "nested_in_an_event_list": _set("members.2.events", _nested(300, {"kind": "admitted"})),
    "nested_in_criteria": _set("comment_sheets.0.criteria", {"civic": _nested(400)}),
    # null everywhere
    "member_all_null": _nulls("members"),
    "superior_all_null": _nulls("superiors"),
    "liaison_all_null": _nulls("liaison_members"),
    "away_all_null": _nulls("working_away"),
    "direction_all_null": _nulls("directions"),
    "notice_all_null": _nulls("meeting_notices"),
    "gathering_all_null": _nulls("liaison_gatherings"),
    "sheet_all_null": _nulls("comment_sheets"),
    "number_all_null": _nulls("document_numbers"),
    "meeting_all_null": _nulls("meetings"),
    # contradictions a form would refuse
    "notice_after_meeting": _set("meeting_notices.0.sent", "2030-01-01"),
    "assignment_ends_before_start": _set("superior_assignments.0.end", "2000-01-01"),
    "direction_status_unknown": _set("directions.0.status", "finished"),
    "direction_open_but_closed": _set("directions.0.status", "open"),
    "liaison_status_unknown": _set("liaison_members.0.history", [{"status": "gone", "date": "2026-01-01"}]),
    "liaison_history_as_object": _set("liaison_members.0.history", {"status": "moved"}),
    "sheet_variant_unknown": _set("comment_sheets.0.variant", "x"),
    "sheet_criteria_as_list": _set("comment_sheets.0.criteria", ["civic", 0]),
    "gathering_present_as_text": _set("liaison_gatherings.0.present", "1,2"),
    "away_contacts_as_text": _set("working_away.0.contacts", "gọi điện"),
    "away_returns_before_start": _set("working_away.0.returned_date", "2025-01-01"),
    "away_in_the_future": _set("working_away.0.application_date", "2099-01-01"),
    "meeting_date_list": _set("meetings.0.date", [2025, 11, 5]),
    # dates Python reads but no export writes (compact ISO), and ids of the wrong type
    "meeting_date_compact": _set("meetings.0.date", "20251105"),
    "number_date_compact": _set("document_numbers.0.date", "20251105"),
    "committee_start_compact": _set("committee_roles.0.start", "20251105"),
    "committee_member_as_list": _set("committee_roles.0.member_id", [1]),
    "committee_post_unknown": _set("committee_roles.0.post", {"a": 1}),
    "seal_absent_member_as_list": lambda d: _in_sealed_count(d, "member_id", []),
    "seal_absent_as_text": lambda d: _in_sealed_count(d, None, "vắng"),
    "meeting_roll_as_text": _set("meetings.0.roll", "cả chi bộ"),
}


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 68


def test_the_unchanged_export_imports(demo_export, tmp_path):
    # The baseline each defect differs from: it imports, so every refusal below is the defect's.
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(demo_export, ensure_ascii=False), encoding="utf-8")
    changes, count = import_into_data_file(tmp_path / "ok.cellsec", path, today=TODAY)
    assert count == len(demo_export["members"]) and changes.members


def _write_case(name, demo_export, tmp_path) -> Path:
    data = CASES[name](copy.deepcopy(demo_export))
    path = tmp_path / f"{name}.json"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        # \u escapes: a lone surrogate arrives the way JSON carries it
        path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_file_is_refused_and_writes_nothing(name, demo_export, store, tmp_path):
    # GIVEN an export with one defect, and an empty data file
    path = _write_case(name, demo_export, tmp_path)
    before = row_counts(store.path)
    # WHEN it is imported
    with pytest.raises(ValidationError) as refused:
        import_cell_file(store, path, today=TODAY)
    # THEN the refusal says what is wrong, in Vietnamese (never Python's own words, nor only
    # "wrong format" without the record), and nothing at all was written
    message = str(refused.value)
    assert message and not PYTHON_TEXT.search(message) and GENERIC not in message, message
    assert row_counts(store.path) == before
    assert integrity_problems(store.path) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_refused_cli_import_leaves_no_data_file(name, demo_export, tmp_path):
    # GIVEN a hostile export and a data file name that does not exist yet
    path = _write_case(name, demo_export, tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    # WHEN `cellsec --data data/chibo.cellsec import FILE` refuses it
    with pytest.raises(ValidationError):
        import_into_data_file(folder / "chibo.cellsec", path, today=TODAY)
    with pytest.raises(ValidationError):
        import_into_data_file(folder / "moi" / "nam-2026" / "chibo.cellsec", path, today=TODAY)
    # THEN no data file, partial or empty, no temporary file and no new folder is left
    assert list(folder.iterdir()) == []


def test_colliding_member_ids_no_longer_relink_roll_entries(demo_export, store, tmp_path):
    # GIVEN two members of the file sharing one id (a hand-merged export): before, the second
    # silently took over the first one's roll entries in every meeting
    data = copy.deepcopy(demo_export)
    data["members"][1]["id"] = data["members"][0]["id"]
    path = tmp_path / "merged.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # WHEN it is imported THEN it is refused, naming both records
    with pytest.raises(ValidationError, match=r"Đảng viên thứ 2 .*trùng với đảng viên thứ 1"):
        import_cell_file(store, path, today=TODAY)
    assert store.members.count() == 0


def test_text_with_control_characters_is_imported_clean(demo_export, store, tmp_path):
    # A Word line break and stray control characters are cleaned, not refused, not stored
    data = copy.deepcopy(demo_export)
    data["members"][2]["notes"] = "Dòng một\x0bDòng hai\x00\x1b"
    data["members"][2]["hometown"] = "Xã \ud83d Thanh Sơn"  # a broken emoji: lone surrogate
    path = tmp_path / "ctl.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    import_cell_file(store, path, today=TODAY)
    m = store.members.all()[2]
    assert m.notes == "Dòng một\nDòng hai" and m.hometown == "Xã \ufffd Thanh Sơn"


@pytest.mark.parametrize(
    "name,expected",
    [
        (
            "meeting_date_compact",
            "Buổi sinh hoạt thứ 1: Ngày sinh hoạt: ngày “20251105” không hợp lệ (cần yyyy-mm-dd).",
        ),
        ("number_date_compact", "Số văn bản thứ 1, trường “date”: phải là ngày dạng yyyy-mm-dd."),
        ("committee_start_compact", "Chi ủy, dòng thứ 1, trường “start”: phải là ngày dạng yyyy-mm-dd."),
        ("committee_member_as_list", "Chi ủy, dòng thứ 1, trường “member_id”: phải là mã số"),
        ("seal_absent_member_as_list", "Danh sách vắng: mã đảng viên phải là số nguyên."),
        ("committee_post_unknown", "Chi ủy, dòng thứ 1, trường “post”: phải là một trong:"),
    ],
)
def test_the_refusal_names_the_record_and_the_field(name, expected, demo_export, store, tmp_path):
    with pytest.raises(ValidationError) as refused:
        import_cell_file(store, _write_case(name, demo_export, tmp_path), today=TODAY)
    assert expected in str(refused.value)
