"""Trợ giúp › Hướng dẫn sử dụng: the bundled Vietnamese guide, F1 at the page's section, its pictures."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from ui.shell.guide import SECTIONS, TOP, guide_path
from ui.shell.navigation import PAGES

SUBJECTS = ("chu-ky-hang-thang", "viec-trong-nam", "sao-luu", "mat-dien", "nhap-excel")


def _html() -> str:
    return guide_path().read_text(encoding="utf-8")


def test_the_guide_is_in_the_resources_and_has_every_section():
    # The bundle carries resources/ whole (build.spec), so the guide goes with the app.
    assert "resources" in guide_path().parts
    ids = set(re.findall(r'id="([^"]+)"', _html()))
    # the monthly cycle, the year's tasks, backups and USB, after a power cut, Excel import
    assert set(SUBJECTS) <= ids
    # every page in the navigation has its section (F1), and the contents exist
    assert {SECTIONS[spec.key] for spec in PAGES} <= ids
    assert TOP in ids
    # every link inside the guide leads somewhere
    assert {link for link in re.findall(r'href="#([^"]+)"', _html())} <= ids


def test_every_picture_of_the_guide_is_a_committed_screenshot():
    pictures = re.findall(r'<img src="([^"]+)"', _html())
    assert pictures
    for picture in pictures:
        path = (guide_path().parent / picture).resolve()
        assert path.is_file(), picture
        assert path.parent.name == "screens" and path.parent.parent.name == "docs"


def test_f1_opens_the_guide_at_the_section_of_the_page_on_screen(qtbot, window):
    # GIVEN the secretary is on the meetings page
    window.navigation.show("meetings")
    # WHEN she presses F1
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    # THEN the guide shows "Trang Sinh hoạt chi bộ"
    assert guide.section == SECTIONS["meetings"]
    assert guide.browser.source().fileName() == "huong-dan.html"
    assert "Hướng dẫn sử dụng CellSec" in guide.browser.toPlainText()
    # AND from the register page, F1 moves the same window to its section
    window.navigation.show("members")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.guide_window is guide and guide.section == SECTIONS["members"]
    guide.close()


def test_help_menu_lists_the_guide(window):
    help_menu = window.menuBar().actions()[-1].menu()
    guide = next(a for a in help_menu.actions() if a.text() == "&Hướng dẫn sử dụng")
    assert guide.shortcut().toString() == "F1"
