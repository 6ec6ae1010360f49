"""The year-end review's deadlines on the "Việc cần làm" list: each shown 30 days before its
day (grey), amber within the last 14 days, red after; gone once the year's record says it is
done; cited with its own setting; a click opens the review page on that year."""

from __future__ import annotations

from datetime import date
from typing import Any

from due_helpers import run, states
from factories import TODAY
from review_helpers import YEAR, fill_reviews, review_cell
from test_review import DECISION

from cellsec.rules.due import DueFacts
from cellsec.rules.review_deadlines import ReviewFacts
from cellsec.rules.settings import Rules
from cellsec.services.due import due_items
from cellsec.services.review import enter_decision, save_review_year
from cellsec.services.review_report import issue_review_report

RULE = "review_deadline"


def _record(*, missing: int = 0, meeting: str | None = None, decided: str | None = None) -> dict[str, Any]:
    members = [{"name": f"Đảng viên {n}", "has_review": n >= missing} for n in range(4)]
    return {"members": members, "review": {"meeting_date": meeting, "decision_date": decided}}


def _facts(record: dict[str, Any] | None = None, *, issued: bool = False, year: int = 2026) -> DueFacts:
    return DueFacts(reviews=(ReviewFacts(year, record, issued),))


def _keys(facts: DueFacts, day: date) -> list[str]:
    return sorted(i.key.split(":")[-1] for i in run(RULE, facts, day))


def _state(facts: DueFacts, day: date, which: str) -> str | None:
    return next((i.state.value for i in run(RULE, facts, day) if i.key.endswith(which)), None)


def test_the_self_reviews_are_asked_for_from_thirty_days_before_their_day():
    facts = _facts(_record(missing=2))
    # THEN nothing on 04/11; grey from 05/11 (due 05/12), amber from 21/11, red from 06/12
    assert run(RULE, facts, date(2026, 11, 4)) == []
    assert states(RULE, facts, date(2026, 11, 5)) == ["later"]
    assert _state(facts, date(2026, 11, 20), "self_reviews") == "later"
    assert _state(facts, date(2026, 11, 21), "self_reviews") == "soon"
    assert _state(facts, date(2026, 12, 5), "self_reviews") == "soon"
    assert _state(facts, date(2026, 12, 6), "self_reviews") == "overdue"
    # AND the item says who is missing, under its own rule's source, and opens the year
    item = run(RULE, facts, date(2026, 11, 5))[0]
    assert item.key == "review_deadline:2026:self_reviews"
    assert item.what == (
        "Đảng viên nộp bản tự kiểm điểm (Mẫu 2C) năm 2026: còn 2 đồng chí chưa nộp: Đảng viên 0, Đảng viên 1"
    )
    assert item.due == date(2026, 12, 5) and "43-HD/BTCTW" in item.citation
    assert (item.target.page, item.target.part) == ("review", "year:2026")


def test_the_meeting_the_report_and_the_decision_each_on_their_day():
    facts = _facts(_record(missing=1))
    # THEN the meeting (20/12) and the report (25/12) join the list 30 days before
    assert _keys(facts, date(2026, 11, 19)) == ["self_reviews"]
    assert _keys(facts, date(2026, 11, 20)) == ["review_meeting", "self_reviews"]
    assert _keys(facts, date(2026, 11, 25)) == ["review_meeting", "review_report", "self_reviews"]
    assert _state(facts, date(2026, 12, 20), "review_meeting") == "soon"
    assert _state(facts, date(2026, 12, 21), "review_meeting") == "overdue"
    assert _state(facts, date(2026, 12, 26), "review_report") == "overdue"
    # AND the Đảng ủy's decision (31/01 of the next year) from 01/01
    assert "review_decision" not in _keys(facts, date(2026, 12, 31))
    assert _state(facts, date(2027, 1, 1), "review_decision") == "later"
    assert _state(facts, date(2027, 2, 1), "review_decision") == "overdue"
    # AND the comment sheets are left to the liaison rule (one item per working member)
    assert all("comment_sheets" not in i.key for i in run(RULE, facts, date(2027, 1, 1)))


