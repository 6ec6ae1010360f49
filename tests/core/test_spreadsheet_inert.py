"""Spreadsheet exports are inert and keep identifiers: every list of the export catalogue and
the superiors' report workbook, as .xlsx and as .csv read the way Excel reads it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from excel_csv import Formula, excel_rows
from factories import TODAY, entry_form, member_form
from openpyxl import load_workbook

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.reports.superior_xlsx import write_superior_xlsx
from cellsec.services.meetings import new_meeting
from cellsec.services.member_form import member_form as form_of
from cellsec.services.members import add_member, update_member
from cellsec.services.superior_tally import superior_tally
from cellsec.spreadsheets import TABLES, export
from cellsec.spreadsheets.export import formula_like

HOSTILE = ['=HYPERLINK("http://x.invalid","Bấm")', "+1+2", "-3+4", "@SUM(1)", "=cmd|' /C calc'!A0", "\t=1+1"]


def _hostile(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)]


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    """The demo cell where every free text a list shows starts like a formula: typed by a user
    through the services where a form allows it, else planted as an older file could hold."""
    from cellsec.store import Store

    path = tmp_path_factory.mktemp("inert") / "hostile.cellsec"
    with Store.open(path) as store:
        create_demo(store, today=TODAY)
        for i, m in enumerate(store.members.all()):
            form = form_of(m)
            form.update(
                notes=_hostile(i),
                occupation=_hostile(i + 1),
                hometown=_hostile(i + 2),
                permanent_address=_hostile(i + 3),
            )
            update_member(store, m.id, form, today=TODAY)
        with store.transaction():
            for i, mid in enumerate(store.meetings.all_ids()):
                m = store.meetings.get(mid)
                if m.approved:  # sealed: no write reaches it (the triggers refuse)
                    continue
                store.meetings.save(
                    replace(
                        m,
                        topic=_hostile(i),
                        chair=_hostile(i + 1),
                        roll=tuple(replace(e, reason=_hostile(j)) for j, e in enumerate(m.roll)),
                    )
                )
            # a draft of this year planted with formula-like text (approved minutes are sealed)
            draft = new_meeting(store, MeetingKind.REGULAR, TODAY)
            store.meetings.save(
                replace(
                    draft,
                    topic=_hostile(0),
                    chair=_hostile(1),
                    roll=tuple(replace(e, reason=_hostile(j)) for j, e in enumerate(draft.roll)),
                )
            )
            for i, d in enumerate(store.superiors.directions()):
                store.superiors.save_direction(
                    replace(d, text=_hostile(i), result=_hostile(i + 1), given_by=_hostile(i + 2))
                )
            for i, w in enumerate(store.liaison.working_away()):
                store.liaison.save_working_away(
                    replace(
                        w,
                        destination=_hostile(i),
                        employer=_hostile(i + 1),
                        contact=_hostile(i + 2),
                        dues="-",
                    )
                )
            # the cell's name heads the review's workbook (an older file could hold anything)
            store.profile.put(replace(store.profile.get(), cell_name=_hostile(0)))
            for i, p in enumerate(store.liaison.members()):
                store.liaison.save(
                    replace(
                        p, address=_hostile(i), workplace=_hostile(i + 1), workplace_party_org=_hostile(i + 2)
                    ),
                    "",
                )
    return path


def _exports(store, tmp_path, suffix):
    """Every list of the catalogue written to `suffix`, and the superiors' workbook."""
    options = {
        "members": {"on": TODAY, "status": "all"},
        "meetings": {"year": TODAY.year},
        "attendance": {"meeting_id": store.meetings.all_ids()[-1]},
        "liaison": {"on": TODAY},
        "working_away": {"on": TODAY},
        "review": {"year": TODAY.year},
    }
    assert set(options) == set(TABLES), "a new list in the catalogue: add it here"
    paths = []
    for key, opts in options.items():
        path = tmp_path / f"{key}{suffix}"
        export(store, key, path, **opts)
        paths.append(path)
    return paths


