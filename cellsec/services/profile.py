"""The cell profile: asked for on first run, edited from the Chi bộ menu."""

from __future__ import annotations

from collections.abc import Mapping

from cellsec.dates import format_date, parse_date
from cellsec.entities.changes import Changes
from cellsec.entities.profile import CellProfile
from cellsec.errors import ValidationError
from cellsec.services.forms import form_text
from cellsec.store import Store
from cellsec.text import clean_name

PROFILE_LABELS = {
    "cell_name": "Tên chi bộ",
    "superior_name": "Đảng bộ cấp trên",
    "place_name": "Địa danh (ghi ngày văn bản)",
    "secretary": "Bí thư",
    "deputy_secretary": "Phó Bí thư",
    "term_label": "Nhiệm kỳ",
    "term_start": "Ngày bắt đầu nhiệm kỳ",
}
_REQUIRED = ("cell_name", "superior_name", "place_name", "secretary")


def parse_profile(form: Mapping[str, str]) -> CellProfile:
    values = form_text(form, PROFILE_LABELS, max_len=200)
    for key in _REQUIRED:
        if not values[key]:
            raise ValidationError(f"{PROFILE_LABELS[key]}: chưa nhập.", PROFILE_LABELS[key], key)
    return CellProfile(
        cell_name=values["cell_name"],
        superior_name=values["superior_name"],
        place_name=values["place_name"],
        secretary=clean_name(values["secretary"]),
        deputy_secretary=clean_name(values["deputy_secretary"]),
        term_label=values["term_label"],
        term_start=parse_date(
            values["term_start"], PROFILE_LABELS["term_start"], key="term_start", allow_future=True
        ),
    )


def save_profile(store: Store, form: Mapping[str, str]) -> Changes:
    profile = parse_profile(form)
    with store.transaction():
        store.profile.put(profile)
    return Changes(profile=True)


def required_profile(store: Store) -> CellProfile:
    """The cell's profile, or the refusal every document and number gives when it is missing."""
    profile = store.profile.get()
    if profile is None:
        raise ValidationError("Chưa có thông tin chi bộ (menu Chi bộ › Thông tin chi bộ).")
    return profile


def profile_form(profile: CellProfile | None) -> dict[str, str]:
    p = profile or CellProfile()
    return {
        "cell_name": p.cell_name,
        "superior_name": p.superior_name,
        "place_name": p.place_name,
        "secretary": p.secretary,
        "deputy_secretary": p.deputy_secretary,
        "term_label": p.term_label,
        "term_start": format_date(p.term_start),
    }
