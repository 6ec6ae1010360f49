"""A member who moved away with the transfer of Party activity still to do: the event that says
so, the register's word for it, and the to-do item due 60 working days after the move (a
setting, cited), until the transfer out is recorded."""

from __future__ import annotations

from datetime import date

import pytest
from due_helpers import run, states
from factories import member

from cellsec.entities.members import EventKind, MemberEvent
from cellsec.errors import ValidationError
from cellsec.rules.due import DueFacts, MemberFacts
from cellsec.rules.lifecycle import state_on
from cellsec.services.due import due_items, item_json
from cellsec.services.members import add_event, delete_event
from cellsec.services.rule_settings import set_rule
from cellsec.store import Store

K = EventKind
MOVED = date(2026, 12, 1)
ADMITTED = MemberEvent(id=10, member_id=7, kind=K.ADMITTED, date=date(2000, 2, 3), detail="Chi bộ Nhà máy")
OFFICIAL = MemberEvent(id=11, member_id=7, kind=K.RECOGNISED, date=date(2001, 2, 3))
ENTRY = MemberEvent(id=1, member_id=7, kind=K.TRANSFERRED_IN, date=date(2010, 3, 1))
PENDING = MemberEvent(id=2, member_id=7, kind=K.TRANSFER_PENDING, date=MOVED, detail="phường Hà Đông")


def _facts(*events: MemberEvent) -> DueFacts:
    return DueFacts(members=(MemberFacts(7, "Trần Văn Bình", (ENTRY, *events)),))


def _event(kind: EventKind, day: str, **more: str) -> dict[str, str]:
    form = {"kind": kind.value, "date": day, "end_date": "", "decision_ref": "", "detail": "", "note": ""}
    form.update(more)
    return form


# --- the rule on its boundary days -----------------------------------------------------------


def test_the_transfer_is_due_sixty_working_days_after_the_move():
    facts = _facts(PENDING)
    # THEN nothing the day before the move; from the move day an item, grey
    assert run("transfer_out", facts, date(2026, 11, 30)) == []
    items = run("transfer_out", facts, MOVED)
    assert [(i.who, i.state.value) for i in items] == [("Trần Văn Bình", "later")]
    item = items[0]
    # AND it says since when and where to, cites the regulation and opens the member
    assert "01/12/2026" in item.what and "phường Hà Đông" in item.what and "60 ngày làm việc" in item.what
    assert "294-QĐ/TW" in item.citation
    assert (item.target.page, item.target.part) == ("members", "member:7")
    # AND the deadline counts working days: New Year's Day and the Tết break are skipped
    assert item.due == date(2027, 3, 3)
    assert states("transfer_out", facts, date(2027, 3, 3)) == ["soon"]
    assert states("transfer_out", facts, date(2027, 3, 4)) == ["overdue"]


def test_recording_the_transfer_out_clears_it():
    done = MemberEvent(id=3, member_id=7, kind=K.TRANSFERRED_OUT, date=date(2027, 1, 20))
    assert run("transfer_out", _facts(PENDING, done), date(2027, 3, 4)) == []
    # AND so does the member leaving the roll another way
    died = MemberEvent(id=3, member_id=7, kind=K.DECEASED, date=date(2027, 1, 20))
    assert run("transfer_out", _facts(PENDING, died), date(2027, 3, 4)) == []


def test_the_number_of_working_days_is_a_setting():
    items = run("transfer_out", _facts(PENDING), MOVED, transfer_out_working_days=30)
    assert items[0].due == date(2027, 1, 13) and "30 ngày làm việc" in items[0].what


def test_a_move_recorded_on_the_same_day_as_the_transfer_is_not_pending():
    same_day = MemberEvent(id=3, member_id=7, kind=K.TRANSFERRED_OUT, date=MOVED)
    assert run("transfer_out", _facts(PENDING, same_day), MOVED) == []


# --- the event in the member's history -------------------------------------------------------


def test_the_member_stays_on_the_roll_while_the_transfer_is_pending():
    state = state_on([ADMITTED, OFFICIAL, ENTRY, PENDING], date(2026, 12, 5))
    assert state.on_roll and state.transfer_pending
    assert state.label == "Chính thức, chờ chuyển SH đi"
    out = MemberEvent(id=3, member_id=7, kind=K.TRANSFERRED_OUT, date=date(2027, 1, 20))
    after = state_on([ADMITTED, OFFICIAL, ENTRY, PENDING, out], date(2027, 1, 20))
    assert not after.on_roll and not after.transfer_pending and after.label == "Đã chuyển đi"


