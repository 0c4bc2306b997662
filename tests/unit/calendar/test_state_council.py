from datetime import date

import pytest

from xueji_common.calendar.state_council import (
    UnknownYearError,
    known_years,
    schedule_from_chinese_calendar,
)


def test_2026_schedule_has_golden_week_and_make_up_days() -> None:
    schedule = schedule_from_chinese_calendar(2026)

    assert schedule.year == 2026
    assert {date(2026, 10, d) for d in range(1, 8)} <= schedule.holidays
    assert date(2026, 10, 10) in schedule.make_up_days
    assert date(2026, 9, 20) in schedule.make_up_days


def test_seed_years_cover_2004_to_2026() -> None:
    assert known_years().start == 2004
    assert 2026 in known_years()
    assert all(schedule_from_chinese_calendar(y).holidays for y in known_years())


@pytest.mark.parametrize("year", [2003, 2027])
def test_unknown_year_raises(year: int) -> None:
    with pytest.raises(UnknownYearError, match=str(year)):
        schedule_from_chinese_calendar(year)
