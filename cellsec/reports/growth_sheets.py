"""Growth sheets filled by hand: the helper's comment on a probationer (bản nhận xét của đảng viên
giúp đỡ) — the heading filled from the register, blank dotted lines for the comment."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from cellsec.dates import format_date
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import Document, Header, Signature, frame_width, header_block, p, signature_row
from cellsec.rules.probation import Probation, probation_of
from cellsec.services.growth_records import helper_name
from cellsec.services.members import rules_of
from cellsec.services.profile import required_profile
from cellsec.store import Store

# Headings of the comment (wording not verified against a published form: see the report).
_HELPER_PARTS = (
    "1. Về nhận thức tư tưởng chính trị",
    "2. Về phẩm chất đạo đức, lối sống",
    "3. Về ý thức tổ chức kỷ luật, thực hiện nhiệm vụ được giao và nhiệm vụ đảng viên",
    "4. Về quan hệ với quần chúng, với nhân dân nơi cư trú",
    "5. Ưu điểm, khuyết điểm chủ yếu",
    "6. Đề nghị chi bộ (công nhận hay không công nhận đảng viên chính thức)",
)
_LINES_EACH = 3


def _blank(text: str, width: int = 40) -> str:
    return text or "." * width


class WriteLine(Flowable):  # type: ignore[misc]
    """A dotted line across the frame to write on by hand."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.line_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = float(avail_width)
        return self.width, self.line_height

    def draw(self) -> None:
        self.canv.setDash(1, 2)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 3, self.width, 3)


def write_lines(count: int, sheet: Sheet) -> list[Flowable]:
    """`count` lines to write on, spaced like the body text."""
    return [WriteLine(float(sheet["body"].leading) * 1.35) for _ in range(count)]


def build_helper_comment(
    profile: CellProfile,
    name: str,
    birth: date | None,
    probation: Probation,
    helper: str,
    on: date,
    sheet: Sheet,
    width: float,
) -> list[Flowable]:
    story: list[Flowable] = [
        header_block(Header(profile, on), width, sheet),
        p("BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ", "title", sheet),
        p("của đảng viên chính thức được phân công giúp đỡ", "summary", sheet),
        p(f"Kính gửi: {profile.cell_name}", "body_plain", sheet),
        p(
            f"Tôi là: {_blank(helper)}, đảng viên chính thức, sinh hoạt tại {profile.cell_name},",
            "body",
            sheet,
        ),
        p(
            f"được chi bộ phân công giúp đỡ đảng viên dự bị {name}"
            + (f", sinh ngày {format_date(birth)}" if birth else "")
            + f"; kết nạp vào Đảng ngày {format_date(probation.admitted)}; thời gian dự bị từ ngày "
            f"{format_date(probation.admitted)} đến ngày {format_date(probation.ends)}.",
            "body",
            sheet,
        ),
        p("Tôi nhận xét đồng chí trong thời gian dự bị như sau:", "body", sheet),
    ]
    for heading in _HELPER_PARTS:
        story.append(p(heading + ":", "lead_in", sheet))
        story += write_lines(_LINES_EACH, sheet)
    story.append(signature_row(None, Signature(("NGƯỜI NHẬN XÉT",), helper), width, sheet))
    return story


def helper_comment_document(
    doc: Document, store: Store, member_id: int | None, today: date | None = None
) -> Document:
    """For one probationer (the helper assigned on the day, or a blank to write in)."""
    if member_id is None:
        raise ValidationError("Bản nhận xét: cần chọn một đảng viên dự bị (--member).")
    profile = required_profile(store)
    member = store.members.get(member_id)
    on = today or date.today()
    probation = probation_of(store.members.events_of(member_id), rules_of(store)) if member else None
    if member is None or probation is None:
        raise ValidationError("Bản nhận xét của đảng viên giúp đỡ chỉ lập cho đảng viên dự bị.")
    doc.title += f" — {member.full_name}"
    doc.subject = profile.cell_name
    doc.story = build_helper_comment(
        profile,
        member.full_name,
        member.birth_date,
        probation,
        helper_name(store, member_id, on),
        on,
        load_sheet(),
        frame_width(doc),
    )
    return doc
