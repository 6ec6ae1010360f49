"""Candidates, probation helpers and badge choices in the whole-cell JSON export and import: a
candidate travels as the form the dialog edits, and comes back through the same checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from cellsec.entities.growth import BadgeChoice, ProbationHelper
from cellsec.errors import ValidationError
from cellsec.rules.badges import Basis
from cellsec.services import import_values as v
from cellsec.services.candidates import STAGE_FORM_LABELS, candidate_form, parse_candidate
from cellsec.store import Store

_MEMBER_REFS = ("introducer_1_id", "introducer_2_id")


def export_growth(store: Store) -> dict[str, list[dict[str, Any]]]:
    return {
        "candidates": [
            {
                "form": candidate_form(c),
                "ceremony_date": c.ceremony_date.isoformat() if c.ceremony_date else None,
                "member_id": c.member_id,
            }
            for c in store.growth.candidates()
        ],
        "probation_helpers": [
            {
                "member_id": h.member_id,
                "helper_id": h.helper_id,
                "assigned_on": h.assigned_on.isoformat(),
                "note": h.note,
            }
            for h in store.growth.helpers()
        ],
        "badge_choices": [
            {
                "member_id": c.member_id,
                "basis": c.basis,
                "recorded_on": c.recorded_on.isoformat(),
                "note": c.note,
            }
            for c in store.growth.badge_choices()
        ],
    }


def import_growth(store: Store, data: Mapping[str, Any], member_map: dict[int, int], today: date) -> None:
    """Inside the import's transaction, after the members: a record against the rules refuses
    the whole import (nothing written)."""
    for where, raw in v.records(data, "candidates", "Quần chúng ưu tú"):
        _import_candidate(store, where, raw, member_map, today)
    for where, raw in v.records(data, "probation_helpers", "Phân công giúp đỡ đảng viên dự bị"):
        mid, helper = (_member(raw, key, where, member_map) for key in ("member_id", "helper_id"))
        if mid == helper:
            raise v.fail(where, "helper_id", "trùng đảng viên dự bị.")
        store.growth.add_helper(
            ProbationHelper(
                mid, helper, v.required_day(raw, "assigned_on", where), v.text(raw, "note", where)
            )
        )
    for where, raw in v.records(data, "badge_choices", "Đề nghị Huy hiệu Đảng đặc biệt"):
        basis = raw.get("basis")
        if basis not in (Basis.ILLNESS, Basis.POSTHUMOUS):
            raise v.fail(where, "basis", "phải là illness hoặc posthumous.")
        store.growth.put_badge_choice(
            BadgeChoice(
                _member(raw, "member_id", where, member_map),
                basis,
                v.required_day(raw, "recorded_on", where),
                v.text(raw, "note", where),
            )
        )


def _member(raw: dict[str, Any], key: str, where: str, member_map: dict[int, int]) -> int:
    source = v.required_ident(raw, key, where)
    v.known(source, member_map, where, key, "đảng viên")
    return member_map[source]


def _import_candidate(
    store: Store, where: str, raw: dict[str, Any], member_map: dict[int, int], today: date
) -> None:
    form = raw.get("form")
    if not isinstance(form, dict):
        raise v.fail(where, "form", "không đúng định dạng (cần các trường của phiếu quần chúng).")
    form = dict(form)
    for key in _MEMBER_REFS:
        value = form.get(key)
        if value not in (None, ""):
            if not isinstance(value, str) or not value.isdigit() or int(value) not in member_map:
                raise v.fail(
                    where, key, f"không có đảng viên mã {value!r} trong tệp ({STAGE_FORM_LABELS[key]})."
                )
            form[key] = str(member_map[int(value)])
    try:
        candidate = parse_candidate(store, form, today=today)
    except ValidationError as err:
        raise ValidationError(f"{v.named(where, form, 'full_name')}: {err}", err.field, err.key) from None
    admitted = raw.get("member_id")
    if admitted is not None:
        admitted = _member(raw, "member_id", where, member_map)
    candidate = replace(candidate, ceremony_date=v.day(raw, "ceremony_date", where), member_id=admitted)
    store.growth.insert_candidate(candidate)
