"""Test data builders for core and GUI tests: members, meetings and rolls.

Members and meetings go into the file through the services, as an earlier session of the app
would have put them there (same validation, same transaction); rolls are plain entities for the
pure counting rules. Every name is synthetic.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from cellsec.entities.meetings import Mark, MeetingKind, RollEntry
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.members import add_member
from cellsec.store import Store

TODAY = date(2026, 11, 22)


def member_form(**overrides: str) -> dict[str, str]:
    """A member's form as the dialog passes it (plain text); the defaults are valid."""
    form = {
        "full_name": "Nguyễn Văn Đức",
        "sex": "Nam",
        "birth_date": "19/08/1988",
        "citizen_id": "025088001234",
        "party_card_no": "012345678901",
        "phone": "0912 345 678",
    }
    form.update(overrides)
    return form


def entry_form(**overrides: str) -> dict[str, str]:
    """How the member joined the cell: admitted 03/02/2014, full member from 20/02/2015."""
    form = {"entry_kind": "admitted", "admission_date": "03/02/2014", "official_date": "20/02/2015"}
    form.update(overrides)
    return form


def member(
    store: Store,
    name: str = "Nguyễn Văn Đức",
    born: str = "19/08/1988",
    *,
    admitted: str = "03/02/2014",
    official: str = "20/02/2015",
    today: date | None = TODAY,
    **fields: str,
) -> int:
    """Put one member in the file (only the fields given besides name and birth); their id."""
    form = {"full_name": name, "sex": fields.pop("sex", "Nam"), "birth_date": born, **fields}
    member_id, _ = add_member(
        store, form, entry_form(admission_date=admitted, official_date=official), today=today
    )
    return member_id


def numbered_member(store: Store, n: int, today: date = TODAY) -> int:
    """The n-th of a crowd: its own name, citizen id and card number (no duplicate question)."""
    name = f"Lê Thị {chr(ord('A') + n % 26)}{'a' * (n // 26 + 1)}"
    member_id, _ = add_member(
        store,
        member_form(full_name=name, citizen_id=f"02508800{n:04d}", party_card_no=f"01234567{n:04d}"),
        entry_form(),
        today=today,
    )
    return member_id


def meeting(store: Store, when: date, kind: MeetingKind = MeetingKind.REGULAR, **fields: Any) -> int:
    """A saved draft as the app prepares it (roll from the register on `when`), with `fields`
    changed; its id."""
    draft = new_meeting(store, kind, when)
    meeting_id, _ = save_meeting(store, replace(draft, **fields))
    return meeting_id


class RollBuilder:
    """A roll entry by entry, numbered from 1: `add("full", Mark.ABSENT_REASON, reason="Ốm")`."""

    def __init__(self) -> None:
        self.entries: list[RollEntry] = []

    def add(
        self, category: str = "full", mark: Mark = Mark.PRESENT, count: int = 1, **flags: Any
    ) -> RollBuilder:
        for _ in range(count):
            n = len(self.entries) + 1
            self.entries.append(
                RollEntry(member_id=n, name=f"Đảng viên {n}", category=category, mark=mark, **flags)
            )
        return self
