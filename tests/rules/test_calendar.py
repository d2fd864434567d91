from datetime import date

import pytest

from minutes.errors import ConfigError
from minutes.rules.calendar import (
    add_months,
    add_working_days,
    bank_holidays,
    is_working_day,
    previous_working_day,
    working_days_between,
)

D = date


def test_calendar_christmas_on_weekend_has_substitute_days():
    # 2021: Christmas Saturday, Boxing Day Sunday -> Monday 27 and Tuesday 28 off.
    assert not is_working_day(D(2021, 12, 27))
    assert not is_working_day(D(2021, 12, 28))
    assert is_working_day(D(2021, 12, 29))
    # 2022: Christmas Sunday, Boxing Day Monday -> Tuesday 27 is the substitute.
    assert not is_working_day(D(2022, 12, 26))
    assert not is_working_day(D(2022, 12, 27))
    assert D(2022, 12, 27) in bank_holidays("england", 2022)


def test_calendar_easter_monday_england_not_scotland():
    assert not is_working_day(D(2023, 4, 10), "england")
    assert not is_working_day(D(2023, 4, 10), "wales")
    assert is_working_day(D(2023, 4, 10), "scotland")
    assert not is_working_day(D(2023, 4, 7), "scotland")  # Good Friday everywhere


def test_calendar_scotland_only_days():
    assert not is_working_day(D(2024, 1, 2), "scotland")
    assert is_working_day(D(2024, 1, 2), "england")
    assert not is_working_day(D(2023, 11, 30), "scotland")  # St Andrew's Day, Thursday
    assert is_working_day(D(2023, 11, 30), "northern_ireland")


def test_calendar_northern_ireland_days():
    assert not is_working_day(D(2023, 3, 17), "northern_ireland")
    assert not is_working_day(D(2023, 7, 12), "Northern Ireland")
    assert is_working_day(D(2023, 3, 17), "england")
    assert is_working_day(D(2023, 7, 12), "scotland")


def test_calendar_may_spring_summer_bank_holidays():
    eng = bank_holidays("england", 2023)
    sct = bank_holidays("scotland", 2023)
    assert {D(2023, 5, 1), D(2023, 5, 29), D(2023, 8, 28)} <= eng
    assert D(2023, 8, 7) not in eng
    assert D(2023, 8, 7) in sct and D(2023, 8, 28) not in sct  # first Monday of August


def test_calendar_one_off_holidays():
    for nation in ("england", "wales", "scotland", "northern_ireland"):
        assert not is_working_day(D(2022, 9, 19), nation)  # state funeral
        assert not is_working_day(D(2023, 5, 8), nation)   # coronation
    assert is_working_day(D(2024, 5, 7))


def test_calendar_bank_holidays_many_years():
    both = bank_holidays("england", [2022, 2023])
    assert D(2022, 6, 3) in both and D(2023, 5, 8) in both


def test_calendar_add_working_days_zero_and_signs():
    sat = D(2024, 3, 9)
    assert add_working_days(sat, 0) == sat
    assert add_working_days(D(2024, 3, 8), 1) == D(2024, 3, 11)   # Friday -> Monday
    assert add_working_days(D(2024, 3, 11), -1) == D(2024, 3, 8)  # Monday -> Friday
    assert add_working_days(sat, 1) == D(2024, 3, 11)
    assert add_working_days(D(2024, 3, 4), 15) == D(2024, 3, 25)


def test_calendar_add_working_days_across_easter():
    # Thursday before Easter 2024 + 1 skips Good Friday, weekend and Easter Monday.
    assert add_working_days(D(2024, 3, 28), 1, "england") == D(2024, 4, 2)
    assert add_working_days(D(2024, 3, 28), 1, "scotland") == D(2024, 4, 1)


def test_calendar_working_days_between_convention():
    mon, fri = D(2024, 3, 4), D(2024, 3, 8)
    assert working_days_between(mon, fri) == 4          # Tue..Fri, end included
    assert working_days_between(mon, mon) == 0
    assert working_days_between(fri, mon) == -4
    assert working_days_between(D(2024, 3, 8), D(2024, 3, 10)) == 0  # into the weekend
    a = D(2023, 12, 20)
    for n in range(0, 30):
        assert working_days_between(a, add_working_days(a, n)) == n


def test_calendar_previous_working_day():
    assert previous_working_day(D(2023, 12, 26)) == D(2023, 12, 22)
    assert previous_working_day(D(2023, 12, 22)) == D(2023, 12, 22)


def test_calendar_add_months_clamps_month_end():
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2023, 11, 15), 3) == D(2024, 2, 15)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
    assert add_months(D(2024, 3, 31), 0) == D(2024, 3, 31)


def test_calendar_unknown_nation_names_allowed():
    with pytest.raises(ConfigError) as info:
        is_working_day(D(2024, 1, 1), "france")
    msg = str(info.value)
    assert "france" in msg and "england" in msg and "northern_ireland" in msg
