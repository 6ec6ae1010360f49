"""The "Đảng viên đi làm ăn xa" tab on the demo file: a record made through the dialog reaches
the members page (Changes routed by the main window); contact, dues, return; the banner of
reminders and mismatches with the register; printing and Excel."""

from __future__ import annotations

import sqlite3

import pytest
from gui_helpers import TODAY, column, open_page, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError
from cellsec.services.members import update_event
from cellsec.services.register import load_register
from cellsec.services.working_away import inconsistencies, reminders

from ui.common.form_dialog import FormDialog
from ui.liaison.page import WORKING_AWAY, LiaisonPage
from ui.liaison.working_away_dialog import WorkingAwayDialog
from ui.members.member_table_model import COLUMNS
from ui.members.page import MembersPage

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
STATUS = next(i for i, c in enumerate(COLUMNS) if c.header == "Tình trạng")


@pytest.fixture
def window(demo_window):
    members = demo_window.page_of(MembersPage)
    members.set_as_of(TODAY)  # the register as of the demo's today
    members.reload()
    return demo_window


@pytest.fixture
def page(qtbot, window) -> LiaisonPage:
    page = open_page(qtbot, window, window.page_of(LiaisonPage))
    page.tabs.setCurrentIndex(WORKING_AWAY)
    return page


def _candidate(store) -> tuple[int, str]:
    """A full member on the roll today, neither exempted nor away already."""
    away = {w.member_id for w in store.liaison.working_away()}
    row = next(
        r
        for r in load_register(store, TODAY)
        if r.state.on_roll
        and not r.state.exempted
        and not r.state.attached_out
        and r.state.standing.value == "full"
        and r.member.id not in away
    )
    return row.member.id, row.member.full_name


def _status_shown(members: MembersPage, member_id: int) -> str:
    row = members.model.row_of_member(member_id)
    assert row >= 0
    return members.model.index(row, STATUS).data()


@pytest.mark.parametrize(
    "arrangement, words", [("exemption", "miễn sinh hoạt"), ("temporary_transfer", "SHTT nơi khác")]
)
def test_record_made_in_the_dialog_shows_on_the_members_page(
    qtbot, window, page, demo_store, arrangement, words
):
    members = window.page_of(MembersPage)
    member_id, name = _candidate(demo_store)
    assert words not in _status_shown(members, member_id)
    qtbot.mouseClick(page.working_away.new_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, WorkingAwayDialog)
    dialog.fields.set_text("member_id", str(member_id))
    dialog.fields.set_text("arrangement", arrangement)
    dialog.fields["application_date"].clear()
    type_text(qtbot, dialog.fields["application_date"], "15/11/2026")
    type_text(qtbot, dialog.fields["start"], "20/11/2026")
    type_text(qtbot, dialog.fields["end"], "20/10/2026")
    type_text(qtbot, dialog.fields["destination"], "Đồng Nai")
    type_text(qtbot, dialog.fields["employer"], "Công ty TNHH Gỗ Tân Phú")
    # WHEN the end is before the start THEN the red line says so and nothing is written
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert dialog.banner.text() == "Đến ngày: trước ngày bắt đầu."
    assert dialog.focusWidget() is dialog.fields["end"]
    count = len(demo_store.liaison.working_away())
    # WHEN corrected and saved
    dialog.fields["end"].clear()
    type_text(qtbot, dialog.fields["end"], "20/11/2027")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the record is listed, and the members page (routed Changes) shows the new status
    assert len(demo_store.liaison.working_away()) == count + 1
    assert name in page.working_away.table.column_texts(column(page.working_away.table, "Đảng viên"))
    assert words in _status_shown(members, member_id)


