"""Services validate their own input: whatever a dialog, an import or a script passes — None,
numbers where text belongs, absurd ids and years, lone surrogates, duplicated ids — the answer
is a Vietnamese ValidationError naming the field and nothing is written; and no lifecycle edit
can take away the event that brought a member into the Party."""

from __future__ import annotations

import pytest
from db_checks import row_counts, sound
from factories import TODAY, entry_form, member_form

from cellsec.entities.liaison import LiaisonStatus
from cellsec.errors import ValidationError
from cellsec.services.liaison import change_status, fill_sheet, record_request, save_gathering, save_liaison
from cellsec.services.members import add_event, add_member, delete_event, update_event, update_member
from cellsec.services.profile import save_profile
from cellsec.services.rule_settings import reset_rule, set_rule
from cellsec.services.superiors import assign_follower, save_superior
from cellsec.services.working_away import add_contact, start_working_away, update_dues

LIAISON = {
    "full_name": "Trần Văn Hải",
    "sex": "Nam",
    "workplace": "Trường THPT Thanh Sơn",
    "received_date": "22/07/2023",
}


def refused(store, action, fragment: str = ""):
    """The action is refused with a message (containing `fragment`) and writes nothing."""
    before = row_counts(store.path)
    with pytest.raises(ValidationError) as err:
        action()
    assert str(err.value) and fragment in str(err.value), str(err.value)
    assert row_counts(store.path) == before
    assert sound(store) == []
    return err.value


def test_the_admission_cannot_be_deleted_even_when_the_rest_holds_together(store):
    # GIVEN a member admitted in 1990 who has died
    member_id, _ = add_member(store, member_form(), entry_form(official_date=""), today=TODAY)
    add_event(store, member_id, {"kind": "deceased", "date": "01/03/2020"}, today=TODAY)
    admission = next(e for e in store.members.events_of(member_id) if e.kind.value == "admitted")
    # WHEN the secretary deletes the admission (before: accepted, the member had no admission)
    refused(store, lambda: delete_event(store, member_id, admission.id), "Kết nạp vào Đảng")
    # THEN the history still starts with it; turning it into another kind is refused as well
    refused(
        store,
        lambda: update_event(
            store, member_id, admission.id, {"kind": "deceased", "date": "03/02/2014"}, today=TODAY
        ),
    )
    assert [e.kind.value for e in store.members.events_of(member_id)] == ["admitted", "deceased"]


def test_a_transferred_member_keeps_the_event_that_brought_them_here(store):
    member_id, _ = add_member(
        store,
        member_form(),
        entry_form(entry_kind="transferred_in", origin="Chi bộ thôn Yên Thế", joined_date="01/06/2020"),
        today=TODAY,
    )
    arrival = next(e for e in store.members.events_of(member_id) if e.kind.value == "transferred_in")
    refused(store, lambda: delete_event(store, member_id, arrival.id), "vào chi bộ")


@pytest.mark.parametrize("value", [12345, 3.5, ["Nguyễn Văn A"], {"a": 1}, b"bytes", True])
def test_a_value_that_is_not_text_is_refused_naming_the_field(store, value):
    err = refused(
        store, lambda: add_member(store, member_form(hometown=value), entry_form(), today=TODAY), "Quê quán"
    )
    assert err.key == "hometown"
    refused(
        store,
        lambda: add_member(store, member_form(), entry_form(admission_date=value), today=TODAY),
        "Ngày kết nạp",
    )
    refused(store, lambda: save_profile(store, {"cell_name": value}), "Tên chi bộ")
    refused(store, lambda: save_superior(store, {"name": "Hoàng Minh Tuấn", "phone": value}), "Điện thoại")
    refused(store, lambda: save_liaison(store, {**LIAISON, "notes": value}, today=TODAY), "Ghi chú")


def test_none_where_text_is_needed_is_a_missing_field(store):
    refused(
        store,
        lambda: add_member(store, member_form(full_name=None), entry_form(), today=TODAY),
        "Họ và tên: chưa nhập",
    )
    refused(store, lambda: save_liaison(store, {**LIAISON, "workplace": None}, today=TODAY), "chưa nhập")
    refused(store, lambda: set_rule(store, "probation_months", None), "không phải số")


