"""One fact, one derivation (issue 10, item 1): a meeting's eligible voters read through the
screen, the printed minutes, the Excel list and the CLI's JSON are the same number — before
and after the cell changes the rule on members attached elsewhere who come to the meeting —
and approved minutes keep the number they were approved with."""

from __future__ import annotations

import argparse
import io
import json
import re
import unicodedata
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from cellsec.cli.main import cmd_meetings
from cellsec.entities.meetings import Mark, MeetingKind
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.rule_settings import set_rule
from cellsec.spreadsheets.exporters import export_meetings

NOVEMBER = date(2026, 11, 20)


def _pdf(store, meeting_id) -> int:
    reader = PdfReader(io.BytesIO(render(build_document(store, "minutes", meeting_id=meeting_id))))
    text = unicodedata.normalize(
        "NFC", " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    )
    return int(re.search(r"Số đảng viên có quyền biểu quyết: (\d+) đồng chí", text).group(1))


def _excel(store, tmp_path, meeting_date) -> int:
    path = tmp_path / "hop.xlsx"
    export_meetings(store, path, 2026)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if "Có quyền biểu quyết" in r)
    col = rows[start].index("Có quyền biểu quyết")
    row = next(r for r in rows[start + 1 :] if r[0] and r[0].date() == meeting_date)
    return row[col]


def _cli(store, meeting_id) -> int:
    out = io.StringIO()
    with redirect_stdout(out):
        cmd_meetings(store, argparse.Namespace(year=2026))
    return next(m["eligible_voters"] for m in json.loads(out.getvalue())["meetings"] if m["id"] == meeting_id)


def _screen(qtbot, page, store, meeting_id) -> tuple[int, str]:
    editor = page.open_editor(store.meetings.get(meeting_id))
    qtbot.waitExposed(editor)
    shown = editor.roll_editor.count().eligible_voters
    label = editor.resolution_tab.eligible_label.text()
    summary = editor.roll_editor.summary_label.text()
    editor.done(0)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert f"Số có quyền biểu quyết {shown}" in summary
    return shown, label


def _everywhere(qtbot, page, store, tmp_path, meeting_id, when):
    shown, label = _screen(qtbot, page, store, meeting_id)
    values = {
        "screen": shown,
        "pdf": _pdf(store, meeting_id),
        "excel": _excel(store, tmp_path, when),
        "cli": _cli(store, meeting_id),
    }
    assert f"có quyền biểu quyết: {shown} " in label
    return values


def test_eligible_voters_agree_everywhere_before_and_after_the_rule_changes(
    qtbot, meetings_page, demo_store, tmp_path
):
    # GIVEN a November draft where the members attached elsewhere came to the meeting
    m = new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER)
    roll = tuple(replace(e, mark=Mark.PRESENT) if e.attached_out else e for e in m.roll)
    draft, _ = save_meeting(demo_store, replace(m, roll=roll, end_time="09:45"))
    october = demo_store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 10))[0]
    before = _everywhere(qtbot, meetings_page, demo_store, tmp_path, draft, NOVEMBER)
    approved = _everywhere(qtbot, meetings_page, demo_store, tmp_path, october.id, october.date)
    assert len(set(before.values())) == 1, before
    assert len(set(approved.values())) == 1, approved
    # WHEN the cell decides such members do not count
    set_rule(demo_store, "attached_out_present_votes", "Không")
    after = _everywhere(qtbot, meetings_page, demo_store, tmp_path, draft, NOVEMBER)
    # THEN every reader of the draft leaves them out, together
    came = sum(e.attached_out for e in roll)
    assert came >= 1
    assert set(after.values()) == {before["screen"] - came}, after
    # AND the approved October minutes still say what they were approved with, everywhere
    assert _everywhere(qtbot, meetings_page, demo_store, tmp_path, october.id, october.date) == approved
