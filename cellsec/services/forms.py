"""Service input checks shared by every write path: form values as clean text, record ids and
small whole numbers. Dialogs, imports and the CLI reach the services with whatever they hold;
these turn a wrong type or an absurd number into a Vietnamese ValidationError naming the
field, before anything is written (never a TypeError or an SQLite OverflowError)."""

from __future__ import annotations

from collections.abc import Mapping

from cellsec.errors import ValidationError
from cellsec.text import nfc

MAX_TEXT = 2000  # characters in one field (a note); longer text is not a form's
MAX_ID = 2**63 - 1  # SQLite's INTEGER range


def form_text(form: object, labels: Mapping[str, str], *, max_len: int = MAX_TEXT) -> dict[str, str]:
    """The values of `form` for every key of `labels` as clean NFC text (see text.nfc).

    A missing key or None is "", a str is cleaned; any other value (a number, a list, a date
    object ...) refuses the form naming the field, as does text longer than `max_len`."""
    if not isinstance(form, Mapping):
        raise ValidationError("Dữ liệu nhập không đúng định dạng (cần tên trường và nội dung).")
    out: dict[str, str] = {}
    for key, label in labels.items():
        value = form.get(key)
        if value is None:
            out[key] = ""
            continue
        if not isinstance(value, str):
            raise ValidationError(f"{label}: nội dung không phải văn bản.", label, key)
        text = nfc(value)
        if len(text) > max_len:
            raise ValidationError(f"{label}: quá dài (tối đa {max_len} ký tự).", label, key)
        out[key] = text
    return out


def plain_text(value: object, label: str, key: str = "text", *, max_len: int = MAX_TEXT) -> str:
    """One free-text argument of a service (a note, a result): clean text or a refusal."""
    return form_text({key: value}, {key: label}, max_len=max_len)[key]


def record_id(value: object, not_found: str) -> int:
    """The id of a record the caller points at: a positive whole number SQLite can hold.
    Anything else cannot name a record, so the answer is the service's "not found" message."""
    if not is_record_id(value):
        raise ValidationError(not_found)
    assert isinstance(value, int)
    return value


def is_record_id(value: object) -> bool:
    """Could `value` name a record? (Readers answer "nothing" for an id that cannot.)"""
    return not isinstance(value, bool) and isinstance(value, int) and 0 < value <= MAX_ID


def optional_record_id(value: object, not_found: str) -> int | None:
    return None if value is None else record_id(value, not_found)


def whole_number(value: object, label: str, key: str, low: int, high: int) -> int:
    """A whole number argument (a year, a level) within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{label}: phải là số nguyên từ {low} đến {high}.", label, key)
    return value


def id_text(text: str, label: str, key: str, not_found: str) -> int:
    """An id chosen in a form (a combo box's data as text): ASCII digits only."""
    if not text:
        raise ValidationError(f"{label}: chưa chọn.", label, key)
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        raise ValidationError(not_found, label, key)
    return record_id(int(text), not_found)
