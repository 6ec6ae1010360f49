"""The year-end review's documents (HD 36 layout), built from the year's record (sealed once
decided): the results table for the review meeting's minutes (danh sách đề nghị xếp loại /
kết quả xếp loại) and the report to the Đảng ủy xã with the statistics (Số …-BC/CB)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from cellsec.entities.profile import CellProfile
from cellsec.entities.review import Level
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
from cellsec.rules.review_stats import count_text, percent_text, published_text
from cellsec.services.report_numbers import blank_number
from cellsec.services.review_record import (
    Record,
    basis,
    is_locked,
    label_of,
    labels_of,
    record_statistics,
    require_record,
    review_record,
    seal_problem,
    warnings,
)
from cellsec.services.review_report import REPORT_TYPE, report_number, report_record
from cellsec.services.review_rows import left_out_rows, rated_rows
from cellsec.store import Store
from cellsec.wording import sentence


def _profile(record: Record) -> CellProfile:
    h = record["header"]
    return CellProfile(h["cell_name"], h["superior_name"], h["place_name"], h["secretary"])


def _which(record: Record) -> tuple[str, str]:
    """The level the document reports and its column title."""
    return (
        ("decided_level", "Đảng ủy quyết định")
        if basis(record) == "decided"
        else ("proposed_level", "chi bộ đề nghị")
    )


def results_table(record: Record, sheet: Sheet, width: float) -> list[Flowable]:
    """Every member rated with the self level, score, the cell's proposal and the decision."""
    head = [
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Đảng viên",
        "Tự nhận",
        "Điểm",
        "Chi bộ đề nghị",
        "Đảng ủy quyết định",
    ]
    rows: list[list[Any]] = [
        [
            r.number,
            r.name,
            r.birth_year or "",
            r.standing,
            r.self_level,
            "" if r.score is None else r.score,
            r.proposed_level,
            r.decided_level,
        ]
        for r in rated_rows(record)
    ]
    widths = fit_widths([14, 52, 18, 22, None, 14, None, None], width)
    story: list[Flowable] = [grid_table(head, rows, widths, sheet, center_cols=(0, 2, 5))]
    if record["excluded"]:
        story += [
            Spacer(1, 6),
            p("Đảng viên không xếp loại:", "body", sheet),
            *[p(f"- {r.name}: {r.reason}.", "bullet", sheet) for r in left_out_rows(record)],
        ]
    return story


def statistics_table(record: Record, sheet: Sheet, width: float) -> list[Flowable]:
    """Per level the count and its share of the members rated; the excellent ones also as a
    share of the "good" ones (which include them), as the superiors publish them."""
    stats = record_statistics(record)
    labels = labels_of(record)
    ex = stats.figure(Level.EXCELLENT)
    rows: list[list[Any]] = [
        [
            "1",
            labels[Level.GOOD] + " (kể cả hoàn thành xuất sắc)",
            count_text(stats.good_or_better),
            percent_text(stats.good_or_better_share),
        ],
        [
            "",
            f"Trong đó: {labels[Level.EXCELLENT].lower()}",
            count_text(ex.count),
            f"{percent_text(ex.share)} ({percent_text(stats.excellent_of_good)} số hoàn thành tốt)",
        ],
    ]
    for n, level in enumerate((Level.COMPLETED, Level.NOT_COMPLETED), start=2):
        f = stats.figure(level)
        rows.append([str(n), labels[level], count_text(f.count), percent_text(f.share)])
    rows.append(
        ["", "Tổng số đảng viên được xếp loại", count_text(stats.rated), "100 %" if stats.rated else "—"]
    )
    widths = fit_widths([14, None, 26, 62], width)
    story: list[Flowable] = [
        grid_table(
            ["STT", "Mức xếp loại", "Số đảng viên", "Tỷ lệ (so với số được xếp loại)"],
            rows,
            widths,
            sheet,
            center_cols=(0, 2, 3),
        ),
        Spacer(1, 4),
    ]
    note = "Tỷ lệ làm tròn đến hai chữ số thập phân (từ 5 trở lên làm tròn lên)."
    if stats.rounding_note:
        note += " " + stats.rounding_note
    story.append(p(note, "note", sheet))
    return story


