"""Rule settings that drive the calendar (issue 10, item 4): the thematic-meeting period
(`thematic_every_months`) and the notice lead time to the superiors who follow the cell
(`superior_notice_days_before`), each used wherever its rule applies."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.services.meetings import new_meeting, notices_due, save_meeting, year_calendar
from cellsec.services.rule_settings import set_rule
from cellsec.services.superiors import assign_follower, record_notice, save_superior


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def _save(store, when, kind=MeetingKind.REGULAR, **fields):
    m = new_meeting(store, kind, when)
    if kind.is_thematic:
        fields.setdefault("topic", "Chuyển đổi số ở thôn")
    meeting_id, _ = save_meeting(store, replace(m, **fields))
    return meeting_id


def test_thematic_meetings_are_checked_per_period_the_cell_sets(cell):
    # GIVEN thematic meetings in February and August 2026 (today is 22/11/2026)
    _save(cell, date(2026, 2, 10), MeetingKind.THEMATIC)
    _save(cell, date(2026, 8, 20), MeetingKind.THEMATIC)
    # WHEN the rule is "at least every 3 months" (the default) THEN quarter II lacks one
    # (I has February, III has August, IV is not over yet)
    cal = year_calendar(cell, 2026, today=TODAY)
    assert cal.quarters_without_thematic == (2,)
    assert cal.thematic_flag == "Chưa sinh hoạt chuyên đề: quý II."
    assert cal.months[5].thematic_missing == "Quý II chưa sinh hoạt chuyên đề"
    # WHEN the cell sets "every 2 months" THEN the periods are two months long
    set_rule(cell, "thematic_every_months", "2")
    cal = year_calendar(cell, 2026, today=TODAY)
    assert cal.periods_without_thematic == ((3, 4), (5, 6), (9, 10))
    assert cal.months[3].thematic_missing == "Tháng 3–4 chưa sinh hoạt chuyên đề"
    assert cal.thematic_flag == "Chưa sinh hoạt chuyên đề: tháng 3–4, 5–6, 9–10."
    # AND "every 6 months": both halves have one
    set_rule(cell, "thematic_every_months", "6")
    assert year_calendar(cell, 2026, today=TODAY).periods_without_thematic == ()


@pytest.mark.slow
def test_the_cli_reports_the_same_periods(cell, tmp_path):
    set_rule(cell, "thematic_every_months", "4")
    path = cell.path
    cell.close()
    out = subprocess.run(
        [sys.executable, "-m", "cellsec.cli", "--data", str(path), "meetings", "--year", "2025"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    data = json.loads(out.stdout)
    assert data["thematic_every_months"] == 4
    assert data["periods_without_thematic"] == [[1, 4], [5, 8], [9, 12]]


def test_the_app_asks_for_the_notice_when_its_day_comes(cell):
    # GIVEN a follower assigned to the cell and a meeting prepared for 30/11/2026
    follower, _ = save_superior(cell, {"name": "Hoàng Minh Tuấn", "level": "commune"})
    assign_follower(cell, follower, "01/01/2026")
    meeting_id = _save(cell, date(2026, 11, 30))
    set_rule(cell, "superior_notice_days_before", "3")
    # THEN nothing is asked six days before; from three days before it is
    assert notices_due(cell, date(2026, 11, 24)) == []
    due = notices_due(cell, date(2026, 11, 27))
    assert [(d.superior.name, d.due) for d in due] == [("Hoàng Minh Tuấn", date(2026, 11, 27))]
    assert "chậm nhất ngày 27/11/2026" in due[0].text(date(2026, 11, 27))
    assert "đã quá hạn" in notices_due(cell, date(2026, 11, 29))[0].text(date(2026, 11, 29))
    # WHEN the notice is recorded THEN the app stops asking
    record_notice(cell, meeting_id, follower, "28/11/2026", "Điện thoại", today=date(2026, 11, 28))
    assert notices_due(cell, date(2026, 11, 29)) == []
