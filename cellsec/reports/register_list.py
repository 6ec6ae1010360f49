"""The member register list (danh sách đảng viên) as of a date, landscape, Vietnamese order."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from cellsec.dates import format_date, years_months
from cellsec.entities.members import MemberRow
from cellsec.entities.profile import CellProfile
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    cell_signature,
    fit_widths,
    frame_width,
    grid_table,
    header_block,
    p,
    signature_row,
    title_block,
)
from cellsec.services.profile import required_profile
from cellsec.services.register import RollSummary, StatusFilter, filter_rows, load_register, summarise
from cellsec.store import Store
from cellsec.wording import sentence

_WIDTHS_MM: list[float | None] = [14, 48, 25, 13, None, 25, 25, 26, 34]


def build_register_list(
    profile: CellProfile,
    on: date,
    rows: list[MemberRow],
    summary: RollSummary,
    status: StatusFilter,
    sheet: Sheet,
    width: float,
) -> list[Flowable]:
    widths = fit_widths(_WIDTHS_MM, width)
    head = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Quê quán",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Tuổi đảng",
        "Tình trạng",
    ]
    data = [
        [
            i,
            r.member.full_name,
            format_date(r.member.birth_date),
            r.member.sex.label,
            r.member.hometown,
            format_date(r.admission_date),
            format_date(r.official_date),
            years_months(r.party_age_months),
            r.state.label,
        ]
        for i, r in enumerate(rows, start=1)
    ]
    title_extra = "" if status is StatusFilter.ROLL else f" — {status.label}"
    return [
        header_block(Header(profile, on), width, sheet),
        *title_block("DANH SÁCH ĐẢNG VIÊN", f"Tính đến ngày {format_date(on)}{title_extra}", sheet),
        p(sentence(summary.text), "body_plain", sheet),
        grid_table(head, data, widths, sheet, center_cols=(0, 2, 3, 5, 6)),
        signature_row(None, cell_signature(profile.secretary), width, sheet),
    ]


def register_list_document(
    doc: Document, store: Store, on: date | None = None, status: StatusFilter = StatusFilter.ROLL
) -> Document:
    profile = required_profile(store)
    on = on or date.today()
    rows = load_register(store, on)
    doc.title, doc.subject = f"{doc.title} tính đến {format_date(on)}", profile.cell_name
    doc.story = build_register_list(
        profile,
        on,
        filter_rows(rows, "", status),
        summarise(rows, on),
        status,
        load_sheet(),
        frame_width(doc),
    )
    return doc
