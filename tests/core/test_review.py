"""The year-end review's data: opening a year, members rated and left out, each member's review
through the one validation path, the history, and the decided year locked as a snapshot."""

from __future__ import annotations

import sqlite3

import pytest
from factories import TODAY, member_form
from review_helpers import YEAR, fill_reviews, review_cell, scored

from cellsec.entities.review import Level
from cellsec.errors import ValidationError
from cellsec.services.history import recent_history
from cellsec.services.members import update_member
from cellsec.services.review import enter_decision, open_review_year, save_member_review, save_review_year
from cellsec.services.review_record import (
    basis,
    counts,
    is_locked,
    member_history,
    review_record,
    seal_problem,
    warnings,
)
from cellsec.services.rule_settings import set_rule

DECISION = {
    "decision_ref": "Quyết định số 12-QĐ/ĐU",
    "decision_date": "15/01/2026",
    "cell_decided_level": "good",
}


def test_the_year_lists_members_rated_and_those_left_out_with_the_reason(store):
    # GIVEN a cell of four, one exempted from activities
    ids = review_cell(store)
    record = review_record(store, YEAR)
    # THEN three are to be rated and the exempted one is listed apart with the reason
    assert [m["name"] for m in record["members"]] == ["Trần Văn An", "Lê Thị Bình", "Phạm Văn Cường"]
    assert record["excluded"] == [
        {
            "member_id": ids["dung"],
            "name": "Hoàng Văn Dũng",
            "reason": "Được miễn công tác và sinh hoạt đảng: không xếp loại",
        }
    ]
    # the discipline of the year is ticked by itself and caps the suggestion
    cuong = record["members"][2]
    assert cuong["conditions"] == ["disciplined"]
    assert review_record(store, YEAR + 1) is None


def test_a_members_review_is_saved_checked_and_shown_with_the_suggested_level(store):
    ids = review_cell(store)
    save_member_review(
        store,
        YEAR,
        ids["an"],
        scored(28, 64, strengths="Gương mẫu", self_level="Hoàn thành xuất sắc nhiệm vụ"),
    )
    an = review_record(store, YEAR)["members"][0]
    assert an["score"] == 92 and an["suggested_level"] == "excellent" and an["self_level"] == "excellent"
    assert an["strengths"] == "Gương mẫu"


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (scored(31, 60), "score_general"),
        (scored(20, 71), "score_tasks"),
        ({"score_general": "20"}, "score_tasks"),
        ({"score_general": "hai mươi", "score_tasks": "50"}, "score_general"),
        ({"self_level": "Tốt lắm"}, "self_level"),
        ({"conditions": "say rượu"}, "conditions"),
        ({"strengths": 12}, "strengths"),
    ],
)
def test_a_wrong_review_is_refused_naming_the_field_and_nothing_is_written(store, form, field):
    ids = review_cell(store)
    before = store.audit.recent(10**6)
    with pytest.raises(ValidationError) as err:
        save_member_review(store, YEAR, ids["an"], form)
    assert err.value.key == field
    assert store.audit.recent(10**6) == before


def test_a_proposal_above_a_cap_and_a_member_left_out_are_refused(store):
    ids = review_cell(store)
    with pytest.raises(ValidationError) as err:
        save_member_review(store, YEAR, ids["cuong"], {"proposed_level": "good"})
    assert err.value.key == "proposed_level" and "Hoàn thành nhiệm vụ" in str(err.value)
    with pytest.raises(ValidationError, match="miễn công tác"):
        save_member_review(store, YEAR, ids["dung"], {"strengths": "x"})
    with pytest.raises(ValidationError, match="đã được mở"):
        open_review_year(store, YEAR)


def test_unticking_a_condition_and_raising_the_level_in_one_save_is_accepted(store):
    # GIVEN a member whose review ticked "not fixed" (caps the level at "Hoàn thành nhiệm vụ")
    ids = review_cell(store)
    save_member_review(store, YEAR, ids["an"], {"conditions": "not_fixed", "proposed_level": "completed"})
    # WHEN the same save unticks it and proposes "Hoàn thành tốt nhiệm vụ"
    save_member_review(store, YEAR, ids["an"], {"conditions": "", "proposed_level": "good"})
    # THEN it is saved: only what the register ticks by itself and this save's ticks cap it
    [entry] = [m for m in review_record(store, YEAR)["members"] if m["member_id"] == ids["an"]]
    assert (entry["conditions"], entry["proposed_level"]) == ([], "good")
    # AND the disciplined member is still held by the condition the register ticks itself
    with pytest.raises(ValidationError, match="điều kiện giới hạn"):
        save_member_review(store, YEAR, ids["cuong"], {"conditions": "", "proposed_level": "good"})


