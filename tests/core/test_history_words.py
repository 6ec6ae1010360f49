"""The change history reads like a logbook: Vietnamese labels for every key and code, dates as
dd/mm/yyyy, roll calls by name, long texts as a short diff — never a raw key, bracket or ISO date."""

from __future__ import annotations

import re
from dataclasses import replace

from factories import TODAY, member
from test_meetings import filled

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import CommitteePost, Mark, MeetingKind
from cellsec.entities.members import EventKind
from cellsec.rules.settings import Rules
from cellsec.services.candidates import save_candidate
from cellsec.services.history import meeting_history, recent_history
from cellsec.services.history_words import CODES, FIELD_LABELS, HIDDEN, short_diff
from cellsec.services.meetings import save_meeting
from cellsec.services.rule_settings import set_rule

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")


def raw_codes() -> set[str]:
    """Every stored key and code the history could leak, as the program spells it."""
    rules = Rules.defaults()
    criteria = {c["key"] for key in ("meeting_quality_criteria", "comment_criteria") for c in rules[key]}
    codes = {code for table in CODES.values() for code in table}
    enums = {k.value for k in (*MeetingKind, *Mark, *CommitteePost, *EventKind)}
    return (set(FIELD_LABELS) | HIDDEN | criteria | codes | enums) - {""}


def leaks(text: str) -> list[str]:
    words = set(re.findall(r"\b[a-z_]+\b", text))
    found = sorted(words & raw_codes())
    found += IDENTIFIER.findall(text) + ISO_DATE.findall(text)
    found += [c for c in "[]{}" if c in text]
    return found


def history_text(entries) -> str:
    return "\n".join("\n".join((e.at, e.what, e.user, e.subject, *e.lines)) for e in entries)


def test_the_demo_cells_history_has_no_raw_key_bracket_or_iso_date(store):
    # GIVEN the demo cell (members, meetings with rolls and scores, superiors, liaison, committee)
    create_demo(store, today=TODAY)
    # WHEN the whole history is read
    entries = recent_history(store, limit=5000)
    text = history_text(entries)
    # THEN it is all Vietnamese words: no stored key, code, Python list/dict or ISO date
    assert len(entries) > 50
    assert leaks(text) == []
    assert "Tự đánh giá: Chuẩn bị nội dung, thông báo, tài liệu: 18" in text
    assert "Loại: Sinh hoạt thường kỳ" in text
    assert "Chức vụ: Bí thư" in text


def test_a_roll_call_change_names_the_member_and_both_marks(store):
    # GIVEN a saved draft
    create_demo(store, today=TODAY, meetings=False)
    meeting_id, _ = save_meeting(store, filled(store))
    saved = store.meetings.get(meeting_id)
    roll = list(saved.roll)
    roll[2] = replace(roll[2], mark=Mark.ABSENT_REASON, reason="Đi viện")
    # WHEN one member is marked absent and the resolution gets a longer text
    longer = saved.resolution + " Giao chi ủy đôn đốc, kiểm tra việc thực hiện và báo cáo tại kỳ họp tới."
    save_meeting(store, replace(saved, roll=tuple(roll), resolution=longer, votes=()))
    edit = meeting_history(store, meeting_id)[0]
    # THEN the roll-call line reads like a logbook
    assert f"Điểm danh: {roll[2].name} — Có mặt → Vắng có lý do (Đi viện)" in edit.lines
    # AND the long text shows only what changed
    [resolution] = [line for line in edit.lines if line.startswith("Nghị quyết:")]
    assert "→ “Giao chi ủy đôn đốc" in resolution and len(resolution) < len(longer) + 40
    assert leaks(history_text([edit])) == []


def test_a_score_and_a_rule_change_say_their_names(store):
    # GIVEN the demo cell WHEN a rule setting is changed
    create_demo(store, today=TODAY, meetings=False)
    set_rule(store, "probation_months", "18")
    entry = recent_history(store)[0]
    # THEN the setting is named by its label, never its key
    label = Rules.defaults().settings["probation_months"].label
    assert f"Thiết lập: {label}" in entry.lines
    assert leaks(history_text([entry])) == []


def test_a_short_diff_keeps_a_few_words_around_the_change():
    before = "Chi bộ thống nhất các nhiệm vụ trọng tâm tháng 11 như sau: vận động nhân dân góp công làm đường"
    after = "Chi bộ thống nhất các nhiệm vụ trọng tâm tháng 12 như sau: vận động nhân dân góp công làm đường"
    assert short_diff(before, after) == "…trọng tâm tháng “11” → “12” như sau: vận…"


def test_a_candidates_history_names_the_introducers_and_each_changed_personal_field(store):
    # GIVEN a full member who introduces a candidate typed on the member form
    a = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1996", official="03/02/1997")
    form = {
        "full_name": "Nguyễn Thị Hạnh",
        "sex": "Nữ",
        "birth_date": "12/04/2000",
        "occupation": "Giáo viên",
        "course_date": "15/09/2025",
        "introducer_1_id": str(a),
        "introducer_1_since": "01/01/2024",
        "youth_union_introduces": "Có",
    }
    cid, _ = save_candidate(store, form, today=TODAY)
    added = recent_history(store)[0]
    # WHEN her occupation is corrected
    save_candidate(store, {**form, "occupation": "Kế toán"}, cid, today=TODAY)
    edit = recent_history(store)[0]
    # THEN the new record reads in words: the introducer by name, the person's fields by label
    assert "Người giới thiệu thứ nhất: Trần Văn An" in added.lines
    assert "Đoàn thanh niên giới thiệu: Có" in added.lines
    [person] = [line for line in added.lines if line.startswith("Thông tin cá nhân:")]
    assert "Ngày sinh: 12/04/2000" in person and "Nghề nghiệp: Giáo viên" in person
    # AND the correction names only the field that changed
    assert any(line.endswith("Nghề nghiệp — Giáo viên → Kế toán") for line in edit.lines), edit.lines
    assert leaks(history_text([added, edit])) == []
