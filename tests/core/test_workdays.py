"""Working days in Vietnam: weekends, public holidays (lunar Tết, Giỗ Tổ, substitute days) from
the holidays library, and the extra days off the government announces (a setting)."""

from __future__ import annotations

from datetime import date

from cellsec.rules.workdays import WorkCalendar, parse_days_off


def test_tet_2026_is_not_counted():
    # GIVEN Friday 13/02/2026, the last working day before Tết Bính Ngọ (16–20/02/2026)
    cal = WorkCalendar()
    # THEN the next working day is Monday 23/02/2026
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert not cal.is_working_day(date(2026, 2, 17))  # Mùng 1 Tết


def test_gio_to_hung_vuong_and_its_substitute_day():
    # GIVEN Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/04: Monday 27/04 is its substitute day
    cal = WorkCalendar()
    assert not cal.is_working_day(date(2026, 4, 27))
    # THEN one working day after Friday 24/04 is Tuesday 28/04
    assert cal.add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_national_day_and_weekends():
    cal = WorkCalendar()
    assert not cal.is_working_day(date(2026, 9, 2))
    assert not cal.is_working_day(date(2026, 12, 5))  # Saturday
    assert cal.is_working_day(date(2026, 12, 7))
    assert cal.working_days_between(date(2026, 12, 4), date(2026, 12, 7)) == 1


def test_an_extra_day_off_from_the_setting_is_not_a_working_day():
    # GIVEN the government gives Friday 02/01/2026 off (a setting typed by the secretary)
    extra = parse_days_off("02/01/2026; 31/02/2026 (sai); x")
    assert extra == frozenset({date(2026, 1, 2)})
    cal = WorkCalendar(extra)
    # THEN after Wednesday 31/12/2025 the next working day is Monday 05/01/2026
    assert cal.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert WorkCalendar().add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)


def test_thirty_working_days_after_a_probation_ending_before_tet():
    # GIVEN a probation ending on 15/01/2027; Tết Đinh Mùi takes 04–10/02/2027
    cal = WorkCalendar()
    end = cal.add_working_days(date(2027, 1, 15), 30)
    # THEN the 30 working days skip the five Tết weekdays: the review is due on 05/03/2027
    assert cal.working_days_between(date(2027, 1, 15), end) == 30
    assert end == date(2027, 3, 5)


def test_the_extra_days_off_setting_is_checked_and_then_counted(store):
    import pytest

    from cellsec.errors import ValidationError
    from cellsec.services.members import rules_of
    from cellsec.services.rule_settings import set_rule

    # WHEN the secretary types a wrong date THEN it is refused, naming it
    with pytest.raises(ValidationError, match="“31/02/2027” không phải ngày"):
        set_rule(store, "extra_days_off", "02/01/2027; 31/02/2027")
    # WHEN two days are typed in any order THEN they are kept sorted, written alike
    set_rule(store, "extra_days_off", " 3/1/2027 , 02/01/2027")
    assert rules_of(store)["extra_days_off"] == "02/01/2027; 03/01/2027"
    # AND clearing it is allowed
    set_rule(store, "extra_days_off", "")
    assert rules_of(store)["extra_days_off"] == ""


def test_the_days_off_table_is_the_librarys_own_answer():
    from importlib import resources

    from cellsec.rules.days_off_table import TABLE_FILE, TABLE_YEARS, library_days_off, table, table_text

    # GIVEN the table of public holidays the app reads instead of loading the library at start
    held = table()
    # THEN for every year it holds it says exactly what the library says (a new version of the
    # library that moves a day fails here: make the table again, see days_off_table.py)
    assert set(held) == set(TABLE_YEARS)
    for year in TABLE_YEARS:
        assert held[year] == library_days_off(year), year
    # AND the file is what its maker writes with this version of the library
    assert (resources.files("cellsec.rules") / TABLE_FILE).read_text("utf-8") == table_text()


def test_a_year_outside_the_table_asks_the_library():
    from cellsec.rules.days_off_table import TABLE_YEARS, library_days_off
    from cellsec.rules.workdays import official_days_off

    year = TABLE_YEARS.stop + 5
    assert date(year, 9, 2) in official_days_off(year) == library_days_off(year)


def test_counting_working_days_this_year_does_not_load_the_library():
    import subprocess
    import sys

    # WHEN a fresh process counts 30 working days from today's year (the to-do list at start)
    code = (
        "import sys; from datetime import date; from cellsec.rules.workdays import WorkCalendar; "
        "WorkCalendar().add_working_days(date(2026, 12, 1), 30); print('holidays' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # THEN the slow-to-load holidays library was not imported (the table answered)
    assert out.strip() == "False"
