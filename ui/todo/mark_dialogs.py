"""The two decisions a secretary records about a due item: done elsewhere, postponed (with the
new day and the reason); each a small form over one service call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from cellsec.dates import format_date
from cellsec.entities.due import DueItem
from cellsec.services.due import mark_done, postpone
from cellsec.store import Store

from ui.common.form_dialog import FormDialog
from ui.common.form_fields import date_edit, line_edit


def _intro(item: DueItem) -> str:
    who = f" — {item.who}" if item.who else ""
    return f"{item.what}{who} (hạn {format_date(item.due)})"


def done_dialog(
    store: Store, item: DueItem, today: Callable[[], date], parent: QWidget | None = None
) -> FormDialog:
    return FormDialog(
        "Đã làm xong",
        _intro(item),
        [("reason", "Ghi chú (nếu có):", line_edit("Ví dụ: đã làm trên Sổ tay đảng viên điện tử"))],
        lambda v: mark_done(store, item.key, today(), v["reason"]),
        accept_text="Đã làm xong",
        parent=parent,
    )


def postpone_dialog(
    store: Store, item: DueItem, today: Callable[[], date], parent: QWidget | None = None
) -> FormDialog:
    return FormDialog(
        "Hoãn việc",
        _intro(item),
        [
            ("until", "Hoãn đến ngày:", date_edit()),
            ("reason", "Lý do hoãn:", line_edit("Ví dụ: chờ ý kiến Đảng ủy xã")),
        ],
        lambda v: postpone(store, item.key, v["until"], v["reason"], today()),
        accept_text="Hoãn",
        parent=parent,
    )
