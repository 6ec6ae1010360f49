"""Party badge rounds (DOMAIN.md §10): boundary dates of a round, reprimands, re-admission, a
transfer gap, early and posthumous awards as recorded choices, badges received as events."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member

from cellsec.errors import ValidationError
from cellsec.rules.badges import Basis, next_award_dates, proposal_due
from cellsec.rules.settings import Rules
from cellsec.services.badges import badge_round, badge_rounds, record_award, record_choice
from cellsec.services.members import add_event

LATER = date(2040, 1, 1)  # "today" for the services: every date below is in the past


def _event(store, member_id, kind, when, **fields):
    add_event(store, member_id, {"kind": kind, "date": when, **fields}, today=LATER)


def _names(round_):
    return {r.member.full_name: r for r in round_.rows}


def test_the_next_four_award_dates_and_the_proposal_lead_time():
    rules = Rules.defaults()
    assert next_award_dates(date(2026, 11, 22), rules) == [
        date(2027, 2, 3),
        date(2027, 5, 19),
        date(2027, 9, 2),
        date(2027, 11, 7),
    ]
    assert next_award_dates(date(2026, 2, 3), rules)[0] == date(2026, 2, 3)
    assert proposal_due(date(2027, 2, 3), rules) == date(2026, 11, 5)


def test_a_member_reaching_30_years_on_3_february_exactly_is_on_that_round_only(store):
    # GIVEN one member admitted 03/02/1996 and one admitted a day later
    member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1996", official="03/02/1997")
    member(store, "Lê Văn Bình", "01/01/1970", admitted="04/02/1996", official="04/02/1997")
    # WHEN the secretary opens the round of 3/2/2026
    feb = _names(badge_round(store, date(2026, 2, 3)))
    # THEN An reaches 30 years that very day and is proposed; Bình is not on it
    assert feb["Trần Văn An"].line.proposed and feb["Trần Văn An"].line.reached_on == date(2026, 2, 3)
    assert feb["Trần Văn An"].line.milestone == 30 and feb["Trần Văn An"].party_age_months == 360
    assert "Lê Văn Bình" not in feb
    # AND Bình is on the round of 19/5/2026, An no longer
    may = _names(badge_round(store, date(2026, 5, 19)))
    assert "Lê Văn Bình" in may and "Trần Văn An" not in may


@pytest.mark.parametrize(("reprimanded", "proposed"), [("03/08/2025", True), ("04/08/2025", False)])
def test_a_reprimand_holds_the_badge_back_six_months(store, reprimanded, proposed):
    # GIVEN a member reaching 30 years on 3/2/2026, reprimanded (khiển trách) on a date
    mid = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1996", official="03/02/1997")
    _event(store, mid, "disciplined", reprimanded, detail="Khiển trách")
    # WHEN the round of 3/2/2026 is listed
    row = _names(badge_round(store, date(2026, 2, 3)))["Trần Văn An"]
    # THEN a reprimand whose six months end the day before the round does not hold it back;
    # one a day later does, and the reason says from when the member may be proposed
    assert row.line.proposed is proposed
    if not proposed:
        assert row.status == "Chưa đủ điều kiện"
        assert "Kỷ luật khiển trách ngày 04/08/2025: được xét từ 04/02/2026" in row.line.reason


def test_a_readmitted_member_reaches_the_milestone_later_by_the_gap(store):
    # GIVEN admitted 03/02/1990, removed 03/02/2000, re-admitted 03/02/2006 (six years outside)
    mid = member(store, "Phạm Thị Cúc", "01/01/1968", admitted="03/02/1990", official="03/02/1991", sex="Nữ")
    _event(store, mid, "removed", "03/02/2000", detail="Bỏ sinh hoạt")
    _event(store, mid, "readmitted", "03/02/2006")
    # THEN 30 years fall on 3/2/2026 + 6 years, not on 3/2/2020
    assert "Phạm Thị Cúc" not in _names(badge_round(store, date(2020, 2, 3)))
    row = _names(badge_round(store, date(2026, 2, 3)))["Phạm Thị Cúc"]
    assert row.line.milestone == 30 and row.line.reached_on == date(2026, 2, 3)


def test_a_transfer_gap_moves_the_milestone_to_a_later_round(store):
    # GIVEN admitted 19/05/1996 with six months without party activity while transferring
    mid = member(store, "Đỗ Văn Dũng", "01/01/1970", admitted="19/05/1996", official="19/05/1997")
    _event(store, mid, "transfer_gap", "01/03/2010", end_date="31/08/2010", detail="Chuyển công tác")
    # THEN 30 years fall on 19/11/2026: not in the round of 19/5/2026 nor 7/11/2026, but 3/2/2027
    assert "Đỗ Văn Dũng" not in _names(badge_round(store, date(2026, 5, 19)))
    assert "Đỗ Văn Dũng" not in _names(badge_round(store, date(2026, 11, 7)))
    row = _names(badge_round(store, date(2027, 2, 3)))["Đỗ Văn Dũng"]
    assert row.line.reached_on == date(2026, 11, 19)


def test_early_award_for_serious_illness_is_a_recorded_choice(store):
    # GIVEN a member reaching 30 years on 19/11/2026
    mid = member(store, "Đỗ Văn Dũng", "01/01/1950", admitted="19/11/1996", official="19/11/1997")
    # WHEN nothing is recorded, the round of 2/9/2026 does not list him
    assert "Đỗ Văn Dũng" not in _names(badge_round(store, date(2026, 9, 2)))
    # WHEN the secretary records an early award for serious illness
    record_choice(store, mid, Basis.ILLNESS, "Ung thư giai đoạn cuối", today=LATER)
    row = _names(badge_round(store, date(2026, 9, 2)))["Đỗ Văn Dũng"]
    # THEN he is proposed early, and the list says why
    assert row.line.proposed and row.status == "Tặng sớm do ốm nặng"
    assert "sớm tối đa 12 tháng" in row.line.reason


def test_posthumous_award_only_when_chosen_and_after_death(store):
    # GIVEN a member who died at 29 years 6 months of party age
    mid = member(store, "Vũ Văn Em", "01/01/1940", admitted="01/06/1996", official="01/06/1997")
    with pytest.raises(ValidationError, match="Từ trần"):
        record_choice(store, mid, Basis.POSTHUMOUS, today=LATER)
    _event(store, mid, "deceased", "01/12/2025")
    # THEN without a choice he is on no list; with it he is proposed posthumously
    assert "Vũ Văn Em" not in _names(badge_round(store, date(2026, 2, 3)))
    record_choice(store, mid, Basis.POSTHUMOUS, today=LATER)
    row = _names(badge_round(store, date(2026, 2, 3)))["Vũ Văn Em"]
    assert row.line.proposed and row.status == "Truy tặng" and row.line.milestone == 30


def test_a_badge_received_is_an_event_and_the_next_milestone_follows(store):
    # GIVEN a member admitted 03/02/1986 who received the 30-year badge
    mid = member(store, "Trần Văn An", "01/01/1960", admitted="03/02/1986", official="03/02/1987")
    record_award(store, mid, {"milestone": "30", "date": "03/02/2016", "decision_ref": "QĐ 12"}, today=LATER)
    # THEN the 30-year milestone is no longer proposed, and 40 years is, on 3/2/2026
    row = _names(badge_round(store, date(2026, 2, 3)))["Trần Văn An"]
    assert row.line.milestone == 40
    # AND a milestone that is not in the setting, or the same one twice, is refused
    with pytest.raises(ValidationError, match="Nội dung"):
        record_award(store, mid, {"milestone": "31", "date": "03/02/2017"}, today=LATER)
    with pytest.raises(ValidationError, match="đã được ghi nhận"):
        record_award(store, mid, {"milestone": "30", "date": "03/02/2017"}, today=LATER)


def test_a_round_must_be_an_award_date_and_rounds_run_from_today(store):
    with pytest.raises(ValidationError, match="không phải ngày trao"):
        badge_round(store, date(2026, 2, 4))
    rounds = badge_rounds(store, date(2026, 11, 22))
    assert [r.award_date for r in rounds][0] == date(2027, 2, 3)
    assert rounds[0].proposal_due == date(2026, 11, 5)