def test_every_workbook_holds_formula_like_text_as_literal_text(hostile_file, tmp_path):
    # GIVEN a cell whose notes, topics, reasons, places, directions start with = + - @ or tab
    from cellsec.store import Store

    with Store.open(hostile_file) as store:
        # WHEN every list and the superiors' report are exported to Excel
        paths = _exports(store, tmp_path, ".xlsx")
        tally = tmp_path / "cap-tren.xlsx"
        write_superior_xlsx(superior_tally(store, date(TODAY.year, 1, 1), TODAY, today=TODAY), tally)
    # THEN no cell of any sheet is a formula, and every formula-like text is a literal text
    # cell (Excel's quote prefix: editing it keeps it text), shown exactly as typed
    seen: dict[str, set[str]] = {}
    for path in [*paths, tally]:
        for ws in load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and formula_like(cell.value):
                        assert cell.quotePrefix, (path.name, cell.coordinate, cell.value)
                        seen.setdefault(path.name, set()).add(cell.value)
    assert set(seen) == {p.name for p in [*paths, tally]}  # every file had some to keep inert
    assert set(HOSTILE) <= set().union(*seen.values())
    # the superiors' workbook, which used to write directions starting with = as formulas
    assert {h for h in HOSTILE if h.startswith("=")} <= seen["cap-tren.xlsx"]


def test_every_csv_runs_no_formula_when_excel_opens_it(hostile_file, tmp_path):
    from cellsec.store import Store

    with Store.open(hostile_file) as store:
        paths = _exports(store, tmp_path, ".csv")
    for path in paths:
        for row in excel_rows(path):
            for value in row:
                assert not isinstance(value, Formula), (path.name, value)


def test_csv_identifiers_keep_their_leading_zeros_in_excel(store, tmp_path):
    # GIVEN members whose CCCD, party card and phone start with 0
    add_member(
        store,
        member_form(citizen_id="001088001234", party_card_no="000123456789", phone="0912345678"),
        entry_form(),
        today=TODAY,
    )
    # WHEN the register is exported to CSV and opened in Excel
    out = tmp_path / "dang-vien.csv"
    export(store, "members", out, on=TODAY)
    head, first = excel_rows(out)[:2]
    shown = dict(zip(head, first))
    # THEN each identifier is the same text, zeros and all (not 1088001234 or 1.23E+08)
    assert shown["Số CCCD"] == "001088001234"
    assert shown["Số thẻ đảng viên"] == "000123456789"
    assert shown["Điện thoại"] == "0912345678"
    assert isinstance(shown["Ngày sinh"], date) and isinstance(shown["STT"], float)


def test_a_word_line_break_in_a_field_no_longer_breaks_the_register_export(store, tmp_path):
    # GIVEN a note pasted from Word, with its manual line break \x0b, typed into the form
    add_member(
        store,
        member_form(notes="Dòng một\x0bDòng hai", hometown="Xã\x07 Thanh Sơn"),
        entry_form(),
        today=TODAY,
    )
    member = store.members.all()[0]
    assert member.notes == "Dòng một\nDòng hai" and member.hometown == "Xã Thanh Sơn"
    # WHEN the register is exported to Excel
    out = tmp_path / "dang-vien.xlsx"
    export(store, "members", out, on=TODAY)
    # THEN the workbook opens and shows the note on two lines
    ws = load_workbook(out).active
    head = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=head.index("Ghi chú") + 1).value == "Dòng một\nDòng hai"


def test_control_characters_already_in_an_older_file_do_not_break_an_export(store, tmp_path):
    # GIVEN a note with \x0b and \x00 written before the services cleaned text
    add_member(store, member_form(), entry_form(), today=TODAY)
    m = store.members.all()[0]
    with store.transaction():
        store.members.update(replace(m, notes="a\x0bb\x00c"), "")
    # WHEN it is exported to Excel and to CSV
    export(store, "members", tmp_path / "d.xlsx", on=TODAY)
    export(store, "members", tmp_path / "d.csv", on=TODAY)
    # THEN both files are written and hold the readable text
    ws = load_workbook(tmp_path / "d.xlsx").active
    assert ws.cell(row=2, column=len(ws[1])).value == "a\nbc"
    assert excel_rows(tmp_path / "d.csv")[1][-1] == "a\nbc"


def test_an_edited_member_keeps_text_the_export_can_hold(store):
    # A lone surrogate (from a broken paste) is replaced, never a UnicodeEncodeError on save
    member_id, _ = add_member(store, member_form(), entry_form(), today=TODAY)
    update_member(store, member_id, member_form(notes="x\ud800y"), today=TODAY)
    assert store.members.get(member_id).notes == "x\ufffdy"
