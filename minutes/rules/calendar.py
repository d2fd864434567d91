"""Working-day arithmetic over the bank holidays of one UK nation.

A working day is Monday to Friday and not a bank holiday of the nation concerned (substitute
"observed" days included, and one-off days such as the 2022 state funeral).  Holidays come from
the offline `holidays` package and are cached per nation and year.

Conventions (the tests pin them):
- `add_working_days(d, 0)` returns `d` unchanged, even if `d` is not a working day.
- `add_working_days(d, n)` with n > 0 is the n-th working day strictly after `d`; with n < 0, the
  |n|-th working day strictly before `d`.
- `working_days_between(a, b)` counts the working days after `a` up to and including `b`
  (negative when `b` is before `a`), so `add_working_days(a, working_days_between(a, b)) == b`
  whenever `b` is a working day.
"""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

import holidays

from ..errors import ConfigError

NATIONS: dict[str, str] = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern_ireland": "NIR",
}
DEFAULT_NATION = "england"
_ONE_DAY = timedelta(days=1)


def nation_code(nation: str) -> str:
    """The `holidays` subdivision code for `nation` ("England", "northern ireland" ... accepted)."""
    key = str(nation).strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return NATIONS[key]
    except KeyError:
        raise ConfigError(
            f"unknown nation '{nation}'; use one of: {', '.join(NATIONS)}"
        ) from None


@lru_cache(maxsize=512)
def _year_holidays(code: str, year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv=code, years=year).keys())


def bank_holidays(nation: str, years: int | Iterable[int]) -> frozenset[date]:
    """Every bank holiday (including substitute days) of `nation` in the given year(s)."""
    code = nation_code(nation)
    wanted = [years] if isinstance(years, int) else list(years)
    out: set[date] = set()
    for year in wanted:
        out |= _year_holidays(code, int(year))
    return frozenset(out)


def _is_working(d: date, code: str) -> bool:
    return d.weekday() < 5 and d not in _year_holidays(code, d.year)


def is_working_day(d: date, nation: str = DEFAULT_NATION) -> bool:
    """True for a weekday that is not a bank holiday of `nation`."""
    return _is_working(d, nation_code(nation))


def add_working_days(d: date, n: int, nation: str = DEFAULT_NATION) -> date:
    """The n-th working day after `d` (before it when n < 0); `d` itself when n == 0."""
    code = nation_code(nation)
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    remaining = abs(int(n))
    current = d
    while remaining:
        current += step
        if _is_working(current, code):
            remaining -= 1
    return current


def working_days_between(a: date, b: date, nation: str = DEFAULT_NATION) -> int:
    """Working days after `a` up to and including `b`; negative when `b` is before `a`."""
    code = nation_code(nation)
    if b < a:
        return -working_days_between(b, a, nation)
    count = 0
    current = a
    while current < b:
        current += _ONE_DAY
        if _is_working(current, code):
            count += 1
    return count


def previous_working_day(d: date, nation: str = DEFAULT_NATION) -> date:
    """`d` if it is a working day, else the last working day before it."""
    code = nation_code(nation)
    while not _is_working(d, code):
        d -= _ONE_DAY
    return d


def add_months(d: date, n: int) -> date:
    """`d` moved by n calendar months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = d.year * 12 + (d.month - 1) + int(n)
    year, month = divmod(index, 12)
    month += 1
    last = _cal.monthrange(year, month)[1]
    return date(year, month, min(d.day, last))
