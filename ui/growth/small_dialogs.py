"""The growth page's one-step forms: the ceremony, a probationer's helper, a failed review, a
badge received, an early or posthumous badge proposal — each one service call on Lưu."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QWidget

from cellsec.dates import format_date
from cellsec.services import badges, candidates, probation
from cellsec.store import Store

from ui.common.form_dialog import FormDialog
from ui.common.form_fields import combo, date_edit, line_edit, memo


def ceremony_dialog(
    store: Store, candidate_id: int, name: str, today: date, parent: QWidget | None = None
) -> FormDialog:
    return FormDialog(
        "Ghi lễ kết nạp",
        f"Lễ kết nạp đồng chí {name}: lưu sẽ đưa vào sổ đảng viên (dự bị từ ngày quyết định kết nạp).",
        [("ceremony_date", "Ngày lễ kết nạp", date_edit())],
        lambda values: candidates.record_ceremony(store, candidate_id, values)[1],
        values={"ceremony_date": format_date(today)},
        parent=parent,
    )


def helper_dialog(
    store: Store,
    member_id: int,
    name: str,
    helpers: Sequence[tuple[str, int]],
    today: date,
    parent: QWidget | None = None,
) -> FormDialog:
    return FormDialog(
        "Phân công đảng viên giúp đỡ",
        f"Đảng viên dự bị: {name}",
        [
            ("helper_id", "Đảng viên giúp đỡ", combo([("(chọn)", ""), *((n, str(i)) for n, i in helpers)])),
            ("assigned_on", "Ngày phân công", date_edit()),
            ("note", "Ghi chú", line_edit()),
        ],
        lambda values: probation.assign_helper(store, member_id, values),
        values={"assigned_on": format_date(today)},
        parent=parent,
    )


def failed_review_dialog(
    store: Store, member_id: int, name: str, outcome: str, parent: QWidget | None = None
) -> FormDialog:
    return FormDialog(
        "Không công nhận đảng viên chính thức",
        f"{name}: theo quy định — {outcome}. Ghi quyết định của cấp có thẩm quyền.",
        [
            ("date", "Ngày quyết định", date_edit()),
            ("decision_ref", "Số quyết định", line_edit()),
            ("note", "Ghi chú", memo(lines=2)),
        ],
        lambda values: probation.record_failed_review(store, member_id, values),
        accept_text="Ghi",
        parent=parent,
    )


def award_dialog(
    store: Store, member_id: int, name: str, milestone: int, parent: QWidget | None = None
) -> FormDialog:
    return FormDialog(
        "Ghi nhận Huy hiệu Đảng đã nhận",
        f"Đồng chí {name}",
        [
            ("milestone", "Huy hiệu (số năm tuổi đảng)", line_edit()),
            ("date", "Ngày trao", date_edit()),
            ("decision_ref", "Số quyết định", line_edit()),
        ],
        lambda values: badges.record_award(store, member_id, values),
        values={"milestone": str(milestone)},
        aliases={"detail": "milestone"},
        parent=parent,
    )


def choice_dialog(
    store: Store, basis: str, people: Sequence[tuple[str, int]], parent: QWidget | None = None
) -> FormDialog:
    title = badges.CHOICE_BASES[basis]
    return FormDialog(
        f"Đề nghị Huy hiệu Đảng — {title.lower()}",
        "Ghi lựa chọn của chi bộ; danh sách các đợt trao tính theo lựa chọn này.",
        [
            ("member_id", "Đảng viên", combo([("(chọn)", ""), *((n, str(i)) for n, i in people)])),
            ("note", "Căn cứ (bệnh án, giấy báo tử …)", memo(lines=2)),
        ],
        lambda values: badges.record_choice(store, values["member_id"], basis, values["note"]),
        accept_text="Ghi",
        parent=parent,
    )


def recognition_dialog(store: Store, member_id: int, name: str, parent: QWidget | None = None) -> FormDialog:
    return FormDialog(
        "Công nhận đảng viên chính thức",
        f"{name}: ghi kết quả chi bộ họp xét (ít nhất 2/3 đảng viên chính thức tán thành) và quyết định "
        "công nhận của Đảng ủy.",
        [
            ("votes_entitled", "Số đảng viên chính thức", line_edit("số")),
            ("votes_for", "Số tán thành", line_edit("số")),
            ("date", "Ngày quyết định công nhận", date_edit()),
            ("decision_ref", "Số quyết định", line_edit()),
        ],
        lambda values: probation.record_recognition(store, member_id, values),
        accept_text="Ghi",
        parent=parent,
    )
