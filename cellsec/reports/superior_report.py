"""Report on superior committee members attending the cell's meetings, for a period."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Spacer

from cellsec.dates import format_date, iso_date
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
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
from cellsec.services.profile import required_profile
from cellsec.services.report_numbers import IssuedNumber, blank_number
from cellsec.services.superior_report_record import Record, printed_record
from cellsec.services.superior_tally import REPORT_TYPE
from cellsec.store import Store
from cellsec.wording import sentence


def build_superior_report(
    r: Record, sheet: Sheet, width: float, on: date, number: IssuedNumber | None, blank: str
) -> list[Flowable]:
    """The report from its record (services.superior_report_record). `number` None: a draft,
    dated `on`, its number left blank (`blank`) for the hand."""
    profile = CellProfile(**r["header"])
    period = f"từ ngày {format_date(iso_date(r['start']))} đến ngày {format_date(iso_date(r['end']))}"
    header = (
        Header(profile, number.issued_on, number.text) if number is not None else Header(profile, on, blank)
    )
    story: list[Flowable] = [header_block(header, width, sheet)]
    if number is None:
        story.append(p("BẢN NHÁP — báo cáo chưa ban hành, chưa cấp số", "note", sheet))
    total, done, still_open = r["directions"]
    story += [
        *title_block("BÁO CÁO", "Kết quả cấp ủy viên cấp trên dự sinh hoạt chi bộ", sheet),
        p(sentence(f"Thời gian: {period}"), "body", sheet),
        p("I. TÌNH HÌNH CHUNG", "heading", sheet),
        p(f"- Số buổi sinh hoạt chi bộ đã tổ chức: {r['held']}.", "bullet", sheet),
        p(f"- Số buổi có cấp ủy viên cấp trên dự: {r['with_superior']}.", "bullet", sheet),
        p(
            f"- Số nội dung chỉ đạo: {total}; đã hoàn thành: {done}; "
            f"đang thực hiện hoặc chưa thực hiện: {still_open}.",
            "bullet",
            sheet,
        ),
        p("II. TỪNG ĐỒNG CHÍ CẤP ỦY VIÊN CẤP TRÊN", "heading", sheet),
    ]
    head = ["STT", "Họ và tên", "Chức vụ", "Cấp", "Số buổi dự", "Chỉ tiêu", "Ghi chú"]
    rows = [[i, *row] for i, row in enumerate(r["people"], start=1)]
    widths = fit_widths([14, 50, None, 38, 22, 20, 60], width)
    story.append(grid_table(head, rows, widths, sheet, center_cols=(0, 4, 5)))
    story.append(
        p(
            sentence(f"Chỉ tiêu tính theo thời gian của kỳ báo cáo; căn cứ: {r['target_source']}"),
            "note",
            sheet,
        )
    )
    story += [Spacer(1, 6), p("III. CÁC BUỔI SINH HOẠT", "heading", sheet)]
    rows = [[i, *row] for i, row in enumerate(r["meetings"], start=1)]
    widths = fit_widths([14, 27, 50, None, 30, None], width)
    story.append(
        grid_table(
            ["STT", "Ngày", "Loại", "Cấp ủy viên cấp trên dự", "Người theo dõi dự", "Đã thông báo"],
            rows,
            widths,
            sheet,
            center_cols=(0, 1, 4),
        )
    )
    if r["direction_rows"]:
        story += [Spacer(1, 6), p("IV. THỰC HIỆN Ý KIẾN CHỈ ĐẠO", "heading", sheet)]
        rows = [[i, *row] for i, row in enumerate(r["direction_rows"], start=1)]
        widths = fit_widths([14, 27, 40, None, 30, 27, 55], width)
        story.append(
            grid_table(
                ["STT", "Ngày", "Người chỉ đạo", "Nội dung", "Phụ trách", "Thời hạn", "Kết quả"],
                rows,
                widths,
                sheet,
                center_cols=(0, 1, 5),
            )
        )
    story.append(
        signature_row(
            None,
            cell_signature(profile.secretary),
            width,
            sheet,
            recipients=("Đảng ủy xã (b/c),", "Lưu chi bộ."),
        )
    )
    return story


def superior_report_document(
    doc: Document, store: Store, start: date, end: date, today: date | None = None
) -> Document:
    profile = required_profile(store)
    if end < start:
        raise ValidationError("Kỳ báo cáo: ngày kết thúc trước ngày bắt đầu.", "Kỳ báo cáo", "end")
    today = today or date.today()
    record, number = printed_record(store, start, end, today)
    doc.title += f" số {number.text}" if number else " (bản nháp)"
    doc.subject = profile.cell_name
    doc.story = build_superior_report(
        record, load_sheet(), frame_width(doc), today, number, blank_number(store, REPORT_TYPE)
    )
    return doc
