"""Trợ giúp › Hướng dẫn sử dụng: the Vietnamese guide bundled with the app, in its own window;
F1 opens the section of the page on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from cellsec.paths import resources_dir

TITLE = "Hướng dẫn sử dụng CellSec"
TOP = "muc-luc"
# The section of each page (its PageSpec key); a page not listed opens the contents.
SECTIONS = {
    "todo": "viec-can-lam",
    "members": "so-dang-vien",
    "meetings": "sinh-hoat",
    "superiors": "cap-tren",
    "liaison": "noi-cu-tru",
    "review": "kiem-diem-cuoi-nam",
    "growth": "phat-trien-dang-vien",
}


def guide_path() -> Path:
    return resources_dir() / "guide" / "huong-dan.html"


def section_of(page_key: str | None) -> str:
    return SECTIONS.get(page_key or "", TOP)


class GuideWindow(QDialog):
    """Not modal: the secretary reads beside the app. Links inside the guide move within it;
    "Mở trong trình duyệt" hands it to the default browser (to print it, for instance)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path().parent)])
        buttons = QDialogButtonBox()
        self.external_button = QPushButton("Mở trong trình duyệt")
        self.external_button.clicked.connect(self.open_in_browser)
        buttons.addButton(self.external_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 95, metrics.height() * 34)

    def show_section(self, section: str = TOP) -> None:
        url = QUrl.fromLocalFile(str(guide_path()))
        url.setFragment(section)
        if self.browser.source().toLocalFile() != url.toLocalFile():
            self.browser.setSource(url)
        self.browser.scrollToAnchor(section)
        self.section = section
        self.show()
        self.raise_()
        self.activateWindow()

    def open_in_browser(self) -> None:
        url = QUrl.fromLocalFile(str(guide_path()))
        url.setFragment(getattr(self, "section", TOP))
        QDesktopServices.openUrl(url)
