"""Counting rules of DOMAIN.md §3, on the worked example and the tricky cases."""

from __future__ import annotations

from fractions import Fraction

import pytest
from factories import RollBuilder

from cellsec.entities.meetings import Mark, RollEntry, Vote, VoteKind
from cellsec.errors import ValidationError
from cellsec.rules.counting import count_roll, percent, vote_result, votes_needed
from cellsec.rules.settings import Rules


def worked_example(**kw):
    """Roll on the meeting date: 20 full (2 exempted, 1 attached elsewhere), 3 probationary,
    2 attached in. 14 ordinary full present + 1 exempted who came; 3 probationary and 2
    attached-in present; 2 full absent with accepted reason; 1 full absent without reason;
    the other exempted absent."""
    return (
        RollBuilder()
        .add("full", count=14)
        .add("full", exempted=True)
        .add("full", Mark.NOT_EXPECTED, exempted=True)
        .add("full", kw.get("attached_out_mark", Mark.NOT_EXPECTED), attached_out=True)
        .add("full", Mark.ABSENT_REASON, reason="Ốm")
        .add("full", Mark.ABSENT_REASON, reason="Đi công tác")
        .add("full", Mark.ABSENT_NO_REASON)
        .add("probationary", count=3)
        .add("guest", count=2)
        .entries
    )


def test_worked_example_of_domain_md():
    c = count_roll(worked_example())
    assert (c.total, c.full, c.probationary) == (23, 20, 3)
    assert (c.exempted, c.attached_out, c.guests) == (2, 1, 2)
    assert (c.present, c.present_full, c.present_probationary, c.present_guests) == (20, 15, 3, 2)
    assert [e.reason for e in c.absent_reason] == ["Ốm", "Đi công tác"]
    assert len(c.absent_no_reason) == 1
    assert c.eligible_voters == 16
    assert c.eligible_present == 15  # 14 ordinary full members and the exempted one who came
    assert votes_needed(16, Fraction(1, 2), at_least=False) == 9
    assert votes_needed(16, Fraction(2, 3), at_least=True) == 11


def test_member_attached_elsewhere_who_comes_back_counts_by_setting():
    roll = worked_example(attached_out_mark=Mark.PRESENT)
    assert count_roll(roll).eligible_voters == 17
    assert count_roll(roll, attached_out_present_counts=False).eligible_voters == 16


def test_absent_with_a_reason_not_accepted_stays_among_voters():
    roll = worked_example()
    roll[17] = RollEntry(**{**roll[17].__dict__, "reason_accepted": False})
    assert count_roll(roll).eligible_voters == 17


def test_suspended_full_member_does_not_vote():
    roll = worked_example()
    roll[0] = RollEntry(**{**roll[0].__dict__, "suspended": True})
    assert count_roll(roll).eligible_voters == 15


def test_attendance_rate_leaves_out_exempted_and_attached_out_members():
    c = count_roll(worked_example())
    # called: 23 - 2 exempted - 1 attached out = 20; present among them: 14 + 3 = 17
    assert c.attendance_rate == Fraction(17, 20)
    assert percent(c.attendance_rate) == "85 %"
    assert percent(Fraction(392, 2681)) == "14,62 %"


@pytest.mark.parametrize(
    "kind,in_favour,passed",
    [
        (VoteKind.RESOLUTION, 9, True),
        (VoteKind.RESOLUTION, 8, False),
        (VoteKind.ADMISSION, 11, True),
        (VoteKind.ADMISSION, 10, False),
        (VoteKind.RECOGNITION, 11, True),
    ],
)
def test_vote_thresholds(kind, in_favour, passed):
    count = count_roll(worked_example())
    result = vote_result(
        Vote("Nghị quyết tháng 11", kind, in_favour, 15 - in_favour, 0), count, Rules.defaults()
    )
    assert result.passed is passed and result.eligible == 16 and result.present == 15


def test_votes_are_checked_against_the_eligible_voters_present():
    # GIVEN the worked example: 16 eligible voters, of whom 15 are at the meeting
    count = count_roll(worked_example())
    # WHEN 16 votes are recorded THEN they are refused: one eligible voter was not there
    with pytest.raises(ValidationError, match=r"vượt số đảng viên có quyền biểu quyết có mặt \(15\)"):
        vote_result(Vote("Nghị quyết", VoteKind.RESOLUTION, 16, 0, 0), count, Rules.defaults())
    with pytest.raises(ValidationError, match="không được âm"):
        vote_result(Vote("Nghị quyết", VoteKind.RESOLUTION, -1, 0, 0), count, Rules.defaults())


def test_majorities_are_rule_settings():
    # GIVEN a cell whose rules require three quarters for a resolution (a changed setting)
    count = count_roll(worked_example())
    rules = Rules.with_overrides({"vote_majority_more_than": [3, 4]})
    # THEN 12 of 16 is not "more than three quarters" and 13 is
    vote = Vote("Nghị quyết", VoteKind.RESOLUTION, 12, 0, 0)
    assert vote_result(vote, count, rules).passed is False
    assert vote_result(Vote("Nghị quyết", VoteKind.RESOLUTION, 13, 0, 0), count, rules).passed
    assert Rules.defaults().settings["vote_majority_more_than"].source
    # AND a broken setting is a clear message, not a crash
    broken = Rules.with_overrides({"vote_special_majority_at_least": [3, 0]})
    with pytest.raises(ValidationError, match="Thiết lập quy định"):
        vote_result(Vote("Kết nạp", VoteKind.ADMISSION, 1, 0, 0), count, broken)
