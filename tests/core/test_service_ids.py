"""Every service that takes a record id reads it with the one id reader (services/forms.py): an
id that cannot name a record — too large for SQLite, negative, text, a float, True, None — is
"not found", never an OverflowError or TypeError, and nothing is written (issue 9.4)."""

from __future__ import annotations

from datetime import date

import pytest
from db_checks import row_counts
from factories import TODAY

from cellsec.demo import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.entities.superiors import DirectionStatus
from cellsec.errors import ValidationError
from cellsec.services import committee, history, meetings, minutes_record, register
from cellsec.services import superiors as sup

BAD_IDS = [2**70, -3, 0, "1", 2.0, True, None]


@pytest.fixture(scope="module")
def cell(tmp_path_factory):
    """GIVEN the demo cell with a draft meeting, a superior and a direction given at the draft."""
    from cellsec.store import Store

    store = Store.open(tmp_path_factory.mktemp("ids") / "chibo.cellsec")
    create_demo(store, today=TODAY)
    draft, _ = meetings.save_meeting(
        store, meetings.new_meeting(store, MeetingKind.REGULAR, date(2026, 12, 5))
    )
    superior = store.superiors.all()[0].id
    sup.add_direction(store, draft, {"superior_id": str(superior), "text": "Làm đường"})
    direction = store.superiors.directions(meeting_id=draft)[0].id
    yield store, draft, superior, direction
    store.close()


def _calls(store, draft, superior, direction, bad):
    """Each service call with `bad` in one id position (the other ids real; where an id is
    optional, None is not bad)."""
    calls = {
        "record_notice meeting": lambda: sup.record_notice(
            store, bad, superior, "20/11/2026", "Điện thoại", today=TODAY
        ),
        "record_notice superior": lambda: sup.record_notice(
            store, draft, bad, "20/11/2026", "Điện thoại", today=TODAY
        ),
        "add_direction meeting": lambda: sup.add_direction(
            store, bad, {"text": "Làm đường", "given_by": "Đ/c Tuấn"}
        ),
        "follow_up direction": lambda: sup.follow_up(store, bad, DirectionStatus.DONE, "Xong"),
        "follow_up meeting": lambda: sup.follow_up(store, direction, DirectionStatus.DONE, "Xong", bad),
        "check_approval": lambda: meetings.check_approval(store, bad),
        "approve_meeting": lambda: meetings.approve_meeting(store, bad),
        "add_correction": lambda: meetings.add_correction(store, bad, "Sửa giờ.", today=TODAY),
        "delete_meeting": lambda: meetings.delete_meeting(store, bad),
        "end_committee_role": lambda: committee.end_committee_role(store, bad, "01/12/2026", today=TODAY),
        "minutes_record": lambda: minutes_record.minutes_record(store, bad),
    }
    if bad is None:
        del calls["follow_up meeting"]
    return calls


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
def test_an_id_that_cannot_name_a_record_is_not_found(cell, bad):
    store, draft, superior, direction = cell
    before = row_counts(store.path)
    for name, call in _calls(store, draft, superior, direction, bad).items():
        # WHEN a service is called with it THEN it is refused as not found, nothing written
        with pytest.raises(ValidationError, match="Không tìm thấy") as refused:
            call()
        assert str(refused.value), name
    assert row_counts(store.path) == before


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
def test_readers_answer_nothing_for_an_id_that_cannot_name_a_record(cell, bad):
    store = cell[0]
    # History and checks of a record that cannot exist: empty, not a crash
    assert history.member_history(store, bad) == []
    assert history.meeting_history(store, bad) == []
    assert minutes_record.check_record(store, bad) == minutes_record.DRAFT
    assert minutes_record.sealed_record(store, bad) is None
    assert register.member_detail(store, bad, TODAY) is None


def test_a_direction_naming_its_superior_by_anything_but_an_id_is_refused(cell):
    store, draft, _, _ = cell
    before = row_counts(store.path)
    for bad in ("abc", "1e3", str(2**70), "-1", "٣"):
        with pytest.raises(ValidationError, match="Không tìm thấy người chỉ đạo"):
            sup.add_direction(store, draft, {"superior_id": bad, "text": "Làm đường"})
    with pytest.raises(ValidationError, match="Tình trạng"):
        sup.follow_up(store, cell[3], "done", "Xong")
    with pytest.raises(ValidationError, match="Nội dung chỉ đạo"):
        sup.add_direction(store, draft, {"text": 12})
    assert row_counts(store.path) == before
