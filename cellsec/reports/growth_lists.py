"""The growth lists: the candidates for admission (nguồn phát triển đảng viên) and the proposal list
of a Party badge round (danh sách đề nghị tặng Huy hiệu Đảng đợt …), landscape, HD 36 layout."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from cellsec.dates import format_date, years_months
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
from cellsec.rules import badges as badge_rules
from cellsec.rules.badges import BASIS_LABELS, Basis
from cellsec.services.badges import BadgeRound, badge_round
from cellsec.services.candidates import CandidateRow, candidate_rows
from cellsec.services.members import rules_of
from cellsec.services.profile import required_profile
from cellsec.store import Store

_CANDIDATE_WIDTHS: list[float | None] = [13, 38, 24, 24, 44, None, 24, 40]
_BADGE_WIDTHS: list[float | None] = [13, 46, 25, 25, 25, 22, 32, None]


def _day(value: date | None) -> str:
    return format_date(value) if value else ""


def _papers(r: CandidateRow) -> str:
    c = r.candidate
    steps = (("Đơn", c.application_date), ("Lý lịch", c.cv_date), ("Thẩm tra", c.verification_date))
    return "\n".join(f"{label}: {format_date(day)}" for label, day in steps if day)


def build_candidates(
    profile: CellProfile, on: date, rows: list[CandidateRow], sheet: Sheet, width: float
) -> list[Flowable]:
    head = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Lớp nhận thức về Đảng",
        "Đơn, lý lịch, thẩm tra",
        "Người giới thiệu",
        "Nghị quyết chi bộ",
        "Bước tiếp theo",
    ]
    data = [
        [
            i,
            r.candidate.full_name,
            r.candidate.person.get("birth_date", ""),
            _day(r.candidate.course_date),
            _papers(r),
            r.introducers,
            _day(r.candidate.resolution_date),
            "; ".join((r.missing[:1] if r.missing else ()) + r.warnings),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    summary = f"Tính đến ngày {format_date(on)}: {len(rows)} quần chúng ưu tú"
    return [
        header_block(Header(profile, on), width, sheet),
        *title_block("DANH SÁCH QUẦN CHÚNG ƯU TÚ (NGUỒN PHÁT TRIỂN ĐẢNG VIÊN)", summary, sheet),
        grid_table(head, data, fit_widths(_CANDIDATE_WIDTHS, width), sheet, center_cols=(0, 2, 3, 6)),
        signature_row(None, cell_signature(profile.secretary), width, sheet),
    ]


def candidates_document(doc: Document, store: Store, on: date | None = None) -> Document:
    profile = required_profile(store)
    on = on or date.today()
    doc.title, doc.subject = f"{doc.title} tính đến {format_date(on)}", profile.cell_name
    doc.story = build_candidates(profile, on, candidate_rows(store, on), load_sheet(), frame_width(doc))
    return doc


def build_badge_round(
    profile: CellProfile, round_: BadgeRound, signed_on: date, sheet: Sheet, width: float
) -> list[Flowable]:
    head = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Huy hiệu",
        "Tuổi đảng đến ngày trao",
        "Ghi chú",
    ]
    rows = round_.proposed
    data = []
    for i, r in enumerate(rows, start=1):
        note = "" if r.line.basis == Basis.MILESTONE else f"{BASIS_LABELS[r.line.basis]}. {r.line.reason}"
        data.append(
            [
                i,
                r.member.full_name,
                format_date(r.member.birth_date),
                _day(r.admitted),
                _day(r.official),
                f"{r.line.milestone} năm",
                years_months(r.party_age_months),
                note,
            ]
        )
    d = round_.award_date
    award = f"{d.day}/{d.month}/{d.year}"
    summary = f"Chi bộ đề nghị {len(rows)} đồng chí (hạn đề nghị: {format_date(round_.proposal_due)})"
    story: list[Flowable] = [
        header_block(Header(profile, signed_on), width, sheet),
        *title_block(f"DANH SÁCH ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG ĐỢT {award}", summary, sheet),
        grid_table(head, data, fit_widths(_BADGE_WIDTHS, width), sheet, center_cols=(0, 2, 3, 4, 5)),
    ]
    if not rows:
        story.append(p("Đợt này chi bộ không có đồng chí đủ điều kiện đề nghị.", "body_plain", sheet))
    story.append(signature_row(None, cell_signature(profile.secretary), width, sheet))
    return story


def badge_round_document(doc: Document, store: Store, on: date | None = None) -> Document:
    """The round of `on` when it is an award date, otherwise the next award date after it."""
    profile = required_profile(store)
    award = badge_rules.next_award_dates(on or date.today(), rules_of(store), 1)[0]
    round_ = badge_round(store, award)
    doc.title, doc.subject = f"{doc.title} đợt {format_date(award)}", profile.cell_name
    doc.story = build_badge_round(profile, round_, date.today(), load_sheet(), frame_width(doc))
    return doc
