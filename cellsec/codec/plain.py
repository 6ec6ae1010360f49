"""Generic handling of the frozen records: JSON-ready plain values, and NFC of every string."""

from __future__ import annotations

from dataclasses import asdict, fields, is_dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from cellsec.text import nfc


def plain(value: Any) -> Any:
    """A record (or anything inside one) as JSON values: enums by value, dates as ISO text."""
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def normalised(value: Any) -> Any:
    """The same record with every string inside it (nested too) in NFC."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, tuple):
        return tuple(normalised(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: normalised(getattr(value, f.name)) for f in fields(value)})
    return value
