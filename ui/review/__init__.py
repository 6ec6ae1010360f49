"""The year-end review area (kiểm điểm, đánh giá, xếp loại đảng viên cuối năm)."""

from __future__ import annotations

from ui.common.page import PageSpec

# The navigation entry; the page module is imported only when the page is first opened.
PAGE = PageSpec("review", "Kiểm điểm cuối năm", "ui.review.page", "ReviewPage")
