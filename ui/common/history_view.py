"""A readable list of changes (who, when, what, "old → new"), newest first."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from cellsec.services.history import HistoryEntry

EMPTY_TEXT = "Chưa có thay đổi nào được ghi lại."
STYLE = """
.head { font-weight: bold; margin-top: 10px; margin-bottom: 2px; }
.who { color: #555555; font-weight: normal; }
.line { margin-left: 18px; margin-top: 0px; margin-bottom: 0px; }
"""


def entry_html(entry: HistoryEntry) -> str:
    lines = "".join(f'<p class="line">• {escape(line)}</p>' for line in entry.lines)
    whose = f" — {escape(entry.subject)}" if entry.subject else ""
    return (
        f'<p class="head">{escape(entry.at)} — {escape(entry.what)}{whose} '
        f'<span class="who">(người sửa: {escape(entry.user)})</span></p>{lines}'
    )


def entry_text(entry: HistoryEntry) -> str:
    """The same as plain text (copying, tests)."""
    whose = f" — {entry.subject}" if entry.subject else ""
    head = f"{entry.at} — {entry.what}{whose} (người sửa: {entry.user})"
    return "\n".join([head, *(f"  • {line}" for line in entry.lines)])


class HistoryView(QTextBrowser):
    """Shows HistoryEntry items; selectable text, no editing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self._entries: list[HistoryEntry] = []
        self.show_entries([])

    @property
    def entries(self) -> list[HistoryEntry]:
        return list(self._entries)

    def show_entries(self, entries: Sequence[HistoryEntry], empty_text: str = EMPTY_TEXT) -> None:
        self._entries = list(entries)
        if not self._entries:
            self.setHtml(f"<p><i>{escape(empty_text)}</i></p>")
            return
        self.setHtml("".join(entry_html(e) for e in self._entries))
