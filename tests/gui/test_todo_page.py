"""The "Việc cần làm" home page: the app opens on it, red/amber/grey rows with the rule's
citation on hover, one click to the place, done / postponed through its dialogs, counts on the
navigation; and the page, the printed list and the CLI agree."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date

from gui_helpers import TODO_DAY
from pypdf import PdfReader
from PySide6.QtCore import Qt

from cellsec.cli.main import main as cli_main
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.services.due import due_items
from cellsec.services.history import recent_history

from ui.common.record_table import AMBER, GREY, RED
from ui.shell.main_window import MainWindow
from ui.shell.store_opener import StoreOpener
from ui.todo.page import TodoPage

DAY = TODO_DAY
LEFT = Qt.MouseButton.LeftButton


def _row_of(page: TodoPage, rule: str) -> int:
    return next(r for r, item in enumerate(page.items) if item.rule == rule)


def test_the_list_is_coloured_and_cites_its_rules(todo):
    # THEN every item of the day is there, most urgent first, in its colour
    assert [i.key for i in todo.items] == [i.key for i in due_items(todo.store, DAY)]
    colours = {RED: "overdue", AMBER: "soon", GREY: "later"}
    for row, item in enumerate(todo.items):
        background = todo.table.item(row, 0).background().color().name()
        assert colours[background] == item.state.value
    # AND hovering shows the rule's citation
    row = _row_of(todo, "direction_deadline")
    assert "Kế hoạch 10-KH/TW" in todo.table.item(row, 1).toolTip()
    overdue = sum(1 for i in todo.items if i.state.value == "overdue")
    assert todo.summary.text().startswith(f"Hôm nay 05/12/2026: {overdue} việc quá hạn")


def test_one_click_opens_the_place_where_it_is_done(todo, qtbot):
    window = todo.window()
    todo.table.selectRow(_row_of(todo, "direction_deadline"))
    qtbot.mouseClick(todo.open_button, LEFT)
    # THEN the superiors page shows its follow-up of directions, the overdue ones
    current = window.navigation.current()
    assert current is not None and current.key == "superiors"
    qtbot.waitUntil(lambda: current.is_loaded)  # the page paints first, then reads and shows it
    assert current.filter_box.currentData() == "overdue"


def test_the_navigation_counts_what_waits_on_each_page(todo):
    window = todo.window()
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    # (the counts are the real today's: just check the shape)
    assert texts[1].startswith("Sổ đảng viên") and texts[0].startswith("Việc cần làm")
    assert any("(" in t for t in texts)


def test_postpone_and_mark_done_through_the_dialogs(todo, qtbot):
    # WHEN the secretary postpones the first comment sheet, with a reason
    row = _row_of(todo, "comment_sheet")
    key = todo.items[row].key
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.postpone_button, LEFT)
    dialog = todo.active_dialog
    assert dialog is not None
    dialog.fields.fill({"until": "20/12/2026", "reason": "Chờ họp Ban công tác Mặt trận"})
    dialog._on_save()
    # THEN the row moved to its new day with the reason, amber no more
    qtbot.waitUntil(lambda: any(i.key == key and i.note for i in todo.items))
    moved = next(i for i in todo.items if i.key == key)
    assert moved.note == "Hoãn đến 20/12/2026: Chờ họp Ban công tác Mặt trận"
    assert moved.state.value == "later"
    # WHEN another is marked done
    row = _row_of(todo, "direction_deadline")
    done_key = todo.items[row].key
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.done_button, LEFT)
    todo.active_dialog._on_save()
    # THEN it leaves the list, and the history keeps both decisions
    qtbot.waitUntil(lambda: all(i.key != done_key for i in todo.items))
    assert len(recent_history(todo.store, entity="due_marks")) == 2


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1  # the demo's December (twenty lines) on one A4 page
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_page_pdf_and_cli_agree(todo, capsys):
    # GIVEN the list on the page on 05/12/2026
    page_rows = [
        [todo.table.item(r, c).text() for c in range(todo.table.columnCount())]
        for r in range(todo.table.rowCount())
    ]
    # WHEN it is printed and asked from the command line for the same day
    pdf = _pdf_text(render(build_document(todo.store, "todo", on=DAY)))
    todo.store.close()
    assert cli_main(["--data", str(todo.store.path), "todo", "--as-of", "05/12/2026"]) == 0
    cli = json.loads(capsys.readouterr().out)
    # THEN all three say the same things in the same order
    assert cli["title"] == "Việc cần làm tháng 12/2026" and "VIỆC CẦN LÀM THÁNG 12/2026" in pdf
    assert [[i["state_label"], i["what"], i["who"], i["due"], i["note"]] for i in cli["items"]] == page_rows
    position = 0
    for state, what, who, due, _note in page_rows:
        for text in (state, " ".join(what.split()[:3]), who, due):
            assert pdf.find(text, position) >= 0, text
        position = pdf.find(due, position) + 1


def test_a_task_opens_its_meeting_and_a_member_item_the_member(todo, qtbot):
    window = todo.window()
    # WHEN the secretary opens a task of a meeting's resolution
    row = _row_of(todo, "task_deadline")
    meeting_id = int(todo.items[row].target.part.split(":")[1])
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.open_button, LEFT)
    # THEN the meetings page shows that meeting selected
    meetings = window.navigation.current()
    assert meetings is not None and meetings.key == "meetings"
    qtbot.waitUntil(lambda: meetings.is_loaded)
    assert meetings.selected_meeting_id() == meeting_id
    # AND a member's item (e.g. a probation ending) lands on that member in the register
    window.nav.setCurrentRow(1)
    members = window.navigation.current()
    assert members is not None and members.key == "members"
    qtbot.waitUntil(lambda: members.is_loaded)
    wanted = members.model.row_at(5).member.id
    window.nav.setCurrentRow(0)
    window.show_request("members", f"member:{wanted}")
    assert window.navigation.current() is members
    assert members.selected_member_id() == wanted


def test_a_working_away_item_opens_its_record(todo, qtbot):
    window = todo.window()
    row = _row_of(todo, "working_away_silent")
    record_id = int(todo.items[row].target.part.split(":")[1])
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.open_button, LEFT)
    liaison = window.navigation.current()
    assert liaison is not None and liaison.key == "liaison"
    qtbot.waitUntil(lambda: liaison.is_loaded)
    assert liaison.tabs.currentWidget() is liaison.working_away
    chosen = liaison.working_away.table.selected_payload()
    assert (
        getattr(chosen, "id", None) == record_id
        or getattr(getattr(chosen, "record", None), "id", None) == record_id
    )


def test_the_list_is_read_once_at_start_and_once_a_write(qtbot, demo_store, app_settings, monkeypatch):
    from factories import member

    import cellsec.services.due as due_service
    from cellsec.entities.changes import Changes

    reads: list[date] = []
    real = due_service.collect_facts

    def counted(store, today, rules):  # every reading of the list starts here
        reads.append(today)
        return real(store, today, rules)

    monkeypatch.setattr(due_service, "collect_facts", counted)
    # GIVEN the app opening on the to-do list
    w = MainWindow(demo_store, app_settings, StoreOpener(choose=lambda _p: None))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.navigation.current().is_loaded)  # just after the first paint
    # THEN the list was read once, and the navigation shows its counts
    assert len(reads) == 1
    assert "(" in w.nav.item(0).text()
    # WHEN the secretary saves something
    member(demo_store, "Trịnh Văn Mới", "01/01/1990", admitted="03/02/2020", official="03/02/2021")
    w.route_changes(Changes(members=True))
    # THEN it is read once more, not once for the page and again for the counts
    assert len(reads) == 2


def test_growth_items_open_the_growth_page_on_their_tab_and_row(todo, qtbot):
    window = todo.window()
    # WHEN the secretary opens the badge round's proposal (due 05/11/2026, overdue on 05/12)
    row = _row_of(todo, "badge_proposal")
    assert todo.items[row].state.value == "overdue"
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.open_button, LEFT)
    # THEN the growth page shows the badge tab on that round
    growth = window.navigation.current()
    assert growth is not None and growth.key == "growth"
    qtbot.waitUntil(lambda: growth.tabs.currentIndex() == 2)  # once read (a page paints first)
    assert growth.round_box.currentText() == "03/02/2027"
    # AND a probationer's item lands on the probation tab with that member chosen
    window.navigation.show("todo")
    row = _row_of(todo, "probation_end")
    member_id = int(todo.items[row].target.part.split(":")[1])
    todo.table.selectRow(row)
    qtbot.mouseClick(todo.open_button, LEFT)
    assert window.navigation.current() is growth and growth.tabs.currentIndex() == 1
    assert growth.probation.selected_payload().member.id == member_id
