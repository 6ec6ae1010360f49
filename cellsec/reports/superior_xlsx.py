"""The superior attendance tally as an Excel workbook (openpyxl): dates as dates, text as text."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..services.superior_tally import Tally


def _sheet(wb: Workbook, title: str, head: list[str], rows: list[list[object]],
           first: bool = False) -> None:
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append(row)
    for column, name in enumerate(head, start=1):
        width = max([len(str(name))] + [len(str(r[column - 1] or "")) for r in rows])
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 60)
        for cell in ws[get_column_letter(column)][1:]:
            if hasattr(cell.value, "year"):
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"


def write_superior_xlsx(t: Tally, path: str | Path) -> None:
    wb = Workbook()
    _sheet(wb, "Cấp ủy viên", ["Họ và tên", "Chức vụ", "Cấp", "Số buổi dự", "Chỉ tiêu kỳ",
                               "Ghi chú"],
           [[x.superior.name, x.superior.position, x.superior.level.label, x.attended,
             float(x.target) if x.target is not None else None, x.warning] for x in t.people],
           first=True)
    _sheet(wb, "Buổi sinh hoạt", ["Ngày", "Loại", "Cấp ủy viên cấp trên dự", "Người theo dõi dự",
                                  "Đã thông báo"],
           [[x.meeting.date, x.meeting.kind.label, ", ".join(x.superiors_present),
             {True: "Có", False: "Không", None: ""}[x.follower_came], ", ".join(x.notified)]
            for x in t.meetings])
    _sheet(wb, "Chỉ đạo", ["Ngày", "Người chỉ đạo", "Nội dung", "Phụ trách", "Thời hạn",
                           "Tình trạng", "Kết quả"],
           [[d.meeting_date, d.given_by, d.text, d.owner, d.deadline, d.status.label, d.result]
            for d in t.directions])
    wb.save(path)
