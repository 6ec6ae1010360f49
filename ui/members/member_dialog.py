"""Add or edit one member's record (tabs of fields, plus how a new member joined the cell)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from cellsec.dates import format_date
from cellsec.entities.changes import Changes
from cellsec.entities.members import MEMBER_DATE_FIELDS, Member
from cellsec.services.member_form import (
    MEMBER_LABELS,
    POLITICAL_THEORY_LEVELS,
    member_form,
    parse_member,
)
from cellsec.services.members import (
    add_member,
    entry_events,
    find_duplicates,
    rules_of,
    update_member,
)
from cellsec.store import Store

from ui.common.dialogs import ErrorBanner, ask_yes_no, button_box
from ui.common.editor_dialog import EditorDialog
from ui.common.form_fields import FormFields, combo, date_edit, form_layout, line_edit, memo
from ui.members.entry_section import EntrySection

TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Thông tin chính",
        (
            "full_name",
            "alias",
            "sex",
            "birth_date",
            "phone",
            "citizen_id",
            "party_card_no",
            "old_card_no",
            "lylich_no",
        ),
    ),
    (
        "Địa chỉ",
        (
            "birth_place",
            "hometown",
            "permanent_address",
            "permanent_commune",
            "permanent_province",
            "old_address",
            "temporary_address",
        ),
    ),
    (
        "Lý lịch",
        (
            "ethnicity",
            "religion",
            "occupation",
            "education",
            "qualification",
            "political_theory",
            "youth_union_date",
            "military_from",
            "military_to",
        ),
    ),
    ("Vào Đảng", ("ceremony_date", "admitting_cell", "introducer_1", "introducer_2")),
    ("Khác", ("rewards", "discipline_notes", "badges", "notes")),
)
_MEMOS = ("rewards", "discipline_notes", "badges", "notes")
PLACEHOLDERS = {
    "full_name": "Ví dụ: Nguyễn Văn An",
    "phone": "Ví dụ: 0912 345 678",
    "citizen_id": "12 chữ số",
    "party_card_no": "12 chữ số (thẻ mới)",
    "permanent_address": "Số nhà, thôn/xóm",
    "permanent_commune": "Ví dụ: Xã Thanh Sơn",
    "permanent_province": "Ví dụ: Tỉnh Phú Thọ",
    "education": "Ví dụ: 12/12",
    "admitting_cell": "Ví dụ: Chi bộ thôn Tân Hồng",
}
# The lifecycle check names the event kind; in this form that is the entry kind.
KEY_ALIASES = {"kind": "entry_kind"}
ENTRY_TAB = "Vào chi bộ"

Ask = Callable[[QWidget | None, str, str], bool]


def _field_widget(key: str) -> QWidget:
    if key == "sex":
        return combo((("Nam", None), ("Nữ", None)))
    if key == "political_theory":
        return combo(((level, None) for level in POLITICAL_THEORY_LEVELS), editable=True)
    if key in MEMBER_DATE_FIELDS:
        return date_edit()
    if key in _MEMOS:
        return memo()
    return line_edit(PLACEHOLDERS.get(key, ""))


class MemberDialog(EditorDialog):
    """New member when `member` is None, else an edit. After Lưu: `member_id` and `changes`."""

    def __init__(
        self,
        store: Store,
        member: Member | None = None,
        *,
        parent: QWidget | None = None,
        ask: Ask = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._member = member
        self._ask = ask
        self.member_id: int | None = member.id if member else None
        self.changes: Changes | None = None
        self.fields = FormFields()
        self.banner = ErrorBanner()
        self.tabs = QTabWidget()
        self.entry: EntrySection | None = None
        self.setWindowTitle(
            "Thêm đảng viên" if member is None else f"Sửa hồ sơ đảng viên — {member.full_name}"
        )
        self.setMinimumSize(680, 520)
        self.resize(760, 640)  # the main tab's nine fields fit without scrolling

        for title, keys in TABS:
            self.tabs.addTab(self._tab(keys), title)
        placed = {k for _, keys in TABS for k in keys}
        extra = [k for k in MEMBER_LABELS if k not in placed]
        if extra:  # a field the core adds later still gets a place in the form
            self.tabs.addTab(self._tab(tuple(extra)), "Thông tin thêm")
        if member is None:
            self.entry = EntrySection(self.fields)
            self.tabs.insertTab(1, self.entry, ENTRY_TAB)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.buttons = button_box(self)
        self.buttons.accepted.connect(self._on_save)
        layout.addWidget(self.buttons)

        # A new member starts from the record's defaults (dân tộc Kinh, tôn giáo Không, ...).
        self.fields.fill(member_form(member if member is not None else Member()))
        self.tabs.setCurrentIndex(0)
        self.fields["full_name"].setFocus()

    def _tab(self, keys: tuple[str, ...]) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        for key in keys:
            form.addRow(MEMBER_LABELS[key], self.fields.add(key, _field_widget(key)))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def saved_message(self) -> str:
        name = self.fields.text("full_name").strip()
        return f"Đã lưu hồ sơ đảng viên {name}." if name else super().saved_message()

    def edit_state(self) -> object:
        return self.member_values(), self.entry.values() if self.entry is not None else None

    def member_values(self) -> dict[str, str]:
        return self.fields.values(MEMBER_LABELS)

    def _on_save(self) -> None:
        # The attempt clears an earlier message: it would be read as the answer to this one (a
        # save the storage refuses is told by the app's refusal box, ui.crash, not this banner).
        form = self.member_values()
        with self.banner.attempt(self.fields, KEY_ALIASES) as tried:
            # Check everything before asking about duplicates, so the question comes last.
            member = parse_member(form, member_id=self.member_id)
            if self.entry is not None:
                entry_events(member, self.entry.values(), rules_of(self._store), date.today())
            if not self._confirm_duplicates(member):
                return
            if self.entry is not None:
                self.member_id, self.changes = add_member(self._store, form, self.entry.values())
            else:
                assert self.member_id is not None
                self.changes = update_member(self._store, self.member_id, form)
        if tried.failed:
            return
        self.accept()

    def _confirm_duplicates(self, member: Member) -> bool:
        others = find_duplicates(self._store, member)
        if not others:
            return True
        lines = []
        for other in others[:5]:
            born = f", sinh {format_date(other.birth_date)}" if other.birth_date else ""
            card = f", thẻ {other.party_card_no}" if other.party_card_no else ""
            lines.append(f"• {other.full_name}{born}{card}")
        if len(others) > 5:
            lines.append(f"… và {len(others) - 5} người khác")
        text = "Có thể trùng với:\n" + "\n".join(lines) + "\n\nVẫn lưu?"
        return self._ask(self, "Có thể trùng hồ sơ", text)
