"""The blank attendance sheet members sign at the meeting (danh sách đảng viên dự sinh hoạt)."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Spacer

from cellsec.dates import format_date, month_year
from cellsec.entities.meetings import Meeting, MeetingKind, RollEntry
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    Signature,
    fit_widths,
    frame_width,
    grid_table,
    header_block,
    p,
    signature_row,
    title_block,
)
from cellsec.services.meetings import expected_roll
from cellsec.services.profile import required_profile
from cellsec.store import Store

_CATEGORY = {"full": "Chính thức", "probationary": "Dự bị", "guest": "SHTT đến"}


def _rows(entries: list[RollEntry]) -> list[list[object]]:
    return [[i, e.name, _CATEGORY[e.category], "", ""] for i, e in enumerate(entries, start=1)]


def build_attendance_sheet(
    profile: CellProfile,
    kind: MeetingKind,
    when: date,
    roll: tuple[RollEntry, ...],
    sheet: Sheet,
    width: float,
) -> list[Flowable]:
    widths = fit_widths([14, None, 28, 45, 30], width)
    head = ["STT", "Họ và tên", "Đảng viên", "Ký tên", "Ghi chú"]
    called = [e for e in roll if e.expected]
    apart = [e for e in roll if not e.expected]
    story: list[Flowable] = [
        header_block(Header(profile, when), width, sheet),
        *title_block(
            "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ",
            f"{kind.label} {month_year(when.month, when.year)} — ngày {format_date(when)}",
            sheet,
        ),
        grid_table(head, _rows(called), widths, sheet, center_cols=(0, 2)),
    ]
    if apart:
        story += [
            Spacer(1, 8),
            p("Đảng viên miễn sinh hoạt, sinh hoạt tạm thời nơi khác (ký nếu dự họp):", "body_plain", sheet),
            grid_table(head, _rows(apart), widths, sheet, center_cols=(0, 2)),
        ]
    story += [
        Spacer(1, 8),
        p("Khách mời, đại biểu cấp trên:", "body_plain", sheet),
        grid_table(
            ["STT", "Họ và tên", "Chức vụ", "Ký tên", "Ghi chú"],
            [[i, "", "", "", ""] for i in range(1, 4)],
            widths,
            sheet,
            center_cols=(0,),
        ),
        signature_row(None, Signature(("CHỦ TRÌ",), ""), width, sheet),
    ]
    return story


def attendance_sheet_document(
    doc: Document,
    store: Store,
    meeting_id: int | None = None,
    *,
    kind: MeetingKind = MeetingKind.REGULAR,
    when: date | None = None,
) -> Document:
    """For a saved meeting (its frozen roll) or for a date before the meeting is entered."""
    profile = required_profile(store)
    if meeting_id is not None:
        meeting: Meeting | None = store.meetings.get(meeting_id)
        if meeting is None:
            raise ValidationError("Không tìm thấy buổi sinh hoạt này.")
        kind, when, roll = meeting.kind, meeting.date, meeting.roll
    else:
        when = when or date.today()
        roll = expected_roll(store, when)
    doc.title, doc.subject = f"{doc.title} ngày {format_date(when)}", profile.cell_name
    doc.story = build_attendance_sheet(profile, kind, when, roll, load_sheet(), frame_width(doc))
    return doc
