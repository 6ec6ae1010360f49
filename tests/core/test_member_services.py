"""Member services: validation with the field named, nothing written on error, duplicates,
events that contradict the history, the roll as of a date."""

from __future__ import annotations

from datetime import date

import pytest
from factories import TODAY, entry_form, member_form

from cellsec.entities.members import EventKind, Presence
from cellsec.errors import ValidationError
from cellsec.services.member_form import parse_member
from cellsec.services.members import add_event, add_member, delete_event, find_duplicates, update_member
from cellsec.services.register import StatusFilter, filter_rows, load_register, summarise


def test_add_member_stores_text_identifiers_with_leading_zeros(store):
    member_id, changes = add_member(store, member_form(), entry_form(), today=TODAY)
    m = store.members.get(member_id)
    assert changes.members and member_id in changes.member_ids
    assert m.full_name == "Nguyễn Văn Đức"
    assert m.citizen_id == "025088001234" and m.party_card_no == "012345678901"
    assert m.phone == "0912345678"
    kinds = [e.kind for e in store.members.events_of(member_id)]
    assert kinds == [EventKind.ADMITTED, EventKind.RECOGNISED]


def test_decomposed_input_is_stored_composed(store):
    import unicodedata

    form = member_form(
        full_name=unicodedata.normalize("NFD", "đặng thị ánh"), sex="Nữ", citizen_id="", party_card_no=""
    )
    member_id, _ = add_member(store, form, entry_form(), today=TODAY)
    assert store.members.get(member_id).full_name == unicodedata.normalize("NFC", "Đặng Thị Ánh")


@pytest.mark.parametrize(
    "field,value,label",
    [
        ("full_name", "", "Họ và tên"),
        ("full_name", "Nguyễn 123", "Họ và tên"),
        ("birth_date", "31/02/1990", "Ngày sinh"),
        ("birth_date", "01/01/2030", "Ngày sinh"),
        ("citizen_id", "12345", "Số CCCD"),
        ("party_card_no", "12345678901A", "Số thẻ đảng viên"),
        ("phone", "12345", "Điện thoại"),
        ("sex", "", "Giới tính"),
        ("military_to", "01/01/1990", "Ngày xuất ngũ"),
    ],
)
def test_bad_member_field_is_named_and_nothing_is_written(store, field, value, label):
    form = member_form(**{field: value})
    if field == "military_to":
        form["military_from"] = "01/01/2008"
    with pytest.raises(ValidationError) as err:
        add_member(store, form, entry_form(), today=TODAY)
    assert str(err.value).startswith(label + ":")
    assert err.value.key == field
    assert store.members.count() == 0


@pytest.mark.parametrize(
    "entry,key",
    [
        (entry_form(admission_date=""), "admission_date"),
        (entry_form(official_date="01/06/2014"), "official_date"),  # before 12 months of probation
        (entry_form(admission_date="01/01/2000"), "admission_date"),  # under 18
        (entry_form(entry_kind="transferred_in", joined_date=""), "joined_date"),
        (entry_form(entry_kind="transferred_in", joined_date="01/01/2020", origin=""), "origin"),
    ],
)
def test_bad_entry_is_refused_and_nothing_is_written(store, entry, key):
    with pytest.raises(ValidationError) as err:
        add_member(store, member_form(), entry, today=TODAY)
    assert err.value.key == key
    assert store.members.count() == 0


def test_duplicates_are_found_by_name_and_birth_date_or_identifiers(store):
    add_member(store, member_form(), entry_form(), today=TODAY)
    same_name = parse_member(member_form(citizen_id="", party_card_no=""), today=TODAY)
    same_card = parse_member(member_form(full_name="Lê Văn An", citizen_id=""), today=TODAY)
    other = parse_member(member_form(full_name="Lê Văn An", citizen_id="", party_card_no=""), today=TODAY)
    assert [m.full_name for m in find_duplicates(store, same_name)] == ["Nguyễn Văn Đức"]
    assert len(find_duplicates(store, same_card)) == 1
    assert find_duplicates(store, other) == []


def test_update_member_changes_fields_and_keeps_events(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    update_member(store, member_id, member_form(phone="0987654321", occupation="Nông dân"), today=TODAY)
    m = store.members.get(member_id)
    assert m.phone == "0987654321" and m.occupation == "Nông dân"
    assert len(store.members.events_of(member_id)) == 2


def test_event_that_contradicts_the_status_is_refused_and_not_written(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    with pytest.raises(ValidationError, match="chỉ công nhận chính thức cho đảng viên dự bị"):
        add_event(store, member_id, {"kind": "recognised", "date": "01/01/2020"}, today=TODAY)
    with pytest.raises(ValidationError, match="Ngày"):
        add_event(store, member_id, {"kind": "exempted", "date": "32/01/2020"}, today=TODAY)
    assert len(store.members.events_of(member_id)) == 2


def test_exemption_event_then_delete_it(store):
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    add_event(
        store, member_id, {"kind": "exempted", "date": "01/06/2026", "detail": "Ốm dài ngày"}, today=TODAY
    )
    rows = load_register(store, TODAY)
    assert rows[0].state.exempted
    exemption = store.members.events_of(member_id)[-1]
    delete_event(store, member_id, exemption.id)
    assert not load_register(store, TODAY)[0].state.exempted
    only_left = store.members.events_of(member_id)
    delete_event(store, member_id, only_left[1].id)
    with pytest.raises(ValidationError, match="sự kiện duy nhất"):
        delete_event(store, member_id, only_left[0].id)


def test_probation_rule_applies_to_recognition_events(store):
    member_id, _ = add_member(
        store, member_form(), entry_form(admission_date="01/03/2026", official_date=""), today=TODAY
    )
    with pytest.raises(ValidationError, match="chưa hết 12 tháng dự bị"):
        add_event(store, member_id, {"kind": "recognised", "date": "01/10/2026"}, today=TODAY)


def test_roll_as_of_a_date_and_summary_with_the_demo_cell(store):
    from cellsec.demo.cell import create_demo
    from cellsec.services.profile import save_profile  # noqa: F401  (profile comes with the demo)

    s2 = store
    # the fixture already saved a profile; the demo needs an empty register only
    create_demo(s2, today=TODAY, meetings=False)
    rows = load_register(s2, TODAY)
    summary = summarise(rows, TODAY)
    assert summary.total == summary.full + summary.probationary
    assert summary.probationary == 4 and summary.exempted == 3
    assert summary.attached_out == 1 and summary.guests == 2
    names = {r.member.full_name for r in filter_rows(rows, "nguyen van duc", StatusFilter.ROLL)}
    assert names == {"Nguyễn Văn Đức"}
    # A year earlier, the three probationary members were not admitted yet.
    earlier = summarise(load_register(s2, date(2025, 11, 22)), date(2025, 11, 22))
    assert earlier.probationary == 0
    left = filter_rows(rows, "", StatusFilter.LEFT)
    assert {r.state.label for r in left} == {"Từ trần", "Đã chuyển đi"}
    assert all(r.state.presence is Presence.LEFT for r in left)