def test_contact_dues_and_return(qtbot, window, page, demo_store):
    members = window.page_of(MembersPage)
    tab = page.working_away
    table = tab.table
    # GIVEN the demo's member on exemption while working in Bình Dương
    row = next(r for r in range(table.rowCount()) if "Miễn" in table.row_texts(r)[1])
    record = tab.records[row]
    assert "miễn sinh hoạt" in _status_shown(members, record.member_id)
    table.selectRow(row)
    # WHEN a phone call is logged
    qtbot.mouseClick(tab.contact_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, FormDialog)
    type_text(qtbot, dialog.fields["note"], "Sức khỏe tốt, hẹn Tết về thăm nhà.")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN it heads the contact log and the list's last-contact column
    assert tab.selected().id == record.id
    assert tab.log.item(0).text() == "22/11/2026 (Điện thoại): Sức khỏe tốt, hẹn Tết về thăm nhà."
    assert table.row_texts(table.selected_row())[5] == "22/11/2026\nĐiện thoại"
    # WHEN the dues arrangement changes
    qtbot.mouseClick(tab.dues_button, LEFT)
    dialog = page.active_dialog
    assert dialog.fields.text("dues") == record.dues
    dialog.fields["dues"].clear()
    type_text(qtbot, dialog.fields["dues"], "Nộp qua chuyển khoản hằng quý")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert table.row_texts(table.selected_row())[6] == "Nộp qua chuyển khoản hằng quý"
    # WHEN the member comes back today, before the planned end
    qtbot.mouseClick(tab.return_button, LEFT)
    dialog = page.active_dialog
    assert dialog.fields.text("returned_date") == "22/11/2026"
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the record is closed and the register no longer shows the exemption
    assert table.row_texts(table.selected_row())[7] == "22/11/2026"
    assert not tab.return_button.isEnabled()
    assert "miễn sinh hoạt" not in _status_shown(members, record.member_id)


def test_banner_shows_reminders_and_mismatches_with_the_register(window, page, demo_store):
    tab = page.working_away
    expected = [r.message for r in reminders(demo_store, TODAY)]
    assert expected and tab.warnings == expected
    assert tab.banner.isVisible() and expected[0] in tab.banner.text()
    # WHEN someone tries to change the register event behind a record: refused
    w = demo_store.liaison.working_away()[0]
    e = next(x for x in demo_store.members.events_of(w.member_id) if x.id == w.event_id)
    with pytest.raises(ValidationError, match="đi làm ăn xa"):
        update_event(
            demo_store,
            w.member_id,
            e.id,
            {
                "kind": e.kind.value,
                "date": format_date(e.date),
                "end_date": "31/12/2027",
                "decision_ref": e.decision_ref,
                "detail": e.detail,
                "note": e.note,
            },
            today=TODAY,
        )
    # ... and if the file is edited outside the app (another program), the banner says so
    conn = sqlite3.connect(demo_store.path)
    conn.execute("UPDATE member_events SET end_date = '2027-12-31' WHERE id = ?", (e.id,))
    conn.commit()
    conn.close()
    window.route_changes(Changes(members=True, member_ids=frozenset({w.member_id})))
    # THEN the mismatch is in the banner too
    problems = inconsistencies(demo_store)
    assert problems and tab.warnings == expected + problems
    assert problems[0] in tab.banner.text()


def test_print_and_export_the_list(qtbot, page, demo_store, tmp_path):
    from openpyxl import load_workbook

    qtbot.mouseClick(page.working_away.print_button, LEFT)
    preview = page.preview
    assert preview.file_name == "Danh-sach-di-lam-an-xa-22-11-2026.pdf"
    qtbot.waitUntil(lambda: preview.is_ready or preview.failure is not None, timeout=30_000)
    assert preview.failure is None and preview.page_count >= 1
    preview.reject()
    chosen = tmp_path / "xa.xlsx"
    offered = []
    page.choose_xlsx = lambda _parent, name: offered.append(name) or chosen
    qtbot.mouseClick(page.working_away.excel_button, LEFT)
    assert offered == ["Di-lam-an-xa-22-11-2026.xlsx"]
    rows = [
        [c.value for c in r] for r in load_workbook(chosen).active.iter_rows() if isinstance(r[0].value, int)
    ]
    assert sorted(r[1] for r in rows) == sorted(w.member_name for w in demo_store.liaison.working_away())