@pytest.mark.parametrize("bad_id", [10**30, -1, 0, "1", None, 2.0, True])
def test_ids_that_cannot_name_a_record_are_not_found_not_a_crash(store, bad_id):
    # Before: 10**30 reached SQLite ("Python int too large"), "1" or None slipped through
    add_member(store, member_form(), entry_form(), today=TODAY)
    refused(store, lambda: update_member(store, bad_id, member_form(), today=TODAY), "Không tìm thấy")
    refused(
        store,
        lambda: add_event(store, bad_id, {"kind": "exempted", "date": "01/01/2024"}, today=TODAY),
        "Không tìm thấy",
    )
    refused(store, lambda: delete_event(store, 1, bad_id), "Không tìm thấy")
    refused(store, lambda: change_status(store, bad_id, LiaisonStatus.MOVED, "01/01/2024"), "Không tìm thấy")
    refused(store, lambda: assign_follower(store, bad_id, "01/01/2024"), "Không tìm thấy")
    refused(
        store, lambda: add_contact(store, bad_id, "01/01/2024", "Điện thoại", "Hỏi thăm"), "Không tìm thấy"
    )
    refused(store, lambda: update_dues(store, bad_id, "Nộp trước"), "Không tìm thấy")


def test_out_of_range_years_and_levels_are_refused(store):
    liaison_id, _ = save_liaison(store, LIAISON, today=TODAY)
    for year in (10**20, -5, 1700, "2026", True):
        refused(
            store, lambda year=year: record_request(store, liaison_id, year, "01/11/2026", "Trường"), "Năm"
        )
    for level in (10**30, 3, -1, True, 1.0, "0"):
        refused(
            store,
            lambda level=level: fill_sheet(store, liaison_id, 2026, {"civic": level}, "", {}, today=TODAY),
            "ba mức",
        )
    refused(store, lambda: fill_sheet(store, liaison_id, 2026, ["civic"], "", {}, today=TODAY), "Tiêu chí")


def test_a_gathering_with_a_person_marked_twice_is_refused_not_an_integrity_error(store):
    # Before: the same id twice reached SQLite's primary key as an IntegrityError
    liaison_id, _ = save_liaison(store, LIAISON, today=TODAY)
    gid, _ = save_gathering(store, "01/11/2026", "Nhà văn hóa", "", [liaison_id, liaison_id], today=TODAY)
    assert store.liaison.gatherings()[0].present == (liaison_id,)
    refused(store, lambda: save_gathering(store, "01/11/2026", "", "", ["x"], today=TODAY), "Điểm danh")
    refused(
        store,
        lambda: save_gathering(store, "01/11/2026", "", "", [], gathering_id=999, today=TODAY),
        "Không tìm thấy",
    )


def test_lone_surrogates_and_control_characters_never_reach_the_store(store):
    # A broken emoji from a paste (a lone surrogate) made saving fail with UnicodeEncodeError
    member_id, _ = add_member(
        store, member_form(notes="Ghi chú \ud83d", occupation="Nông\x00dân"), entry_form(), today=TODAY
    )
    m = store.members.get(member_id)
    assert m.notes == "Ghi chú \ufffd" and m.occupation == "Nôngdân"
    save_liaison(store, {**LIAISON, "address": "Xóm 2\x0bthôn Tân Hồng"}, today=TODAY)
    assert store.liaison.members()[0].address == "Xóm 2\nthôn Tân Hồng"


def test_rule_settings_refuse_keys_and_values_of_the_wrong_kind(store):
    refused(store, lambda: set_rule(store, ["probation_months"], "12"), "không sửa được")
    refused(store, lambda: set_rule(store, "probation_months", 12), "không phải văn bản")
    refused(store, lambda: reset_rule(store, {"x": 1}), "không sửa được")
    refused(store, lambda: reset_rule(store, "no_such_rule"), "không sửa được")


def test_working_away_refuses_a_member_chosen_as_anything_but_its_id(store):
    add_member(store, member_form(), entry_form(), today=TODAY)
    form = {
        "arrangement": "temporary_transfer",
        "application_date": "01/01/2026",
        "start": "15/01/2026",
        "end": "15/12/2026",
        "destination": "Hà Nội",
    }
    for member_id in ("١", "1.0", "99999999999999999999999", "-1", "2"):
        refused(
            store,
            lambda member_id=member_id: start_working_away(
                store, {**form, "member_id": member_id}, today=TODAY
            ),
            "Đảng viên",
        )
    start_working_away(store, {**form, "member_id": "1"}, today=TODAY)
    assert len(store.liaison.working_away()) == 1
