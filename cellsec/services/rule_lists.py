"""The list settings that the Đảng ủy xã sets or DOMAIN.md marks unverified — meeting quality
criteria and bands, comment-sheet criteria and the short sheet, badge milestones, the year-end
review's levels, scoring criteria and disqualifying conditions: checking a new value (messages
name the row and field) and showing a value with its labels, never raw keys."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from cellsec.entities.review import Level
from cellsec.errors import ValidationError
from cellsec.rules.counting import MAJORITY_KEY, SPECIAL_MAJORITY_KEY
from cellsec.rules.review import CONDITIONS_KEY, CRITERIA_KEY, DISCIPLINED, LEVELS_KEY
from cellsec.rules.settings import Rules
from cellsec.text import fold, nfc

# key -> kind of list; the dialog picks its editor by kind.
LIST_RULES = {
    "meeting_quality_criteria": "scored",
    "meeting_quality_bands": "bands",
    "comment_criteria": "levels",
    "comment_short_criteria": "subset",
    "badge_milestones_years": "numbers",
    LEVELS_KEY: "thresholds",
    CRITERIA_KEY: "scored",
    CONDITIONS_KEY: "capped",
}
# Majorities stored as [numerator, denominator], typed and shown as "1/2", "2/3".
FRACTION_RULES = (MAJORITY_KEY, SPECIAL_MAJORITY_KEY)
QUALITY_TOTAL = 100  # the self-assessment is out of 100 points (HD 42)
_MAX_TEXT = 200


def _fail(rules: Rules, key: str, message: str, row: int | None = None) -> ValidationError:
    label = rules.settings[key].label
    where = f"{label}, dòng {row}" if row is not None else label
    return ValidationError(f"{where}: {message}", label, key)


def _text(rules: Rules, key: str, value: Any, what: str, row: int) -> str:
    text = nfc(value if isinstance(value, str) else "")
    if not text:
        raise _fail(rules, key, f"chưa ghi {what}.", row)
    if len(text) > _MAX_TEXT:
        raise _fail(rules, key, f"{what} quá dài (tối đa {_MAX_TEXT} ký tự).", row)
    return text


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,4}\s*", value):
        return int(value)
    return None


def _rows(rules: Rules, key: str, value: Any) -> list[Any]:
    if not isinstance(value, (list, tuple)) or not value:
        raise _fail(rules, key, "cần ít nhất một dòng.")
    return list(value)


def _keys(rules: Rules, key: str, rows: list[dict[str, Any]], labels: list[str]) -> list[str]:
    """Each row's code: kept when the row had one (sheets and scores refer to it), made from the
    label for a new row. Codes must be unique; so must labels."""
    keys: list[str] = []
    for i, (row, label) in enumerate(zip(rows, labels), start=1):
        for j, earlier in enumerate(labels[: i - 1], start=1):
            if fold(earlier) == fold(label):
                raise _fail(rules, key, f"trùng tên với dòng {j} (“{earlier}”).", i)
        code = row.get("key")
        if code is None or code == "":
            base = re.sub(r"[^a-z0-9]+", "_", fold(label))[:36].strip("_") or "tieu_chi"
            code, n = base, 2
            while code in keys or any(r.get("key") == code for r in rows):
                code, n = f"{base}_{n}", n + 1
        elif not isinstance(code, str) or not re.fullmatch(r"[a-z0-9_]{1,40}", code):
            raise _fail(rules, key, f"mã “{code}” không hợp lệ.", i)
        if code in keys:
            raise _fail(rules, key, f"trùng mã “{code}” với dòng {keys.index(code) + 1}.", i)
        keys.append(code)
    return keys


def check_quality_criteria(rules: Rules, value: Any) -> list[dict[str, Any]]:
    return _check_scored("meeting_quality_criteria", rules, value)


def _check_scored(key: str, rules: Rules, value: Any) -> list[dict[str, Any]]:
    """Criteria with their maximum points, adding up to 100 (meeting quality; year-end review)."""
    rows = [r if isinstance(r, dict) else {} for r in _rows(rules, key, value)]
    labels = [_text(rules, key, r.get("label"), "tên tiêu chí", i) for i, r in enumerate(rows, start=1)]
    maxima = []
    for i, r in enumerate(rows, start=1):
        points = _whole(r.get("max"))
        if points is None or not 1 <= points <= QUALITY_TOTAL:
            raise _fail(rules, key, f"điểm tối đa phải là số nguyên dương, không quá {QUALITY_TOTAL}.", i)
        maxima.append(points)
    if sum(maxima) != QUALITY_TOTAL:
        raise _fail(
            rules, key, f"tổng điểm tối đa các tiêu chí phải bằng {QUALITY_TOTAL} (đang là {sum(maxima)})."
        )
    keys = _keys(rules, key, rows, labels)
    return [{"key": k, "label": label, "max": m} for k, label, m in zip(keys, labels, maxima)]


def check_quality_bands(rules: Rules, value: Any) -> list[list[Any]]:
    key = "meeting_quality_bands"
    bands: list[list[Any]] = []
    for i, row in enumerate(_rows(rules, key, value), start=1):
        pair = list(row) if isinstance(row, (list, tuple)) and len(row) == 2 else [None, None]
        floor = _whole(pair[0])
        if floor is None or not 0 <= floor <= QUALITY_TOTAL:
            raise _fail(rules, key, f"điểm từ phải là số nguyên từ 0 đến {QUALITY_TOTAL}.", i)
        label = _text(rules, key, pair[1], "tên xếp loại", i)
        if bands and floor >= bands[-1][0]:
            raise _fail(
                rules,
                key,
                f"điểm từ ({floor}) phải nhỏ hơn dòng trên ({bands[-1][0]}): xếp từ cao xuống thấp.",
                i,
            )
        for j, (_, earlier) in enumerate(bands, start=1):
            if fold(earlier) == fold(label):
                raise _fail(rules, key, f"trùng tên xếp loại với dòng {j} (“{earlier}”).", i)
        bands.append([floor, label])
    if bands[-1][0] != 0:
        raise _fail(rules, key, "dòng cuối phải từ 0 điểm, để điểm nào cũng có xếp loại.", len(bands))
    return bands


def check_comment_criteria(rules: Rules, value: Any) -> list[dict[str, Any]]:
    key = "comment_criteria"
    rows = [r if isinstance(r, dict) else {} for r in _rows(rules, key, value)]
    labels = [_text(rules, key, r.get("label"), "nội dung nhận xét", i) for i, r in enumerate(rows, start=1)]
    all_levels = []
    for i, r in enumerate(rows, start=1):
        raw = r.get("levels")
        if not isinstance(raw, (list, tuple)) or len(raw) != 3:
            raise _fail(rules, key, "mỗi tiêu chí cần đúng ba mức.", i)
        levels = [_text(rules, key, level, f"mức {n}", i) for n, level in enumerate(raw, start=1)]
        if len({fold(x) for x in levels}) != 3:
            raise _fail(rules, key, "ba mức phải khác nhau.", i)
        all_levels.append(levels)
    keys = _keys(rules, key, rows, labels)
    result = [
        {"key": k, "label": label, "levels": levels} for k, label, levels in zip(keys, labels, all_levels)
    ]
    short = list(rules["comment_short_criteria"])
    old = {c["key"]: c["label"] for c in rules["comment_criteria"]}
    for code in short:
        if code not in keys:
            raise _fail(
                rules,
                key,
                f"tiêu chí “{old.get(code, code)}” đang có trong phiếu rút "
                "gọn: bỏ nó ở phiếu rút gọn trước khi xóa.",
            )
    return result


def check_short_criteria(rules: Rules, value: Any) -> list[str]:
    key = "comment_short_criteria"
    criteria = {c["key"]: c["label"] for c in rules["comment_criteria"]}
    chosen: list[str] = []
    for i, code in enumerate(_rows(rules, key, value), start=1):
        if not isinstance(code, str) or code not in criteria:
            raise _fail(rules, key, f"tiêu chí “{code}” không có trong danh sách tiêu chí phiếu nhận xét.", i)
        if code in chosen:
            raise _fail(rules, key, f"“{criteria[code]}” đã chọn ở dòng {chosen.index(code) + 1}.", i)
        chosen.append(code)
    return [c for c in criteria if c in chosen]  # in the order of the full sheet


def check_review_levels(rules: Rules, value: Any) -> list[dict[str, Any]]:
    """The four levels, best first (their codes are fixed: the reviews store them): each with
    its wording and the least score that reaches it, going down to 0."""
    key = LEVELS_KEY
    rows = [r if isinstance(r, dict) else {} for r in _rows(rules, key, value)]
    codes = [lv.value for lv in Level]
    if [r.get("key") for r in rows] != codes:
        raise _fail(
            rules, key, f"cần đúng {len(codes)} mức, từ cao xuống thấp (không thêm, bớt hay đổi thứ tự)."
        )
    levels: list[dict[str, Any]] = []
    for i, (row, code) in enumerate(zip(rows, codes), start=1):
        label = _text(rules, key, row.get("label"), "tên mức xếp loại", i)
        floor = _whole(row.get("min_score"))
        if floor is None or not 0 <= floor <= QUALITY_TOTAL:
            raise _fail(rules, key, f"điểm tối thiểu phải là số nguyên từ 0 đến {QUALITY_TOTAL}.", i)
        if levels and floor >= levels[-1]["min_score"]:
            raise _fail(
                rules,
                key,
                f"điểm tối thiểu ({floor}) phải nhỏ hơn mức trên ({levels[-1]['min_score']}).",
                i,
            )
        for j, earlier in enumerate(levels, start=1):
            if fold(earlier["label"]) == fold(label):
                raise _fail(rules, key, f"trùng tên mức với dòng {j} (“{earlier['label']}”).", i)
        levels.append({"key": code, "label": label, "min_score": floor})
    if levels[-1]["min_score"] != 0:
        raise _fail(rules, key, "mức cuối phải từ 0 điểm, để điểm nào cũng có mức.", len(levels))
    return levels


def check_review_criteria(rules: Rules, value: Any) -> list[dict[str, Any]]:
    return _check_scored(CRITERIA_KEY, rules, value)


def check_review_conditions(rules: Rules, value: Any) -> list[dict[str, Any]]:
    """Conditions that cap a member's level: wording and the best level still allowed. The
    discipline condition stays (the register ticks it by itself from a discipline event)."""
    key = CONDITIONS_KEY
    rows = [r if isinstance(r, dict) else {} for r in _rows(rules, key, value)]
    labels = [_text(rules, key, r.get("label"), "tên điều kiện", i) for i, r in enumerate(rows, start=1)]
    names = _level_names(rules)
    caps = []
    for i, r in enumerate(rows, start=1):
        cap = r.get("cap")
        if cap not in names or cap == Level.EXCELLENT.value:
            allowed = ", ".join(f"“{names[lv.value]}”" for lv in list(Level)[1:])
            raise _fail(rules, key, f"mức tối đa phải là một trong {allowed}.", i)
        caps.append(cap)
    keys = _keys(rules, key, rows, labels)
    if DISCIPLINED not in keys:
        old = {c["key"]: c["label"] for c in rules.settings[key].default}
        raise _fail(
            rules,
            key,
            f"không xóa được điều kiện “{old.get(DISCIPLINED, DISCIPLINED)}”: sổ đảng viên tự "
            "đánh dấu nó khi có kỷ luật trong năm (có thể sửa tên và mức tối đa).",
        )
    return [{"key": k, "label": label, "cap": cap} for k, label, cap in zip(keys, labels, caps)]


def _level_names(rules: Rules) -> dict[str, str]:
    """Each level's code -> its wording in force ("good" → "Hoàn thành tốt nhiệm vụ")."""
    names = {lv.value: lv.value for lv in Level}
    names.update({str(r["key"]): str(r["label"]) for r in rules[LEVELS_KEY] if r.get("key") in names})
    return names


