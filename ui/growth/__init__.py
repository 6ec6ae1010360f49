"""The growth area: candidates for admission, probationers and their helpers, Party badge rounds."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("growth", "Phát triển đảng viên", "ui.growth.page", "GrowthPage")
