"""The declaration of a member proposed for a Party badge (bản khai tóm tắt quá trình hoạt động,
mẫu 6-HHĐ), pre-filled with what the register knows, blank lines for the rest: one member, or
every member a round proposes, one copy each. The form's exact wording is not verified (DOMAIN.md
§10 names the form only): the fields are those the app holds, the career summary is handwritten."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Spacer, Table

from cellsec.dates import format_date, years_months
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.reports.growth_sheets import write_lines
from cellsec.reports.keeping import SignatureBlock, new_section
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    Signature,
    cell_signature,
    frame_width,
    header_block,
    p,
    plain_table_style,
)
from cellsec.rules import badges as badge_rules
from cellsec.rules.badges import BASIS_LABELS, Basis
from cellsec.services.badges import BadgeRow, badge_round
from cellsec.services.members import rules_of
from cellsec.services.profile import required_profile
from cellsec.store import Store

FORM_NAME = "Mẫu 6-HHĐ"
BLANK = "." * 40


def _or_blank(text: str) -> str:
    return text or BLANK


def build_declaration(
    profile: CellProfile,
    row: BadgeRow,
    award: date,
    received: list[int],
    on: date,
    sheet: Sheet,
    width: float,
) -> list[Flowable]:
    m = row.member
    posthumous = row.line.basis == Basis.POSTHUMOUS
    basis = "" if row.line.basis == Basis.MILESTONE else f" ({BASIS_LABELS[row.line.basis].lower()})"
    story: list[Flowable] = [
        p(FORM_NAME, "note", sheet),
        header_block(Header(profile, on), width, sheet),
        p("BẢN KHAI TÓM TẮT QUÁ TRÌNH HOẠT ĐỘNG", "title", sheet),
        p(f"của đảng viên đề nghị tặng Huy hiệu {row.line.milestone} năm tuổi Đảng{basis}", "summary", sheet),
        p(f"Đợt {award.day}/{award.month}/{award.year}", "summary", sheet),
        p(f"- Họ và tên: {m.full_name}" + (f"; bí danh: {m.alias}" if m.alias else ""), "bullet", sheet),
        p(f"- Ngày sinh: {_or_blank(format_date(m.birth_date))}; giới tính: {m.sex.label}", "bullet", sheet),
        p(f"- Quê quán: {_or_blank(m.hometown)}", "bullet", sheet),
        p(f"- Nơi thường trú: {_or_blank(m.permanent_address)}", "bullet", sheet),
        p(
            f"- Ngày vào Đảng: {_or_blank(format_date(row.admitted))}; ngày chính thức: "
            f"{_or_blank(format_date(row.official))}",
            "bullet",
            sheet,
        ),
        p(f"- Số thẻ đảng viên: {_or_blank(m.party_card_no)}", "bullet", sheet),
        p(f"- Sinh hoạt tại: {profile.cell_name}, {profile.superior_name}", "bullet", sheet),
        p(f"- Tuổi đảng tính đến ngày trao: {years_months(row.party_age_months)}", "bullet", sheet),
        p(
            "- Huy hiệu Đảng đã được tặng: "
            + (", ".join(f"{y} năm" for y in sorted(received)) if received else "chưa"),
            "bullet",
            sheet,
        ),
        p(f"- Khen thưởng: {_or_blank(m.rewards)}", "bullet", sheet),
        p(f"- Kỷ luật: {_or_blank(m.discipline_notes)}", "bullet", sheet),
    ]
    if row.line.reason:
        story.append(p(f"- Căn cứ đề nghị: {row.line.reason}", "bullet", sheet))
    story += [
        p("TÓM TẮT QUÁ TRÌNH HOẠT ĐỘNG", "heading", sheet),
        p(
            "(từ khi vào Đảng đến nay: thời gian, chức vụ, đơn vị công tác, nơi sinh hoạt đảng)",
            "note",
            sheet,
        ),
        *write_lines(14, sheet),
        _signatures(
            Signature(("XÁC NHẬN CỦA CHI BỘ", *cell_signature(profile.secretary).roles), profile.secretary),
            Signature(("NGƯỜI KHAI", "(ký, ghi rõ họ tên)"), "" if posthumous else m.full_name),
            width,
            sheet,
        ),
    ]
    return story


def _signatures(left: Signature, right: Signature, width: float, sheet: Sheet) -> Flowable:
    """Two signatures side by side whose names stand on one line though their roles differ in
    number (signature_row puts each name under its own roles)."""
    rows = max(len(left.roles), len(right.roles))
    blank = sheet.raw["signature"]["blank_lines"] * sheet["signer"].leading

    def block(sig: Signature) -> list[Flowable]:
        pad = (rows - len(sig.roles)) * sheet["role"].leading
        return [
            *[p(r, "role", sheet) for r in sig.roles],
            Spacer(1, blank + pad),
            p(sig.name, "signer", sheet),
        ]

    table = Table([[block(left), block(right)]], colWidths=[width / 2, width / 2])
    table.setStyle(plain_table_style())
    return SignatureBlock([Spacer(1, 10), table])


def badge_declarations_document(
    doc: Document, store: Store, on: date | None, member_id: int | None = None, today: date | None = None
) -> Document:
    """The round of `on` (the next award date from it): the member `member_id` on its list, or
    every member it proposes."""
    profile = required_profile(store)
    rules = rules_of(store)
    award = badge_rules.next_award_dates(on or date.today(), rules, 1)[0]
    round_ = badge_round(store, award)
    if member_id is not None:
        rows = [r for r in round_.rows if r.member.id == member_id]
        if not rows:
            raise ValidationError(
                f"Đồng chí này không có trong danh sách xét tặng Huy hiệu Đảng đợt {format_date(award)}."
            )
    else:
        rows = list(round_.proposed)
        if not rows:
            raise ValidationError(f"Đợt {format_date(award)} chi bộ không đề nghị đồng chí nào.")
    sheet, width, signed = load_sheet(), frame_width(doc), today or date.today()
    doc.title += f" đợt {format_date(award)}" + (f" — {rows[0].member.full_name}" if member_id else "")
    doc.subject = profile.cell_name
    for index, row in enumerate(rows):
        if index:
            doc.story += new_section()
        received = badge_rules.awarded(store.members.events_of(row.member.id or 0))
        doc.story += build_declaration(profile, row, award, received, signed, sheet, width)
    return doc
