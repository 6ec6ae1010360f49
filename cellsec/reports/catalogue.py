"""Every printable document as data, one entry each: its key (the CLI's name for it), its title,
its builder, its file name, its page orientation and the warnings due before it is printed.
The CLI `render`, the app's print actions and the file names all read this one table (an
explicit list, like cellsec/spreadsheets/catalogue.py), so a new document is one entry here
plus its builder module. Builders are imported only when a document is built (ReportLab)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from cellsec.errors import ValidationError
from cellsec.reports import file_names
from cellsec.reports.request import Request
from cellsec.reports.template import Document
from cellsec.store import Store
from cellsec.store.facts import DEMO_NOTICE


@dataclass(frozen=True)
class PrintWarning:
    """Something the secretary must be told before the document is printed."""

    title: str
    text: str


@dataclass(frozen=True)
class DocumentSpec:
    key: str
    title: str  # the document's name (preview, CLI, PDF)
    build: Callable[[Document, Store, Request], Document]  # fills the blank page set-up
    file_name: Callable[[Store, Request], str]  # plain ASCII: "Bien-ban-thang-11-2026.pdf"
    landscape: bool = False  # A4 always; this is the orientation
    needs_meeting: bool = False  # the CLI asks for --meeting
    hint: str = ""  # what the CLI options mean for it
    warnings: Callable[[Store, Request], list[PrintWarning]] = lambda _s, _r: []


def _seal_warnings(store: Store, r: Request) -> list[PrintWarning]:
    """Approved minutes whose stored record no longer matches its seal (check_record)."""
    from cellsec.services.minutes_record import MISMATCH_TITLE, MISMATCH_WARNING, check_record

    if r.meeting_id is not None and check_record(store, r.meeting_id).ok is False:
        return [PrintWarning(MISMATCH_TITLE, MISMATCH_WARNING)]
    return []


# --- the builders (imported when used) ---------------------------------------------------------
def _minutes(_doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.minutes import minutes_document

    return minutes_document(store, r.meeting_id or 0)


def _resolution(_doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.resolution import resolution_document

    return resolution_document(store, r.meeting_id or 0)


def _attendance(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.attendance_sheet import attendance_sheet_document

    return attendance_sheet_document(doc, store, r.meeting_id, kind=r.kind, when=r.on)


def _book(_doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.minutes_book import minutes_book_document

    return minutes_book_document(store, r.the_year)


def _register(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.register_list import register_list_document

    return register_list_document(doc, store, r.on)


def _superiors(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.superior_report import superior_report_document

    start, end = r.period or (date(r.the_year, 1, 1), date(r.the_year, 12, 31))
    return superior_report_document(doc, store, start, end, today=r.today)


def _comments(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.liaison_reports import comment_sheets_document

    return comment_sheets_document(doc, store, r.the_year, r.liaison_id, today=r.today)


def _liaison(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.liaison_reports import liaison_register_document

    return liaison_register_document(doc, store, r.on)


def _working_away(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.liaison_reports import working_away_document

    return working_away_document(doc, store, r.on)


def _invitation(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.invitation import invitation_document

    return invitation_document(doc, store, r.meeting_id, per_member=r.per_member, today=r.today)


def _todo(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.todo_list import todo_list_document

    return todo_list_document(doc, store, r.on)


def _review_list(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.review_reports import review_list_document

    return review_list_document(doc, store, r.the_year, today=r.today)


def _review_report(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.review_reports import review_report_document

    return review_report_document(doc, store, r.the_year, today=r.today)


def _review_sheets(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.review_sheets import review_sheets_document

    return review_sheets_document(doc, store, r.the_year, today=r.today)


def _review_warnings(store: Store, r: Request) -> list[PrintWarning]:
    from cellsec.reports.review_reports import review_print_warnings

    return [PrintWarning(title, text) for title, text in review_print_warnings(store, r.the_year)]


def _candidates(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.growth_lists import candidates_document

    return candidates_document(doc, store, r.on)


def _badge_round(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.growth_lists import badge_round_document

    return badge_round_document(doc, store, r.on)


# --- growth documents (issue 16): resolutions proposing admission / recognition, helper's sheet
def _admission(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.growth_resolutions import admission_resolution_document

    return admission_resolution_document(doc, store, r.candidate_id)


def _recognition(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.growth_resolutions import recognition_resolution_document

    return recognition_resolution_document(doc, store, r.member_id, today=r.today)


def _helper_comment(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.growth_sheets import helper_comment_document

    return helper_comment_document(doc, store, r.member_id, today=r.today)


def _badge_declaration(doc: Document, store: Store, r: Request) -> Document:
    from cellsec.reports.growth_badges import badge_declarations_document

    return badge_declarations_document(doc, store, r.on, r.member_id, today=r.today)


def _growth_warnings(store: Store, r: Request) -> list[PrintWarning]:
    """An issued resolution whose kept content was edited; a vote the minutes contradict."""
    from cellsec.services.growth_records import (
        ADMISSION,
        RECOGNITION,
        resolution_record,
        seal_problem,
        vote_problem,
    )

    kind, record_id = (
        (ADMISSION, r.candidate_id) if r.candidate_id is not None else (RECOGNITION, r.member_id)
    )
    if record_id is None:
        return []
    out = []
    problem = seal_problem(store, kind, record_id)
    if problem:
        out.append(PrintWarning("Nghị quyết đã ban hành bị sửa", problem))
    try:
        vote = vote_problem(resolution_record(store, kind, record_id, r.today or date.today()))
    except ValidationError:
        vote = None  # the build itself says what is missing
    if vote:
        out.append(PrintWarning("Số phiếu không khớp biên bản", vote))
    return out


DOCUMENTS: dict[str, DocumentSpec] = {
    spec.key: spec
    for spec in (
        DocumentSpec(
            "minutes",
            "Biên bản sinh hoạt chi bộ",
            _minutes,
            file_names.minutes,
            needs_meeting=True,
            warnings=_seal_warnings,
        ),
        DocumentSpec(
            "resolution",
            "Nghị quyết",
            _resolution,
            file_names.resolution,
            needs_meeting=True,
            warnings=_seal_warnings,
        ),
        DocumentSpec(
            "attendance",
            "Danh sách đảng viên dự sinh hoạt",
            _attendance,
            file_names.attendance,
            hint="để ký; --meeting, hoặc trống theo --as-of",
        ),
        DocumentSpec("book", "Sổ biên bản sinh hoạt chi bộ cả năm", _book, file_names.book),
        DocumentSpec("register", "Danh sách đảng viên", _register, file_names.register, landscape=True),
        DocumentSpec(
            "superiors",
            "Báo cáo cấp ủy viên cấp trên dự sinh hoạt chi bộ",
            _superiors,
            file_names.superiors,
            landscape=True,
        ),
        DocumentSpec(
            "comments",
            "Phiếu nhận xét đảng viên nơi cư trú",
            _comments,
            file_names.comments,
            hint="một người: --liaison; không có: tất cả phiếu cần làm",
        ),
        DocumentSpec(
            "liaison",
            "Sổ theo dõi đảng viên giữ mối liên hệ nơi cư trú",
            _liaison,
            file_names.liaison,
            landscape=True,
        ),
        DocumentSpec(
            "working-away",
            "Danh sách đảng viên đi làm ăn xa",
            _working_away,
            file_names.working_away,
            landscape=True,
        ),
        DocumentSpec(
            "invitation",
            "Giấy mời dự sinh hoạt chi bộ",
            _invitation,
            file_names.invitation,
            hint="--meeting, hoặc để trống điền tay; --per-member: mỗi đảng viên một tờ",
        ),
        DocumentSpec("todo", "Việc cần làm", _todo, file_names.todo, hint="--as-of: ngày lập danh sách"),
        DocumentSpec(
            "review-list",
            "Danh sách kết quả kiểm điểm, xếp loại đảng viên",
            _review_list,
            file_names.review_list,
            landscape=True,
            hint="--year; kèm biên bản họp kiểm điểm",
            warnings=_review_warnings,
        ),
        DocumentSpec(
            "review-report",
            "Báo cáo kết quả kiểm điểm, đánh giá, xếp loại đảng viên",
            _review_report,
            file_names.review_report,
            hint="--year; gửi Đảng ủy xã",
            warnings=_review_warnings,
        ),
        DocumentSpec(
            "review-sheets",
            "Bản tự kiểm điểm đảng viên (Mẫu 2C)",
            _review_sheets,
            file_names.review_sheets,
            hint="--year; mỗi đảng viên được xếp loại một bản",
        ),
        DocumentSpec(
            "candidates",
            "Danh sách quần chúng ưu tú (nguồn phát triển đảng viên)",
            _candidates,
            file_names.candidates,
            landscape=True,
        ),
        DocumentSpec(
            "badge-round",
            "Danh sách đề nghị tặng Huy hiệu Đảng",
            _badge_round,
            file_names.badge_round,
            landscape=True,
            hint="--as-of: ngày trao hoặc trước đó (mặc định: đợt tới)",
        ),
        DocumentSpec(
            "admission-resolution",
            "Nghị quyết chi bộ đề nghị kết nạp đảng viên",
            _admission,
            file_names.admission_resolution,
            hint="--candidate: mã trong lệnh candidates; cấp số: lệnh issue-resolution",
            warnings=_growth_warnings,
        ),
        DocumentSpec(
            "recognition-resolution",
            "Nghị quyết đề nghị công nhận đảng viên chính thức",
            _recognition,
            file_names.recognition_resolution,
            hint="--member: đảng viên dự bị; cấp số: lệnh issue-resolution",
            warnings=_growth_warnings,
        ),
        DocumentSpec(
            "helper-comment",
            "Bản nhận xét đảng viên dự bị của đảng viên giúp đỡ",
            _helper_comment,
            file_names.helper_comment,
            hint="--member: đảng viên dự bị",
        ),
        DocumentSpec(
            "badge-declaration",
            "Bản khai tóm tắt quá trình hoạt động đề nghị tặng Huy hiệu Đảng",
            _badge_declaration,
            file_names.badge_declaration,
            hint="--as-of: đợt trao; --member: một đồng chí, không có: mọi người được đề nghị",
        ),
    )
}


def spec_of(key: str) -> DocumentSpec:
    spec = DOCUMENTS.get(key)
    if spec is None:
        raise ValidationError(f"Không có văn bản “{key}” để in.")
    return spec


def build_document(store: Store, key: str, **options: Any) -> Document:
    """Collect and build (not render) the document `key`; options are Request's fields."""
    spec = spec_of(key)
    doc = spec.build(Document(title=spec.title, landscape=spec.landscape), store, Request(**options))
    assert doc.landscape == spec.landscape, key  # the tables were sized for this page
    if store.facts.is_demo():
        doc.footer = DEMO_NOTICE  # every printout of the demo cell says it is made up
    return doc


def document_warnings(store: Store, key: str, **options: Any) -> list[PrintWarning]:
    spec = spec_of(key)
    return spec.warnings(store, Request(**options))


def document_file_name(store: Store, key: str, **options: Any) -> str:
    spec = spec_of(key)
    return spec.file_name(store, Request(**options))
