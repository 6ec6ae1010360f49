"""The year-end review's list settings (issue 15): the four levels with their least scores, the
scoring criteria and the conditions that cap a level are edited through the one validation path
of every setting (messages name the setting and the line, nothing written on a refusal), are
used by the open year, said by their labels in the history — and a decided year keeps printing
what it printed."""

from __future__ import annotations

import re

import pytest
from factories import TODAY
from review_helpers import YEAR, fill_reviews, review_cell, scored
from test_reports import pdf_text
from test_review import DECISION

from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.rules.settings import Rules
from cellsec.services.history import recent_history
from cellsec.services.members import rules_of
from cellsec.services.review import enter_decision, save_member_review
from cellsec.services.review_record import review_record
from cellsec.services.rule_settings import (
    check_overrides,
    editable,
    list_kind,
    reset_rule,
    set_rule_value,
    show_value,
)

LEVELS = "review_levels"
CRITERIA = "review_score_criteria"
CONDITIONS = "review_disqualifying"


def _default(key: str) -> list[dict]:
    return [dict(row) for row in Rules.defaults()[key]]


def _levels(**changes: tuple[str, int]) -> list[dict]:
    rows = _default(LEVELS)
    for row in rows:
        if row["key"] in changes:
            row["label"], row["min_score"] = changes[row["key"]]
    return rows


def _entry(store, member_id: int) -> dict:
    return next(m for m in review_record(store, YEAR)["members"] if m["member_id"] == member_id)


def test_the_three_lists_are_editable_and_shown_by_their_labels(store):
    settings = rules_of(store).settings
    for key, kind in ((LEVELS, "thresholds"), (CRITERIA, "scored"), (CONDITIONS, "capped")):
        assert editable(settings[key]) and list_kind(settings[key]) == kind
        assert "366-QĐ/TW" in settings[key].source  # the regulation stays with the setting
    shown = show_value(settings[CONDITIONS].value, CONDITIONS, rules_of(store))
    assert "Bị thi hành kỷ luật đảng trong năm (tối đa “Hoàn thành nhiệm vụ”)" in shown
    assert "completed" not in shown and "disciplined" not in shown
    assert "Hoàn thành xuất sắc nhiệm vụ từ 90 điểm" in show_value(settings[LEVELS].value, LEVELS)


def test_new_thresholds_and_wording_are_used_by_the_open_year(store):
    # GIVEN a year in progress: Trần Văn An scored 93 (28 + 65)
    ids = review_cell(store)
    fill_reviews(store, ids)
    assert _entry(store, ids["an"])["suggested_level"] == "excellent"
    # WHEN the Đảng ủy xã's plan asks 95 points for "excellent" and words "good" its own way
    set_rule_value(
        store, LEVELS, _levels(excellent=("Hoàn thành xuất sắc nhiệm vụ", 95), good=("Hoàn thành tốt", 70))
    )
    # THEN 93 now only suggests "good", said in the new words
    record = review_record(store, YEAR)
    an = next(m for m in record["members"] if m["member_id"] == ids["an"])
    assert an["suggested_level"] == "good"
    assert {"key": "good", "label": "Hoàn thành tốt"} in record["levels"]


@pytest.mark.parametrize(
    "value,fragment",
    [
        (_levels()[:3], "cần đúng 4 mức"),
        (list(reversed(_levels())), "cần đúng 4 mức"),
        (
            _levels(good=("Hoàn thành tốt nhiệm vụ", 90)),
            "dòng 2: điểm tối thiểu \\(90\\) phải nhỏ hơn mức trên \\(90\\)",
        ),
        (_levels(not_completed=("Không hoàn thành nhiệm vụ", 10)), "dòng 4: mức cuối phải từ 0 điểm"),
        (_levels(good=("hoàn thành xuất sắc nhiệm vụ", 70)), "dòng 2: trùng tên mức với dòng 1"),
        (_levels(excellent=("", 90)), "dòng 1: chưa ghi tên mức xếp loại"),
        (_levels(excellent=("Xuất sắc", 101)), "dòng 1: điểm tối thiểu phải là số nguyên từ 0 đến 100"),
    ],
)
def test_bad_levels_are_refused_naming_the_setting_and_the_line(store, value, fragment):
    with pytest.raises(ValidationError, match=fragment) as caught:
        set_rule_value(store, LEVELS, value)
    assert str(caught.value).startswith("Mức xếp loại chất lượng đảng viên")
    assert store.settings.overrides() == {}


