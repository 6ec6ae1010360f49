"""The superior attendance tally as an Excel workbook: dates as dates, text as text — written
by the one spreadsheet writer (cellsec.spreadsheets.export), so a name or a direction that
starts with "=" stays text like in every other export."""

from __future__ import annotations

from pathlib import Path

from cellsec.dates import format_date
from cellsec.services.superior_tally import Tally
from cellsec.spreadsheets.export import Column, Table, write_workbook


def superior_tables(t: Tally) -> list[Table]:
    """The sheets: the report (its number, as the PDF's header prints it), people, meetings,
    directions."""
    number = t.number.text if t.number is not None else "Bản nháp — báo cáo chưa ban hành, chưa cấp số"
    report = Table(
        "Báo cáo",
        (Column("Mục", "text", 22), Column("Nội dung", "auto", 48)),
        [
            ["Số", number],
            ["Ngày ban hành", t.number.issued_on if t.number is not None else None],
            ["Kỳ báo cáo", f"{format_date(t.start)} – {format_date(t.end)}"],
        ],
        title="Báo cáo kết quả cấp ủy viên cấp trên dự sinh hoạt chi bộ"
        + (f" số {t.number.text}" if t.number is not None else " (bản nháp)"),
    )
    people = Table(
        "Cấp ủy viên",
        (
            Column("Họ và tên", "text"),
            Column("Chức vụ", "text"),
            Column("Cấp", "text"),
            Column("Số buổi dự", "number", 12),
            Column("Chỉ tiêu kỳ", "number", 12),
            Column("Ghi chú", "text"),
        ),
        [
            [
                x.superior.name,
                x.superior.position,
                x.superior.level.label,
                x.attended,
                float(x.target) if x.target is not None else None,
                x.warning,
            ]
            for x in t.people
        ],
    )
    meetings = Table(
        "Buổi sinh hoạt",
        (
            Column("Ngày", "date", 12),
            Column("Loại", "text"),
            Column("Cấp ủy viên cấp trên dự", "text"),
            Column("Người theo dõi dự", "text", 14),
            Column("Đã thông báo", "text"),
        ),
        [
            [
                x.meeting.date,
                x.meeting.kind.label,
                ", ".join(x.superiors_present),
                {True: "Có", False: "Không", None: ""}[x.follower_came],
                ", ".join(x.notified),
            ]
            for x in t.meetings
        ],
    )
    directions = Table(
        "Chỉ đạo",
        (
            Column("Ngày", "date", 12),
            Column("Người chỉ đạo", "text"),
            Column("Nội dung", "text"),
            Column("Phụ trách", "text"),
            Column("Thời hạn", "date", 12),
            Column("Tình trạng", "text", 16),
            Column("Kết quả", "text"),
        ),
        [
            [d.meeting_date, d.given_by, d.text, d.owner, d.deadline, d.status.label, d.result]
            for d in t.directions
        ],
    )
    return [report, people, meetings, directions]


def write_superior_xlsx(t: Tally, path: str | Path) -> None:
    """Raises OSError when the file cannot be written (the caller says so to the user)."""
    write_workbook(Path(path), superior_tables(t))
