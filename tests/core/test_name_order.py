"""Name order (DOMAIN.md §11): every list of people — screen, print, Excel — sorts by given name,
then the middle names in order, then the family name, with the one key in cellsec.text."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

from factories import TODAY
from pypdf import PdfReader

from cellsec.demo.cell import create_demo
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.liaison import members_in_order
from cellsec.services.superior_tally import superior_tally
from cellsec.services.superiors import assign_follower, save_superior
from cellsec.spreadsheets.liaison_tables import liaison_table

IN_NAME_ORDER = [
    "Hoàng Văn Ân",
    "Nguyễn Thị Ngọc Diệp",
    "Trần Văn Hải",
    "Đỗ Quang Khải",
    "Lê Thu Trang",
    "Phạm Đức Ước",
]


def _pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_liaison_register_screen_print_and_excel_list_people_in_the_same_name_order(store):
    # GIVEN the demo register, whose members were received in another order (Hải first)
    create_demo(store, today=TODAY)
    # WHEN the register is listed for the screen, printed and exported
    screen = [m.full_name for m in members_in_order(store)]
    pdf = _pdf_text(render(build_document(store, "liaison", on=TODAY)))
    excel = [row[1] for row in liaison_table(store, TODAY).rows]
    # THEN all three give the Vietnamese name order
    assert screen == IN_NAME_ORDER and excel == IN_NAME_ORDER
    positions = [pdf.index(name) for name in IN_NAME_ORDER]
    assert positions == sorted(positions)


def test_superiors_with_equal_attendance_are_listed_by_given_name(store):
    # GIVEN two commune committee members entered in the order Tuấn, Hà, each assigned to follow
    # the cell for half the year, neither yet attending
    ids = [
        save_superior(store, {"name": name, "position": "Đảng ủy viên", "level": "commune"})[0]
        for name in ("Lý Văn Tuấn", "Võ Thị Hà")
    ]
    assign_follower(store, ids[0], "01/01/2026", today=TODAY)
    assign_follower(store, ids[1], "01/07/2026", today=TODAY)
    # WHEN the year's tally lists them
    tally = superior_tally(store, date(2026, 1, 1), date(2026, 12, 31), today=TODAY)
    # THEN Hà comes before Tuấn (given name), not in the order they were entered
    assert [p.superior.name for p in tally.people] == ["Võ Thị Hà", "Lý Văn Tuấn"]
