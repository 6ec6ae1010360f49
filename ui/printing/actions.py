"""Print actions shared by the pages: collect and build the document on the GUI thread (the
store's connection lives here), then hand it to the preview, which renders it on a worker.
cellsec.reports (and so ReportLab) is imported only here, only when something is printed."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from cellsec.entities.meetings import Meeting, MeetingKind
from cellsec.errors import ValidationError
from cellsec.store import Store
from cellsec.text import fold

from ui.common.dialogs import show_notice

TITLES = {
    "minutes": "Biên bản sinh hoạt chi bộ",
    "resolution": "Nghị quyết",
    "attendance": "Danh sách đảng viên dự sinh hoạt",
    "book": "Sổ biên bản sinh hoạt chi bộ cả năm",
    "register": "Danh sách đảng viên",
    "superiors": "Báo cáo cấp ủy viên cấp trên dự sinh hoạt",
    "comments": "Phiếu nhận xét đảng viên nơi cư trú",
    "liaison": "Sổ theo dõi đảng viên nơi cư trú",
    "working-away": "Danh sách đảng viên đi làm ăn xa",
}
_LIST_FILES = {"liaison": "So-theo-doi-noi-cu-tru", "working-away": "Danh-sach-di-lam-an-xa",
               "register": "Danh-sach-dang-vien"}
_KIND_WORDS = {
    MeetingKind.REGULAR: "", MeetingKind.COMBINED: "", MeetingKind.THEMATIC: "chuyen-de-",
    MeetingKind.EXTRAORDINARY: "bat-thuong-", MeetingKind.COMMITTEE: "hop-chi-uy-",
}


def file_name(name: str, *, meeting: Meeting | None = None, year: int | None = None,
              on: date | None = None, period: tuple[date, date] | None = None,
              person: str = "") -> str:
    """A plain-ASCII file name the secretary recognises: "Bien-ban-thang-11-2026.pdf"."""
    if meeting is not None:
        d = meeting.date
        words = _KIND_WORDS.get(meeting.kind, "")
        when = (f"thang-{d.month}-{d.year}" if meeting.kind in (
            MeetingKind.REGULAR, MeetingKind.COMBINED, MeetingKind.THEMATIC)
            else f"ngay-{d.day:02d}-{d.month:02d}-{d.year}")
        if name == "minutes":
            return f"Bien-ban-{words}{when}.pdf"
        if name == "resolution":
            return f"Nghi-quyet-{words}{when}.pdf"
        if name == "attendance":
            return f"Danh-sach-du-hop-{d.day:02d}-{d.month:02d}-{d.year}.pdf"
    if name == "book":
        return f"So-bien-ban-nam-{year}.pdf"
    if name == "superiors" and period is not None:
        start, end = (d.strftime("%d-%m-%Y") for d in period)
        return f"Bao-cao-cap-tren-du-sinh-hoat-{start}-den-{end}.pdf"
    if name == "comments":
        who = "-".join(w.capitalize() for w in fold(person).split()) or "can-lam"
        return f"Phieu-nhan-xet-{year}-{who}.pdf"
    when_text = (on or date.today()).strftime("%d-%m-%Y")
    if name == "attendance":
        return f"Danh-sach-du-hop-{when_text}.pdf"
    return f"{_LIST_FILES.get(name, 'Danh-sach-dang-vien')}-{when_text}.pdf"


def open_preview(parent: QWidget, store: Store, name: str, *, meeting: Meeting | None = None,
                 year: int | None = None, on: date | None = None,
                 period: tuple[date, date] | None = None, liaison_id: int | None = None,
                 person: str = "", notify: Callable[..., None] = show_notice) -> QWidget | None:
    """Build the named document and open its preview (window-modal, no nested event loop).
    A ValidationError from collecting (no meetings that year …) becomes a notice."""
    from cellsec.reports.catalogue import build_document

    from ui.printing.preview import PrintPreviewDialog

    try:
        doc = build_document(store, name, meeting_id=meeting.id if meeting else None,
                             year=year, on=on, period=period, liaison_id=liaison_id)
    except ValidationError as err:
        notify(parent, "Không in được", str(err), warning=True)
        return None
    dialog = PrintPreviewDialog(doc, title=TITLES.get(name, name), parent=parent,
                                file_name=file_name(name, meeting=meeting, year=year, on=on,
                                                     period=period, person=person),
                                notify=notify)
    dialog.finished.connect(lambda *_: dialog.deleteLater())
    dialog.open()
    return dialog
