"""The cell's profile: its name, its superior, the place its documents are dated at, its officers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CellProfile:
    cell_name: str = ""  # "Chi bộ thôn Tân Hồng"
    superior_name: str = ""  # "Đảng bộ xã Thanh Sơn"
    place_name: str = ""  # địa danh for document dates: "Thanh Sơn"
    secretary: str = ""
    deputy_secretary: str = ""
    term_label: str = ""  # "2025 – 2030"
    term_start: date | None = None

    @property
    def is_complete(self) -> bool:
        return bool(self.cell_name and self.superior_name and self.place_name and self.secretary)
