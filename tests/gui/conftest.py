"""GUI test fixtures: offscreen Qt, a fresh data file with a cell profile, private settings."""

from __future__ import annotations

import os

# Before anything imports Qt: GUI tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from gui_helpers import PROFILE, TODAY, Answers, Notices, RecordingAsk  # noqa: E402

from cellsec.services.profile import save_profile  # noqa: E402
from cellsec.store import Store  # noqa: E402


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "t.cellsec"


@pytest.fixture
def store(data_path: Path) -> Iterator[Store]:
    """A fresh data file with the cell profile filled in (so no first-run dialog)."""
    s = Store.open(data_path)
    save_profile(s, PROFILE)
    yield s
    s.close()  # safe twice: the main window may have closed it already


@pytest.fixture
def app_settings(tmp_path: Path, qapp):
    """Settings in a temporary ini file, never the tester's own."""
    from PySide6.QtCore import QSettings

    from ui.shell.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def recording_ask() -> RecordingAsk:
    return RecordingAsk()


@pytest.fixture
def window(qtbot, store, app_settings, recording_ask):
    from ui.shell.main_window import MainWindow
    from ui.shell.store_opener import StoreOpener

    w = MainWindow(store, app_settings, StoreOpener(ask=recording_ask, choose=lambda _p: None))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def page(window):
    window.nav.setCurrentRow(1)  # the register, shown (the app opens on the to-do list)
    return window.pages[1]


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh data file holding the demo cell and its year of approved meetings
    (Nov 2025 – Oct 2026); 'today' is 22/11/2026, so November has no meeting yet."""
    from cellsec.demo.cell import create_demo

    s = Store.open(tmp_path / "demo.cellsec")
    create_demo(s, today=TODAY)
    yield s
    s.close()


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def notices() -> Notices:
    return Notices()


@pytest.fixture
def meetings_page(qtbot, demo_store, app_settings, recording_ask, answers, notices):
    """The "Sinh hoạt chi bộ" page of a real main window on the demo file, showing 2026."""
    from ui.common.tasks import wait_for_tasks
    from ui.shell.main_window import MainWindow
    from ui.shell.store_opener import StoreOpener

    w = MainWindow(demo_store, app_settings, StoreOpener(ask=recording_ask, choose=lambda _p: None))
    qtbot.addWidget(w)
    page = w.pages[2]
    page.today = lambda: TODAY
    page.ask, page.notify = answers, notices
    w.show()
    qtbot.waitExposed(w)
    w.nav.setCurrentRow(2)
    page.set_year(TODAY.year)
    yield page
    wait_for_tasks()  # no PDF worker may outlive its test


@pytest.fixture
def demo_window(qtbot, demo_store, app_settings, recording_ask, answers, notices):
    """The main window on the demo file, every page built, thinking today is 22/11/2026, with
    questions and notices answered by the test."""
    from ui.common.tasks import wait_for_tasks
    from ui.shell.main_window import MainWindow
    from ui.shell.store_opener import StoreOpener

    w = MainWindow(demo_store, app_settings, StoreOpener(ask=recording_ask, choose=lambda _p: None))
    qtbot.addWidget(w)
    for p in w.pages:
        if hasattr(p, "today"):
            p.today = lambda: TODAY
        p.ask, p.notify = answers, notices
    w.show()
    qtbot.waitExposed(w)
    yield w
    wait_for_tasks()


@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch):
    """Never a modal "Lưu / Không lưu / Quay lại" box in a test: closing an editor with changes
    answers Không lưu (as Hủy did before) unless the test plans another answer."""
    from gui_helpers import UnsavedAnswers

    from ui.common.editor_dialog import EditorDialog

    answers = UnsavedAnswers()
    monkeypatch.setattr(EditorDialog, "ask_unsaved", staticmethod(answers))
    return answers


@pytest.fixture
def todo(qtbot, demo_store, app_settings, recording_ask):
    """The demo window on its home page, the to-do list read for TODO_DAY (05/12/2026)."""
    from gui_helpers import TODO_DAY

    from ui.shell.main_window import MainWindow
    from ui.shell.store_opener import StoreOpener
    from ui.todo.page import TodoPage

    w = MainWindow(demo_store, app_settings, StoreOpener(ask=recording_ask, choose=lambda _p: None))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.navigation.current()
    assert isinstance(page, TodoPage)  # the app opens on the to-do list
    qtbot.waitUntil(lambda: page.is_loaded)  # read just after the window's first paint
    page.today = lambda: TODO_DAY
    page.reload()
    return page
