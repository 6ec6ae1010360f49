"""Import a member roll from a spreadsheet, step one: the preview of every row (parsed member,
problems with row and column, duplicates, what it would do). Writing is in apply.py."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from cellsec.dates import format_date, parse_date
from cellsec.entities.members import MEMBER_DATA_FIELDS, Member, MemberEvent
from cellsec.errors import ValidationError
from cellsec.rules.settings import Rules
from cellsec.services.member_form import parse_member
from cellsec.services.members import ENTRY_KINDS, entry_events, rules_of
from cellsec.spreadsheets import legacy
from cellsec.spreadsheets.cells import CellProblem, cell_text
from cellsec.spreadsheets.headers import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    ENTRY_FIELDS,
    FIELD_LABELS,
    apply_overrides,
    auto_map,
    find_header_row,
    header_text,
    match_header,
)
from cellsec.spreadsheets.reader import ENCODING_NAMES, RawTable, read_table
from cellsec.store import Store
from cellsec.text import fold

Progress = Callable[[int, int], None]
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


class RowAction(str, Enum):
    ADD = "add"
    DUPLICATE = "duplicate"
    ERROR = "error"

    @property
    def label(self) -> str:
        return {RowAction.ADD: "Thêm mới", RowAction.DUPLICATE: "Bỏ qua vì trùng", RowAction.ERROR: "Lỗi"}[
            self
        ]


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it
    column: str  # the header in the file (or the field's label when no column holds it)
    field: str | None  # the field key, so a form can focus it
    message: str  # Vietnamese, from ValidationError


@dataclass(frozen=True)
class Duplicate:
    in_file: bool  # False: a member already on the register
    reasons: tuple[str, ...]  # "cùng họ tên và ngày sinh", "cùng số CCCD", ...
    member_id: int | None = None
    row: int | None = None
    name: str = ""

    @property
    def text(self) -> str:
        why = ", ".join(self.reasons)
        if self.in_file:
            return f"Trùng với dòng {self.row} trong tệp ({why})."
        return f"Trùng với hồ sơ đã có trong sổ: {self.name} ({why})."


@dataclass(frozen=True)
class ImportRow:
    row: int
    values: dict[str, str]  # form text: member fields and entry fields
    member: Member | None
    events: tuple[MemberEvent, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()

    @property
    def action(self) -> RowAction:
        if self.problems or self.member is None:
            return RowAction.ERROR
        return RowAction.DUPLICATE if self.duplicates else RowAction.ADD


@dataclass(frozen=True)
class ColumnInfo:
    index: int
    letter: str
    header: str
    field: str | None

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field or "", "")


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    kind: str
    sheet: str
    encoding: str
    header_row: int
    columns: tuple[ColumnInfo, ...]
    mapping: dict[str, int]  # field -> column index (0-based)
    rows: tuple[ImportRow, ...]
    ignored_rows: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    today: date = field(default_factory=date.today)

    def row(self, number: int) -> ImportRow:
        for r in self.rows:
            if r.row == number:
                return r
        raise ValidationError(f"Không có dòng {number} trong bảng xem trước.")

    def count(self, action: RowAction) -> int:
        return sum(r.action is action for r in self.rows)

    def column_name(self, field_key: str | None) -> str:
        if field_key in self.mapping:
            return self.columns[self.mapping[field_key]].header
        if field_key in ("birth_date", "sex"):
            for pseudo in (BIRTH_MALE, BIRTH_FEMALE):
                if pseudo in self.mapping:
                    return self.columns[self.mapping[pseudo]].header
        return FIELD_LABELS.get(field_key or "", field_key or "")

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "sheet": self.sheet,
            "encoding": self.encoding,
            "header_row": self.header_row,
            "columns": [
                {"column": c.letter, "header": c.header, "field": c.field, "label": c.field_label}
                for c in self.columns
            ],
            "notes": list(self.notes),
            "ignored_rows": list(self.ignored_rows),
            "summary": {a.value: self.count(a) for a in RowAction},
            "rows": [
                {
                    "row": r.row,
                    "action": r.action.value,
                    "action_label": r.action.label,
                    "full_name": r.member.full_name if r.member else r.values.get("full_name"),
                    "values": {k: v for k, v in r.values.items() if v},
                    "problems": [
                        {"column": p.column, "field": p.field, "message": p.message} for p in r.problems
                    ],
                    "duplicates": [d.text for d in r.duplicates],
                    "notes": list(r.notes),
                }
                for r in self.rows
            ],
        }


# --- reading the table ---------------------------------------------------------------------------
def _decode_rows(
    rows: list[list[object]], start: int
) -> tuple[list[list[object]], dict[tuple[int, int], str]]:
    """Convert TCVN3/VNI cells of the data rows (from `start`) to Unicode. A cell whose readings
    tie takes the encoding most cells of its column (else of the file) surely were in; header
    rows take the reading that names a field."""
    decided: dict[tuple[int, int], legacy.Decoded] = {}
    column_votes: dict[int, Counter[str]] = defaultdict(Counter)
    file_votes: Counter[str] = Counter()
    out = [[header_text(v) for v in row] if r < start else list(row) for r, row in enumerate(rows)]
    for r, row in enumerate(rows[start:], start=start):
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            if legacy.needs_check(value):
                d = legacy.decode(value)
                decided[(r, c)] = d
                if d.certain:
                    column_votes[c][d.encoding] += 1
                    file_votes[d.encoding] += 1
            elif legacy.surely_unicode(value):
                column_votes[c][legacy.UNICODE] += 1
                file_votes[legacy.UNICODE] += 1
    conversions: dict[tuple[int, int], str] = {}
    for (r, c), d in decided.items():
        if not d.certain:
            votes = column_votes[c] or file_votes
            prior = votes.most_common(1)[0][0] if votes else None
            d = legacy.decode(str(rows[r][c]), prior)
        out[r][c] = d.text
        if d.encoding != legacy.UNICODE:
            conversions[(r, c)] = d.encoding
    return out, conversions


def _headers(rows: list[list[object]], h: int) -> tuple[list[str], dict[int, str], int]:
    """Header texts, the columns the row below names "Nam"/"Nữ" (birth date by sex, under a
    merged "Ngày sinh"), and the index of the first data row."""
    width = max((len(r) for r in rows), default=0)
    top = [str(v).strip() if v is not None else "" for v in rows[h]] + [""] * width
    headers = top[:width]
    sub_fields: dict[int, str] = {}
    if h + 1 < len(rows):
        below = rows[h + 1]
        for c, v in enumerate(below):
            found = match_header(v) if isinstance(v, str) else None
            if found in (BIRTH_MALE, BIRTH_FEMALE):
                sub_fields[c] = found
        # A sub-header row has "Nam" and "Nữ" side by side; a member's row has one sex only.
        if not any(
            sub_fields.get(c) == BIRTH_MALE and sub_fields.get(c + 1) == BIRTH_FEMALE for c in sub_fields
        ):
            sub_fields = {}
    if sub_fields:
        parent = ""
        for c in range(width):
            parent = headers[c] or parent
            if c in sub_fields:
                headers[c] = f"{parent} ({rows[h + 1][c]})" if parent else str(rows[h + 1][c])
        return headers, sub_fields, h + 2
    return headers, sub_fields, h + 1


def _is_data(cells: list[object], mapping: dict[str, int]) -> bool:
    mapped = [cells[i] for i in mapping.values() if i < len(cells)]
    filled = [v for v in mapped if v is not None and str(v).strip()]
    if not filled:
        return False
    if len(filled) >= 3 and all(_NUMBERING.match(str(v).strip()) for v in filled):
        return False  # the "(1) (2) (3)" column-number row under the headers
    name_at = mapping.get("full_name")
    has_name = name_at is not None and name_at < len(cells) and str(cells[name_at] or "").strip()
    return bool(has_name) or len(filled) >= 2


# --- one row -----------------------------------------------------------------------------------
def _entry_kind(text: str) -> str:
    key = fold(text)
    if not key:
        return ""
    if key in ENTRY_KINDS:
        return key
    for code, label in ENTRY_KINDS.items():
        if key == fold(label):
            return code
    if "tam thoi" in key or "shtt" in key:
        return "attached_in"
    if "chuyen" in key:
        return "transferred_in"
    if "ket nap" in key:
        return "admitted"
    return text  # entry_events names it as not valid


CellIssues = list[tuple[str, str]]  # (field, message) of cells that could not be read


def _form_of(
    cells: list[object], mapping: dict[str, int], table: RawTable, column: Callable[[str], str]
) -> tuple[dict[str, str], list[str], CellIssues]:
    """Field texts of a row, notes on repairs, and (field, message) problems of single cells."""
    values = {k: "" for k in (*MEMBER_DATA_FIELDS, *ENTRY_FIELDS)}
    notes: list[str] = []
    problems: list[tuple[str, str]] = []
    raw: dict[str, str] = {}
    for key, index in mapping.items():
        value = cells[index] if index < len(cells) else None
        try:
            text, cell_notes = cell_text(value, key, numbers_are_text=table.kind == "csv", epoch=table.epoch)
        except CellProblem as exc:
            problems.append((key, str(exc)))
            continue
        raw[key] = text
        notes.extend(cell_notes)
    values.update({k: v for k, v in raw.items() if k in values})
    male, female = raw.get(BIRTH_MALE, ""), raw.get(BIRTH_FEMALE, "")
    if male and female:
        problems.append(("birth_date", "Ngày sinh: ghi ở cả cột Nam và cột Nữ."))
    elif male or female:
        sex = "Nam" if male else "Nữ"
        if values["birth_date"] and values["birth_date"] != (male or female):
            problems.append(("birth_date", "Ngày sinh: cột Nam/Nữ và cột Ngày sinh khác nhau."))
        values["birth_date"] = male or female
        if values["sex"] and fold(values["sex"]) != fold(sex):
            problems.append(("sex", f"Giới tính: “{values['sex']}” nhưng ngày sinh ghi ở cột {sex}."))
        elif not values["sex"]:
            values["sex"] = sex
    kind = _entry_kind(values["entry_kind"])
    if not kind and (values["origin"] or values["joined_date"]):
        kind = "transferred_in"
        notes.append(
            f"Có “{column('origin') if values['origin'] else column('joined_date')}”: "
            "coi là chuyển sinh hoạt chính thức đến (sửa cột Hình thức nếu khác)."
        )
    values["entry_kind"] = kind
    return values, notes, problems


_PROBE = {"full_name": "Nguyễn Văn A", "sex": "Nam", "birth_date": "01/01/1900"}


def _validate(
    values: dict[str, str], rules: Rules, today: date
) -> tuple[Member | None, tuple[MemberEvent, ...], list[ValidationError]]:
    """Parse the member and the events of how they joined; collect every independent error."""
    errors: list[ValidationError] = []
    form = {k: values.get(k, "") for k in MEMBER_DATA_FIELDS}
    entry = {k: values.get(k, "") for k in ENTRY_FIELDS}
    member: Member | None
    try:
        member = parse_member(form, today=today)
    except ValidationError as exc:
        member = None
        errors.append(exc)
        # parse_member stops at the first error: probe each field alone to list the others.
        for key in MEMBER_DATA_FIELDS:
            if key == exc.key or not (form[key] or key in _PROBE):
                continue
            try:
                parse_member({**_PROBE, key: form[key]}, today=today)
            except ValidationError as other:
                if other.key == key:
                    errors.append(other)
    events: tuple[MemberEvent, ...] = ()
    try:
        events = tuple(entry_events(member or Member(), entry, rules, today))
    except ValidationError as exc:
        errors.append(exc)
        for key in ("official_date", "joined_date", "attached_until"):
            if key != exc.key and entry[key]:
                try:
                    parse_date(
                        entry[key],
                        FIELD_LABELS[key],
                        key=key,
                        today=today,
                        allow_future=key == "attached_until",
                    )
                except ValidationError as other:
                    errors.append(other)
    return member, events, errors


def _check(
    values: dict[str, str],
    number: int,
    rules: Rules,
    today: date,
    column: Callable[[str | None], str],
    cell_problems: list[tuple[str, str]],
    notes: list[str],
) -> ImportRow:
    problems = [Problem(number, column(k), k, m) for k, m in cell_problems]
    member, events, errors = _validate(values, rules, today)
    bad_cells = {k for k, _ in cell_problems}
    for exc in errors:
        if exc.key in bad_cells and exc.key is not None:
            continue  # the cell problem already says what is wrong
        problems.append(Problem(number, column(exc.key), exc.key, str(exc)))
    return ImportRow(
        row=number,
        values=values,
        member=member,
        events=events if member else (),
        problems=tuple(problems),
        notes=tuple(notes),
    )


# --- duplicates --------------------------------------------------------------------------------
def duplicate_keys(m: Member) -> list[tuple[str, tuple[str, ...]]]:
    keys: list[tuple[str, tuple[str, ...]]] = [
        ("cùng họ tên và ngày sinh", ("nb", m.full_name, str(m.birth_date)))
    ]
    if m.citizen_id:
        keys.append(("cùng số CCCD", ("cid", m.citizen_id)))
    if m.party_card_no:
        keys.append(("cùng số thẻ đảng viên", ("card", m.party_card_no)))
    return keys


def _register_duplicates(store: Store, m: Member) -> list[Duplicate]:
    found = []
    for other in store.members.find_duplicates(m):
        reasons = []
        if other.full_name == m.full_name and other.birth_date == m.birth_date:
            reasons.append("cùng họ tên và ngày sinh")
        if m.citizen_id and other.citizen_id == m.citizen_id:
            reasons.append("cùng số CCCD")
        if m.party_card_no and other.party_card_no == m.party_card_no:
            reasons.append("cùng số thẻ đảng viên")
        born = f", sinh {format_date(other.birth_date)}" if other.birth_date else ""
        found.append(
            Duplicate(
                in_file=False, reasons=tuple(reasons), member_id=other.id, name=f"{other.full_name}{born}"
            )
        )
    return found


def _with_duplicates(store: Store, r: ImportRow, seen: dict[tuple[str, ...], int]) -> ImportRow:
    """The row with its duplicates on the register and among the rows whose keys are in `seen`
    (key -> row number, first occurrence); the row's own keys are added to `seen`."""
    if r.member is None:
        return r
    dups = _register_duplicates(store, r.member)
    earlier: dict[int, list[str]] = defaultdict(list)
    for reason, key in duplicate_keys(r.member):
        if key in seen:
            earlier[seen[key]].append(reason)
        else:
            seen[key] = r.row
    dups += [Duplicate(in_file=True, reasons=tuple(why), row=row) for row, why in sorted(earlier.items())]
    return replace(r, duplicates=tuple(dups))


