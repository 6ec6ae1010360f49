"""Reading the values of a whole-cell export file: each one of the right type, or a Vietnamese
ValidationError naming the record and the field — never a KeyError or TypeError.

The importers (member_io, superior_io, liaison_io, cell_io) read every value through here and
then hand it to the same parse and check functions the app's forms use, so a file can hold
nothing a user could not have typed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from cellsec.dates import format_date
from cellsec.errors import ValidationError
from cellsec.services.forms import MAX_ID, MAX_TEXT
from cellsec.text import nfc

E = TypeVar("E", bound=Enum)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEARS = (1900, 2100)


def fail(where: str, key: str, message: str) -> ValidationError:
    return ValidationError(f"{where}, trường “{key}”: {message}", key, key)


def records(data: Any, key: str, label: str) -> list[tuple[str, dict[str, Any]]]:
    """The objects of the list data[key] (missing or null: none), each with its "where": the
    label and position ("Đảng viên thứ 3") for messages."""
    items = data.get(key) if isinstance(data, dict) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValidationError(f"Tệp: mục “{key}” ({label.lower()}) phải là một danh sách.")
    out = []
    for index, raw in enumerate(items, start=1):
        where = f"{label} thứ {index}"
        if not isinstance(raw, dict):
            raise ValidationError(f"{where}: không đúng định dạng (cần một bản ghi có các trường).")
        out.append((where, raw))
    return out


def sub_records(raw: dict[str, Any], key: str, where: str, label: str) -> list[tuple[str, dict[str, Any]]]:
    """The list of objects a record holds (a member's events ...), each with its "where"."""
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(where, key, "phải là một danh sách.")
    out = []
    for index, item in enumerate(value, start=1):
        inner = f"{where}, {label} thứ {index}"
        if not isinstance(item, dict):
            raise ValidationError(f"{inner}: không đúng định dạng (cần một bản ghi có các trường).")
        out.append((inner, item))
    return out


def named(where: str, raw: dict[str, Any], key: str) -> str:
    """ "Đảng viên thứ 3 (Nguyễn Văn An)" when the record has a name that is text."""
    name = raw.get(key)
    if isinstance(name, str) and nfc(name):
        return f"{where} ({nfc(name)[:60]})"
    return where


def text(raw: dict[str, Any], key: str, where: str, *, max_len: int = MAX_TEXT) -> str:
    """Text (null: empty), cleaned like every text entering the core."""
    value = raw.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise fail(where, key, "phải là văn bản.")
    cleaned = nfc(value)
    if len(cleaned) > max_len:
        raise fail(where, key, f"quá dài (tối đa {max_len} ký tự).")
    return cleaned


def day(raw: dict[str, Any], key: str, where: str, *, required: bool = False) -> date | None:
    """A yyyy-mm-dd date from 1900 to 2100 (null or empty: none)."""
    value = raw.get(key)
    if value in (None, ""):
        if required:
            raise fail(where, key, "chưa có ngày (yyyy-mm-dd).")
        return None
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise fail(where, key, "phải là ngày dạng yyyy-mm-dd.")
    try:
        result = date.fromisoformat(value)
    except ValueError:
        raise fail(where, key, f"ngày “{value}” không có trên lịch.") from None
    if not YEARS[0] <= result.year <= YEARS[1]:
        raise fail(where, key, f"năm {result.year} không hợp lệ.")
    return result


def required_day(raw: dict[str, Any], key: str, where: str) -> date:
    result = day(raw, key, where, required=True)
    assert result is not None
    return result


def form_day(raw: dict[str, Any], key: str, where: str) -> str:
    """The date as a form holds it (dd/mm/yyyy), for the form's own parser."""
    return format_date(day(raw, key, where))


def ident(raw: dict[str, Any], key: str, where: str, *, required: bool = True) -> int | None:
    """A record id of the exporting file: a positive whole number."""
    value = raw.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        raise fail(where, key, "phải là mã số (số nguyên dương).")
    return value


def required_ident(raw: dict[str, Any], key: str, where: str) -> int:
    result = ident(raw, key, where)
    assert result is not None
    return result


def whole(raw: dict[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise fail(where, key, f"phải là số nguyên từ {low} đến {high}.")
    return value


def flag(raw: dict[str, Any], key: str, where: str, default: bool = False) -> bool:
    value = raw.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise fail(where, key, "phải là true hoặc false.")
    return value


def choice(raw: dict[str, Any], key: str, where: str, kind: type[E], default: E | None = None) -> E:
    value = raw.get(key)
    if value is None and default is not None:
        return default
    try:
        return kind(value)
    except (ValueError, TypeError):
        allowed = ", ".join(str(k.value) for k in kind)
        raise fail(where, key, f"phải là một trong: {allowed}.") from None


def id_list(raw: dict[str, Any], key: str, where: str) -> list[int]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(where, key, "phải là danh sách mã số.")
    return [required_ident({key: v}, key, where) for v in value]


def known(
    source_id: int | None, known_ids: Iterable[int] | dict[int, Any], where: str, key: str, what: str
) -> None:
    """A reference to another record of the file must name one that the file holds."""
    if source_id is not None and source_id not in known_ids:
        raise fail(where, key, f"không có {what} mã {source_id} trong tệp.")


def unique(entries: Iterable[tuple[int | None, str]], what: str) -> None:
    """Ids of one kind of record must not repeat: two records with one id would make every
    reference to that id point at the wrong one (one member's roll entries on another)."""
    first: dict[int, str] = {}
    for source_id, where in entries:
        if source_id is None:
            continue
        if source_id in first:
            raise ValidationError(
                f"{where}: mã {what} {source_id} trùng với {lower_first(first[source_id])} — mỗi bản "
                "ghi cần một mã riêng (tệp có thể đã bị sửa hoặc ghép). Chưa nhập gì.",
                "id",
                "id",
            )
        first[source_id] = where


def lower_first(where: str) -> str:
    return where[:1].lower() + where[1:]
