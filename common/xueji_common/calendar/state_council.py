"""Schedules as shipped by the `chinese_calendar` package, used to seed the years it knows."""

from __future__ import annotations

from datetime import date

import chinese_calendar
from chinese_calendar import constants

from xueji_common.calendar.schedule import YearSchedule
from xueji_common.calendar.working_days import WorkingCalendar


class UnknownYearError(LookupError):
    """The package has no State Council schedule for this year."""


def known_years() -> range:
    """The years the installed package covers (2004–2026 for chinesecalendar 1.11)."""
    years = {d.year for d in constants.holidays}
    return range(min(years), max(years) + 1)


def schedule_from_chinese_calendar(year: int) -> YearSchedule:
    try:
        # The package raises NotImplementedError for a year it has no data for.
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError as err:
        raise UnknownYearError(f"no State Council schedule known for {year}") from err
    return YearSchedule(
        year=year,
        holidays=frozenset(d for d in constants.holidays if d.year == year),
        make_up_days=frozenset(d for d in constants.workdays if d.year == year),
    )


def chinese_calendar_working_calendar() -> WorkingCalendar:
    """A calendar with every year the package knows published."""
    return WorkingCalendar({y: schedule_from_chinese_calendar(y) for y in known_years()})
