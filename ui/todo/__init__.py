"""The "Việc cần làm" area: everything due, from every rule, in one list (the home page)."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("todo", "Việc cần làm", "ui.todo.page", "TodoPage")
