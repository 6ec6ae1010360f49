"""The whole cell as a JSON document (format "cellsec-cell", version 1): export and import.

The format is documented in docs/export-format.md. Import reads every record with its type
checked (import_values), passes it through the same parsers and checks as the app's forms and
services, resolves every reference to a record of the file (ids may not repeat), and only then
writes everything in one transaction, into a data file whose register is empty: a refused
import writes nothing. `import_into_data_file` (the CLI's `import`) also leaves no new data
file behind when the import is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cellsec import __version__
from cellsec.backup.opening import open_store
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import Meeting
from cellsec.errors import StorageError, ValidationError
from cellsec.rules.settings import Rules
from cellsec.services import import_values as v
from cellsec.services.committee import export_committee, import_committee
from cellsec.services.growth_io import export_growth, import_growth
from cellsec.services.issued_io import export_issued, prepare_issued, write_issued
from cellsec.services.liaison_io import export_liaison, prepare_liaison, write_liaison
from cellsec.services.meeting_io import export_meetings, prepare_meetings, write_meetings
from cellsec.services.member_io import (
    export_members,
    export_profile,
    prepare_members,
    prepare_profile,
    write_members,
)
from cellsec.services.review_io import export_reviews, prepare_reviews, write_reviews
from cellsec.services.rule_settings import check_overrides, write_overrides
from cellsec.services.superior_io import (
    export_superiors,
    prepare_follow_ups,
    prepare_superiors,
    write_follow_ups,
    write_superiors,
)
from cellsec.store import Store
from cellsec.store.faults import classify, explain
from cellsec.store.fileops import DatabaseError, remove_file, replace_file, sidecars, temp_name
from cellsec.store.lock import DataFileLock, lock_path
from cellsec.store.opening import IMPORT_TEMP

FORMAT = "cellsec-cell"
VERSION = 1
MAX_FILE_BYTES = 200 * 1024 * 1024
# What a malformed meeting may still raise from the meeting import (meeting_io) before it
# refuses it itself; turned into a ValidationError so a user never sees a traceback.
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, RecursionError)


def export_cell(store: Store) -> dict[str, Any]:
    meetings, numbers = export_meetings(store)
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "demo": store.facts.is_demo(),  # the synthetic demo cell stays marked as such
        "profile": export_profile(store),
        "rule_settings": store.settings.overrides(),
        "members": export_members(store),
        "meetings": meetings,
        "document_numbers": numbers,
        **export_committee(store),
        **export_superiors(store),
        **export_liaison(store),
        **export_reviews(store),
        **export_growth(store),
        **export_issued(store),
        "audit_log": [
            {
                "at": r.at,
                "user": r.user,
                "action": r.action,
                "entity": r.entity,
                "scope": r.scope,
                "scope_id": r.scope_id,
                "old": r.old,
                "new": r.new,
            }
            for r in reversed(store.audit.recent(10**9))
        ],
    }


def export_cell_file(store: Store, path: str | Path) -> int:
    data = export_cell(store)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(data["members"])


@contextmanager
def _meeting_records() -> Iterator[None]:
    try:
        yield
    except ValidationError:
        raise
    except _MALFORMED:
        raise ValidationError(
            "Buổi sinh hoạt trong tệp: dữ liệu không đúng định dạng. Chưa nhập gì."
        ) from None
    except DatabaseError as exc:
        if type(exc).__name__ != "IntegrityError":
            raise
        raise ValidationError(
            "Buổi sinh hoạt trong tệp: có bản ghi trùng hoặc mâu thuẫn "
            "(điểm danh, số văn bản ...). Chưa nhập gì."
        ) from None


def _check_meeting_ids(data: dict[str, Any]) -> None:
    """Meetings and their tasks are referred to by id (directions, notices, numbers, task
    reviews): an id used twice would attach those records to the wrong meeting or task."""
    meetings, tasks = [], []
    for where, raw in v.records(data, "meetings", "Buổi sinh hoạt"):
        meetings.append((v.ident(raw, "id", where, required=False), where))
        for inner, task in v.sub_records(raw, "tasks", where, "nhiệm vụ"):
            tasks.append((v.ident(task, "id", inner, required=False), inner))
    v.unique(meetings, "buổi sinh hoạt")
    v.unique(tasks, "nhiệm vụ")


def _check_reviews(meetings: list[Meeting]) -> None:
    """A meeting's task reviews assess tasks set at an earlier meeting of the file; one that
    names no such task would be dropped on import, changing what approved minutes say."""
    set_on = {t.id: m.date for m in meetings for t in m.tasks if t.id is not None}
    for m in meetings:
        for r in m.reviews:
            if not (r.task_id in set_on and set_on[r.task_id] < m.date):
                raise ValidationError(
                    f"Buổi sinh hoạt ngày {m.date.strftime('%d/%m/%Y')}, trường “reviews”: "
                    f"đánh giá nhiệm vụ mã {r.task_id} không phải nhiệm vụ của một buổi trước "
                    "trong tệp. Chưa nhập gì.",
                    "reviews",
                    "reviews",
                )


def _check_numbers(data: dict[str, Any], meetings: set[int]) -> None:
    """Numbered documents: each number once per type and term, for a meeting of the file."""
    seen: dict[tuple[str, str, int], str] = {}
    for where, raw in v.records(data, "document_numbers", "Số văn bản"):
        key = (
            v.text(raw, "type_code", where),
            v.text(raw, "term", where),
            v.whole(raw, "number", where, 1, 999_999),
        )
        if not key[0]:  # the term may be empty: a cell that never entered its term numbers too
            raise ValidationError(f"{where}: thiếu loại văn bản.")
        v.known(
            v.ident(raw, "meeting_id", where, required=False), meetings, where, "meeting_id", "buổi sinh hoạt"
        )
        v.required_day(raw, "date", where)
        v.text(raw, "title", where)
        v.text(raw, "issuer", where)
        if key in seen:
            raise ValidationError(
                f"{where}: số {key[2]:02d}-{key[0]} nhiệm kỳ {key[1]} trùng với {v.lower_first(seen[key])}."
            )
        seen[key] = where


def import_cell(
    store: Store, data: Any, *, today: date | None = None, progress: Callable[[int, int], None] | None = None
) -> Changes:
    """Load a whole cell into an empty register. Nothing is written if any record is wrong."""
    today = today or date.today()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError("Tệp không phải bản xuất dữ liệu chi bộ của CellSec.")
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        shown = json.dumps(version, ensure_ascii=False)[:20]
        raise ValidationError(
            f"Bản xuất phiên bản {shown} không được hỗ trợ (phiên bản này đọc được phiên bản {VERSION})."
        )
    if store.members.count():
        raise ValidationError(
            f"Tệp dữ liệu đã có {store.members.count()} đảng viên: chỉ nhập "
            "được vào một tệp dữ liệu mới (sổ đảng viên trống)."
        )
    if not isinstance(data.get("members"), list):
        raise ValidationError("Tệp thiếu danh sách đảng viên (“members”).")
    demo = data.get("demo", False)
    if not isinstance(demo, bool):
        raise ValidationError("Trường “demo” phải là true hoặc false (tệp có phải chi bộ mẫu không).")
    # Check everything first, in the order records refer to each other: the cell's own rule
    # settings first, then the records against them (its comment criteria, its majorities ...).
    settings = check_overrides(store, data.get("rule_settings"))
    rules = Rules.with_overrides({**store.settings.overrides(), **settings})
    profile = prepare_profile(data.get("profile"))
    members = prepare_members(data, rules, today)
    superiors = prepare_superiors(data)
    _check_meeting_ids(data)
    with _meeting_records():
        meetings = prepare_meetings(
            data.get("meetings"), {p.source_id for p in members if p.source_id is not None}, rules
        )
    _check_reviews(meetings)
    by_id = {m.id: m for m in meetings if m.id is not None}
    _check_numbers(data, set(by_id))
    follow_ups = prepare_follow_ups(data, superiors, by_id)
    issued = prepare_issued(data)
    liaison = prepare_liaison(data, members, rules, today)
    reviews = prepare_reviews(data, {p.source_id for p in members if p.source_id is not None}, rules)
    # Then write it all as one action.
    with store.transaction():
        write_overrides(store, settings)
        if profile is not None:
            store.profile.put(profile)
        member_map, event_map = write_members(store, members, progress)
        superior_map = write_superiors(store, superiors)
        with _meeting_records():
            import_committee(store, data, member_map)
            meeting_map = write_meetings(
                store, meetings, data.get("document_numbers"), member_map, superior_map
            )
        write_follow_ups(store, follow_ups, superior_map, meeting_map)
        write_liaison(store, liaison, member_map, event_map)
        write_reviews(store, reviews, member_map)
        import_growth(store, data, member_map, today)
        write_issued(store, issued)
        if demo:
            store.facts.mark_demo()
    return Changes(
        profile=profile is not None,
        members=True,
        meetings=bool(meetings),
        superiors=True,
        liaison=True,
        reviews=True,
        growth=True,
    )


def read_cell_file(path: str | Path) -> Any:
    """The JSON of an export file; a file that cannot be read or is not JSON is refused."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(f"Tệp “{path.name}” quá lớn để là bản xuất của một chi bộ.")
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(explain(classify(exc, path), path, "đọc")) from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(
            f"Tệp “{path.name}” không phải văn bản UTF-8 (bản xuất CellSec luôn là UTF-8)."
        ) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"Tệp “{path.name}” không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})."
        ) from None
    except (RecursionError, ValueError):
        # nesting deeper than Python parses, or a number with thousands of digits
        raise ValidationError(
            f"Tệp “{path.name}” có cấu trúc JSON bất thường (lồng quá sâu "
            "hoặc số quá dài): không phải bản xuất của CellSec."
        ) from None


