"""The year-end review in the whole-cell JSON export and import ("review_years"): each year's
fields and members' reviews as the forms that make them (so an import passes the same checks
as the editor), and a decided year's sealed record with its digest, imported as sealed."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from cellsec.codec.sealed_minutes import canonical_json, record_digest
from cellsec.entities.review import MemberReview, ReviewYear
from cellsec.errors import ValidationError
from cellsec.rules.settings import Rules
from cellsec.services import import_values as v
from cellsec.services.review_form import parse_member_review, parse_year, review_form, year_form
from cellsec.store import Store
from cellsec.store.reviews import IMPORT

KEY = "review_years"


@dataclass(frozen=True)
class PreparedYear:
    year: ReviewYear
    reviews: tuple[MemberReview, ...]  # member ids of the exporting file
    sealed: dict[str, Any] | None
    digest: str


def export_reviews(store: Store) -> dict[str, list[dict[str, Any]]]:
    out = []
    for y in store.reviews.years():
        assert y.id is not None
        seal = store.reviews.seal(y.id)
        out.append(
            {
                "year": y.year,
                **year_form(y),
                "members": [
                    {"member_id": member_id, **review_form(r)}
                    for member_id, r in sorted(store.reviews.reviews(y.id).items())
                ],
                "sealed_record": json.loads(seal.record_json) if seal else None,
                "digest": seal.digest if seal else "",
            }
        )
    return {KEY: out}


def _member_refs(data: Any) -> list[Any]:
    """Every "member_id" inside a sealed record (ids are outside its digest: checked apart)."""
    out: list[Any] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out += [value] if key == "member_id" else _member_refs(value)
    elif isinstance(data, list):
        for item in data:
            out += _member_refs(item)
    return out


def _sealed(
    raw: dict[str, Any], where: str, y: ReviewYear, member_ids: set[int]
) -> tuple[dict[str, Any] | None, str]:
    record, digest = raw.get("sealed_record"), raw.get("digest") or ""
    if y.decision_date is None:
        if record is not None:
            raise v.fail(where, "sealed_record", "năm chưa có quyết định của Đảng ủy không có bản chốt.")
        return None, ""
    shape = {"header": dict, "levels": list, "review": dict, "members": list, "excluded": list}
    if (
        not isinstance(record, dict)
        or record.get("year") != y.year
        or not isinstance(digest, str)
        or not all(isinstance(record.get(k), t) for k, t in shape.items())
    ):
        raise v.fail(where, "sealed_record", "năm đã có quyết định phải kèm bản kết quả đã chốt.")
    try:
        ok = record_digest(record) == digest
    except (TypeError, ValueError, RecursionError):
        ok = False
    if not ok:
        raise v.fail(where, "digest", "bản kết quả đã chốt không khớp mã kiểm tra (đã bị sửa).")
    for ref in _member_refs(record):
        if type(ref) is not int or ref not in member_ids:
            shown = json.dumps(ref, ensure_ascii=False)[:20]
            raise v.fail(
                where,
                "sealed_record",
                f"bản kết quả đã chốt nhắc tới đảng viên mã {shown} không có trong tệp.",
            )
    return record, digest


def prepare_reviews(data: dict[str, Any], member_ids: set[int], rules: Rules) -> list[PreparedYear]:
    """Every year checked before anything is written; ValidationError naming the record."""
    prepared: list[PreparedYear] = []
    seen: set[int] = set()
    for where, raw in v.records(data, KEY, "Năm kiểm điểm"):
        year = v.whole(raw, "year", where, 1930, 2200)
        if year in seen:
            raise v.fail(where, "year", f"năm {year} có hai lần trong tệp.")
        seen.add(year)
        try:
            y = parse_year(rules, year, raw)
        except ValidationError as err:
            raise ValidationError(f"{where}: {err}", err.field, err.key) from None
        reviews = []
        for inner, entry in v.sub_records(raw, "members", where, "đảng viên"):
            member_id = v.required_ident(entry, "member_id", inner)
            v.known(member_id, member_ids, inner, "member_id", "đảng viên")
            try:
                reviews.append(parse_member_review(rules, member_id, entry))
            except ValidationError as err:
                raise ValidationError(f"{inner}: {err}", err.field, err.key) from None
        v.unique(((r.member_id, where) for r in reviews), "đảng viên trong một năm kiểm điểm")
        sealed, digest = _sealed(raw, where, y, member_ids)
        prepared.append(PreparedYear(y, tuple(reviews), sealed, digest))
    return prepared


def _remapped(data: Any, member_map: dict[int, int]) -> Any:
    """The sealed record with the new file's member ids (ids are outside the digest)."""
    if isinstance(data, dict):
        return {
            k: (member_map.get(val, val) if k == "member_id" else _remapped(val, member_map))
            for k, val in data.items()
        }
    if isinstance(data, list):
        return [_remapped(item, member_map) for item in data]
    return data


def write_reviews(store: Store, prepared: list[PreparedYear], member_map: dict[int, int]) -> None:
    """Inside the import's transaction, after the members."""
    for p in prepared:
        year_id = store.reviews.add_year(p.year)
        for review in p.reviews:
            store.reviews.put_review(year_id, replace(review, member_id=member_map[review.member_id]))
        if p.sealed is not None:
            record = _remapped(p.sealed, member_map)
            store.reviews.add_seal(year_id, canonical_json(record), p.digest, IMPORT)
