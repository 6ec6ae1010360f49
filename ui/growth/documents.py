"""The growth page's documents: the cell's resolutions proposing admission and recognition (print,
issue with a number), the helper's comment sheet — each one catalogue entry through the one print
action; issuing is one service call through run_operation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from cellsec.services.growth_records import ADMISSION, RECOGNITION, issue_resolution

from ui.printing import actions as printing


class GrowthPage(Protocol):
    """What these actions use of the growth page (ui.growth.page imports this module)."""

    store: Any
    preview: Any
    active_dialog: Any
    today: Callable[[], date]
    notify: Callable[..., None]
    ask: Callable[..., bool]

    def selected_candidate(self) -> Any: ...
    def selected_probationer(self) -> Any: ...
    def selected_badge_row(self) -> Any: ...
    def current_round(self) -> date | None: ...
    def run_operation(self, op: Callable[[], Any], failure_title: str) -> Any: ...


__all__ = [
    "ADMISSION",
    "RECOGNITION",
    "issue",
    "print_admission",
    "print_declarations",
    "print_helper_comment",
    "print_recognition",
]

ISSUE_TIP = "Cấp số nghị quyết (…-NQ) và lưu nguyên bản ban hành: in lại sau này vẫn đúng như vậy"
ISSUE_QUESTION = (
    "Ban hành nghị quyết {what}?\n\nNghị quyết được cấp số tiếp theo (…-NQ) của nhiệm kỳ (hoặc giữ số "
    "chi bộ đã ghi) và được lưu nguyên như lúc ban hành: in lại sau này vẫn đúng như vậy, kể cả khi "
    "sửa tên hay thông tin chi bộ. Số đã cấp không dùng lại."
)


def open_document(page: GrowthPage, key: str, **options: object) -> None:
    """The preview of a growth document, kept as the page's active dialog (tests reach it)."""
    page.preview = printing.open_preview(page, page.store, key, notify=page.notify, **options)
    page.active_dialog = page.preview


def print_admission(page: GrowthPage) -> None:
    row = page.selected_candidate()
    if row is not None and row.candidate.id is not None:
        open_document(page, "admission-resolution", candidate_id=row.candidate.id)


def print_recognition(page: GrowthPage, member_id: int | None = None) -> None:
    if member_id is None:
        row = page.selected_probationer()
        member_id = row.member.id if row is not None else None
    if member_id is not None:
        open_document(page, "recognition-resolution", member_id=member_id, today=page.today())


def print_helper_comment(page: GrowthPage) -> None:
    row = page.selected_probationer()
    if row is not None and row.member.id is not None:
        open_document(page, "helper-comment", member_id=row.member.id, today=page.today())


def print_declarations(page: GrowthPage, one: bool) -> None:
    """The badge declarations of the round shown: the selected member's, or everyone's proposed."""
    award = page.current_round()
    if award is None:
        return
    if not one:
        open_document(page, "badge-declaration", on=award, today=page.today())
        return
    row = page.selected_badge_row()
    if row is not None and row.member.id is not None:
        open_document(page, "badge-declaration", on=award, member_id=row.member.id, today=page.today())


def issue(page: GrowthPage, kind: str) -> None:
    """Issue the selected candidate's (or probationer's) resolution, then show it."""
    if kind == ADMISSION:
        row = page.selected_candidate()
        record_id = row.candidate.id if row is not None else None
        what = f"đề nghị kết nạp quần chúng {row.candidate.full_name}" if row else ""
    else:
        prob = page.selected_probationer()
        record_id = prob.member.id if prob is not None else None
        what = f"đề nghị công nhận đảng viên chính thức cho đồng chí {prob.member.full_name}" if prob else ""
    if record_id is None or not page.ask(page, "Ban hành nghị quyết", ISSUE_QUESTION.format(what=what)):
        return
    issued = page.run_operation(
        lambda: issue_resolution(page.store, kind, record_id, page.today()), "Không ban hành được"
    )
    if issued is None:
        return
    if kind == ADMISSION:
        open_document(page, "admission-resolution", candidate_id=record_id)
    else:
        print_recognition(page, record_id)


def after_recognition(page: GrowthPage, member_id: int) -> None:
    """Once the recognition is recorded (the vote with it), offer its resolution to print."""
    if page.ask(
        page,
        "In nghị quyết",
        "Đã ghi công nhận đảng viên chính thức. In nghị quyết chi bộ đề nghị công nhận "
        "(có kết quả biểu quyết)?",
    ):
        print_recognition(page, member_id)
