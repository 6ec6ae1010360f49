"""The meetings area: the year page, the meeting editor and its tabs (roll, agenda, Cấp trên)."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("meetings", "Sinh hoạt chi bộ", "ui.meetings.page", "MeetingsPage")
