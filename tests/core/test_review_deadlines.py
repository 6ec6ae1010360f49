"""The review's deadlines from the settings, with what the year's record says is done."""

from __future__ import annotations

from datetime import date

from factories import TODAY
from review_helpers import YEAR, fill_reviews, review_cell
from test_review import DECISION

from cellsec.rules.review_deadlines import review_deadlines
from cellsec.rules.settings import Rules
from cellsec.services.members import rules_of
from cellsec.services.review import enter_decision
from cellsec.services.review_record import review_record


def test_each_deadline_has_its_date_and_the_rule_it_comes_from():
    items = review_deadlines(Rules.defaults(), 2026)
    by_key = {d.key: d for d in items}
    assert by_key["self_reviews"].due == date(2026, 12, 5)
    assert by_key["comment_sheets"].due == date(2026, 12, 15)
    assert by_key["review_meeting"].due == date(2026, 12, 20)
    assert by_key["review_report"].due == date(2026, 12, 25)
    assert by_key["review_decision"].due == date(2027, 1, 31)
    assert "43-HD/BTCTW" in by_key["review_report"].citation
    assert [d.due for d in items] == sorted(d.due for d in items)
    # a cell's own plan moves a date (a setting, not code)
    moved = review_deadlines(Rules.with_overrides({"review_report_due": "31/12"}), 2026)
    assert next(d for d in moved if d.key == "review_report").due == date(2026, 12, 31)


def test_the_record_says_what_is_done(store):
    ids = review_cell(store)
    items = {d.key: d for d in review_deadlines(rules_of(store), YEAR, review_record(store, YEAR))}
    assert items["self_reviews"].done is False and "còn 3 đồng chí chưa nộp" in items["self_reviews"].detail
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)
    items = {
        d.key: d
        for d in review_deadlines(rules_of(store), YEAR, review_record(store, YEAR), report_issued=True)
    }
    assert items["self_reviews"].done and items["review_decision"].done and items["review_report"].done
    assert items["comment_sheets"].done is None
