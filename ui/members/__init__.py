"""The member register area: its page, the member and event dialogs, the register table."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("members", "Sổ đảng viên", "ui.members.page", "MembersPage")