def test_new_scoring_criteria_must_add_up_to_100_and_score_the_members(store):
    ids = review_cell(store)
    # WHEN the criteria add up to 90 THEN refused, naming the setting; nothing written
    with pytest.raises(ValidationError, match=r"^Tiêu chí chấm điểm kiểm điểm.*phải bằng 100 \(đang là 90\)"):
        set_rule_value(
            store,
            CRITERIA,
            [{"key": "general", "label": "Tiêu chí chung", "max": 30}, {"label": "Nhiệm vụ", "max": 60}],
        )
    assert store.settings.overrides() == {}
    # WHEN three criteria of 30 + 40 + 30 are saved THEN the new ones get codes and are scored
    set_rule_value(
        store,
        CRITERIA,
        [
            {"key": "general", "label": "Tiêu chí chung", "max": 30},
            {"label": "Nhiệm vụ chuyên môn", "max": 40},
            {"label": "Nhiệm vụ chi bộ giao", "max": 30},
        ],
    )
    codes = [c["key"] for c in rules_of(store)[CRITERIA]]
    assert codes == ["general", "nhiem_vu_chuyen_mon", "nhiem_vu_chi_bo_giao"]
    form = {"score_general": "25", "score_nhiem_vu_chuyen_mon": "41", "score_nhiem_vu_chi_bo_giao": "20"}
    with pytest.raises(ValidationError, match="Điểm — Nhiệm vụ chuyên môn: ghi số điểm nguyên từ 0 đến 40"):
        save_member_review(store, YEAR, ids["an"], form)
    save_member_review(store, YEAR, ids["an"], {**form, "score_nhiem_vu_chuyen_mon": "40"})
    assert _entry(store, ids["an"])["score"] == 85


def test_a_criterion_or_condition_the_open_year_uses_cannot_be_dropped(store):
    # GIVEN the open year: members scored on the two shipped criteria, one "not fixed" ticked
    ids = review_cell(store)
    fill_reviews(store, ids, decided=True)
    save_member_review(
        store,
        YEAR,
        ids["binh"],
        scored(25, 55, conditions="not_fixed", proposed_level="completed", decided_level="completed"),
    )
    # WHEN the task criterion is split in two THEN refused: its scores would stop counting
    split = [
        {"key": "general", "label": "Tiêu chí chung", "max": 30},
        {"label": "Nhiệm vụ chuyên môn", "max": 40},
        {"label": "Nhiệm vụ chi bộ giao", "max": 30},
    ]
    with pytest.raises(
        ValidationError,
        match=f"“Kết quả thực hiện nhiệm vụ được giao trong năm” đã được chấm điểm trong kiểm điểm "
        f"năm {YEAR}",
    ):
        set_rule_value(store, CRITERIA, split)
    # WHEN the ticked condition is dropped THEN refused too, naming it
    kept = [c for c in _default(CONDITIONS) if c["key"] != "not_fixed"]
    with pytest.raises(
        ValidationError,
        match="điều kiện “Không khắc phục hạn chế, khuyết điểm đã được chỉ ra” đang được đánh dấu",
    ):
        set_rule_value(store, CONDITIONS, kept)
    assert store.settings.overrides() == {}
    # WHEN the year is decided THEN its record has its own copy: the same changes are accepted
    enter_decision(store, YEAR, DECISION, today=TODAY)
    set_rule_value(store, CRITERIA, split)
    set_rule_value(store, CONDITIONS, kept)
    assert len(rules_of(store)[CRITERIA]) == 3 and len(rules_of(store)[CONDITIONS]) == 2


