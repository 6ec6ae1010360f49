"""The lists the Đảng ủy xã sets (issue 10.4): meeting quality criteria and bands, comment-sheet
criteria and the short sheet, badge milestones — checked row by row with Vietnamese messages,
saved, used where their rule applies, and set back to the shipped default."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import TODAY, entry_form, member_form

from cellsec.errors import ValidationError
from cellsec.services.meetings import quality_rating, save_meeting
from cellsec.services.members import add_member, rules_of
from cellsec.services.register import member_detail
from cellsec.services.rule_settings import check_rule_value, reset_rule, set_rule, set_rule_value, show_value

CRITERIA = [
    {"key": "preparation", "label": "Chuẩn bị nội dung", "max": 30},
    {"label": "Tỷ lệ dự họp", "max": 30},  # a new row: no code yet
    {"key": "content", "label": "Nội dung sát thực tế", "max": 40},
]


def test_quality_criteria_are_saved_with_codes_for_new_rows_and_used_to_score(store):
    # WHEN the secretary replaces the criteria with three rows summing to 100
    set_rule_value(store, "meeting_quality_criteria", CRITERIA)
    saved = rules_of(store)["meeting_quality_criteria"]
    # THEN the new row got a code from its label; the others kept theirs
    assert [c["key"] for c in saved] == ["preparation", "ty_le_du_hop", "content"]
    # and a meeting is scored against them: a criterion that no longer exists is refused
    from test_meetings import filled

    from cellsec.demo.cell import create_demo

    create_demo(store, today=TODAY, meetings=False)
    meeting = filled(store)
    with pytest.raises(ValidationError, match="discussion"):
        save_meeting(store, replace(meeting, scores=(("discussion", 10),)))
    save_meeting(store, replace(meeting, scores=(("preparation", 30), ("ty_le_du_hop", 25), ("content", 40))))
    assert quality_rating((("preparation", 30), ("ty_le_du_hop", 25), ("content", 40)), rules_of(store)) == (
        95,
        "Tốt",
    )


@pytest.mark.parametrize(
    "value,fragment",
    [
        (
            [{"label": "Chuẩn bị", "max": 50}, {"label": "Dự họp", "max": 40}],
            "tổng điểm tối đa các tiêu chí phải bằng 100 \\(đang là 90\\)",
        ),
        (
            [{"label": "Chuẩn bị", "max": 0}, {"label": "Dự họp", "max": 100}],
            "dòng 1: điểm tối đa phải là số nguyên dương",
        ),
        ([{"label": "Chuẩn bị", "max": 50}, {"label": "", "max": 50}], "dòng 2: chưa ghi tên tiêu chí"),
        (
            [{"label": "Chuẩn bị", "max": 50}, {"label": "chuẩn bị", "max": 50}],
            "dòng 2: trùng tên với dòng 1",
        ),
        (
            [{"key": "a", "label": "Chuẩn bị", "max": 50}, {"key": "a", "label": "Dự họp", "max": 50}],
            "dòng 2: trùng mã “a” với dòng 1",
        ),
        ([], "cần ít nhất một dòng"),
    ],
)
def test_bad_quality_criteria_are_refused_naming_the_row(store, value, fragment):
    with pytest.raises(ValidationError, match=fragment) as caught:
        set_rule_value(store, "meeting_quality_criteria", value)
    assert str(caught.value).startswith("Tiêu chí tự đánh giá chất lượng buổi sinh hoạt")
    assert store.settings.overrides() == {}


@pytest.mark.parametrize(
    "value,fragment",
    [
        ([[90, "Tốt"], [90, "Khá"], [0, "Kém"]], "dòng 2: điểm từ \\(90\\) phải nhỏ hơn dòng trên"),
        ([[90, "Tốt"], [70, "Khá"]], "dòng 2: dòng cuối phải từ 0 điểm"),
        ([[90, "Tốt"], [50, "tốt"], [0, "Kém"]], "dòng 2: trùng tên xếp loại với dòng 1"),
        ([[101, "Tốt"], [0, "Kém"]], "dòng 1: điểm từ phải là số nguyên từ 0 đến 100"),
    ],
)
def test_bands_must_go_down_to_zero(store, value, fragment):
    with pytest.raises(ValidationError, match=fragment):
        set_rule_value(store, "meeting_quality_bands", value)
    assert store.settings.overrides() == {}


def test_new_bands_rate_the_meetings(store):
    set_rule_value(store, "meeting_quality_bands", [[85, "Tốt"], [60, "Đạt"], [0, "Chưa đạt"]])
    assert quality_rating((("a", 86),), rules_of(store)) == (86, "Tốt")
    assert quality_rating((("a", 84),), rules_of(store)) == (84, "Đạt")
    assert "Tốt từ 85 điểm" in show_value(rules_of(store)["meeting_quality_bands"], "meeting_quality_bands")


def test_comment_criteria_need_three_levels_and_the_short_sheet_follows_them(store):
    criteria = [dict(c) for c in rules_of(store)["comment_criteria"]]
    # WHEN a criterion gets only two levels THEN the row is named
    broken = [*criteria[:1], {**criteria[1], "levels": ["Gương mẫu", "Chưa gương mẫu"]}]
    with pytest.raises(ValidationError, match="dòng 2: mỗi tiêu chí cần đúng ba mức"):
        set_rule_value(store, "comment_criteria", broken + criteria[2:])
    # WHEN a criterion the short sheet uses is removed THEN it is refused, naming it
    without_proposal = [c for c in criteria if c["key"] != "proposal"]
    with pytest.raises(ValidationError, match="“Đề nghị của chi ủy” đang có trong phiếu rút gọn"):
        set_rule_value(store, "comment_criteria", without_proposal)
    # WHEN the short sheet drops it first THEN the criterion can go
    set_rule_value(store, "comment_short_criteria", ["civic", "ethics"])
    set_rule_value(store, "comment_criteria", without_proposal)
    assert [c["key"] for c in rules_of(store)["comment_criteria"]] == [
        "civic",
        "ethics",
        "gatherings",
        "contact",
        "movements",
    ]
    # and the short sheet cannot name a criterion that is not on the list
    with pytest.raises(ValidationError, match="tiêu chí “proposal” không có"):
        set_rule_value(store, "comment_short_criteria", ["civic", "proposal"])
    # WHEN the criteria go back to the default THEN the short sheet still fits them
    reset_rule(store, "comment_criteria")
    assert len(rules_of(store)["comment_criteria"]) == 6


def test_a_reset_that_would_strand_the_short_sheet_is_refused(store):
    criteria = [dict(c) for c in rules_of(store)["comment_criteria"]]
    extra = {"label": "Tham gia bảo vệ an ninh trật tự", "levels": ["Tốt", "Khá", "Chưa tốt"]}
    set_rule_value(store, "comment_criteria", [*criteria, extra])
    added = rules_of(store)["comment_criteria"][-1]["key"]
    set_rule_value(store, "comment_short_criteria", ["civic", added])
    with pytest.raises(ValidationError, match="phiếu rút gọn đang dùng tiêu chí “Tham gia bảo vệ"):
        reset_rule(store, "comment_criteria")


def test_the_comment_sheet_prints_the_cells_own_wording(store):
    from test_document_layout import pages_of

    from cellsec.reports.catalogue import build_document
    from cellsec.reports.template import render
    from cellsec.services.liaison import save_liaison

    criteria = [dict(c) for c in rules_of(store)["comment_criteria"]]
    criteria[0]["levels"] = ["Rất gương mẫu", "Gương mẫu", "Chưa gương mẫu"]
    set_rule_value(store, "comment_criteria", criteria)
    liaison_id, _ = save_liaison(
        store,
        {
            "full_name": "Trần Văn Hải",
            "sex": "Nam",
            "birth_date": "12/04/1982",
            "category": "regular",
            "workplace": "Trường THPT Thanh Sơn",
            "received_date": "10/02/2024",
        },
        today=TODAY,
    )
    texts, _ = pages_of(
        render(build_document(store, "comments", year=2026, liaison_id=liaison_id, today=TODAY))
    )
    assert "Rất gương mẫu" in " ".join(texts)


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("30, 40, 40", "mốc thứ 3 \\(40\\) phải lớn hơn mốc đứng trước \\(40\\)"),
        ("30, 4x", "“4x” không phải số nguyên dương"),
        ("0, 30", "mốc thứ 1"),
        ("", "cần ít nhất một dòng"),
    ],
)
def test_badge_milestones_strictly_increase(store, text, fragment):
    with pytest.raises(ValidationError, match=fragment):
        set_rule(store, "badge_milestones_years", text)


def test_badge_milestones_are_used_for_the_next_badge(store):
    # GIVEN a member admitted 03/02/1977: 49 years 9 months of party age on 22/11/2026
    member_id, _ = add_member(
        store,
        member_form(birth_date="01/01/1950"),
        entry_form(admission_date="03/02/1977", official_date="03/02/1978"),
        today=TODAY,
    )
    detail = member_detail(store, member_id, TODAY)
    assert detail is not None
    assert detail.badge_note == "đủ 50 năm ngày 03/02/2027 — mốc xét Huy hiệu Đảng"
    # WHEN the cell's list has no 50-year milestone THEN the next one is 55 years
    set_rule(store, "badge_milestones_years", "30; 40; 45; 55; 60")
    assert rules_of(store)["badge_milestones_years"] == [30, 40, 45, 55, 60]
    detail = member_detail(store, member_id, TODAY)
    assert detail is not None and detail.badge_note.startswith("đủ 55 năm ngày 03/02/2032")


def test_check_gives_the_value_as_it_would_be_saved_without_saving(store):
    checked = check_rule_value(store, "meeting_quality_criteria", CRITERIA)
    assert checked[1]["key"] == "ty_le_du_hop" and store.settings.overrides() == {}
