"""Candidates, helpers and badge choices travel in the whole-cell export and come back through the
same checks; a candidate against the rules refuses the whole import."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member

from cellsec.errors import ValidationError
from cellsec.rules.badges import Basis
from cellsec.services.badges import record_choice
from cellsec.services.candidates import save_candidate
from cellsec.services.cell_io import export_cell, import_cell
from cellsec.services.members import add_member
from cellsec.services.probation import assign_helper
from cellsec.store import Store

LATER = date(2040, 1, 1)


def _cell(store):
    a = member(store, "Trần Văn An", "01/01/1970", admitted="03/02/1996", official="03/02/1997")
    b = member(store, "Lê Văn Bình", "01/01/1971", admitted="03/02/2000", official="03/02/2001")
    p, _ = add_member(
        store,
        {"full_name": "Hoàng Thị Giang", "sex": "Nữ", "birth_date": "02/03/1998"},
        {"entry_kind": "admitted", "admission_date": "15/01/2026"},
        today=LATER,
    )
    assign_helper(store, p, {"helper_id": str(a), "assigned_on": "20/01/2026"}, today=LATER)
    record_choice(store, b, Basis.ILLNESS, "Bệnh nặng", today=date(2026, 3, 1))
    save_candidate(
        store,
        {
            "full_name": "Nguyễn Thị Hạnh",
            "sex": "Nữ",
            "birth_date": "12/04/2000",
            "course_date": "15/09/2025",
            "application_date": "10/01/2026",
            "introducer_1_id": str(a),
            "introducer_1_since": "01/01/2024",
            "introducer_2_id": str(b),
            "introducer_2_since": "01/06/2023",
        },
        today=LATER,
    )


def test_the_growth_records_survive_export_and_import(store, tmp_path):
    # GIVEN a cell with a candidate, a probationer's helper and a badge choice
    _cell(store)
    data = export_cell(store)
    # WHEN it is imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, data, today=LATER)
        again = export_cell(copy)
    # THEN the three come back as they were
    for key in ("candidates", "probation_helpers", "badge_choices"):
        assert again[key] == data[key]
    assert again["candidates"][0]["form"]["full_name"] == "Nguyễn Thị Hạnh"


def test_a_candidate_against_the_rules_refuses_the_import(store, tmp_path):
    # GIVEN an export whose candidate's first introducer knew her only from 2025
    _cell(store)
    data = export_cell(store)
    data["candidates"][0]["form"]["introducer_1_since"] = "01/06/2025"
    # WHEN it is imported
    with Store.open(tmp_path / "copy.cellsec") as copy:
        with pytest.raises(
            ValidationError, match=r"Quần chúng ưu tú thứ 1 \(Nguyễn Thị Hạnh\).*chưa đủ 12 tháng"
        ):
            import_cell(copy, data, today=LATER)
        # THEN nothing is written
        assert copy.members.count() == 0 and copy.growth.candidates() == []


def test_the_change_log_records_candidates_helpers_and_badge_choices(store):
    _cell(store)
    entities = {r["entity"] for r in export_cell(store)["audit_log"]}
    assert {"candidates", "probation_helpers", "badge_choices"} <= entities
