"""The superiors' report carries "Số NN-BC/CB" like the other numbered documents (issue 10.10):
numbered per type and term when issued, the same number and date on every later print, and the
same number on the screen, in the PDF and in the CLI's JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
from factories import TODAY
from test_document_layout import pages_of

from cellsec.cli.main import main as cli_main
from cellsec.demo.cell import create_demo
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.profile import profile_form, save_profile
from cellsec.services.rule_settings import set_rule
from cellsec.services.superior_report_record import issue_superior_report
from cellsec.services.superior_tally import superior_report_number
from cellsec.services.superiors import save_superior
from cellsec.store import Store

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
Q1 = (date(2026, 1, 1), date(2026, 3, 31))


def report_text(store: Store, period: tuple[date, date], today: date) -> str:
    doc = build_document(store, "superiors", period=period, today=today)
    return " ".join(pages_of(render(doc))[0])


def test_a_report_is_a_draft_until_issued_then_keeps_its_number_and_date(store):
    create_demo(store, today=TODAY)
    # GIVEN the year's report not yet issued: it prints as a draft with the number left blank
    draft = report_text(store, YEAR, TODAY)
    assert "BẢN NHÁP" in draft and "-BC/CB" in draft and "Số 01-BC/CB" not in draft
    # WHEN the secretary issues it on 22/11/2026
    number, changes = issue_superior_report(store, *YEAR, today=TODAY)
    # THEN it is number 01 of its type in the term, dated that day
    assert number.text == "01-BC/CB" and changes.superiors
    issued = report_text(store, YEAR, TODAY)
    assert "Số 01-BC/CB" in issued and "BẢN NHÁP" not in issued
    assert "Thanh Sơn, ngày 22 tháng 11 năm 2026" in issued
    # WHEN it is printed again weeks later THEN it shows the same number and the issue date
    later = report_text(store, YEAR, date(2027, 1, 10))
    assert "Số 01-BC/CB" in later and "ngày 22 tháng 11 năm 2026" in later
    # WHEN it is issued again THEN nothing changes (no new number is used up)
    again, changes = issue_superior_report(store, *YEAR, today=date(2026, 12, 1))
    assert again == number and not changes.superiors
    assert [n["number"] for n in store.meetings.document_numbers() if n["type_code"] == "BC"] == [1]


def test_reports_are_numbered_per_type_and_term(store):
    create_demo(store, today=TODAY)
    resolutions = [n for n in store.meetings.document_numbers() if n["type_code"] == "NQ"]
    assert resolutions  # the demo's resolutions do not take BC numbers
    # GIVEN the year's report issued, WHEN the first quarter's report is issued THEN it is 02
    issue_superior_report(store, *YEAR, today=TODAY)
    assert issue_superior_report(store, *Q1, today=TODAY)[0].text == "02-BC/CB"
    # WHEN a new committee term starts THEN its first report is 01 again; old ones keep theirs
    form = profile_form(store.profile.get())
    save_profile(store, {**form, "term_label": "2030 – 2035"})
    first_half = (date(2026, 1, 1), date(2026, 6, 30))
    assert issue_superior_report(store, *first_half, today=TODAY)[0].text == "01-BC/CB"
    assert superior_report_number(store, *Q1).text == "02-BC/CB"


def test_the_number_is_the_same_on_paper_and_in_the_cli(tmp_path, capsys):
    path = tmp_path / "c.cellsec"
    store = Store.open(path)
    create_demo(store, today=TODAY)
    issue_superior_report(store, *Q1, today=TODAY)
    paper = report_text(store, Q1, TODAY)
    store.close()
    cli_main(["--data", str(path), "superiors", "--from", "01/01/2026", "--to", "31/03/2026"])
    out = json.loads(capsys.readouterr().out)
    assert out["number"] == "01-BC/CB" and out["issued_on"] == "2026-11-22"
    assert f"Số {out['number']}" in paper


@pytest.mark.parametrize(
    "period,fragment",
    [
        ((date(2026, 12, 1), date(2026, 12, 31)), "chưa tới"),
        ((date(2026, 6, 30), date(2026, 1, 1)), "ngày kết thúc trước ngày bắt đầu"),
    ],
)
def test_a_report_that_cannot_be_issued_is_refused_and_nothing_written(store, period, fragment):
    with pytest.raises(ValidationError, match=fragment):
        issue_superior_report(store, *period, today=TODAY)
    assert store.meetings.document_numbers() == []


def test_the_workbook_shows_the_number_the_pdf_prints(store, tmp_path):
    from openpyxl import load_workbook

    from cellsec.reports.superior_xlsx import write_superior_xlsx
    from cellsec.services.superior_tally import superior_tally

    create_demo(store, today=TODAY)

    def sheet_of(name):
        path = tmp_path / name
        write_superior_xlsx(superior_tally(store, *Q1, today=TODAY), path)
        return {
            row[0]: row[1] for row in load_workbook(path)["Báo cáo"].iter_rows(min_row=2, values_only=True)
        }

    # GIVEN the first quarter's report not issued: the workbook says it is a draft
    assert sheet_of("nhap.xlsx")["Số"].startswith("Bản nháp")
    # WHEN it is issued THEN the workbook carries the number and date the PDF prints
    number, _ = issue_superior_report(store, *Q1, today=TODAY)
    issued = sheet_of("da-ban-hanh.xlsx")
    assert issued["Số"] == number.text == "01-BC/CB"
    assert issued["Ngày ban hành"].date() == number.issued_on
    assert f"Số {issued['Số']}" in report_text(store, Q1, TODAY)
    assert issued["Kỳ báo cáo"] == "01/01/2026 – 31/03/2026"


def _all_pages(store: Store, period: tuple[date, date]) -> str:
    doc = build_document(store, "superiors", period=period, today=TODAY)
    return " ".join(pages_of(render(doc))[0])


def test_an_issued_report_prints_what_it_was_issued_with(store):
    create_demo(store, today=TODAY)
    # GIVEN the year's report issued
    issue_superior_report(store, *YEAR, today=TODAY)
    issued = _all_pages(store, YEAR)
    superior = next(s for s in store.superiors.all() if s.name in issued)
    # WHEN the superior is renamed in the directory and the yearly target is changed
    form = {
        "name": "Người Đổi Tên",
        "position": superior.position,
        "level": superior.level.value,
        "committee": superior.committee,
        "phone": superior.phone,
        "notes": superior.notes,
    }
    save_superior(store, form, superior.id)
    set_rule(store, "superior_target_commune_per_year", "1")
    # THEN the issued report prints exactly what it was issued with
    again = _all_pages(store, YEAR)
    assert again == issued and "Người Đổi Tên" not in again
    # AND the draft of a period not issued follows the directory
    assert "Người Đổi Tên" in _all_pages(store, (date(2026, 1, 1), date(2026, 11, 30)))
