"""The demo file knows it is the demo: every printout's footer says so; the audit names the person."""

from __future__ import annotations

from factories import TODAY
from test_reports import pdf_text

from cellsec.demo.cell import create_demo
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.profile import save_profile
from cellsec.store import Store, audit_user
from cellsec.store.facts import DEMO_NOTICE


def test_every_printout_of_the_demo_says_it_is_made_up(tmp_path):
    # GIVEN the demo cell in its file
    demo = Store.open(tmp_path / "mau.cellsec")
    create_demo(demo, today=TODAY, meetings=False)
    assert demo.facts.is_demo()
    # WHEN the register list is printed
    text, reader = pdf_text(render(build_document(demo, "register", on=TODAY)))
    demo.close()
    # THEN the foot of the page says "Chi bộ mẫu — dữ liệu giả"
    assert DEMO_NOTICE in text
    assert len(reader.pages) >= 1


def test_a_real_cell_prints_no_demo_footer(store):
    # GIVEN the secretary's own file (never filled with the demo)
    assert not store.facts.is_demo()
    text, _ = pdf_text(render(build_document(store, "register", on=TODAY)))
    assert DEMO_NOTICE not in text


def test_the_demo_mark_survives_reopening(tmp_path):
    path = tmp_path / "mau.cellsec"
    with Store.open(path) as demo:
        create_demo(demo, today=TODAY, meetings=False)
    with Store.open(path) as again:
        assert again.facts.is_demo()


def test_the_audit_trail_names_the_person_with_the_pc_account(tmp_path):
    # GIVEN the deputy said she is at the keyboard on this PC account
    with Store.open(tmp_path / "t.cellsec") as store:
        store.account = "ketoan"
        store.set_operator("Lê  Thị Hằng")
        # WHEN she saves the cell profile
        save_profile(
            store,
            {
                "cell_name": "Chi bộ thôn Đông",
                "superior_name": "Đảng bộ xã",
                "place_name": "Xã Đông",
                "secretary": "Đặng Văn Khải",
            },
        )
        # THEN the history says who did it, and on which account
        assert store.audit.users() == ["Lê Thị Hằng (máy: ketoan)"]


def test_audit_user_without_a_name_is_the_account():
    assert audit_user("", "root") == "root"
    assert audit_user("Đặng Văn Khải", "") == "Đặng Văn Khải"
