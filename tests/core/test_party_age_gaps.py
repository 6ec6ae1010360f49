"""Party age minus every gap DOMAIN.md §2 lists: removal/expulsion to re-admission, lost contact,
time without party activity while transferring; gaps recorded as member events."""

from __future__ import annotations

from datetime import date

import pytest

from cellsec.entities.members import EventKind as K
from cellsec.entities.members import MemberEvent
from cellsec.errors import ValidationError
from cellsec.rules.lifecycle import party_age_months, state_on, validate_history


def ev(kind, when, end=None, detail=""):
    return MemberEvent(kind=kind, date=when, end_date=end, detail=detail)


ADMITTED = [ev(K.ADMITTED, date(1996, 2, 3)), ev(K.RECOGNISED, date(1997, 2, 3))]


def test_lost_contact_is_taken_out_of_party_age():
    # GIVEN a member admitted 03/02/1996 who lost contact for exactly 8 months in 2005
    events = [*ADMITTED, ev(K.LOST_CONTACT, date(2005, 3, 1)), ev(K.CONTACT_RESTORED, date(2005, 11, 1))]
    validate_history(events)
    # THEN on 03/02/2026 party age is 30 years less those 8 months
    assert party_age_months(events, date(2026, 2, 3)) == 360 - 8
    # AND while out of touch, the register says so
    assert "mất liên lạc" in state_on(events, date(2005, 6, 1)).label


def test_a_gap_while_transferring_with_a_planned_end_closes_the_day_after():
    # GIVEN a member admitted elsewhere who had no party activity 01/03/2010–31/08/2010 while
    # moving, then transferred into this cell
    events = [
        ev(K.ADMITTED, date(1996, 2, 3), detail="Chi bộ Xí nghiệp"),
        ev(K.RECOGNISED, date(1997, 2, 3)),
        ev(K.TRANSFER_GAP, date(2010, 3, 1), end=date(2010, 8, 31)),
        ev(K.TRANSFERRED_IN, date(2010, 9, 1)),
    ]
    validate_history(events)
    # THEN six months are not counted
    assert party_age_months(events, date(2026, 2, 3)) == 360 - 6
    assert state_on(events, date(2010, 9, 1)).on_roll


def test_readmission_and_lost_contact_both_subtracted():
    # GIVEN removed 01/01/2000, re-admitted 01/01/2002, and out of touch for 3 months in 2010
    events = [
        *ADMITTED,
        ev(K.REMOVED, date(2000, 1, 1)),
        ev(K.READMITTED, date(2002, 1, 1)),
        ev(K.LOST_CONTACT, date(2010, 1, 1), end=date(2010, 3, 31)),
    ]
    validate_history(events)
    # THEN 24 + 3 months are not counted
    assert party_age_months(events, date(2026, 2, 3)) == 360 - 24 - 3


def test_a_gap_needs_a_member_in_the_party_and_cannot_open_twice():
    with pytest.raises(ValidationError, match="không còn trong Đảng"):
        validate_history([*ADMITTED, ev(K.REMOVED, date(2000, 1, 1)), ev(K.LOST_CONTACT, date(2001, 1, 1))])
    with pytest.raises(ValidationError, match="đang mất liên lạc"):
        validate_history(
            [*ADMITTED, ev(K.LOST_CONTACT, date(2001, 1, 1)), ev(K.LOST_CONTACT, date(2002, 1, 1))]
        )
    with pytest.raises(ValidationError):
        validate_history([*ADMITTED, ev(K.CONTACT_RESTORED, date(2001, 1, 1))])
