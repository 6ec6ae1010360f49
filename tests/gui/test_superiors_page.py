"""The "Cấp trên" page on the demo file: the directory and assignments through their dialogs,
the follow-up list (from the meetings page's overdue line), and the tally for a period equal to
the core's figures, printed and exported."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import TODAY, column, open_page, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cellsec.dates import format_date
from cellsec.entities.meetings import MeetingKind
from cellsec.entities.superiors import DirectionStatus
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.superior_tally import superior_tally
from cellsec.services.superiors import assigned_on, overdue_directions

from ui.common.record_table import RED
from ui.common.superior_entry import SuperiorDialog
from ui.meetings.page import MeetingsPage
from ui.superiors.assign_dialog import AssignDialog
from ui.superiors.follow_up_dialog import FollowUpDialog
from ui.superiors.page import DIRECTIONS, TALLY, SuperiorsPage
from ui.superiors.tally_view import target_text

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.fixture
def page(qtbot, window) -> SuperiorsPage:
    return open_page(qtbot, window, window.page_of(SuperiorsPage))


def test_add_a_superior_through_the_dialog_and_assign_them(qtbot, page, demo_store):
    # GIVEN the demo directory: two people in Vietnamese name order (Hà before Tuấn), Hoàng Minh
    # Tuấn following the cell
    names = page.directory.column_texts(column(page.directory, "Họ và tên"))
    assert names == ["Trịnh Thu Hà", "Hoàng Minh Tuấn"]
    # WHEN a new person is typed with a bad phone number
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, SuperiorDialog)
    type_text(qtbot, dialog.fields["name"], "Lê Văn Bình")
    type_text(qtbot, dialog.fields["position"], "Đảng ủy viên, Chủ tịch Hội Nông dân xã")
    type_text(qtbot, dialog.fields["phone"], "12ab")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    # THEN the service's message is shown in the red line and nothing is saved
    assert dialog.isVisible() and dialog.banner.isVisible()
    assert dialog.banner.text() == "Điện thoại: “12ab” không phải số điện thoại."
    assert len(demo_store.superiors.all()) == 2
    # WHEN the phone is corrected
    dialog.fields["phone"].clear()
    type_text(qtbot, dialog.fields["phone"], "0987 654 321")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN the directory shows the new person (the main window routed the change)
    assert "Lê Văn Bình" in page.directory.column_texts(column(page.directory, "Họ và tên"))
    row = page.directory.column_texts(column(page.directory, "Họ và tên")).index("Lê Văn Bình")
    assert page.directory.row_texts(row)[4] == "0987654321"

    # WHEN the secretary selects them and assigns them to follow the cell from 01/12/2026
    page.directory.selectRow(row)
    qtbot.mouseClick(page.assign_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, AssignDialog)
    assert dialog.fields.text("superior_id") == str(page.directory.selected_payload().id)
    dialog.fields["start"].clear()
    type_text(qtbot, dialog.fields["start"], "01/12/2026")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN they follow the cell from that day, the former follower until the day before
    assert [s.name for s in assigned_on(demo_store, date(2026, 12, 5))] == ["Lê Văn Bình"]
    assert [s.name for s in assigned_on(demo_store, date(2026, 11, 30))] == ["Hoàng Minh Tuấn"]
    history = [page.assignments.row_texts(r) for r in range(page.assignments.rowCount())]
    assert history[0][:3] == ["Lê Văn Bình", "01/12/2026", "nay"]
    assert history[1][:3] == ["Hoàng Minh Tuấn", "01/10/2025", "30/11/2026 (đang theo dõi)"]


def test_edit_keeps_errors_in_the_dialog(qtbot, page, demo_store):
    names = page.directory.column_texts(column(page.directory, "Họ và tên"))
    page.directory.selectRow(names.index("Trịnh Thu Hà"))
    qtbot.keyClick(page.directory, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert isinstance(dialog, SuperiorDialog)
    assert dialog.fields.text("name") == "Trịnh Thu Hà"
    dialog.fields["name"].clear()
    type_text(qtbot, dialog.fields["name"], "Hà")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert dialog.banner.text() == "Họ và tên: cần ghi đủ họ và tên."
    assert demo_store.superiors.get(dialog.superior_id).name == "Trịnh Thu Hà"
    dialog.reject()


def test_overdue_line_opens_the_follow_up_list_and_a_direction_is_closed(qtbot, window, page, demo_store):
    # GIVEN the demo: the September direction is past its deadline and still open
    late = overdue_directions(demo_store, TODAY)
    assert len(late) == 1
    meetings = window.page_of(MeetingsPage)
    window.nav.setCurrentRow(window.pages.index(meetings))
    meetings.set_year(2026)
    assert meetings.overdue_button.isVisible()
    assert meetings.overdue_button.text().startswith("1 ý kiến chỉ đạo quá hạn")
    # WHEN the line is clicked THEN the superiors page shows the overdue directions, in red
    qtbot.mouseClick(meetings.overdue_button, LEFT)
    assert window.stack.currentWidget() is page
    assert page.tabs.currentIndex() == DIRECTIONS
    assert page.filter_box.currentData() == "overdue"
    assert page.directions_table.column_texts(column(page.directions_table, "Nội dung chỉ đạo")) == [
        late[0].text
    ]
    received = column(page.directions_table, "Ngày nhận")
    assert page.directions_table.item(0, received).background().color().name() == RED
    # WHEN the result is reported at the November meeting (a draft: approved minutes are
    # sealed) through the dialog
    november, _ = save_meeting(demo_store, new_meeting(demo_store, MeetingKind.REGULAR, date(2026, 11, 20)))
    page.directions_table.selectRow(0)
    qtbot.mouseClick(page.follow_button, LEFT)
    dialog = page.active_dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.fields.text("status") == DirectionStatus.DONE.value
    assert dialog.fields.text("meeting_id") == str(november)  # the next open meeting
    type_text(qtbot, dialog.fields["result"], "Đã thu đủ đảng phí quý III.")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    # THEN it is closed at that meeting, leaves the overdue list, and the meetings page's line
    stored = demo_store.superiors.get_direction(late[0].id)
    assert stored.status is DirectionStatus.DONE and stored.closed_meeting_id == november
    assert stored.result == "Đã thu đủ đảng phí quý III."
    assert late[0].id not in [d.id for d in overdue_directions(demo_store, TODAY)]
    # AND the list widened to "Tất cả" so the direction just saved stays in view, selected
    assert page.filter_box.currentData() == "all"
    assert page.directions_table.selected_payload().id == late[0].id
    assert "quá hạn" not in page.directions_count.text()
    assert not meetings.overdue_button.isVisibleTo(meetings)


def _shown_people(page) -> list[tuple[str, str, str]]:
    table = page.tally.people
    name, came, target = (column(table, h) for h in ("Họ và tên", "Số buổi dự", "Chỉ tiêu của kỳ"))
    return [
        (table.item(r, name).text(), table.item(r, came).text(), table.item(r, target).text())
        for r in range(table.rowCount())
    ]


@pytest.mark.parametrize("period", [(2026, 0), (2026, 3), "custom"])
def test_tally_on_screen_equals_the_core_figures(qtbot, page, demo_store, period):
    page.tabs.setCurrentIndex(TALLY)
    if period == "custom":
        start, end = date(2026, 3, 1), date(2026, 5, 31)
        page.tally.set_custom(format_date(start), format_date(end))
    else:
        year, quarter = period
        page.tally.set_period(year, quarter)
        start = date(year, 1, 1) if quarter == 0 else date(year, 3 * quarter - 2, 1)
        end = date(year, 12, 31) if quarter == 0 else date(year, 9, 30)
    t = superior_tally(demo_store, start, end, today=TODAY)
    assert t.held > 0 and t.people
    assert page.tally.held_label.text() == str(t.held)
    assert page.tally.with_label.text() == str(t.with_superior)
    assert page.tally.directions_label.text() == (
        f"{len(t.directions)} nội dung; đã hoàn thành {t.directions_done}; chưa xong {t.directions_open}"
    )
    assert _shown_people(page) == [
        (x.superior.name, str(x.attended), target_text(x.target)) for x in t.people
    ]
    remarks = page.tally.people.column_texts(column(page.tally.people, "Nhận xét"))
    assert remarks == [x.warning or ("Đạt" if x.meets_target else "") for x in t.people]
    dates = page.tally.meetings.column_texts(column(page.tally.meetings, "Ngày"))
    assert dates == [format_date(x.meeting.date) for x in t.meetings]


def test_whole_year_warns_the_follower_behind_target(page):
    page.tally.set_period(2026, 0)
    names = page.tally.people.column_texts(column(page.tally.people, "Họ và tên"))
    row = names.index("Hoàng Minh Tuấn")
    remark = page.tally.people.item(row, column(page.tally.people, "Nhận xét")).text()
    assert remark.startswith("Có nguy cơ không đạt")


def test_bad_custom_period_is_said_and_disables_print(page):
    page.tabs.setCurrentIndex(TALLY)
    page.tally.set_custom("31/02/2026", "31/05/2026")
    assert page.tally.banner.isVisible()
    assert page.tally.banner.text().startswith("Từ ngày")
    assert not page.tally.print_button.isEnabled()
    page.tally.set_custom("01/06/2026", "01/03/2026")
    assert page.tally.banner.text() == "Đến ngày: trước ngày bắt đầu của kỳ."


def test_print_report_and_export_excel(qtbot, page, demo_store, tmp_path, notices):
    from openpyxl import load_workbook

    page.tally.set_period(2026, 3)
    # WHEN "Xuất Excel" is pressed and a file chosen
    chosen = tmp_path / "cap-tren.xlsx"
    offered = []
    page.choose_xlsx = lambda _parent, name: offered.append(name) or chosen
    qtbot.mouseClick(page.tally.excel_button, LEFT)
    # THEN the workbook holds the quarter's figures
    assert offered == ["Cap-tren-du-sinh-hoat-01-07-2026-den-30-09-2026.xlsx"]
    t = superior_tally(demo_store, date(2026, 7, 1), date(2026, 9, 30), today=TODAY)
    sheet = load_workbook(chosen)["Cấp ủy viên"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [(r[0], r[3]) for r in rows] == [(x.superior.name, x.attended) for x in t.people]
    assert notices.texts[-1] == f"Đã lưu: {chosen}"
    # WHEN "In báo cáo" is pressed THEN the preview renders the report on a worker
    qtbot.mouseClick(page.tally.print_button, LEFT)
    preview = page.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.is_ready or preview.failure is not None, timeout=30_000)
    assert preview.failure is None and preview.page_count >= 1
    assert preview.file_name == "Bao-cao-cap-tren-du-sinh-hoat-01-07-2026-den-30-09-2026.pdf"
    preview.reject()


def test_issue_the_report_of_a_period_and_print_it_with_its_number(qtbot, page, demo_store, answers, notices):
    from cellsec.reports.catalogue import build_document
    from cellsec.services.superior_tally import superior_report_number

    page.tabs.setCurrentIndex(TALLY)
    page.tally.set_period(2026, 1)
    # GIVEN the first quarter's report, not yet issued
    assert "chưa ban hành" in page.tally.number_label.text()
    assert page.tally.issue_button.isEnabled()
    # WHEN "Ban hành, cấp số…" is pressed and the question answered "Có"
    answers.answer = True
    qtbot.mouseClick(page.tally.issue_button, LEFT)
    # THEN the question said what happens, the report has number 01 of the term, the screen says
    # so and the button is done
    assert "01/01/2026 đến 31/03/2026" in answers.questions[-1]
    number = superior_report_number(demo_store, date(2026, 1, 1), date(2026, 3, 31))
    assert number is not None and number.text == "01-BC/CB"
    assert "Số 01-BC/CB" in page.tally.number_label.text()
    assert format_date(TODAY) in page.tally.number_label.text()
    assert not page.tally.issue_button.isEnabled()
    # and the print carries it (the same function the preview builds from)
    doc = build_document(demo_store, "superiors", period=(date(2026, 1, 1), date(2026, 3, 31)))
    assert doc.title.endswith("số 01-BC/CB")
    # WHEN another quarter is shown THEN it is still a draft, and answering "Không" issues nothing
    page.tally.set_period(2026, 2)
    assert page.tally.issue_button.isEnabled()
    answers.answer = False
    qtbot.mouseClick(page.tally.issue_button, LEFT)
    assert superior_report_number(demo_store, date(2026, 4, 1), date(2026, 6, 30)) is None