def parse_milestones(rules: Rules, text: str) -> list[int]:
    """ "30, 40, 45 …" typed in one line -> the list (then checked)."""
    parts = [x for x in re.split(r"[\s,;]+", nfc(text)) if x]
    for part in parts:
        if _whole(part) is None:
            raise _fail(rules, "badge_milestones_years", f"“{part}” không phải số nguyên dương.")
    return check_milestones(rules, [int(x) for x in parts])


def check_milestones(rules: Rules, value: Any) -> list[int]:
    key = "badge_milestones_years"
    years: list[int] = []
    for i, raw in enumerate(_rows(rules, key, value), start=1):
        number = _whole(raw)
        if number is None or not 1 <= number <= 120:
            raise _fail(rules, key, f"mốc thứ {i} (“{raw}”) phải là số năm, từ 1 đến 120.")
        if years and number <= years[-1]:
            raise _fail(
                rules,
                key,
                f"mốc thứ {i} ({number}) phải lớn hơn mốc đứng trước ({years[-1]}): ghi từ nhỏ đến lớn.",
            )
        years.append(number)
    return years


def check_fraction(rules: Rules, key: str, value: Any) -> list[int]:
    """A majority as typed ("2/3") or stored ([2, 3]): whole numbers, more than 0, less than 1."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,3})\s*/\s*(\d{1,3})\s*", nfc(value))
        pair: list[int | None] | None = [int(m[1]), int(m[2])] if m else None
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        pair = [_whole(x) for x in value]
    else:
        pair = None
    if pair is None or pair[0] is None or pair[1] is None:
        raise _fail(rules, key, "ghi tỷ lệ dạng tử số/mẫu số bằng số nguyên, ví dụ 1/2 hoặc 2/3.")
    numerator, denominator = pair[0], pair[1]
    if not 0 < numerator < denominator:
        raise _fail(
            rules, key, f"tỷ lệ {numerator}/{denominator} phải lớn hơn 0 và nhỏ hơn 1 (tử số nhỏ hơn mẫu số)."
        )
    return [numerator, denominator]


def _check_fraction_of(key: str, rules: Rules, value: Any) -> list[int]:
    return check_fraction(rules, key, value)


CHECKS: dict[str, Callable[[Rules, Any], Any]] = {
    "meeting_quality_criteria": check_quality_criteria,
    "meeting_quality_bands": check_quality_bands,
    "comment_criteria": check_comment_criteria,
    "comment_short_criteria": check_short_criteria,
    "badge_milestones_years": check_milestones,
    LEVELS_KEY: check_review_levels,
    CRITERIA_KEY: check_review_criteria,
    CONDITIONS_KEY: check_review_conditions,
    **{key: partial(_check_fraction_of, key) for key in FRACTION_RULES},
}


def show_list(key: str, value: Any, rules: Rules) -> str:
    """A list setting in words, with labels (never codes like "civic; ethics; proposal")."""
    if key in FRACTION_RULES:
        return "/".join(str(x) for x in value)
    if key in ("meeting_quality_criteria", CRITERIA_KEY):
        return "; ".join(f"{c['label']}: {c['max']} điểm" for c in value)
    if key == LEVELS_KEY:
        return "; ".join(f"{c['label']} từ {c['min_score']} điểm" for c in value)
    if key == CONDITIONS_KEY:
        names = _level_names(rules)
        return "; ".join(f"{c['label']} (tối đa “{names.get(c['cap'], c['cap'])}”)" for c in value)
    if key == "meeting_quality_bands":
        return "; ".join(f"{label} từ {floor} điểm" for floor, label in value)
    if key == "comment_criteria":
        return "; ".join(f"{c['label']} ({' / '.join(c['levels'])})" for c in value)
    if key == "comment_short_criteria":
        labels = {c["key"]: c["label"] for c in rules["comment_criteria"]}
        labels.update(
            {
                c["key"]: c["label"]
                for c in rules.settings["comment_criteria"].default
                if c["key"] not in labels
            }
        )
        return "; ".join(labels.get(code, code) for code in value)
    return ", ".join(str(x) for x in value)
