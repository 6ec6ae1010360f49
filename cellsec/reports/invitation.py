"""The invitation to a cell meeting (giấy mời dự sinh hoạt chi bộ): for a saved meeting (its
kind, topic, time and place), or blank with dotted lines to fill by hand; one page each, and
optionally one page per member called to the meeting with the name filled in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from cellsec.dates import format_date
from cellsec.entities.meetings import Meeting
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.reports.keeping import new_section
from cellsec.reports.minutes import clock, summary_line
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    cell_signature,
    frame_width,
    header_block,
    p,
    signature_row,
    title_block,
)
from cellsec.services.profile import required_profile
from cellsec.store import Store
from cellsec.text import nfc

DOTS = "."  # what a blank to fill by hand is drawn with
_BLANK_TIME = "........ giờ ........ phút, ngày ......../......../............"
_RECIPIENTS = ("Như kính gửi,", "Lưu chi bộ.")


@dataclass(frozen=True)
class Invitation:
    """One page: who it is to ("" = a dotted line) and the meeting (None = blank form)."""

    profile: CellProfile
    issued: date
    meeting: Meeting | None = None
    addressee: str = ""


class Dotted(Flowable):  # type: ignore[misc]  # ReportLab ships no types: Flowable is Any
    """A line of text followed by dots to the end of the line (a blank to fill by hand). The
    dots are counted in wrap(), when the frame's real width is known."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        # The text is trimmed (nfc); a space goes between it and the dots.
        self.text, self.style = nfc(text) + (" " if text.strip() else ""), style
        self.para = Paragraph(escape(self.text), style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        s = self.style
        room = avail_width - s.firstLineIndent - stringWidth(self.text, s.fontName, s.fontSize) - 2
        count = max(int(room / stringWidth(DOTS, s.fontName, s.fontSize)), 3)
        self.para = Paragraph(escape(self.text + DOTS * count), s)
        width, height = self.para.wrap(avail_width, avail_height)
        return float(width), float(height)

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)


def dotted(text: str, style: str, sheet: Sheet) -> Flowable:
    """`text`, a space, then dots to the end of its line."""
    return Dotted(text, sheet[style])


def _line(label: str, value: str, sheet: Sheet) -> Paragraph:
    """ "Địa điểm: …": the value, or dots when there is none yet."""
    return p(f"{label}: {value}.", "body", sheet) if value else dotted(f"{label}:", "body", sheet)


def _meeting_lines(invitation: Invitation, sheet: Sheet) -> list[Flowable]:
    cell = invitation.profile.cell_name
    m = invitation.meeting
    if m is None:
        return [
            p(f"{cell} trân trọng kính mời đồng chí đến dự sinh hoạt chi bộ.", "body", sheet),
            dotted("Nội dung:", "body", sheet),
            dotted("", "body_plain", sheet),
            p(f"Thời gian: {_BLANK_TIME}.", "body", sheet),
            dotted("Địa điểm:", "body", sheet),
        ]
    lines = [p(f"{cell} trân trọng kính mời đồng chí đến dự {summary_line(m).lower()}.", "body", sheet)]
    if m.kind.is_thematic:
        lines.append(_line("Chuyên đề", f"“{m.topic}”" if m.topic else "", sheet))
    when = f"{clock(m.start_time)}, ngày {format_date(m.date)}"
    lines += [p(f"Thời gian: {when}.", "body", sheet), _line("Địa điểm", m.place, sheet)]
    return lines


def build_invitation(invitation: Invitation, sheet: Sheet, width: float) -> list[Flowable]:
    m = invitation.meeting
    summary = f"Dự {summary_line(m).lower()}" if m is not None else "Dự sinh hoạt chi bộ"
    to = f"Kính gửi: đồng chí {invitation.addressee}"
    return [
        header_block(Header(invitation.profile, invitation.issued), width, sheet),
        *title_block("GIẤY MỜI", summary, sheet),
        p(to, "body", sheet) if invitation.addressee else dotted(to, "body", sheet),
        *_meeting_lines(invitation, sheet),
        p("Đề nghị đồng chí có mặt đúng giờ.", "body", sheet),
        signature_row(
            None,
            cell_signature(invitation.profile.secretary),
            width,
            sheet,
            recipients=_RECIPIENTS,
        ),
    ]


def invitations(
    store: Store, meeting_id: int | None, *, per_member: bool = False, today: date | None = None
) -> list[Invitation]:
    """The pages to print: one blank, one for the meeting, or one per member it calls. Dated
    the day they are printed (the meeting's day if that is already past)."""
    profile = required_profile(store)
    today = today or date.today()
    if meeting_id is None:
        if per_member:
            raise ValidationError("Giấy mời ghi tên từng đảng viên: hãy chọn buổi sinh hoạt.")
        return [Invitation(profile, today)]
    meeting = store.meetings.get(meeting_id)
    if meeting is None:
        raise ValidationError("Không tìm thấy buổi sinh hoạt này.")
    issued = min(today, meeting.date)
    if not per_member:
        return [Invitation(profile, issued, meeting)]
    called = [e.name for e in meeting.roll if e.expected]
    if not called:
        raise ValidationError("Buổi sinh hoạt này không có đảng viên nào được triệu tập.")
    return [Invitation(profile, issued, meeting, name) for name in called]


def invitation_document(
    doc: Document,
    store: Store,
    meeting_id: int | None = None,
    *,
    per_member: bool = False,
    today: date | None = None,
) -> Document:
    """Fill `doc`: one invitation a page, each page its own document (its own numbering)."""
    pages = invitations(store, meeting_id, per_member=per_member, today=today)
    meeting = pages[0].meeting
    if meeting is not None:
        doc.title = f"{doc.title} ngày {format_date(meeting.date)}"
    doc.subject = pages[0].profile.cell_name
    sheet, width = load_sheet(), frame_width(doc)
    for index, invitation in enumerate(pages):
        if index:
            doc.story += new_section()
        doc.story += build_invitation(invitation, sheet, width)
    return doc
