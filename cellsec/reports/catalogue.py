"""Every printable document by name, for the CLI and the app's print actions."""
from __future__ import annotations

from datetime import date

from cellsec.entities.meetings import MeetingKind
from cellsec.reports.template import Document
from cellsec.store import Store

DOCUMENTS = {
    "minutes": "Biên bản sinh hoạt chi bộ",
    "resolution": "Nghị quyết",
    "attendance": "Danh sách đảng viên dự sinh hoạt (để ký)",
    "book": "Sổ biên bản sinh hoạt chi bộ cả năm",
    "register": "Danh sách đảng viên",
    "superiors": "Báo cáo cấp ủy viên cấp trên dự sinh hoạt",
    "comments": "Phiếu nhận xét đảng viên nơi cư trú (một người hoặc tất cả phiếu cần làm)",
    "liaison": "Sổ theo dõi đảng viên giữ mối liên hệ nơi cư trú",
    "working-away": "Danh sách đảng viên đi làm ăn xa",
}


def build_document(store: Store, name: str, *, meeting_id: int | None = None,
                   year: int | None = None, on: date | None = None,
                   period: tuple[date, date] | None = None,
                   liaison_id: int | None = None,
                   kind: MeetingKind = MeetingKind.REGULAR,
                   today: date | None = None) -> Document:
    """Collect and build (not render) the named document."""
    if name == "minutes":
        from cellsec.reports.minutes import minutes_document
        return minutes_document(store, meeting_id or 0)
    if name == "resolution":
        from cellsec.reports.resolution import resolution_document
        return resolution_document(store, meeting_id or 0)
    if name == "attendance":
        from cellsec.reports.attendance_sheet import attendance_sheet_document
        return attendance_sheet_document(store, meeting_id, kind=kind, when=on)
    if name == "book":
        from cellsec.reports.minutes_book import minutes_book_document
        return minutes_book_document(store, year or date.today().year)
    if name == "register":
        from cellsec.reports.register_list import register_list_document
        return register_list_document(store, on)
    if name == "superiors":
        from cellsec.reports.superior_report import superior_report_document
        y = year or date.today().year
        start, end = period or (date(y, 1, 1), date(y, 12, 31))
        return superior_report_document(store, start, end, today=today)
    if name in ("comments", "liaison", "working-away"):
        from cellsec.reports import liaison_reports
        if name == "comments":
            return liaison_reports.comment_sheets_document(store, year or date.today().year,
                                                           liaison_id, today=today)
        if name == "liaison":
            return liaison_reports.liaison_register_document(store, on)
        return liaison_reports.working_away_document(store, on)
    raise KeyError(name)