def test_on_a_real_file_from_the_move_to_the_transfer(store):
    # GIVEN a full member of the cell
    mid = member(store, "Trần Văn Bình", "12/04/1975", admitted="03/02/2000", official="03/02/2001")
    # WHEN the secretary records that he moved away on 01/12/2026
    add_event(store, mid, _event(K.TRANSFER_PENDING, "01/12/2026", detail="phường Hà Đông"), today=MOVED)
    # THEN the to-do list shows him, from that day, due 03/03/2027, cited, opening the member
    items = [i for i in due_items(store, date(2027, 3, 4)) if i.rule == "transfer_out"]
    assert [(i.who, i.due, i.state.value) for i in items] == [("Trần Văn Bình", date(2027, 3, 3), "overdue")]
    shown = item_json(items[0])
    assert shown["page"] == "members" and shown["part"] == f"member:{mid}"
    assert shown["citation"].startswith("Quy định 294-QĐ/TW")
    # AND a second move before the first is settled is refused, nothing written
    with pytest.raises(ValidationError, match="đang chờ chuyển sinh hoạt đi"):
        add_event(store, mid, _event(K.TRANSFER_PENDING, "10/12/2026"), today=date(2026, 12, 20))
    assert [e.kind for e in store.members.events_of(mid)].count(K.TRANSFER_PENDING) == 1
    # WHEN the transfer out is recorded
    add_event(store, mid, _event(K.TRANSFERRED_OUT, "20/01/2027"), today=date(2027, 1, 20))
    # THEN the item is gone
    assert not [i for i in due_items(store, date(2027, 3, 4)) if i.rule == "transfer_out"]


def test_the_secretary_changes_the_number_of_days(store):
    mid = member(store, "Trần Văn Bình", "12/04/1975", admitted="03/02/2000", official="03/02/2001")
    add_event(store, mid, _event(K.TRANSFER_PENDING, "01/12/2026"), today=MOVED)
    set_rule(store, "transfer_out_working_days", "30")
    items = [i for i in due_items(store, MOVED) if i.rule == "transfer_out"]
    assert [i.due for i in items] == [date(2027, 1, 13)]


def test_a_move_is_refused_for_a_member_no_longer_in_the_cell(store):
    mid = member(store, "Trần Văn Bình", "12/04/1975", admitted="03/02/2000", official="03/02/2001")
    add_event(store, mid, _event(K.TRANSFERRED_OUT, "01/06/2026"), today=MOVED)
    with pytest.raises(ValidationError, match="không có trong đảng số"):
        add_event(store, mid, _event(K.TRANSFER_PENDING, "01/12/2026"), today=MOVED)


def test_a_move_entered_by_mistake_is_deleted_and_the_item_goes(store):
    mid = member(store, "Trần Văn Bình", "12/04/1975", admitted="03/02/2000", official="03/02/2001")
    add_event(store, mid, _event(K.TRANSFER_PENDING, "01/12/2026"), today=MOVED)
    pending = next(e for e in store.members.events_of(mid) if e.kind is K.TRANSFER_PENDING)
    assert pending.id is not None
    delete_event(store, mid, pending.id)
    assert not [i for i in due_items(store, MOVED) if i.rule == "transfer_out"]


def test_a_pending_move_survives_a_restart(store):
    mid = member(store, "Trần Văn Bình", "12/04/1975", admitted="03/02/2000", official="03/02/2001")
    add_event(store, mid, _event(K.TRANSFER_PENDING, "01/12/2026"), today=MOVED)
    path = store.path
    store.close()
    with Store.open(path) as again:
        assert [i.who for i in due_items(again, MOVED) if i.rule == "transfer_out"] == ["Trần Văn Bình"]


def test_a_pending_move_travels_in_an_export_and_is_checked_on_import(store, tmp_path):
    from cellsec.services.cell_io import export_cell, import_cell

    # GIVEN a member whose move away is recorded, exported
    mid = member(store, "Trần Văn Bình", "12/04/1975", admitted="03/02/2000", official="03/02/2001")
    add_event(store, mid, _event(K.TRANSFER_PENDING, "01/12/2026", detail="phường Hà Đông"), today=MOVED)
    data = export_cell(store)
    # WHEN it is imported into a new file THEN the new file asks for the same transfer
    with Store.open(tmp_path / "moi.cellsec") as copy:
        import_cell(copy, data, today=MOVED)
        assert [(i.who, i.due) for i in due_items(copy, MOVED) if i.rule == "transfer_out"] == [
            ("Trần Văn Bình", date(2027, 3, 3))
        ]
    # AND a file holding a second move before the first is settled is refused whole
    events = data["members"][0]["events"]
    events.append({**next(e for e in events if e["kind"] == "transfer_pending"), "date": "2026-12-03"})
    events[-1].pop("id", None)
    with Store.open(tmp_path / "khac.cellsec") as other:
        with pytest.raises(ValidationError, match="đang chờ chuyển sinh hoạt đi"):
            import_cell(other, data, today=date(2026, 12, 20))
        assert other.members.count() == 0
