"""Import a member roll from a spreadsheet, step two: write the rows the user chose — all of
them in one transaction, or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError
from cellsec.services.member_form import search_text
from cellsec.services.members import rules_of
from cellsec.spreadsheets.importer import (
    ImportPreview,
    ImportRow,
    Progress,
    RowAction,
    duplicate_keys,
    recheck_row,
)
from cellsec.store import Store


@dataclass(frozen=True)
class RowChoice:
    """What to do with one row: include it (with corrected field texts, if any) or skip it."""

    include: bool
    values: Mapping[str, str] | None = None


@dataclass(frozen=True)
class ImportSummary:
    added: int
    skipped: int
    added_rows: tuple[int, ...]
    skipped_rows: tuple[int, ...]
    member_ids: tuple[int, ...]


def import_rows(
    store: Store,
    preview: ImportPreview,
    choices: Mapping[int, RowChoice | bool] | None = None,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> tuple[Changes, ImportSummary]:
    """Write the chosen rows — all of them in one transaction, or nothing.

    A row without a choice is included when the preview would add it. Every included row is
    validated again (with its corrections) and checked against the register as it is now;
    a row that still has a problem stops the whole import with a ValidationError naming it."""
    choices = choices or {}
    today = today or preview.today
    chosen: list[ImportRow] = []
    skipped: list[int] = []
    taken: set[tuple[str, ...]] = set()
    rules = rules_of(store)
    for r in preview.rows:
        choice = choices.get(r.row)
        if isinstance(choice, bool):
            choice = RowChoice(include=choice)
        include = choice.include if choice is not None else r.action is RowAction.ADD
        if not include:
            skipped.append(r.row)
            continue
        # File duplicates are judged below among the rows actually chosen.
        checked = recheck_row(
            store,
            preview,
            r.row,
            dict(choice.values or {}) if choice else {},
            today,
            rules=rules,
            in_file=False,
        )
        if checked.problems:
            p = checked.problems[0]
            raise ValidationError(
                f"Dòng {p.row}, cột “{p.column}”: {p.message} Chưa nhập dòng nào.", p.column, p.field
            )
        assert checked.member is not None
        keys = {key for _, key in duplicate_keys(checked.member)}
        register_dup = any(not d.in_file for d in checked.duplicates)
        if choice is None and (register_dup or keys & taken):
            skipped.append(r.row)  # became a duplicate since the preview: not without asking
            continue
        taken |= keys
        chosen.append(checked)
    member_ids: list[int] = []
    with store.transaction():
        for done, row in enumerate(chosen, start=1):
            assert row.member is not None
            member_id = store.members.insert(row.member, search_text(row.member))
            for event in row.events:
                store.members.insert_event(replace(event, member_id=member_id))
            member_ids.append(member_id)
            if progress:
                progress(done, len(chosen))
    summary = ImportSummary(
        added=len(chosen),
        skipped=len(skipped),
        added_rows=tuple(r.row for r in chosen),
        skipped_rows=tuple(skipped),
        member_ids=tuple(member_ids),
    )
    return Changes(members=bool(chosen), member_ids=frozenset(member_ids)), summary
