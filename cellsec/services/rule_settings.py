"""The rule settings a cell may change (thresholds, targets, deadlines), with their legal source;
lists and criteria are shown but changed only by a release or the Đảng ủy xã's file."""
from __future__ import annotations

import re
from typing import Any

from ..entities import Changes
from ..errors import ValidationError
from ..rules.settings import RuleSetting
from ..store import Store
from ..text import fold, nfc
from .forms import plain_text
from .members import rules_of


def list_rules(store: Store) -> list[RuleSetting]:
    return list(rules_of(store).settings.values())


def editable(setting: RuleSetting) -> bool:
    return isinstance(setting.default, (bool, int, str))


def show_value(value: Any) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return "; ".join(item["label"] if isinstance(item, dict) and "label" in item else
                         " ".join(map(str, item)) if isinstance(item, list) else str(item)
                         for item in value)
    return str(value)


def _parse(setting: RuleSetting, text: str) -> Any:
    value = nfc(text)
    label = setting.label
    if isinstance(setting.default, bool):
        folded = fold(value)
        if folded in ("co", "yes", "true", "1"):
            return True
        if folded in ("khong", "no", "false", "0"):
            return False
        raise ValidationError(f"{label}: ghi “Có” hoặc “Không”.", label, setting.key)
    if isinstance(setting.default, int):
        if not re.fullmatch(r"\d{1,4}", value):
            raise ValidationError(f"{label}: “{value}” không phải số nguyên dương.", label,
                                  setting.key)
        number = int(value)
        if number == 0 or number > 5000:
            raise ValidationError(f"{label}: {number} không hợp lý.", label, setting.key)
        return number
    if re.fullmatch(r"\d{1,2}/\d{1,2}", str(setting.default)):
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", value)
        if not m or not (1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12):
            raise ValidationError(f"{label}: ghi ngày/tháng, ví dụ 15/12.", label, setting.key)
        return f"{int(m[1]):02d}/{int(m[2]):02d}"
    if not value:
        raise ValidationError(f"{label}: chưa nhập.", label, setting.key)
    return value


def set_rule(store: Store, key: str, text: str) -> Changes:
    settings = rules_of(store).settings
    if not isinstance(key, str) or key not in settings or not editable(settings[key]):
        raise ValidationError("Thiết lập này không sửa được ở đây.")
    value = _parse(settings[key], plain_text(text, settings[key].label, key))
    with store.transaction():
        if value == settings[key].default:
            store.settings.reset(key)
        else:
            store.settings.put(key, value)
    return Changes(profile=True, members=True, meetings=True, superiors=True, liaison=True)


def reset_rule(store: Store, key: str) -> Changes:
    if not isinstance(key, str) or key not in rules_of(store).settings:
        raise ValidationError("Thiết lập này không sửa được ở đây.")
    with store.transaction():
        store.settings.reset(key)
    return Changes(profile=True, members=True, meetings=True, superiors=True, liaison=True)