def test_what_the_record_says_is_done_leaves_the_list():
    day = date(2026, 12, 28)
    assert _keys(_facts(_record(missing=1)), day) == ["review_meeting", "review_report", "self_reviews"]
    # WHEN every self-review is in and the meeting is held
    held = _record(missing=0, meeting="2026-12-18")
    assert _keys(_facts(held), day) == ["review_report"]
    # WHEN the report has its number
    assert _keys(_facts(held, issued=True), day) == []
    # WHEN the decision is entered
    assert _keys(_facts(held, issued=True), date(2027, 1, 10)) == ["review_decision"]
    decided = _record(missing=0, meeting="2026-12-18", decided="2027-01-12")
    assert _keys(_facts(decided, issued=True), date(2027, 1, 13)) == []
    # AND a decided year asks for nothing more, even without a report numbered in the app
    assert _keys(_facts(_record(missing=1, decided="2027-01-12")), date(2027, 1, 13)) == []


def test_a_year_never_opened_is_watched_until_its_cycle_ends():
    facts = _facts(None)
    # THEN the whole year's work is asked for, up to the decision's day…
    assert _keys(facts, date(2027, 1, 31)) == [
        "review_decision",
        "review_meeting",
        "review_report",
        "self_reviews",
    ]
    # … and after it nothing more: that year was done outside the app
    assert run(RULE, facts, date(2027, 2, 1)) == []
    # AND an opened year stays until it is done
    assert _keys(_facts(_record(missing=1)), date(2027, 6, 1))[0] == "review_decision"


def test_the_days_and_the_lead_time_are_settings():
    facts = _facts(_record(missing=1))
    # the cell's plan moves the report to 31/12; a shorter reminder of 7 days
    settings = {"review_report_due": "31/12", "due_review_lead_days": 7}
    assert "review_report" not in _keys_with(facts, date(2026, 12, 23), settings)
    items = run(RULE, facts, date(2026, 12, 24), **settings)
    report = next(i for i in items if i.key.endswith("review_report"))
    assert report.due == date(2026, 12, 31) and report.state.value == "soon"


def _keys_with(facts: DueFacts, day: date, settings: dict[str, Any]) -> list[str]:
    return sorted(i.key.split(":")[-1] for i in run(RULE, facts, day, **settings))


def test_the_rule_is_registered_with_a_cited_setting():
    from cellsec.rules.due import RULES

    rule = next(r for r in RULES if r.key == RULE)
    assert "43-HD/BTCTW" in Rules.defaults().settings[rule.setting].source


def test_the_list_follows_the_cells_review_on_a_real_file(store):
    # GIVEN the 2025 review opened, no self-review in yet
    ids = review_cell(store)

    def review_items(day: date) -> dict[str, str]:
        return {i.key.split(":")[-1]: i.state.value for i in due_items(store, day) if i.rule == RULE}

    # THEN nothing is asked in October (the members are not even read then)
    assert review_items(date(YEAR, 10, 1)) == {}
    # AND on 06/12 the self-reviews are overdue (3 members), the meeting (20/12) soon, the
    # report (25/12) later
    items = {i.key: i for i in due_items(store, date(YEAR, 12, 6)) if i.rule == RULE}
    assert "còn 3 đồng chí chưa nộp" in items[f"review_deadline:{YEAR}:self_reviews"].what
    assert review_items(date(YEAR, 12, 6)) == {
        "self_reviews": "overdue",
        "review_meeting": "soon",
        "review_report": "later",
    }
    # WHEN the reviews are in, the meeting held and the report issued
    fill_reviews(store, ids, decided=True)
    save_review_year(store, YEAR, {"meeting_date": f"18/12/{YEAR}"})
    issue_review_report(store, YEAR, today=date(YEAR, 12, 20))
    # THEN only the Đảng ủy's decision is left, in January; once entered, nothing
    assert review_items(date(YEAR, 12, 28)) == {}
    assert review_items(date(YEAR + 1, 1, 10)) == {"review_decision": "later"}
    enter_decision(store, YEAR, DECISION, today=TODAY)
    assert review_items(date(YEAR + 1, 1, 20)) == {}


def test_a_new_file_with_nobody_in_the_register_asks_for_no_review(store):
    # GIVEN a new file (the cell's profile only) in December
    # THEN no review deadline: there is nobody to review yet
    assert [i for i in due_items(store, date(YEAR, 12, 6)) if i.rule == RULE] == []