def build_review_list(record: Record, sheet: Sheet, width: float, on: date) -> list[Flowable]:
    profile = _profile(record)
    year = record["year"]
    _, who = _which(record)
    story: list[Flowable] = [
        header_block(Header(profile, on), width, sheet),
        *title_block(
            "DANH SÁCH", f"Kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year}", sheet
        ),
        p(sentence(f"Mức xếp loại tổng hợp theo: {who}"), "note", sheet),
        *results_table(record, sheet, width),
        Spacer(1, 6),
        p(published_text(record_statistics(record), labels_of(record)), "body", sheet),
        _signed(profile.secretary, width, sheet),
    ]
    return story


def _signed(secretary: str, width: float, sheet: Sheet) -> Flowable:
    """The cell's signature, sent to the Đảng ủy xã and kept by the cell."""
    return signature_row(
        None, cell_signature(secretary), width, sheet, recipients=("Đảng ủy xã (b/c),", "Lưu chi bộ.")
    )


def build_review_report(record: Record, sheet: Sheet, width: float, on: date, number: str) -> list[Flowable]:
    profile = _profile(record)
    year, r = record["year"], record["review"]
    rated, left = len(record["members"]), len(record["excluded"])
    _, who = _which(record)
    story: list[Flowable] = [
        header_block(Header(profile, on, number), width, sheet),
        *title_block(
            "BÁO CÁO", f"Kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year}", sheet
        ),
        p("I. TÌNH HÌNH CHUNG", "heading", sheet),
        p(f"- Tổng số đảng viên phải kiểm điểm, xếp loại: {count_text(rated)} đồng chí.", "bullet", sheet),
        p(
            f"- Đảng viên không xếp loại: {count_text(left)} đồng chí"
            + (": " + "; ".join(f"{m['name']} ({m['reason']})" for m in record["excluded"]) if left else "")
            + ".",
            "bullet",
            sheet,
        ),
    ]
    if r["meeting_date"]:
        day = date.fromisoformat(r["meeting_date"]).strftime("%d/%m/%Y")
        story.append(p(f"- Chi bộ họp kiểm điểm, đánh giá, xếp loại ngày {day}.", "bullet", sheet))
    story += [
        p(f"II. KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN (theo mức {who})", "heading", sheet),
        *statistics_table(record, sheet, width),
        p(published_text(record_statistics(record), labels_of(record)), "body", sheet),
        p("III. CHI BỘ TỰ ĐÁNH GIÁ, XẾP LOẠI", "heading", sheet),
        p(
            sentence("Chi bộ tự đánh giá: " + (label_of(record, r["cell_proposed_level"]) or "chưa ghi")),
            "body",
            sheet,
        ),
    ]
    if r["cell_decided_level"]:
        story.append(
            p(
                sentence(
                    f"Đảng ủy xếp loại chi bộ: {label_of(record, r['cell_decided_level'])} "
                    f"({r['decision_ref']})"
                ),
                "body",
                sheet,
            )
        )
    story.append(_signed(profile.secretary, width, sheet))
    return story


def review_list_document(doc: Document, store: Store, year: int, today: date | None = None) -> Document:
    record = require_record(store, year)
    doc.subject = record["header"]["cell_name"]
    doc.title += f" năm {year}"
    doc.story = build_review_list(record, load_sheet(), frame_width(doc), today or date.today())
    return doc


def review_report_document(doc: Document, store: Store, year: int, today: date | None = None) -> Document:
    record = report_record(store, year)  # once issued: what it was issued with
    issued = report_number(store, year)
    on = issued.issued_on if issued else (today or date.today())
    number = issued.text if issued else blank_number(store, REPORT_TYPE)
    doc.subject = record["header"]["cell_name"]
    doc.title += f" năm {year}" + (f" số {issued.text}" if issued else " (bản nháp)")
    story = build_review_report(record, load_sheet(), frame_width(doc), on, number)
    if issued is None:
        story.insert(1, p("BẢN NHÁP — báo cáo chưa ban hành, chưa cấp số", "note", load_sheet()))
    doc.story = story
    return doc


def review_print_warnings(store: Store, year: int) -> list[tuple[str, str]]:
    """Before printing: a decided year whose record no longer matches its seal; an open year's
    warnings (the excellent cap, missing self-reviews, proposals above what is allowed)."""
    problem = seal_problem(store, year)
    if problem:
        return [("Kết quả đã chốt không khớp", problem)]
    record = review_record(store, year)
    if record is None or is_locked(store, year):
        return []
    return [("Lưu ý trước khi in", w) for w in warnings(record)]
