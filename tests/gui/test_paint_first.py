"""A page paints first and reads after: the window is on screen with "Đang tải…" where the
first page's data will be, then the page reads; the launcher's markers say both moments."""

from __future__ import annotations

import io

import pytest

import cellsec.services.due as due_service

from ui.common.page import LOADING_TEXT, LoadingNote
from ui.shell.launcher import Launcher
from ui.shell.main_window import MainWindow
from ui.shell.store_opener import StoreOpener
from ui.todo.page import TodoPage


def test_the_window_is_on_screen_before_the_first_page_reads(qtbot, demo_store, app_settings, monkeypatch):
    moments: list[str] = []
    real = due_service.collect_facts

    def counted(store, today, rules):  # every reading of the to-do list starts here
        moments.append("read")
        return real(store, today, rules)

    monkeypatch.setattr(due_service, "collect_facts", counted)
    # GIVEN the main window on the demo cell, which opens on the to-do list
    w = MainWindow(demo_store, app_settings, StoreOpener(choose=lambda _p: None))
    qtbot.addWidget(w)
    w.sig_shown.connect(lambda: moments.append("window on screen"))
    page = w.navigation.current()
    assert isinstance(page, TodoPage)
    # WHEN it is shown
    w.show()
    # THEN nothing is read yet: the page says "Đang tải…" over its empty table
    note = page.findChild(LoadingNote)
    assert moments == [] and page.is_loading and not page.is_loaded
    assert note is not None and note.isVisible() and note.text() == LOADING_TEXT == "Đang tải…"
    note.sig_painted.connect(lambda: moments.append("Đang tải… painted"))
    # AND once the window has been painted with it, the list is read, once, and shown
    qtbot.waitUntil(lambda: page.is_loaded)
    assert list(dict.fromkeys(moments)) == ["Đang tải… painted", "window on screen", "read"]
    assert moments.count("read") == 1
    assert page.table.rowCount() == len(page.items) > 0
    assert not _note_shown(page)


@pytest.mark.parametrize("key", ["liaison", "members"])  # the register too: its read is the slowest
def test_a_page_opened_later_paints_first_too(qtbot, window, key):
    # GIVEN the window on screen with the to-do list read
    todo = window.navigation.current()
    qtbot.waitUntil(lambda: todo.is_loaded)
    page = next(p for p in window.pages if p.key == key)
    assert not page.is_loaded
    # WHEN the secretary opens the page for the first time
    window.navigation.show(key)
    # THEN it shows "Đang tải…" first, then its data
    assert page.is_loading and _note_shown(page)
    qtbot.waitUntil(lambda: page.is_loaded)
    assert not page.is_loading and not _note_shown(page)


def _note_shown(page) -> bool:
    return any(note.isVisible() for note in page.findChildren(LoadingNote))


def test_the_launcher_says_window_shown_then_page_ready(qtbot, qapp, data_path, store, app_settings):
    store.close()  # the launcher opens the file itself
    out = io.StringIO()
    launcher = Launcher(qapp, app_settings, StoreOpener(choose=lambda _p: None), out=out)
    launcher.on_quit = lambda: None  # never stop the test's own QApplication
    # WHEN the app starts on a file with its cell profile
    assert launcher.start(data_path)
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    qtbot.waitUntil(lambda: "CELLSEC_PAGE_READY" in out.getvalue())
    # THEN the window was on screen first, then the to-do list had its data
    lines = [line.split()[0] for line in out.getvalue().splitlines()]
    assert lines == ["CELLSEC_WINDOW_SHOWN", "CELLSEC_PAGE_READY"]
    assert launcher.window.navigation.current().is_loaded


def test_a_member_asked_for_before_the_register_is_read_is_selected_once_it_is(qtbot, window, store):
    from gui_helpers import add

    # GIVEN two members, and the register never opened yet (the app is on the to-do list)
    add(store, "Nguyễn Văn Một", "01/01/1970", "01/01/2000", "01/01/2001")
    wanted = add(store, "Trần Thị Hai", "02/02/1972", "01/01/2000", "01/01/2001")
    register = window.pages[1]
    assert not register.is_loaded
    # WHEN the to-do list asks for one of them (its "Mở nơi làm việc này")
    window.show_request("members", f"member:{wanted}")
    # THEN the register paints, reads, and then selects that member
    qtbot.waitUntil(lambda: register.is_loaded)
    assert window.navigation.current() is register
    assert register.selected_member_id() == wanted