def import_cell_file(store: Store, path: str | Path, **kwargs: Any) -> Changes:
    return import_cell(store, read_cell_file(path), **kwargs)


def import_into_data_file(data_path: str | Path, json_path: str | Path, **kwargs: Any) -> tuple[Changes, int]:
    """`cellsec --data FILE import X.json`. Into FILE if it exists (its register must be
    empty; a refused import leaves it as it was). Else the import builds a new data file
    beside it under a temporary name, and gives it FILE's name only once everything is in:
    a refused (or killed) import never leaves a data file with partial content, and a
    refused one leaves no new file at all. Returns the changes and the members imported."""
    data = read_cell_file(json_path)
    target = Path(data_path).expanduser().resolve()
    if target.exists():
        with open_store(target) as store:  # the secretary's file: a copy before an upgrade
            changes = import_cell(store, data, **kwargs)
            return changes, store.members.count()
    # The temporary file is named like every temporary file beside a data file, so that if
    # this process is killed, the next opening of `target` removes it (store.opening). The
    # target's lock is held meanwhile: nobody creates or clears it under our feet.
    temp = temp_name(target.parent, IMPORT_TEMP, target)
    new_folders = [p for p in target.parents if not p.exists()]
    lock = DataFileLock(target)
    done = False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
        with Store.open(temp) as store:
            changes = import_cell(store, data, **kwargs)
            count = store.members.count()
        if target.exists():
            raise ValidationError(
                f"Trong lúc nhập, tệp “{target.name}” đã được tạo ở nơi khác: "
                "chưa ghi đè. Hãy nhập lại vào một tệp mới."
            )
        replace_file(temp, target, "tạo")  # waits out an antivirus scanning the new file
        done = True
    except OSError as exc:
        raise ValidationError(explain(classify(exc, target), target, "tạo")) from exc
    finally:
        for leftover in (temp, *sidecars(temp), lock_path(temp)):
            with suppress(OSError, StorageError):  # still held: the next opening clears it
                remove_file(leftover)
        lock.release()
        if not done:
            lock_path(target).unlink(missing_ok=True)
        for folder in new_folders if not done else []:  # deepest first
            try:
                folder.rmdir()
            except OSError:
                break
    return changes, count
