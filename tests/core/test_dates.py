"""Dates typed as dd/mm/yyyy: parsing with Vietnamese messages, month arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from cellsec.dates import add_months, format_date, months_between, parse_date, years_months
from cellsec.errors import ValidationError

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text", ["05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026", " 05/03/2026 "])
def test_parse_accepts_the_usual_ways_of_typing_a_date(text):
    assert parse_date(text, "Ngày sinh", today=TODAY) == date(2026, 3, 5)


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("31/02/1990", "không có trên lịch"),
        ("1990-02-01", "dd/mm/yyyy"),
        ("abc", "dd/mm/yyyy"),
        ("01/01/2030", "tương lai"),
        ("01/01/1800", "không hợp lệ"),
    ],
)
def test_bad_dates_are_refused_with_the_field_named(text, fragment):
    with pytest.raises(ValidationError) as err:
        parse_date(text, "Ngày sinh", key="birth_date", today=TODAY)
    assert str(err.value).startswith("Ngày sinh:")
    assert fragment in str(err.value)
    assert err.value.key == "birth_date"


def test_required_and_future_allowed():
    with pytest.raises(ValidationError, match="chưa nhập"):
        parse_date("", "Ngày", required=True)
    assert parse_date("", "Ngày") is None
    assert parse_date("01/01/2030", "Đến ngày", allow_future=True, today=TODAY) == date(2030, 1, 1)


def test_format_and_month_arithmetic():
    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert months_between(date(2020, 5, 19), date(2021, 5, 18)) == 11
    assert months_between(date(2020, 5, 19), date(2021, 5, 19)) == 12
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert years_months(153) == "12 năm 9 tháng"
    assert years_months(24) == "2 năm"
    assert years_months(5) == "5 tháng"


@pytest.mark.parametrize(
    "text",
    ["20251105", "2025-W45-3", "2025-11-05T00:00", "2025-11-5", " 2025-11-05", "2025-11-05\n", "٢٠٢٥-١١-٠٥"],
)
def test_an_export_date_is_exactly_yyyy_mm_dd(text):
    from cellsec.dates import iso_date, iso_field

    with pytest.raises(ValueError):
        iso_date(text)
    with pytest.raises(ValidationError, match="cần yyyy-mm-dd"):
        iso_field(text, "Chi ủy, dòng 1")
    assert iso_date("2025-11-05") == date(2025, 11, 5)
