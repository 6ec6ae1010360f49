"""Issued documents' contents in the whole-cell export ("issued_records"): each as it was issued,
with its digest; an import checks the digest (a number the cell wrote itself is in the content,
not among the file's document numbers)."""

from __future__ import annotations

import json
from typing import Any

from cellsec.codec.sealed_minutes import canonical_json, record_digest
from cellsec.errors import ValidationError
from cellsec.services import import_values as v
from cellsec.store import Store

_LABEL = "Nội dung báo cáo đã ban hành"


def export_issued(store: Store) -> dict[str, Any]:
    return {
        "issued_records": [
            {
                "type_code": r.type_code,
                "title": r.title,
                "issued_at": r.issued_at,
                "record": json.loads(r.record_json),
                "digest": r.digest,
            }
            for r in store.issued.all()
        ]
    }


def prepare_issued(data: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any], str]]:
    """(type, title, issued at, record, digest) of each, checked: a content that does not match
    its digest, or one given twice, is refused."""
    out = []
    seen: set[tuple[str, str]] = set()
    for where, raw in v.records(data, "issued_records", _LABEL):
        type_code, title = v.text(raw, "type_code", where), v.text(raw, "title", where)
        record, digest = raw.get("record"), raw.get("digest")
        if not isinstance(record, dict) or not isinstance(digest, str) or record_digest(record) != digest:
            raise ValidationError(f"{where} (“{title}”): nội dung không khớp dấu kiểm (tệp đã bị sửa).")
        if (type_code, title) in seen:
            raise ValidationError(f"{where} (“{title}”): có hai lần trong tệp.")
        seen.add((type_code, title))
        out.append((type_code, title, v.text(raw, "issued_at", where), record, digest))
    return out


def write_issued(store: Store, prepared: list[tuple[str, str, str, dict[str, Any], str]]) -> None:
    """Inside the import's transaction."""
    for type_code, title, issued_at, record, digest in prepared:
        store.issued.add(type_code, title, canonical_json(record), digest, issued_at)
