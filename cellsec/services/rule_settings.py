"""The rule settings a cell may change, with their legal source: thresholds, targets and deadlines
typed as text, and the lists the Đảng ủy xã sets (criteria, bands, milestones) as rows — each
checked before it is saved, each able to go back to the shipped default."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cellsec.entities.changes import Changes
from cellsec.errors import ValidationError
from cellsec.rules.review import CONDITIONS_KEY, CRITERIA_KEY
from cellsec.rules.settings import Rules, RuleSetting
from cellsec.rules.workdays import EXTRA_DAYS_OFF_KEY, check_days_off
from cellsec.services.forms import plain_text
from cellsec.services.members import rules_of
from cellsec.services.rule_lists import (
    CHECKS,
    FRACTION_RULES,
    LIST_RULES,
    check_fraction,
    parse_milestones,
    show_list,
)
from cellsec.store import Store
from cellsec.text import fold, nfc

_ALL = Changes(profile=True, members=True, meetings=True, superiors=True, liaison=True, reviews=True)


def list_rules(store: Store) -> list[RuleSetting]:
    return list(rules_of(store).settings.values())


def list_kind(setting: RuleSetting) -> str | None:
    """ "scored", "bands", "levels", "subset" or "numbers" for a list setting; None otherwise."""
    return LIST_RULES.get(setting.key)


def editable(setting: RuleSetting) -> bool:
    return (
        isinstance(setting.default, (bool, int, str))
        or setting.key in LIST_RULES
        or setting.key in FRACTION_RULES
    )


def show_value(value: Any, key: str = "", rules: Rules | None = None) -> str:
    """A value as the secretary reads it: Có/Không, numbers, and lists by their labels."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        if key in LIST_RULES or key in FRACTION_RULES:
            return show_list(key, value, rules or Rules.defaults())
        return "; ".join(
            item["label"]
            if isinstance(item, dict) and "label" in item
            else " ".join(map(str, item))
            if isinstance(item, list)
            else str(item)
            for item in value
        )
    return str(value)


# Settings typed as text with their own form: milestones "30, 40, 45"; the extra days off
# "02/01/2027; 03/01/2027" (may be empty: no extra day off).
_TEXT_PARSERS: dict[str, Callable[[Rules, str, str], Any]] = {
    "badge_milestones_years": lambda rules, value, _label: parse_milestones(rules, value),
    EXTRA_DAYS_OFF_KEY: lambda _rules, value, label: check_days_off(value, label),
}


def _parse(setting: RuleSetting, text: str, rules: Rules) -> Any:
    value = nfc(text)
    label = setting.label
    if setting.key in _TEXT_PARSERS:
        return _TEXT_PARSERS[setting.key](rules, value, label)
    if setting.key in FRACTION_RULES:
        return check_fraction(rules, setting.key, value)
    if isinstance(setting.default, bool):
        folded = fold(value)
        if folded in ("co", "yes", "true", "1"):
            return True
        if folded in ("khong", "no", "false", "0"):
            return False
        raise ValidationError(f"{label}: ghi “Có” hoặc “Không”.", label, setting.key)
    if isinstance(setting.default, int):
        if not re.fullmatch(r"\d{1,4}", value):
            raise ValidationError(f"{label}: “{value}” không phải số nguyên dương.", label, setting.key)
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


def _setting(rules: Rules, key: str) -> RuleSetting:
    if not isinstance(key, str) or key not in rules.settings or not editable(rules.settings[key]):
        raise ValidationError("Thiết lập này không sửa được ở đây.")
    return rules.settings[key]


def _save(store: Store, setting: RuleSetting, value: Any) -> Changes:
    with store.transaction():
        if value == setting.default:
            store.settings.reset(setting.key)
        else:
            store.settings.put(setting.key, value)
    return _ALL


def set_rule(store: Store, key: str, text: str) -> Changes:
    """A value typed as text: a number, Có/Không, a day/month, a majority "2/3", or milestones
    "30, 40, 45"."""
    rules = rules_of(store)
    setting = _setting(rules, key)
    if key in LIST_RULES and key != "badge_milestones_years":
        raise ValidationError(
            f"{setting.label}: sửa từng dòng bằng nút “Sửa danh sách…”.", setting.label, key
        )
    return _save(store, setting, _parse(setting, plain_text(text, setting.label, key), rules))


def check_rule_value(store: Store, key: str, value: Any) -> Any:
    """The value as it would be saved (codes given to new rows), or the ValidationError naming
    the row and field — for a list setting edited row by row."""
    rules = rules_of(store)
    setting = _setting(rules, key)
    if key in CHECKS:
        checked = CHECKS[key](rules, value)
        check_in_use(store, rules, key, checked)
        return checked
    return _parse(setting, str(value), rules)