def test_conditions_cap_below_excellent_keep_discipline_and_new_ones_cap_the_proposal(store):
    ids = review_cell(store)
    rows = _default(CONDITIONS)
    with pytest.raises(
        ValidationError, match="dòng 1: mức tối đa phải là một trong “Hoàn thành tốt nhiệm vụ”"
    ):
        set_rule_value(store, CONDITIONS, [{**rows[0], "cap": "excellent"}, *rows[1:]])
    with pytest.raises(
        ValidationError, match="không xóa được điều kiện “Bị thi hành kỷ luật đảng trong năm”"
    ):
        set_rule_value(store, CONDITIONS, rows[1:])
    assert store.settings.overrides() == {}
    # WHEN a condition of the Đảng ủy's plan is added, capping at "Hoàn thành nhiệm vụ"
    set_rule_value(
        store, CONDITIONS, [*rows, {"label": "Không dự sinh hoạt ba tháng liền", "cap": "completed"}]
    )
    # THEN ticking it caps the proposal
    form = {"conditions": "Không dự sinh hoạt ba tháng liền", "proposed_level": "good"}
    with pytest.raises(ValidationError, match="không được cao hơn “Hoàn thành nhiệm vụ”"):
        save_member_review(store, YEAR, ids["an"], form)
    save_member_review(store, YEAR, ids["an"], {**form, "proposed_level": "completed"})


def test_a_list_change_is_in_the_history_by_its_labels(store):
    set_rule_value(store, LEVELS, _levels(good=("Hoàn thành tốt", 75)))
    entry = recent_history(store)[0]
    text = "\n".join((entry.what, entry.subject, *entry.lines))
    assert "Mức xếp loại chất lượng đảng viên" in text and "Hoàn thành tốt từ 75 điểm" in text
    assert not re.search(r"\b(excellent|not_completed|min_score)\b|[\[\]{}]", text)


def test_an_export_with_a_bad_review_list_is_refused_by_the_same_checks(store):
    with pytest.raises(
        ValidationError, match="^Thiết lập quy định: Mức xếp loại.*dòng 4: mức cuối phải từ 0 điểm"
    ):
        check_overrides(store, {LEVELS: _levels(not_completed=("Không hoàn thành nhiệm vụ", 5))})
    assert (
        check_overrides(store, {LEVELS: _levels(good=("Hoàn thành tốt", 75))})[LEVELS][1]["min_score"] == 75
    )


def test_a_decided_year_prints_what_it_printed_after_the_lists_change(store):
    # GIVEN a decided year, its results list and report printed
    ids = review_cell(store)
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)

    def printed() -> tuple[str, str, dict]:
        pages = [
            pdf_text(render(build_document(store, key, year=YEAR, today=TODAY)))[0]
            for key in ("review-list", "review-report")
        ]
        return pages[0], pages[1], review_record(store, YEAR)

    before = printed()
    assert "Hoàn thành xuất sắc nhiệm vụ" in before[0]
    # WHEN every list of the review changes: wording and thresholds, criteria, conditions
    set_rule_value(
        store, LEVELS, _levels(excellent=("Xuất sắc", 95), good=("Tốt", 80), completed=("Đạt", 60))
    )
    set_rule_value(
        store, CRITERIA, [{"label": "Tiêu chí chung", "max": 50}, {"label": "Nhiệm vụ", "max": 50}]
    )
    conditions = _default(CONDITIONS)
    set_rule_value(store, CONDITIONS, [{**conditions[0], "label": "Bị kỷ luật", "cap": "not_completed"}])
    # THEN the year's record and both documents read exactly as before
    assert printed() == before
    # and a reset of the lists changes nothing either
    for key in (LEVELS, CRITERIA, CONDITIONS):
        reset_rule(store, key)
    assert printed() == before