# --- preview -----------------------------------------------------------------------------------
def preview_import(
    store: Store,
    path: str | Path,
    mapping: Mapping[str, str | int | None] | None = None,
    today: date | None = None,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read a roll and say what importing it would do. Writes nothing.

    `mapping` overrides the automatic column choice: field key -> header text, 0-based column
    index or letter, or None to leave a field out (see headers.apply_overrides)."""
    return preview_table(store, read_table(path, sheet=sheet), mapping, today, progress=progress)


def preview_table(
    store: Store,
    table: RawTable,
    mapping: Mapping[str, str | int | None] | None = None,
    today: date | None = None,
    *,
    progress: Progress | None = None,
) -> ImportPreview:
    today = today or date.today()
    h = find_header_row(table.rows)
    if h is None:
        raise ValidationError(
            f"Không tìm thấy dòng tiêu đề trong 10 dòng đầu của “{table.path.name}”"
            f"{' (trang ' + table.sheet + ')' if table.kind == 'xlsx' and table.sheet else ''}: "
            "cần ít nhất hai cột có tên như “Họ và tên”, “Ngày sinh”, “Giới tính”, "
            "“Ngày vào Đảng”. Hãy dùng tệp mẫu nhập đảng viên."
        )
    headers, sub_fields, start = _headers([[header_text(v) for v in row] for row in table.rows[h : h + 2]], 0)
    start += h
    rows, conversions = _decode_rows(table.rows, start)
    auto = auto_map(headers)
    for index, pseudo in sub_fields.items():
        for key in [k for k, i in auto.items() if i == index]:
            del auto[key]
        auto[pseudo] = index
    chosen = apply_overrides(auto, headers, mapping or {})
    by_column = {i: k for k, i in chosen.items()}
    columns = tuple(
        ColumnInfo(i, get_column_letter(i + 1), headers[i], by_column.get(i)) for i in range(len(headers))
    )
    draft = ImportPreview(
        path=table.path,
        kind=table.kind,
        sheet=table.sheet,
        encoding=ENCODING_NAMES.get(table.encoding, table.encoding),
        header_row=table.first_row + h,
        columns=columns,
        mapping=chosen,
        rows=(),
        today=today,
    )
    rules = rules_of(store)
    result: list[ImportRow] = []
    ignored: list[int] = []
    data = rows[start:]
    for offset, cells in enumerate(data):
        number = table.first_row + start + offset
        if not _is_data(cells, chosen):
            if any(v is not None and str(v).strip() for v in cells):
                ignored.append(number)
            continue
        values, notes, cell_problems = _form_of(cells, chosen, table, draft.column_name)
        converted = sorted(
            {conversions[(start + offset, i)] for i in chosen.values() if (start + offset, i) in conversions}
        )
        for enc in converted:
            cols = [
                headers[i] for i in sorted(chosen.values()) if conversions.get((start + offset, i)) == enc
            ]
            notes.insert(0, f"Chuyển từ mã {legacy.ENCODING_LABELS[enc]} sang Unicode: {', '.join(cols)}.")
        result.append(_check(values, number, rules, today, draft.column_name, cell_problems, notes))
        if progress:
            progress(offset + 1, len(data))
    notes = list(table.notes) + _file_notes(conversions, chosen, headers, ignored)
    seen: dict[tuple[str, ...], int] = {}
    checked = tuple(_with_duplicates(store, r, seen) for r in result)
    return replace(draft, rows=checked, ignored_rows=tuple(ignored), notes=tuple(notes))


def _file_notes(
    conversions: dict[tuple[int, int], str], chosen: dict[str, int], headers: list[str], ignored: list[int]
) -> list[str]:
    notes = []
    for enc, count in sorted(Counter(conversions.values()).items()):
        notes.append(f"Đã chuyển {count} ô từ mã {legacy.ENCODING_LABELS[enc]} sang Unicode.")
    unmapped = [
        h for i, h in enumerate(headers) if h and i not in chosen.values() and match_header(h) is None
    ]
    if unmapped:
        notes.append("Các cột không nhập (không nhận ra tên cột): " + ", ".join(unmapped) + ".")
    if "full_name" not in chosen:
        notes.append("Chưa có cột Họ và tên: hãy chọn cột chứa họ tên.")
    if "admission_date" not in chosen:
        notes.append("Chưa có cột Ngày vào Đảng: mọi dòng sẽ báo lỗi thiếu ngày kết nạp.")
    if ignored:
        notes.append(
            "Bỏ qua các dòng không phải dữ liệu đảng viên: " + ", ".join(str(n) for n in ignored) + "."
        )
    return notes


def recheck_row(
    store: Store,
    preview: ImportPreview,
    number: int,
    values: Mapping[str, str],
    today: date | None = None,
    *,
    rules: Rules | None = None,
    in_file: bool = True,
) -> ImportRow:
    """A row again with the user's corrected field texts (field key -> text), checked against
    the register as it is now and (unless `in_file` is False) the rows above it in the file."""
    today = today or preview.today
    old = preview.row(number)
    unknown = set(values) - set(old.values)
    if unknown:
        raise ValidationError(f"Không có trường {', '.join(sorted(unknown))} để sửa.")
    merged = {**old.values, **{k: str(v) for k, v in values.items()}}
    fresh = _check(merged, number, rules or rules_of(store), today, preview.column_name, [], list(old.notes))
    seen: dict[tuple[str, ...], int] = {}
    if in_file:
        for r in preview.rows:
            if r.row < number and r.member is not None:
                for _, key in duplicate_keys(r.member):
                    seen.setdefault(key, r.row)
    return _with_duplicates(store, fresh, seen)
