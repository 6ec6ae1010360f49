"""Shared form builders for core tests (plain text, as a dialog or an import would pass)."""
from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 22)

PROFILE = {"cell_name": "Chi bộ thôn Tân Hồng", "superior_name": "Đảng bộ xã Thanh Sơn",
           "place_name": "Thanh Sơn", "secretary": "Đặng Văn Khải"}


def member_form(**overrides: str) -> dict[str, str]:
    form = {"full_name": "Nguyễn Văn Đức", "sex": "Nam", "birth_date": "19/08/1988",
            "citizen_id": "025088001234", "party_card_no": "012345678901", "phone": "0912 345 678"}
    form.update(overrides)
    return form


def entry_form(**overrides: str) -> dict[str, str]:
    form = {"entry_kind": "admitted", "admission_date": "03/02/2014",
            "official_date": "20/02/2015"}
    form.update(overrides)
    return form
