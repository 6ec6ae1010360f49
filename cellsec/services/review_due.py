"""What the to-do list reads of the year-end reviews (cellsec.rules.due.review): last year's
(its decision falls due in January) and this year's, each as the year's record and whether the
report to the Đảng ủy has its number. The members are read only when they matter: the record
of an open year replays the whole register, too slow to do on every refresh of a big file."""

from __future__ import annotations

from datetime import date

from cellsec.rules.due.review import reads_members
from cellsec.rules.review_deadlines import ReviewFacts
from cellsec.rules.settings import Rules
from cellsec.services.review_record import review_record, year_only_record
from cellsec.services.review_report import report_number
from cellsec.store import Store


def review_facts(store: Store, today: date, rules: Rules) -> tuple[ReviewFacts, ...]:
    if store.members.count() == 0:  # a new file, nobody in the register: no review to do yet
        return ()
    out = []
    for year in (today.year - 1, today.year):
        y = store.reviews.year(year)
        if y is None:
            out.append(ReviewFacts(year))
            continue
        # A decided year is done whatever its members; before the self-reviews are asked for,
        # only the year's own dates count.
        members = not y.locked and reads_members(rules, year, today)
        record = review_record(store, year) if members else year_only_record(y)
        out.append(ReviewFacts(year, record, report_number(store, year) is not None))
    return tuple(out)
