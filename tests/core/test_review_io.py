"""The year-end review in the whole-cell export: round trip, a decided year imported sealed,
a wrong or tampered year refused by the import with nothing written."""

from __future__ import annotations

import json

import pytest
from factories import TODAY
from review_helpers import YEAR, fill_reviews, review_cell
from test_review import DECISION

from cellsec.errors import ValidationError
from cellsec.services.cell_io import export_cell, import_cell
from cellsec.services.review import enter_decision, open_review_year
from cellsec.services.review_record import is_locked, review_record, seal_problem
from cellsec.store import Store


def _decided_and_open(store):
    ids = review_cell(store)
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)
    open_review_year(store, YEAR + 1)
    return ids


def test_review_years_go_through_the_export_and_come_back_sealed(store, tmp_path):
    # GIVEN a decided year and an open one
    _decided_and_open(store)
    data = json.loads(json.dumps(export_cell(store)))
    assert [y["year"] for y in data["review_years"]] == [YEAR, YEAR + 1]
    assert data["review_years"][0]["digest"] and data["review_years"][1]["sealed_record"] is None
    # WHEN it is imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=TODAY)
        # THEN the decided year is locked, verifies and reads as before (ids aside)
        assert is_locked(copy, YEAR) and seal_problem(copy, YEAR) is None
        assert not is_locked(copy, YEAR + 1)
        before, after = review_record(store, YEAR), review_record(copy, YEAR)
        assert [m["name"] for m in after["members"]] == [m["name"] for m in before["members"]]
        assert [m["decided_level"] for m in after["members"]] == [
            m["decided_level"] for m in before["members"]
        ]
        # the sealed record names the new file's members
        new_ids = {m.full_name: m.id for m in copy.members.all()}
        assert all(new_ids[m["name"]] == m["member_id"] for m in after["members"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda y: y.update(digest="0" * 64), "không khớp"),
        (lambda y: y["sealed_record"]["members"][0].update(name="Người Khác"), "không khớp"),
        (lambda y: y["members"][0].update(proposed_level="tốt lắm"), "Chi bộ đề nghị xếp loại"),
        (lambda y: y["members"][0].update(member_id=999), "không có đảng viên mã 999"),
        (lambda y: y.update(sealed_record=None), "bản kết quả đã chốt"),
    ],
)
def test_a_wrong_review_year_refuses_the_import_and_writes_nothing(store, tmp_path, change, message):
    _decided_and_open(store)
    data = json.loads(json.dumps(export_cell(store)))
    change(data["review_years"][0])
    with Store.open(tmp_path / "copy.cellsec") as copy:
        with pytest.raises(ValidationError, match=message):
            import_cell(copy, data, today=TODAY)
        assert copy.members.count() == 0 and copy.reviews.years() == []
