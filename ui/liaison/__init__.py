"""The residence-liaison area: members living here, comment sheets, members working away."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("liaison", "Nơi cư trú", "ui.liaison.page", "LiaisonPage")
