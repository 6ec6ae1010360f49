"""Every list that can be exported to Excel/CSV, by key: the UI's export menu and the CLI read
this one table (an explicit list, not a registry filled by import side effects)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cellsec.errors import ValidationError
from cellsec.spreadsheets.export import Table, write_tables
from cellsec.spreadsheets.exporters import attendance_table, meetings_table, members_table
from cellsec.spreadsheets.liaison_tables import liaison_table, working_away_table
from cellsec.spreadsheets.review_table import review_tables
from cellsec.store import Store


@dataclass(frozen=True)
class TableSpec:
    key: str
    label: str  # Vietnamese, for the export menu
    collect: Callable[..., Table | list[Table]]  # collect(store, **options): one sheet or several


TABLES: dict[str, TableSpec] = {
    spec.key: spec
    for spec in (
        TableSpec("members", "Danh sách đảng viên", members_table),
        TableSpec("meetings", "Các buổi sinh hoạt trong năm", meetings_table),
        TableSpec("attendance", "Điểm danh một buổi sinh hoạt", attendance_table),
        TableSpec("liaison", "Sổ theo dõi đảng viên giữ mối liên hệ nơi cư trú", liaison_table),
        TableSpec("working_away", "Danh sách đảng viên đi làm ăn xa", working_away_table),
        TableSpec("review", "Kết quả kiểm điểm, xếp loại đảng viên cuối năm", review_tables),
    )
}


def export(store: Store, key: str, path: str | Path, **options: Any) -> int:
    """Collect the list `key` (see TABLES) and write it to `path` (.xlsx or .csv)."""
    spec = TABLES.get(key)
    if spec is None:
        raise ValidationError(f"Không có danh sách “{key}” để xuất.")
    tables = spec.collect(store, **options)
    return write_tables(path, [tables] if isinstance(tables, Table) else tables)
