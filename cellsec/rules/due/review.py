"""Due rule of the year-end review (QĐ 366-QĐ/TW; HD 43-HD/BTCTW): the self-reviews, the review
meeting, the report to the Đảng ủy xã and its decision, each by the day its setting names
(cellsec.rules.review_deadlines), until the year's record says it is done."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from cellsec.entities.due import DueItem, Target
from cellsec.rules.due.facts import DueContext, DueFacts
from cellsec.rules.review_deadlines import SELF_REVIEW_KEY, day_in, review_deadlines
from cellsec.rules.settings import Rules

RULE = "review_deadline"
LEAD_KEY = "due_review_lead_days"


def reads_members(rules: Rules, year: int, today: date) -> bool:
    """Whether the year's members matter to the list on `today`: from the day the self-reviews
    are asked for (who has not handed one in); before it only the year's own dates count."""
    lead = rules[LEAD_KEY]
    days = lead if isinstance(lead, int) and not isinstance(lead, bool) else 0
    return today >= day_in(rules.settings[SELF_REVIEW_KEY].value, year) - timedelta(days=days)


def review_deadline(facts: DueFacts, ctx: DueContext) -> Iterator[DueItem]:
    """Each deadline of a year's review not yet done, shown `due_review_lead_days` before its
    day, overdue after it, cited with its own setting's source; a click opens the review page on
    that year.

    The residence comment sheets are left to the liaison rule ("comment_sheet"), which lists
    each working member's sheet from the same setting. A year the cell never opened in the app
    is watched until its cycle's last day (the Đảng ủy's decision) and then dropped: that
    year's review was evidently done outside the app."""
    lead = timedelta(days=ctx.setting(LEAD_KEY))
    for facts_of_year in facts.reviews:
        year = facts_of_year.year
        deadlines = review_deadlines(
            ctx.rules, year, facts_of_year.record, report_issued=facts_of_year.report_issued
        )
        if facts_of_year.record is None and ctx.today > max(d.due for d in deadlines):
            continue
        for d in deadlines:
            if d.done is None or d.done or d.due - lead > ctx.today:
                continue
            what = f"{d.what}: {d.detail}" if d.detail else d.what
            item = ctx.item(RULE, f"{year}:{d.key}", what, "", d.due, Target("review", f"year:{year}"))
            yield replace(item, citation=d.citation or item.citation)
