"""The one-page "Việc cần làm tháng …" list to take to the committee meeting: an internal
document in the HD 36 layout (header without a number), the same rows as the app's home page."""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from cellsec.dates import format_date
from cellsec.entities.due import DueItem
from cellsec.entities.profile import CellProfile
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    fit_widths,
    frame_width,
    grid_table,
    header_block,
    p,
    title_block,
)
from cellsec.services.due import ITEM_HEADERS, due_items, item_texts, list_title
from cellsec.services.profile import required_profile
from cellsec.store import Store

_WIDTHS_MM: list[float | None] = [14, 22, None, 30, 21]
_SMALL = 9  # pt: a month's list (some twenty lines) fits one A4 page


def _small(sheet: Sheet, style: str) -> ParagraphStyle:
    base = sheet[style]
    return ParagraphStyle(f"todo_{style}", parent=base, fontSize=_SMALL, leading=_SMALL * 1.2)


def _row(n: int, item: DueItem, sheet: Sheet) -> list[object]:
    """STT, state, what (the postponement under it), for whom, by when: the page's texts."""
    state, what, who, due, note = item_texts(item)
    centred, plain = _small(sheet, "cell_center"), _small(sheet, "cell")
    return [
        p(str(n), centred),
        p(state, centred),
        p(f"{what}\n({note})" if note else what, plain),
        p(who, plain),
        p(due, centred),
    ]


def build_todo_list(
    profile: CellProfile, on: date, items: list[DueItem], sheet: Sheet, width: float
) -> list[Flowable]:
    widths = fit_widths(_WIDTHS_MM, width)
    rows = [_row(i, item, sheet) for i, item in enumerate(items, start=1)]
    story: list[Flowable] = [
        header_block(Header(profile, on), width, sheet),
        *title_block(list_title(on), f"Tính đến ngày {format_date(on)}", sheet),
    ]
    if rows:
        story.append(grid_table(["STT", *ITEM_HEADERS[:4]], rows, widths, sheet))
    else:
        story.append(p("Không có việc nào đến hạn.", "body_plain", sheet))
    return story


def todo_list_document(doc: Document, store: Store, on: date | None = None) -> Document:
    profile = required_profile(store)
    on = on or date.today()
    doc.title, doc.subject = list_title(on), profile.cell_name
    doc.story = build_todo_list(profile, on, due_items(store, on), load_sheet(), frame_width(doc))
    return doc
