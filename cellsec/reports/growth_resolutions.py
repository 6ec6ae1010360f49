"""The cell's growth resolutions (HD 36): the resolution proposing a candidate's admission and the
one proposing a probationer's recognition as full member, printed from their record (as issued,
or the draft, its number and any vote not entered left blank for the hand)."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from cellsec.dates import iso_date
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
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
from cellsec.services.candidates import PERSON_LABELS
from cellsec.services.growth_records import ADMISSION, RECOGNITION, Record, resolution_record
from cellsec.store import Store

BLANK = "………"
_BASIS = (
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;",
)
# The candidate's particulars printed, in the order of the member form (labels from it), a
# line each pair.
_PARTICULARS = (
    ("full_name", "sex", "birth_date"),
    ("hometown", "permanent_address"),
    ("ethnicity", "religion"),
    ("education", "occupation"),
    ("youth_union_date",),
)
_RECIPIENTS = ("Đảng ủy xã (b/c),", "Lưu chi bộ.")


def _figure(value: object) -> str:
    return BLANK if value is None or value == "" else str(value)


def _particular(key: str, index: int, person: dict[str, str]) -> str:
    label = PERSON_LABELS[key]
    return f"{label if index == 0 else label[0].lower() + label[1:]}: {person.get(key) or BLANK}"


def profile_of(record: Record) -> CellProfile:
    h = record["header"]
    return CellProfile(h["cell_name"], h["superior_name"], h["place_name"], h["secretary"])


def _vote_lines(record: Record, what: str, sheet: Sheet) -> list[Flowable]:
    v = record["vote"]
    return [
        p(
            "Tổng số đảng viên chính thức của chi bộ có quyền biểu quyết: "
            f"{_figure(v['entitled'])} đồng chí;",
            "bullet",
            sheet,
        ),
        p(f"Số đảng viên chính thức có mặt: {_figure(v['present'])} đồng chí;", "bullet", sheet),
        p(
            f"Số đồng chí tán thành {what}: {_figure(v['in_favour'])} đồng chí, "
            f"đạt {v['percent'] or BLANK} so với tổng số đảng viên chính thức (cần {v['needed']}).",
            "bullet",
            sheet,
        ),
    ]


def _opening(record: Record, summary: str, sheet: Sheet, width: float) -> list[Flowable]:
    profile = profile_of(record)
    number = record["number"] or record["blank_number"]
    story: list[Flowable] = [header_block(Header(profile, iso_date(record["date"]), number), width, sheet)]
    if not record["issued"] and not record.get("numbered"):
        story.append(p("BẢN NHÁP — nghị quyết chưa ban hành", "note", sheet))
    story += [*title_block("NGHỊ QUYẾT", summary, sheet), *[p(line, "body", sheet) for line in _BASIS]]
    return story


def build_admission(record: Record, sheet: Sheet, width: float) -> list[Flowable]:
    name = record["full_name"]
    person = record["person"]
    story = _opening(record, f"Đề nghị kết nạp quần chúng {name} vào Đảng", sheet, width)
    story += [
        p(
            f"Xét đơn xin vào Đảng của quần chúng {name}"
            + (f" (ngày {record['application_date']})" if record["application_date"] else "")
            + ", lý lịch người xin vào Đảng, kết quả thẩm tra lý lịch và ý kiến của người giới thiệu,",
            "body",
            sheet,
        ),
        p(f"Chi bộ đã họp xét, biểu quyết đề nghị kết nạp quần chúng {name} vào Đảng:", "body", sheet),
        *_vote_lines(record, "kết nạp", sheet),
        p(f"{profile_of(record).cell_name.upper()} QUYẾT NGHỊ:", "heading", sheet),
        p(
            f"1. Đề nghị Đảng ủy xem xét, kết nạp quần chúng {name} vào Đảng Cộng sản Việt Nam.",
            "body",
            sheet,
        ),
        p("Sơ lược lý lịch người được đề nghị kết nạp:", "lead_in", sheet),
    ]
    story += [
        p("- " + "; ".join(_particular(k, i, person) for i, k in enumerate(keys)), "bullet", sheet)
        for keys in _PARTICULARS
    ]
    course = record["course_date"]
    certificate = f", số {record['course_certificate_no']}" if record["course_certificate_no"] else ""
    story += [
        p(
            "- Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng: "
            + (f"cấp ngày {course}{certificate}" if course else BLANK),
            "bullet",
            sheet,
        ),
        p(f"- Người giới thiệu: {', '.join(record['introducers']) or BLANK}", "bullet", sheet),
        p(
            "2. Chi ủy (bí thư) chi bộ hoàn chỉnh hồ sơ, báo cáo Đảng ủy; khi có quyết định kết nạp, "
            "tổ chức lễ kết nạp theo quy định.",
            "body",
            sheet,
        ),
        signature_row(
            None, cell_signature(profile_of(record).secretary), width, sheet, recipients=_RECIPIENTS
        ),
    ]
    return story


def build_recognition(record: Record, sheet: Sheet, width: float) -> list[Flowable]:
    name = record["full_name"]
    helper = f" (đồng chí {record['helper']})" if record["helper"] else ""
    story = _opening(record, f"Đề nghị công nhận đảng viên chính thức cho đồng chí {name}", sheet, width)
    story += [
        p(
            f"Xét bản tự kiểm điểm của đảng viên dự bị {name}, ý kiến nhận xét của đảng viên được phân "
            f"công giúp đỡ{helper}"
            " và của các đoàn thể chính trị — xã hội nơi làm việc, nơi cư trú,",
            "body",
            sheet,
        ),
        p(
            f"Chi bộ đã họp xét, biểu quyết đề nghị công nhận đồng chí {name} là đảng viên chính thức:",
            "body",
            sheet,
        ),
        *_vote_lines(record, "công nhận", sheet),
        p(f"{profile_of(record).cell_name.upper()} QUYẾT NGHỊ:", "heading", sheet),
        p(
            f"1. Đề nghị Đảng ủy xem xét, công nhận đồng chí {name}"
            + (f", sinh ngày {record['birth_date']}" if record["birth_date"] else "")
            + f", được kết nạp vào Đảng ngày {record['admitted']}, là đảng viên chính thức "
            f"(hết thời gian dự bị ngày {record['probation_ends']}).",
            "body",
            sheet,
        ),
        p("2. Chi ủy (bí thư) chi bộ hoàn chỉnh hồ sơ, báo cáo Đảng ủy theo quy định.", "body", sheet),
        signature_row(
            None, cell_signature(profile_of(record).secretary), width, sheet, recipients=_RECIPIENTS
        ),
    ]
    return story


def _fill(doc: Document, record: Record, story: list[Flowable]) -> Document:
    numbered = record["issued"] or record.get("numbered")
    doc.title += f" số {record['number']}" if numbered else " (bản nháp)"
    doc.subject = record["header"]["cell_name"]
    doc.story = story
    return doc


def admission_resolution_document(doc: Document, store: Store, candidate_id: int | None) -> Document:
    if candidate_id is None:
        raise ValidationError("Nghị quyết đề nghị kết nạp: cần chọn một quần chúng (--candidate).")
    record = resolution_record(store, ADMISSION, candidate_id, date.today())
    return _fill(doc, record, build_admission(record, load_sheet(), frame_width(doc)))


def recognition_resolution_document(
    doc: Document, store: Store, member_id: int | None, today: date | None = None
) -> Document:
    if member_id is None:
        raise ValidationError("Nghị quyết đề nghị công nhận: cần chọn một đảng viên (--member).")
    record = resolution_record(store, RECOGNITION, member_id, today or date.today())
    return _fill(doc, record, build_recognition(record, load_sheet(), frame_width(doc)))
