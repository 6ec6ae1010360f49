"""Importing a member roll from Excel/CSV: mapping, encodings, problems, duplicates, one
transaction."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from factories import TODAY, entry_form, member_form
from test_spreadsheet_samples import HEADERS, person, write_csv, write_xlsx

from cellsec.entities.members import EventKind
from cellsec.errors import ValidationError
from cellsec.services.members import add_member
from cellsec.spreadsheets import (
    RowAction,
    RowChoice,
    auto_map,
    import_rows,
    match_header,
    preview_import,
    recheck_row,
)
from cellsec.spreadsheets.legacy import to_tcvn3, to_vni


def preview(store, path, **kw):
    return preview_import(store, path, today=TODAY, **kw)


# --- headers -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "header, field",
    [
        ("Họ và tên", "full_name"),
        ("Họ tên", "full_name"),
        ("Ho ten", "full_name"),
        ("HỌ VÀ TÊN", "full_name"),
        ("Họ và tên đảng viên", "full_name"),
        ("Ngày sinh", "birth_date"),
        ("NS", "birth_date"),
        ("Ngay sinh", "birth_date"),
        ("Ngày, tháng, năm sinh", "birth_date"),
        ("Giới tính", "sex"),
        ("Nam/Nữ", "sex"),
        ("Gioi tinh", "sex"),
        ("Số thẻ đảng", "party_card_no"),
        ("Số thẻ ĐV", "party_card_no"),
        ("So the dang vien", "party_card_no"),
        ("Số thẻ đảng cũ", "old_card_no"),
        ("CCCD", "citizen_id"),
        ("Số CCCD", "citizen_id"),
        ("CMND/CCCD", "citizen_id"),
        ("Điện thoại", "phone"),
        ("SĐT", "phone"),
        ("SDT", "phone"),
        ("Số ĐT liên hệ", "phone"),
        ("Ngày vào Đảng", "admission_date"),
        ("Ngày kết nạp", "admission_date"),
        ("Ngay vao Dang", "admission_date"),
        ("Ngày chính thức", "official_date"),
        ("Ngày vào Đảng chính thức", "official_date"),
        ("Quê quán", "hometown"),
        ("Que quan", "hometown"),
        ("Nơi thường trú", "permanent_address"),
        ("Dân tộc", "ethnicity"),
        ("Tôn giáo", "religion"),
        ("Nghề nghiệp", "occupation"),
        ("Trình độ LLCT", "political_theory"),
        ("Ghi chú", "notes"),
        ("Ghi chu", "notes"),
        ("Hình thức", "entry_kind"),
        ("Chuyển đến từ", "origin"),
        ("Nơi sinh hoạt trước", "origin"),
        ("Ngày sinh hoạt tại chi bộ", "joined_date"),
    ],
)
def test_vietnamese_headers_map_with_or_without_diacritics(header, field):
    assert match_header(header) == field


def test_unknown_and_ignored_headers_map_to_nothing():
    mapping = auto_map(["STT", "Họ tên", "Cột lạ", "Tuổi đảng", "Ngày sinh"])
    assert mapping == {"full_name": 1, "birth_date": 4}


def test_header_row_is_found_below_a_title(store, tmp_path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [person(1, "Nguyễn Văn Mẫu")],
        before=[["DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN MẪU"], [], ["Tính đến 2026"]],
    )
    p = preview(store, path)
    assert p.header_row == 4
    assert [r.row for r in p.rows] == [5]
    assert p.rows[0].action is RowAction.ADD


def test_no_header_row_is_a_clear_error(store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [["a", "b"]], headers=["Cột 1", "Cột 2"])
    with pytest.raises(ValidationError, match="dòng tiêu đề"):
        preview(store, path)


def test_manual_mapping_overrides_the_automatic_one(store, tmp_path):
    headers = ["Tên ĐV", "Giới tính", "Ngày sinh", "Vào Đảng ngày", "Chính thức"]
    path = write_xlsx(
        tmp_path / "r.xlsx", [["Lê Văn Mẫu", "Nam", "01/01/1960", "02/02/1990", "02/02/1991"]], headers
    )
    p = preview(store, path, mapping={"full_name": "Tên ĐV", "admission_date": "D"})
    assert p.mapping["full_name"] == 0 and p.mapping["admission_date"] == 3
    assert p.rows[0].action is RowAction.ADD
    assert p.rows[0].member.full_name == "Lê Văn Mẫu"
    # A field can be left out by mapping it to nothing.
    p = preview(store, path, mapping={"full_name": "Tên ĐV", "admission_date": 3, "official_date": None})
    assert "official_date" not in p.mapping
    assert [e.kind for e in p.rows[0].events] == [EventKind.ADMITTED]


# --- encodings ---------------------------------------------------------------------------------
MIXED = ["Nguyễn Văn Đức", "Trần Thị Hường", "Phạm Quốc Tuấn", "Đặng Văn Khải"]


def test_a_roll_with_mixed_encodings_gives_nfc_names(store, tmp_path):
    # GIVEN one name per encoding: Unicode, TCVN3, VNI and decomposed Unicode (Unikey "tổ hợp")
    names = [MIXED[0], to_tcvn3(MIXED[1]), to_vni(MIXED[2]), unicodedata.normalize("NFD", MIXED[3])]
    rows = [
        person(i, name, **{"Quê quán": to_tcvn3("Thôn Tân Hồng") if i == 2 else "Hà Nội"})
        for i, name in enumerate(names, start=1)
    ]
    path = write_xlsx(tmp_path / "r.xlsx", rows)
    # WHEN previewed
    p = preview(store, path)
    # THEN every name is the right NFC text and the conversions are noted
    got = [r.member.full_name for r in p.rows]
    assert got == MIXED
    assert all(unicodedata.is_normalized("NFC", n) for n in got)
    assert p.rows[1].member.hometown == "Thôn Tân Hồng"
    assert any("TCVN3" in n for n in p.rows[1].notes)
    assert any("VNI" in n for n in p.rows[2].notes)
    assert any("TCVN3" in n for n in p.notes) and any("VNI" in n for n in p.notes)


def test_headers_typed_in_tcvn3_are_recognised(store, tmp_path):
    headers = [to_tcvn3(h) for h in HEADERS]
    path = write_xlsx(tmp_path / "r.xlsx", [person(1, to_tcvn3("Lê Văn Mẫu"))], headers)
    p = preview(store, path)
    assert p.mapping["full_name"] == 1 and p.mapping["hometown"] == 9
    assert p.rows[0].member.full_name == "Lê Văn Mẫu"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258", "utf-16"])
def test_csv_in_each_unicode_or_vietnamese_code_page(store, tmp_path, encoding):
    path = write_csv(
        tmp_path / "r.csv", [person(1, "Nguyễn Thị Hường", **{"Giới tính": "Nữ"})], encoding=encoding
    )
    p = preview(store, path)
    assert p.rows[0].member.full_name == "Nguyễn Thị Hường"
    assert p.rows[0].member.sex.label == "Nữ"


def test_csv_of_tcvn3_bytes_with_semicolons(store, tmp_path):
    # GIVEN a CSV Excel saved on an old PC: TCVN3 font codes as bytes, ";" as separator
    rows = [
        person(
            1,
            to_tcvn3("Trần Thị Hường"),
            **{"Giới tính": to_tcvn3("Nữ"), "Quê quán": to_tcvn3("Xã Thanh Sơn")},
        )
    ]
    headers = [to_tcvn3(h) for h in HEADERS]
    path = write_csv(tmp_path / "r.csv", rows, headers, encoding="latin-1", delimiter=";")
    p = preview(store, path)
    member = p.rows[0].member
    assert member is not None, p.rows[0].problems
    assert member.full_name == "Trần Thị Hường" and member.hometown == "Xã Thanh Sơn"


# --- cells: dates and identifiers --------------------------------------------------------------
def test_real_dates_numbers_and_strings_all_become_dates(store, tmp_path):
    rows = [
        person(1, "Lê Văn Một", **{"Ngày sinh": datetime(1970, 3, 5)}),
        person(2, "Lê Văn Hai", **{"Ngày sinh": "1970-03-06"}),
        person(3, "Lê Văn Ba", **{"Ngày sinh": 25634}),
    ]  # Excel serial of 7/3/1970
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    assert [r.member.birth_date.day for r in p.rows] == [5, 6, 7]
    assert any("25634" in n for n in p.rows[2].notes)


def test_leading_zeros_are_restored_with_a_note(store, tmp_path):
    # GIVEN identifiers that Excel stored as numbers
    rows = [
        person(1, "Lê Văn Mẫu", **{"Số CCCD": 25070000001, "Số thẻ đảng viên": 10000000001, "SĐT": 912300001})
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    m = p.rows[0].member
    assert (m.citizen_id, m.party_card_no, m.phone) == ("025070000001", "010000000001", "0912300001")
    notes = " ".join(p.rows[0].notes)
    assert "025070000001" in notes and "010000000001" in notes and "0912300001" in notes
    assert p.rows[0].action is RowAction.ADD


def test_csv_digits_that_lost_zeros_are_restored_too(store, tmp_path):
    rows = [person(1, "Lê Văn Mẫu", **{"Số CCCD": "25070000001", "SĐT": "912300001"})]
    p = preview(store, write_csv(tmp_path / "r.csv", rows))
    assert p.rows[0].member.citizen_id == "025070000001"
    assert len(p.rows[0].notes) == 2


def test_identifier_in_scientific_notation_is_a_problem(store, tmp_path):
    rows = [person(1, "Lê Văn Mẫu", **{"Số CCCD": "2.5E+11"})]
    p = preview(store, write_csv(tmp_path / "r.csv", rows))
    assert p.rows[0].action is RowAction.ERROR
    assert "số mũ" in p.rows[0].problems[0].message


def test_birth_date_in_nam_nu_columns_gives_the_sex(store, tmp_path):
    # GIVEN the paper register's layout: "Ngày sinh" over two columns "Nam" | "Nữ"
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            [None, None, "Nam", "Nữ", None],
            [1, "Lê Văn Mẫu", "01/02/1960", None, "03/02/1990"],
            [2, "Lê Thị Mẫu", None, "04/05/1962", "03/02/1990"],
        ],
        headers=["STT", "Họ và tên", "Ngày sinh", None, "Ngày vào Đảng"],
    )
    p = preview(store, path)
    assert [(r.member.sex.label, r.member.birth_date.year) for r in p.rows] == [("Nam", 1960), ("Nữ", 1962)]
    assert [r.row for r in p.rows] == [3, 4]


# --- problems ----------------------------------------------------------------------------------
def test_problems_name_row_and_column(store, tmp_path):
    rows = [
        person(1, "Lê Văn Một"),
        person(2, "Lê Văn Hai", **{"Ngày sinh": "5/13/1970"}),
        person(3, "Lê Văn Ba", **{"Ngày sinh": "31/02/1970"}),
        person(4, "Lê Văn Bốn", **{"Số CCCD": "0250ABC"}),
        person(5, "", **{"Ghi chú": "x"}),
        person(6, "Lê Văn Sáu", **{"Ngày vào Đảng": ""}),
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    found = {r.row: [(x.column, x.message) for x in r.problems] for r in p.rows}
    assert found[2] == []
    assert found[3][0][0] == "Ngày sinh" and "5/13/1970" in found[3][0][1]
    assert found[4][0][0] == "Ngày sinh" and "không có trên lịch" in found[4][0][1]
    assert found[5][0][0] == "Số CCCD" and "12 chữ số" in found[5][0][1]
    assert found[6][0] == ("Họ và tên", "Họ và tên: chưa nhập.")
    assert found[7][0][0] == "Ngày vào Đảng" and "chưa nhập" in found[7][0][1]
    assert [r.action for r in p.rows] == [RowAction.ADD] + [RowAction.ERROR] * 5
    assert all(x.row == r.row for r in p.rows for x in r.problems)


def test_every_independent_problem_of_a_row_is_listed(store, tmp_path):
    rows = [
        person(
            1,
            "Lê Văn Một",
            **{"Ngày sinh": "31/02/1970", "Số CCCD": "12", "SĐT": "abc", "Ngày chính thức": "99/99/1999"},
        )
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    columns = [x.column for x in p.rows[0].problems]
    assert columns[:3] == ["Ngày sinh", "Số CCCD", "SĐT"]
    assert "Ngày chính thức" in columns


def test_rows_that_are_not_members_are_ignored_and_said(store, tmp_path):
    rows = [
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],
        person(1, "Lê Văn Một"),
        [None] * 10,
        [None, None, None, None, None, None, None, None, None, "Người lập biểu"],
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    assert [r.row for r in p.rows] == [3]
    assert p.ignored_rows == (2, 5)


# --- duplicates --------------------------------------------------------------------------------
def test_duplicates_against_the_register_and_within_the_file(store, tmp_path):
    # GIVEN a member already on the register
    add_member(
        store,
        member_form(
            full_name="Lê Văn Có", birth_date="01/03/1970", citizen_id="025070099999", party_card_no=""
        ),
        entry_form(),
        today=TODAY,
    )
    rows = [
        person(1, "Lê Văn Có"),  # same name and birth date
        person(2, "Lê Văn Khác", **{"Số CCCD": "025070099999"}),  # same citizen ID
        person(3, "Lê Văn Mới"),
        person(
            4, "Lê Văn Mới", **{"Ngày sinh": "03/03/1970", "Số CCCD": "", "Số thẻ đảng viên": ""}
        ),  # row 4 again
        person(5, "Lê Văn Thẻ", **{"Số thẻ đảng viên": "010000000003", "Số CCCD": ""}),
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    actions = {r.row: r.action for r in p.rows}
    assert actions == {
        2: RowAction.DUPLICATE,
        3: RowAction.DUPLICATE,
        4: RowAction.ADD,
        5: RowAction.DUPLICATE,
        6: RowAction.DUPLICATE,
    }
    by_row = {r.row: r.duplicates for r in p.rows}
    assert not by_row[2][0].in_file and "họ tên và ngày sinh" in by_row[2][0].text
    assert "CCCD" in by_row[3][0].text
    assert by_row[5][0].in_file and by_row[5][0].row == 4
    assert by_row[6][0].row == 4 and "thẻ" in by_row[6][0].text
    # WHEN imported with the default choices THEN only the new member is added
    changes, summary = import_rows(store, p)
    assert (summary.added, summary.skipped) == (1, 4)
    assert store.members.count() == 2 and changes.members


# --- writing -----------------------------------------------------------------------------------
def test_import_writes_members_with_their_entry_events(store, tmp_path):
    rows = [
        person(1, "Lê Văn Một"),
        person(2, "Lê Văn Hai", **{"Ngày chính thức": ""}),
        person(3, "Lê Văn Ba"),
    ]
    headers = HEADERS + ["Chuyển đến từ", "Ngày đến chi bộ"]
    rows[2] += ["Chi bộ thôn Mẫu", "01/06/2010"]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows, headers))
    assert store.members.count() == 0  # the preview writes nothing
    changes, summary = import_rows(store, p)
    assert summary.added == 3 and changes.members and len(changes.member_ids) == 3
    events = store.members.all_events()
    kinds = [[e.kind for e in events[i]] for i in summary.member_ids]
    assert kinds == [
        [EventKind.ADMITTED, EventKind.RECOGNISED],
        [EventKind.ADMITTED],
        [EventKind.ADMITTED, EventKind.RECOGNISED, EventKind.TRANSFERRED_IN],
    ]
    member = store.members.get(summary.member_ids[0])
    assert member.citizen_id == "025070000001" and member.phone == "0912300001"


def test_a_failure_in_the_middle_writes_nothing(store, tmp_path, monkeypatch):
    p = preview(
        store,
        write_xlsx(
            tmp_path / "r.xlsx",
            [person(i, f"Lê Văn {n}") for i, n in enumerate(["Một", "Hai", "Ba", "Bốn"], start=1)],
        ),
    )
    real_insert = store.members.insert
    calls = []

    def failing_insert(member, text):
        calls.append(member.full_name)
        if len(calls) == 3:
            raise RuntimeError("mất điện")
        return real_insert(member, text)

    monkeypatch.setattr(store.members, "insert", failing_insert)
    with pytest.raises(RuntimeError):
        import_rows(store, p)
    assert len(calls) == 3
    assert store.members.count() == 0 and not store.members.all_events()


def test_rows_can_be_skipped_and_fixed_rows_included(store, tmp_path):
    rows = [
        person(1, "Lê Văn Một"),
        person(2, "Lê Văn Hai", **{"Ngày sinh": "31/02/1970"}),
        person(3, "Lê Văn Ba"),
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    # A row with problems cannot be included as it is ...
    with pytest.raises(ValidationError, match="Dòng 3"):
        import_rows(store, p, {3: True})
    assert store.members.count() == 0
    # ... the UI shows the corrected row first ...
    fixed = recheck_row(store, p, 3, {"birth_date": "28/02/1970"})
    assert fixed.action is RowAction.ADD and fixed.member.birth_date.day == 28
    # ... then imports it with the correction, skipping row 4.
    _, summary = import_rows(
        store, p, {3: RowChoice(True, {"birth_date": "28/02/1970"}), 4: RowChoice(False)}
    )
    assert summary.added_rows == (2, 3) and summary.skipped_rows == (4,)
    names = sorted(m.full_name for m in store.members.all())
    assert names == ["Lê Văn Hai", "Lê Văn Một"]


def test_a_duplicate_is_imported_only_when_chosen(store, tmp_path):
    rows = [
        person(1, "Lê Văn Một"),
        person(2, "Lê Văn Một", **{"Ngày sinh": "01/03/1970", "Số CCCD": "", "Số thẻ đảng viên": ""}),
    ]
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", rows))
    assert p.rows[1].action is RowAction.DUPLICATE
    _, summary = import_rows(store, p, {3: True})
    assert summary.added == 2


def test_register_changed_since_the_preview(store, tmp_path):
    p = preview(store, write_xlsx(tmp_path / "r.xlsx", [person(1, "Lê Văn Một")]))
    import_rows(store, p)
    # The same preview again: the row is now a duplicate of what was just written.
    _, summary = import_rows(store, p)
    assert (summary.added, summary.skipped) == (0, 1)
    assert store.members.count() == 1
