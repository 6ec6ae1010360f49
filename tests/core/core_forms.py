"""The cell profile core tests start from (members, meetings and rolls: tests/factories.py)."""

from __future__ import annotations

PROFILE = {
    "cell_name": "Chi bộ thôn Tân Hồng",
    "superior_name": "Đảng bộ xã Thanh Sơn",
    "place_name": "Thanh Sơn",
    "secretary": "Đặng Văn Khải",
}
