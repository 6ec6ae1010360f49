"""The superiors area: the directory, assignments, directions follow-up and the tally."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("superiors", "Cấp trên", "ui.superiors.page", "SuperiorsPage")
