"""The whole cell as a JSON document (format "cellsec-cell", version 1): export and import.

The format is documented in docs/export-format.md. Import validates every member and history
first and writes everything in one transaction, into a data file whose register is empty.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..dates import format_date, iso_field, to_iso
from ..entities import MEMBER_DATA_FIELDS, Changes
from ..errors import ValidationError
from ..store import Store
from .member_form import DATE_FIELDS, parse_member, search_text
from .liaison_io import export_liaison, import_liaison
from .committee import export_committee, import_committee
from .meeting_io import export_meetings, prepare_meetings, write_meetings
from .members import check_history, parse_event, rules_of
from .superior_io import export_superiors, import_follow_ups, import_superiors
from .profile import parse_profile, profile_form

FORMAT = "cellsec-cell"
VERSION = 1


def export_cell(store: Store) -> dict[str, Any]:
    profile = store.profile.get()
    events = store.members.all_events()
    members = []
    for m in store.members.all():
        item: dict[str, Any] = {"id": m.id}
        for key in MEMBER_DATA_FIELDS:
            value = getattr(m, key)
            item[key] = to_iso(value) if key in DATE_FIELDS else (
                m.sex.value if key == "sex" else value)
        item["events"] = [
            {"id": e.id, "kind": e.kind.value, "date": e.date.isoformat(), "end_date": to_iso(e.end_date),
             "decision_ref": e.decision_ref, "detail": e.detail, "note": e.note}
            for e in events.get(m.id or 0, [])]
        members.append(item)
    prof = None
    if profile:
        prof = dict(profile_form(profile))
        prof["term_start"] = to_iso(profile.term_start)
    meetings, numbers = export_meetings(store)
    return {"format": FORMAT, "version": VERSION, "app_version": __version__,
            "exported_at": datetime.now().isoformat(timespec="seconds"),
            "profile": prof, "members": members, "meetings": meetings,
            "document_numbers": numbers, **export_committee(store), **export_superiors(store),
            **export_liaison(store),
            "audit_log": [{"at": r.at, "user": r.user, "action": r.action, "entity": r.entity,
                           "scope": r.scope, "scope_id": r.scope_id, "old": r.old, "new": r.new}
                          for r in reversed(store.audit.recent(10**9))]}


def export_cell_file(store: Store, path: str | Path) -> int:
    data = export_cell(store)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(data["members"])


def _iso_to_form(value: Any, where: str, field: str) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{where}: trường “{field}” phải là ngày dạng yyyy-mm-dd.")
    return format_date(iso_field(value, f"{where}: trường “{field}”"))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError
    return str(value)


def import_cell(store: Store, data: Any, *, today: date | None = None,
                progress: Callable[[int, int], None] | None = None) -> Changes:
    """Load a whole cell into an empty register. Nothing is written if any record is wrong."""
    today = today or date.today()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError("Tệp không phải bản xuất dữ liệu chi bộ của CellSec.")
    if data.get("version") != VERSION:
        raise ValidationError(f"Bản xuất phiên bản {data.get('version')} không được hỗ trợ "
                              f"(phiên bản này đọc được phiên bản {VERSION}).")
    if store.members.count():
        raise ValidationError(f"Tệp dữ liệu đã có {store.members.count()} đảng viên: chỉ nhập "
                              "được vào một tệp dữ liệu mới (sổ đảng viên trống).")
    profile = None
    if data.get("profile"):
        raw = dict(data["profile"])
        raw["term_start"] = _iso_to_form(raw.get("term_start"), "Thông tin chi bộ", "term_start")
        try:
            profile = parse_profile({k: _text(v) for k, v in raw.items()})
        except ValidationError as exc:
            raise ValidationError(f"Thông tin chi bộ: {exc}") from None
        except ValueError:
            raise ValidationError("Thông tin chi bộ: có trường không phải văn bản.") from None
    rules = rules_of(store)
    items = data.get("members")
    if not isinstance(items, list):
        raise ValidationError("Tệp thiếu danh sách đảng viên (“members”).")
    prepared = []
    for index, item in enumerate(items, start=1):
        name = item.get("full_name", "") if isinstance(item, dict) else ""
        where = f"Đảng viên thứ {index}" + (f" ({name})" if name else "")
        if not isinstance(item, dict):
            raise ValidationError(f"{where}: không đúng định dạng.")
        try:
            form = {k: _text(item.get(k)) for k in MEMBER_DATA_FIELDS if k not in DATE_FIELDS}
        except ValueError:
            raise ValidationError(f"{where}: có trường không phải văn bản.") from None
        for key in DATE_FIELDS:
            form[key] = _iso_to_form(item.get(key), where, key)
        try:
            member = parse_member(form, today=today)
            events = []
            for raw in item.get("events") or []:
                if not isinstance(raw, dict):
                    raise ValidationError("sự kiện không đúng định dạng.")
                events.append(parse_event({
                    "kind": _text(raw.get("kind")),
                    "date": _iso_to_form(raw.get("date"), where, "date"),
                    "end_date": _iso_to_form(raw.get("end_date"), where, "end_date"),
                    "decision_ref": _text(raw.get("decision_ref")),
                    "detail": _text(raw.get("detail")), "note": _text(raw.get("note"))},
                    member_id=0, event_id=raw.get("id") if isinstance(raw.get("id"), int)
                    else None, today=today))
            if not events:
                raise ValidationError("không có sự kiện nào (cần ít nhất ngày kết nạp).")
            check_history(member, events, rules)
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc}", exc.field, exc.key) from None
        except ValueError:
            raise ValidationError(f"{where}: có trường không phải văn bản.") from None
        prepared.append((item.get("id"), member, events))
    meetings = prepare_meetings(data.get("meetings"), {i for i, _, _ in prepared if i is not None},
                                rules)
    with store.transaction():
        if profile is not None:
            store.profile.put(profile)
        member_map: dict[int, int] = {}
        event_map: dict[int, int] = {}
        for done, (source_id, member, events) in enumerate(prepared, start=1):
            member_id = store.members.insert(member, search_text(member))
            if source_id is not None:
                member_map[source_id] = member_id
            for e in events:
                new_event = store.members.insert_event(replace(e, member_id=member_id, id=None))
                if e.id is not None:
                    event_map[e.id] = new_event
            if progress:
                progress(done, len(prepared))
        superior_map = import_superiors(store, data)
        import_committee(store, data, member_map)
        meeting_map = write_meetings(store, meetings, data.get("document_numbers"), member_map,
                                     superior_map)
        import_follow_ups(store, data, superior_map, meeting_map)
        import_liaison(store, data, member_map, event_map)
    return Changes(profile=profile is not None, members=True, meetings=bool(meetings),
                   superiors=True, liaison=True)


def import_cell_file(store: Store, path: str | Path, **kwargs: Any) -> Changes:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValidationError(f"Không đọc được tệp “{path}”: {exc}.") from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(f"Tệp “{Path(path).name}” không phải JSON hợp lệ (dòng {exc.lineno}, "
                              f"cột {exc.colno}).") from exc
    return import_cell(store, data, **kwargs)