# What an open (not yet decided) year's reviews refer to by code: a criterion scored, a
# condition ticked. A decided year keeps its own copy of the lists (its sealed record).
_IN_USE = {
    CRITERIA_KEY: ("scores", "tiêu chí", "đã được chấm điểm", "xóa điểm đã chấm"),
    CONDITIONS_KEY: ("conditions", "điều kiện", "đang được đánh dấu", "bỏ đánh dấu"),
}


def check_in_use(store: Store, rules: Rules, key: str, value: Any) -> None:
    """Refuse a list that drops a row the open review years still use (their scores or ticks
    would silently stop counting)."""
    if key not in _IN_USE:
        return
    field, what, done, undo = _IN_USE[key]
    kept = {row["key"] for row in value}
    old = {row["key"]: row["label"] for row in (*rules.settings[key].default, *rules[key])}
    for y in store.reviews.years():
        if y.id is None or store.reviews.seal(y.id) is not None:
            continue
        for review in store.reviews.reviews(y.id).values():
            lost = [code for code in getattr(review, field) if code not in kept]
            if lost:
                label = rules.settings[key].label
                raise ValidationError(
                    f"{label}: {what} “{old.get(lost[0], lost[0])}” {done} trong kiểm điểm năm "
                    f"{y.year} (chưa có quyết định): {undo} ở đó trước khi xóa {what} này.",
                    label,
                    key,
                )


def set_rule_value(store: Store, key: str, value: Any) -> Changes:
    """Save a list setting (rows as the dialog gives them) after checking it."""
    rules = rules_of(store)
    return _save(store, _setting(rules, key), check_rule_value(store, key, value))


# --- a cell's settings in the whole-cell export ---------------------------------------------
SETTINGS_WHERE = "Thiết lập quy định"


def check_overrides(store: Store, overrides: Any) -> dict[str, Any]:
    """The rule settings of a whole-cell export, each checked as the settings dialog checks it,
    against the file's other settings (the short comment sheet against the file's own criteria).
    The values as they would be saved; ValidationError naming the setting."""
    if overrides is None:
        return {}
    if not isinstance(overrides, dict):
        raise ValidationError(
            f"{SETTINGS_WHERE} (“rule_settings”) phải là các cặp tên thiết lập: giá trị.",
            SETTINGS_WHERE,
            "rule_settings",
        )
    base = rules_of(store).settings
    for key in overrides:
        if key not in base or not editable(base[key]):
            raise ValidationError(
                f"{SETTINGS_WHERE}: “{key}” không phải một thiết lập sửa được.", SETTINGS_WHERE, str(key)
            )
    checked: dict[str, Any] = {}
    # The short sheet is checked after the criteria it picks from.
    for key in sorted(overrides, key=lambda k: k == "comment_short_criteria"):
        context = {**store.settings.overrides(), **checked}
        if key == "comment_criteria" and "comment_short_criteria" in overrides:
            context["comment_short_criteria"] = []
        rules = Rules.with_overrides(context)
        setting, value = rules.settings[key], overrides[key]
        try:
            checked[key] = (
                CHECKS[key](rules, value)
                if key in CHECKS
                else _parse(setting, _as_text(setting, value), rules)
            )
            check_in_use(store, rules, key, checked[key])
        except ValidationError as exc:
            raise ValidationError(f"{SETTINGS_WHERE}: {exc}", exc.field, exc.key) from None
    return checked


def _as_text(setting: RuleSetting, value: Any) -> str:
    """A stored value (true, 18, "15/12") as the secretary would type it."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (int, str)):
        return plain_text(str(value), setting.label, setting.key)
    raise ValidationError(f"{setting.label}: giá trị không hợp lệ.", setting.label, setting.key)


def write_overrides(store: Store, checked: dict[str, Any]) -> None:
    """Inside the caller's transaction: the checked settings saved (a default value as none)."""
    defaults = rules_of(store).settings
    for key, value in checked.items():
        if value == defaults[key].default:
            store.settings.reset(key)
        else:
            store.settings.put(key, value)


def reset_rule(store: Store, key: str) -> Changes:
    """Back to the shipped default — refused when the other settings still lean on the old value
    (the short comment sheet on a criterion the default list does not have) or an open review
    year uses a row the default list does not have."""
    if not isinstance(key, str) or key not in rules_of(store).settings:
        raise ValidationError("Thiết lập này không sửa được ở đây.")
    rules = rules_of(store)
    check_in_use(store, rules, key, rules.settings[key].default)
    if key == "comment_criteria":
        defaults = {c["key"] for c in rules.settings[key].default}
        label = {c["key"]: c["label"] for c in rules[key]}
        missing = [code for code in rules["comment_short_criteria"] if code not in defaults]
        if missing:
            setting = rules.settings[key]
            raise ValidationError(
                f"{setting.label}: phiếu rút gọn đang dùng tiêu chí "
                f"“{label.get(missing[0], missing[0])}”, không có trong danh "
                "sách mặc định; sửa phiếu rút gọn trước.",
                setting.label,
                key,
            )
    with store.transaction():
        store.settings.reset(key)
    return _ALL
