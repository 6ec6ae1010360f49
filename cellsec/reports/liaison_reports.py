"""Residence liaison prints: the yearly comment sheet (one, or a batch of all due), the liaison
register list, and the list of members working far away."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from cellsec.dates import format_date
from cellsec.entities.liaison import CommentSheet, LiaisonMember
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.reports.keeping import new_section
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    Signature,
    cell_signature,
    fit_widths,
    frame_width,
    grid_table,
    header_block,
    markup,
    p,
    signature_row,
    title_block,
)
from cellsec.rules.liaison import CommentState
from cellsec.services.liaison import comment_list, members_in_order, participation
from cellsec.services.members import rules_of
from cellsec.services.profile import required_profile
from cellsec.store import Store
from cellsec.wording import clause, sentence


def build_comment_sheet(
    profile: CellProfile,
    m: LiaisonMember,
    sheet_data: CommentSheet | None,
    year: int,
    criteria: list[dict[str, Any]],
    attended: tuple[int, int] | None,
    sheet: Sheet,
    width: float,
    on: date,
) -> list[Flowable]:
    s = sheet_data or CommentSheet(m.id or 0, year)
    story: list[Flowable] = [
        header_block(Header(profile, s.signed_date or on), width, sheet),
        *title_block(
            "PHIẾU NHẬN XÉT",
            "Đảng viên đang công tác giữ mối liên hệ với chi ủy, đảng ủy và gương mẫu "
            f"thực hiện nghĩa vụ công dân nơi cư trú — năm {year}",
            sheet,
        ),
        p(f"Kính gửi: {s.requesting_org or m.workplace_party_org or m.workplace}", "body", sheet),
        p(
            f"Họ và tên đảng viên: {m.full_name}. "
            + sentence(f"Ngày sinh: {format_date(m.birth_date) or '…'}"),
            "body_plain",
            sheet,
        ),
        p(sentence(f"Nơi cư trú: {m.address or '…'}"), "body_plain", sheet),
        p(
            sentence(
                f"Cơ quan, đơn vị công tác: {clause(m.workplace)}; tổ chức đảng: "
                f"{m.workplace_party_org or '…'}"
            ),
            "body_plain",
            sheet,
        ),
        p(
            sentence(
                f"Giấy giới thiệu số {m.ggt_number or '…'} ngày "
                f"{format_date(m.ggt_date) or '…'}; chi bộ nhận ngày "
                f"{format_date(m.received_date)}"
            ),
            "body_plain",
            sheet,
        ),
    ]
    if attended is not None:
        story.append(
            p(
                f"Dự gặp mặt định kỳ với chi bộ trong năm: {attended[0]}/{attended[1]} buổi.",
                "body_plain",
                sheet,
            )
        )
    met = format_date(s.front_met_date) if s.front_met_date else "…/…/……"
    story.append(
        p(
            f"Sau khi trao đổi, thống nhất với Ban công tác Mặt trận ngày {met}, chi ủy "
            f"{profile.cell_name.removeprefix('Chi bộ ').strip()} nhận xét như sau:",
            "body",
            sheet,
        )
    )
    rows = []
    for i, c in enumerate(criteria, start=1):
        chosen = s.criteria.get(c["key"])
        rows.append(
            [
                i,
                c["label"],
                *[("X " if chosen == level else "") + text for level, text in enumerate(c["levels"])],
            ]
        )
    story.append(
        grid_table(
            ["STT", "Nội dung nhận xét", "Mức 1", "Mức 2", "Mức 3"],
            rows,
            fit_widths([14, None, 30, 30, 30], width),
            sheet,
            center_cols=(0,),
        )
    )
    story.append(p("(Đánh dấu X trước mức được chọn.)", "note", sheet))
    story.append(p(sentence(f"Ý kiến khác: {s.free_text or '…'}"), "body", sheet))
    story.append(
        signature_row(
            Signature(("XÁC NHẬN CỦA ĐẢNG ỦY", "T/M ĐẢNG ỦY"), ""),
            cell_signature(profile.secretary),
            width,
            sheet,
        )
    )
    return story


def comment_sheets_document(
    doc: Document, store: Store, year: int, liaison_id: int | None = None, today: date | None = None
) -> Document:
    """One member's sheet, or (liaison_id None) every sheet due, overdue or not yet sent."""
    today = today or date.today()
    profile = required_profile(store)
    rules = rules_of(store)
    dues = comment_list(store, year, today)
    if liaison_id is not None:
        dues = [d for d in dues if d.member.id == liaison_id]
        if not dues:
            raise ValidationError("Không tìm thấy đảng viên này trong sổ theo dõi.")
    else:
        dues = [d for d in dues if d.state in (CommentState.DUE, CommentState.OVERDUE)]
        if not dues:
            raise ValidationError(f"Năm {year} không còn phiếu nhận xét nào cần làm.")
    by_key = {c["key"]: c for c in rules["comment_criteria"]}
    taking = participation(store, year)
    doc.title, doc.subject = f"{doc.title} năm {year}", profile.cell_name
    sheet, width = load_sheet(), frame_width(doc)
    for index, d in enumerate(dues):
        keys = list(by_key) if d.variant == "full" else list(rules["comment_short_criteria"])
        if index:  # each sheet is its own document: its own page numbers
            doc.story += new_section()
        doc.story += build_comment_sheet(
            profile,
            d.member,
            d.sheet,
            year,
            [by_key[k] for k in keys],
            taking.get(d.member.id or 0),
            sheet,
            width,
            today,
        )
    return doc


