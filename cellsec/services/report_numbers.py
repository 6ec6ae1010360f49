"""Numbers of issued reports ("Số 03-BC/CB"), numbered per document type from 01 in each committee
term like resolutions. A report gets its number once, when the secretary issues it; printing the
same report again shows the same number and issue date. Until then it prints as a draft with
the number left blank for the hand."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from cellsec.codec.sealed_minutes import canonical_json, record_digest
from cellsec.errors import ValidationError
from cellsec.services.members import rules_of
from cellsec.services.profile import required_profile
from cellsec.store import Store


@dataclass(frozen=True)
class IssuedNumber:
    number: int
    type_code: str  # "BC"
    issuer: str  # "CB", as it was when the number was given
    term: str
    issued_on: date
    title: str  # names the report and its period: the report's identity

    @property
    def text(self) -> str:
        """ "03-BC/CB" (the header prints "Số 03-BC/CB")."""
        return f"{self.number:02d}-{self.type_code}/{self.issuer}"


def blank_number(store: Store, type_code: str) -> str:
    """What a draft prints: the number left blank, "    -BC/CB"."""
    return f"\u00a0\u00a0\u00a0\u00a0-{type_code}/{rules_of(store)['document_type_code_cell']}"


def issued_number(store: Store, type_code: str, title: str) -> IssuedNumber | None:
    """The number this report was issued with, in any term; None while it is a draft."""
    for row in store.meetings.document_numbers():
        if row["type_code"] == type_code and row["title"] == title and row["meeting_id"] is None:
            return IssuedNumber(
                int(str(row["number"])),
                type_code,
                str(row["issuer"]),
                str(row["term"]),
                date.fromisoformat(str(row["date"])),
                title,
            )
    return None


def issue_number(
    store: Store, type_code: str, title: str, when: date, record: Mapping[str, Any] | None = None
) -> tuple[IssuedNumber, bool]:
    """Give the report the next number of its type in the current term (one transaction), and
    say whether it is new. With `record` (what the report prints, as plain data), the content is
    kept as issued in the same transaction: `issued_record` gives it back for every later print.
    A report that already has a number keeps it (and its content); nothing is written."""
    existing = issued_number(store, type_code, title)
    if existing is not None:
        return existing, False
    with store.transaction():
        number = assign_next_number(store, type_code, title, when)
        if record is not None:
            keep_issued(store, type_code, title, record)
    return number, True


def assign_next_number(store: Store, type_code: str, title: str, when: date) -> IssuedNumber:
    """Inside the caller's transaction: the next number of the type in the current term, with
    the cell's issuer code, given to the report `title`."""
    term = required_profile(store).term_label or ""
    issuer = str(rules_of(store)["document_type_code_cell"])
    number = store.meetings.next_number(type_code, term)
    store.meetings.assign_number(type_code, term, number, None, when, title, issuer)
    return IssuedNumber(number, type_code, issuer, term, when, title)


def keep_issued(store: Store, type_code: str, title: str, record: Mapping[str, Any]) -> None:
    """Inside the caller's transaction: the content as issued, with its digest (issued_record
    gives it back)."""
    store.issued.add(type_code, title, canonical_json(record), record_digest(dict(record)))


def issued_record(store: Store, type_code: str, title: str) -> dict[str, Any] | None:
    """The content an issued report was issued with; None for a draft or a report issued before
    the content was kept. A content that no longer matches its digest (the file was edited
    outside the app) is refused rather than printed as if it were the issued one."""
    row = store.issued.get(type_code, title)
    if row is None:
        return None
    try:
        record = json.loads(row.record_json)
    except ValueError:
        record = None
    if not isinstance(record, dict) or record_digest(record) != row.digest:
        raise ValidationError(
            f"Nội dung đã ban hành của “{title}” bị sửa ngoài chương trình (không khớp dấu kiểm): "
            "không in được bản này; hãy khôi phục từ bản sao lưu."
        )
    return record