def test_warnings_name_missing_self_reviews_and_the_excellent_cap(store):
    ids = review_cell(store)
    fill_reviews(store, ids)
    record = review_record(store, YEAR)
    # 1 excellent of 2 "good" is 50 % > 20 %: a warning, not a refusal
    assert any("vượt 20 %" in w and w.startswith("Chi bộ đề nghị") for w in warnings(record))
    assert counts(record) == {Level.EXCELLENT: 1, Level.GOOD: 1, Level.COMPLETED: 1, Level.NOT_COMPLETED: 0}
    assert basis(record) == "proposed"


def test_the_review_is_in_the_members_history_and_the_audit_trail(store):
    ids = review_cell(store)
    fill_reviews(store, ids)
    entry = recent_history(store)[0]
    assert entry.subject == "Đảng viên Phạm Văn Cường"
    assert member_history(store, ids["an"]) == [(YEAR, "Hoàn thành xuất sắc nhiệm vụ", "")]


def test_the_decision_needs_every_decided_level_then_locks_the_year(store):
    ids = review_cell(store)
    fill_reviews(store, ids)
    with pytest.raises(ValidationError) as err:
        enter_decision(store, YEAR, DECISION, today=TODAY)
    assert err.value.key == "decided_level" and "3 đồng chí" in str(err.value)
    with pytest.raises(ValidationError) as err:
        enter_decision(store, YEAR, {**DECISION, "decision_ref": ""}, today=TODAY)
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)
    assert is_locked(store, YEAR) and seal_problem(store, YEAR) is None
    record = review_record(store, YEAR)
    assert basis(record) == "decided" and record["review"]["decision_date"] == "2026-01-15"
    # THEN every write to the year is refused by the service …
    with pytest.raises(ValidationError, match="đã chốt"):
        save_member_review(store, YEAR, ids["an"], {"decided_level": "good"})
    with pytest.raises(ValidationError, match="đã chốt"):
        save_review_year(store, YEAR, {"notes": "Họp ngày 20/12"})
    # … and by the file itself
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="locked"):
        conn.execute("UPDATE member_reviews SET decided_level = 'excellent'")
    conn.close()


def test_a_locked_year_survives_edits_elsewhere(store):
    # GIVEN a decided year
    ids = review_cell(store)
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)
    before = review_record(store, YEAR)
    # WHEN a member is renamed, a level's wording, the cap and the criteria change, the profile too
    update_member(
        store,
        ids["an"],
        member_form(full_name="Trần Văn Ân", citizen_id="025070000001", birth_date="02/03/1970"),
        today=TODAY,
    )
    set_rule(store, "review_excellent_cap_percent", "50")
    from cellsec.services.profile import profile_form, save_profile

    profile = profile_form(store.profile.get())
    save_profile(store, {**profile, "cell_name": "Chi bộ thôn Đổi Tên"})
    # THEN the year reads exactly as decided
    after = review_record(store, YEAR)
    assert after == before
    assert after["members"][0]["name"] == "Trần Văn An"
    assert after["cap_percent"] == 20 and after["header"]["cell_name"] != "Chi bộ thôn Đổi Tên"


def test_the_change_log_shows_review_fields_by_their_labels(store):
    ids = review_cell(store)
    save_member_review(store, YEAR, ids["an"], {"proposed_level": "good", "strengths": "Gương mẫu"})
    entry = recent_history(store)[0]
    assert entry.what == "Thêm kiểm điểm, xếp loại đảng viên"
    assert "Chi bộ đề nghị xếp loại: Hoàn thành tốt nhiệm vụ" in entry.lines
    assert "Ưu điểm: Gương mẫu" in entry.lines


def test_the_demo_cell_has_last_years_review_decided_and_this_years_begun(store):
    from cellsec.demo.cell import create_demo

    create_demo(store, today=TODAY)
    last, this = review_record(store, TODAY.year - 1), review_record(store, TODAY.year)
    assert is_locked(store, TODAY.year - 1) and seal_problem(store, TODAY.year - 1) is None
    assert all(m["decided_level"] for m in last["members"]) and last["excluded"]
    assert not is_locked(store, TODAY.year)
    started = [m for m in this["members"] if m["has_review"]]
    assert 0 < len(started) < len(this["members"])