def liaison_register_document(doc: Document, store: Store, on: date | None = None) -> Document:
    on = on or date.today()
    profile = required_profile(store)
    doc.subject = profile.cell_name
    sheet, width = load_sheet(), frame_width(doc)
    rows = []
    members = members_in_order(store)
    for i, m in enumerate(members, start=1):
        status = m.status_on(on)
        rows.append(
            [
                i,
                f"{m.full_name}\n{format_date(m.birth_date)}",
                f"{m.address}\n{m.phone}".strip(),
                f"{m.workplace}\n{m.workplace_party_org}",
                f"{m.ggt_number}\n{format_date(m.ggt_date)}",
                format_date(m.received_date),
                m.category.label,
                status.label if status else "Chưa nhận",
            ]
        )
    doc.story = [
        header_block(Header(profile, on), width, sheet),
        *title_block(
            "SỔ THEO DÕI",
            "Đảng viên đang công tác giữ mối liên hệ với chi ủy nơi cư "
            f"trú — tính đến ngày {format_date(on)}",
            sheet,
        ),
        grid_table(
            [
                "STT",
                "Họ và tên, ngày sinh",
                "Địa chỉ, điện thoại",
                "Nơi công tác, tổ chức đảng",
                "Giấy giới thiệu",
                "Ngày nhận",
                "Diện",
                "Tình trạng",
            ],
            rows,
            fit_widths([14, 44, None, None, 30, 26, None, 34], width),
            sheet,
            center_cols=(0, 4, 5),
        ),
        signature_row(None, cell_signature(profile.secretary), width, sheet),
    ]
    return doc


def working_away_document(doc: Document, store: Store, on: date | None = None) -> Document:
    on = on or date.today()
    profile = required_profile(store)
    doc.subject = profile.cell_name
    sheet, width = load_sheet(), frame_width(doc)
    rows = []
    for i, w in enumerate(store.liaison.working_away(), start=1):
        last = w.contacts[-1] if w.contacts else None
        rows.append(
            [
                i,
                w.member_name,
                w.arrangement.label,
                f"{format_date(w.start)} – {format_date(w.end)}",
                f"{w.destination}\n{w.employer}",
                w.contact,
                f"{format_date(last.date)}: {last.note}" if last else "",
                w.dues,
                format_date(w.returned_date) or "Chưa về",
            ]
        )
    doc.story = [
        header_block(Header(profile, on), width, sheet),
        *title_block("DANH SÁCH", f"Đảng viên đi làm ăn xa — tính đến ngày {format_date(on)}", sheet),
        grid_table(
            [
                "STT",
                "Họ và tên",
                "Hình thức",
                "Thời hạn",
                "Nơi đến, nơi làm việc",
                "Liên lạc",
                "Lần liên lạc gần nhất",
                "Đảng phí",
                "Trở về",
            ],
            rows,
            fit_widths([14, 38, 30, 30, None, 30, None, 28, 22], width),
            sheet,
            center_cols=(0, 3, 8),
        ),
        Spacer(1, 6),
        markup(
            "<i>Ghi chú:</i> hình thức miễn hoặc chuyển sinh hoạt tạm thời được ghi đồng thời "
            "vào sổ đảng viên.",
            "note",
            sheet,
        ),
        signature_row(None, cell_signature(profile.secretary), width, sheet),
    ]
    return doc
