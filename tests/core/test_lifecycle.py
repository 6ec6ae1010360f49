"""Lifecycle: dated events replayed into states, contradictions refused, party age."""

from __future__ import annotations

from datetime import date

import pytest

from cellsec.entities.members import EventKind as K
from cellsec.entities.members import MemberEvent, Presence, Standing
from cellsec.errors import ValidationError
from cellsec.rules.lifecycle import party_age_months, state_on, validate_history


def ev(kind, when, end=None, detail=""):
    return MemberEvent(kind=kind, date=when, end_date=end, detail=detail)


def test_admitted_here_is_probationary_then_full_after_recognition():
    events = [ev(K.ADMITTED, date(2020, 5, 19)), ev(K.RECOGNISED, date(2021, 5, 25))]
    before = state_on(events, date(2020, 5, 18))
    assert before.presence is Presence.NOT_YET and not before.on_roll
    probation = state_on(events, date(2020, 5, 19))
    assert probation.standing is Standing.PROBATIONARY and probation.on_roll
    assert state_on(events, date(2021, 5, 25)).standing is Standing.FULL


def test_exemption_period_ends_the_day_after_its_end_date():
    events = [
        ev(K.ADMITTED, date(1970, 1, 1)),
        ev(K.RECOGNISED, date(1971, 1, 10)),
        ev(K.EXEMPTED, date(2024, 1, 1), end=date(2024, 12, 31)),
    ]
    assert state_on(events, date(2024, 12, 31)).exempted
    after = state_on(events, date(2025, 1, 1))
    assert not after.exempted and after.on_roll


def test_exemption_closed_early_by_an_explicit_event():
    events = [
        ev(K.ADMITTED, date(1970, 1, 1)),
        ev(K.EXEMPTED, date(2024, 1, 1), end=date(2025, 12, 31)),
        ev(K.EXEMPTION_END, date(2024, 6, 1)),
    ]
    assert not state_on(events, date(2024, 7, 1)).exempted
    validate_history(events)


def test_attached_in_members_are_guests_not_on_the_roll():
    events = [
        ev(K.ADMITTED, date(2010, 3, 26), detail="Chi bộ Trường THPT"),
        ev(K.RECOGNISED, date(2011, 4, 1)),
        ev(K.ATTACHED_IN, date(2026, 8, 1), end=date(2027, 7, 31)),
    ]
    assert state_on(events, date(2026, 7, 31)).presence is Presence.NOT_YET
    guest = state_on(events, date(2026, 9, 1))
    assert guest.presence is Presence.GUEST and not guest.on_roll
    assert state_on(events, date(2027, 8, 1)).presence is Presence.LEFT


def test_attached_out_members_stay_on_the_roll_flagged():
    events = [ev(K.ADMITTED, date(2015, 5, 19)), ev(K.ATTACHED_OUT, date(2026, 7, 1))]
    s = state_on(events, date(2026, 8, 1))
    assert s.on_roll and s.attached_out


@pytest.mark.parametrize("kind", [K.TRANSFERRED_OUT, K.REMOVED, K.EXPELLED, K.DECEASED])
def test_leaving_takes_the_member_off_the_roll_but_keeps_history(kind):
    events = [
        ev(K.ADMITTED, date(2000, 1, 1)),
        ev(K.RECOGNISED, date(2001, 1, 5)),
        ev(kind, date(2020, 1, 1)),
    ]
    assert state_on(events, date(2019, 12, 31)).on_roll
    s = state_on(events, date(2020, 1, 1))
    assert s.presence is Presence.LEFT and not s.on_roll
    assert s.label in ("Đã chuyển đi", "Đã xóa tên", "Đã khai trừ", "Từ trần")


@pytest.mark.parametrize(
    "events,fragment",
    [
        ([ev(K.RECOGNISED, date(2020, 1, 1))], "chỉ công nhận chính thức cho đảng viên dự bị"),
        ([ev(K.ADMITTED, date(2020, 1, 1)), ev(K.ADMITTED, date(2021, 1, 1))], "đã được kết nạp"),
        ([ev(K.ADMITTED, date(2020, 1, 1)), ev(K.EXEMPTION_END, date(2021, 1, 1))], "không được miễn"),
        (
            [
                ev(K.ADMITTED, date(2020, 1, 1)),
                ev(K.TRANSFERRED_OUT, date(2021, 1, 1)),
                ev(K.EXEMPTED, date(2022, 1, 1)),
            ],
            "không có trong đảng số",
        ),
        (
            [
                ev(K.ADMITTED, date(2020, 1, 1)),
                ev(K.DECEASED, date(2021, 1, 1)),
                ev(K.DISCIPLINED, date(2022, 1, 1), detail="Khiển trách"),
            ],
            "từ trần",
        ),
        (
            [
                ev(K.ADMITTED, date(2000, 1, 1)),
                ev(K.REMOVED, date(2005, 1, 1)),
                ev(K.READMITTED, date(2008, 1, 1)),
                ev(K.REMOVED, date(2010, 1, 1)),
                ev(K.READMITTED, date(2012, 1, 1)),
            ],
            "một lần",
        ),
        (
            [ev(K.ADMITTED, date(2020, 1, 1)), ev(K.EXEMPTED, date(2021, 1, 1), end=date(2020, 6, 1))],
            "trước ngày bắt đầu",
        ),
    ],
)
def test_contradictory_histories_are_refused(events, fragment):
    with pytest.raises(ValidationError) as err:
        validate_history(events)
    assert fragment in str(err.value)


def test_party_age_counts_from_admission_decision_by_month():
    events = [ev(K.ADMITTED, date(2020, 5, 19)), ev(K.RECOGNISED, date(2021, 5, 25))]
    assert party_age_months(events, date(2021, 5, 18)) == 11
    assert party_age_months(events, date(2026, 5, 19)) == 72
    assert party_age_months(events, date(2020, 1, 1)) == 0


def test_party_age_subtracts_the_gap_between_removal_and_readmission():
    events = [
        ev(K.ADMITTED, date(1998, 3, 3)),
        ev(K.RECOGNISED, date(1999, 3, 10)),
        ev(K.REMOVED, date(2008, 6, 1)),
        ev(K.READMITTED, date(2012, 2, 3)),
        ev(K.RECOGNISED, date(2013, 2, 20)),
    ]
    # 1998-03-03 -> 2026-11-22: 344 months, less the gap 2008-06-01 -> 2012-02-03 counted in
    # whole months (44): the badge falls due the milestone plus the gap's months after admission.
    assert party_age_months(events, date(2026, 11, 22)) == 344 - 44
    assert state_on(events, date(2010, 1, 1)).standing is Standing.ENDED
    assert state_on(events, date(2012, 2, 3)).standing is Standing.PROBATIONARY


def test_party_age_stops_at_death():
    events = [ev(K.ADMITTED, date(1960, 1, 1)), ev(K.DECEASED, date(2020, 1, 1))]
    assert party_age_months(events, date(2026, 1, 1)) == 720
