from datetime import UTC, date, datetime

import pytest

from xueji_common.calendar import SHANGHAI, WorkingCalendar, YearSchedule
from xueji_common.calendar.state_council import chinese_calendar_working_calendar

CALENDAR = chinese_calendar_working_calendar()
# A stand-in 2026 with a single holiday, for tests that publish 2027 themselves.
CALENDAR_2026 = YearSchedule(2026, holidays=frozenset({date(2026, 10, 1)}))


def test_golden_week_2026_with_make_up_saturday() -> None:
    # SPEC §5 example: Mid-Autumn and National Day off 2026-10-01..07, Saturday 10-10 worked.
    activated = datetime(2026, 9, 28, 10, 30, tzinfo=SHANGHAI)

    deadline = CALENDAR.deadline(activated, 10)

    assert deadline.due_at == datetime(2026, 10, 16, 23, 59, 59, tzinfo=SHANGHAI)
    assert deadline.due_at.isoformat() == "2026-10-16T23:59:59+08:00"
    assert deadline.provisional is False


def test_make_up_saturday_counts_and_holiday_weekday_does_not() -> None:
    assert CALENDAR.is_working_day(date(2026, 10, 10))
    assert not CALENDAR.is_working_day(date(2026, 10, 1))
    assert not CALENDAR.is_working_day(date(2026, 10, 11))
    assert CALENDAR.is_working_day(date(2026, 10, 9))


def test_unpublished_year_counts_monday_to_friday_provisionally() -> None:
    # 2027 is not published: New Year's Day 2027-01-01 (a Friday) counts as a working day.
    activated = datetime(2026, 12, 28, 9, 0, tzinfo=SHANGHAI)

    deadline = CALENDAR.deadline(activated, 10)

    assert deadline.due_at == datetime(2027, 1, 11, 23, 59, 59, tzinfo=SHANGHAI)
    assert deadline.provisional is True


def test_deadline_inside_published_year_is_final() -> None:
    day, provisional = CALENDAR.add_working_days(date(2026, 12, 1), 5)

    assert (day, provisional) == (date(2026, 12, 8), False)


def test_publishing_the_year_makes_it_final() -> None:
    published = YearSchedule(
        2027,
        holidays=frozenset({date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)}),
        make_up_days=frozenset(),
    )
    calendar = WorkingCalendar({2026: CALENDAR_2026, 2027: published})

    deadline = calendar.deadline(datetime(2026, 12, 28, 9, 0, tzinfo=SHANGHAI), 10)

    assert deadline.due_at == datetime(2027, 1, 12, 23, 59, 59, tzinfo=SHANGHAI)
    assert deadline.provisional is False


def test_late_evening_utc_counts_from_the_shanghai_date() -> None:
    # 2026-09-27 17:00 UTC is already 2026-09-28 01:00 in Shanghai.
    activated = datetime(2026, 9, 27, 17, 0, tzinfo=UTC)

    assert CALENDAR.deadline(activated, 10).due_at == datetime(
        2026, 10, 16, 23, 59, 59, tzinfo=SHANGHAI
    )


def test_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        CALENDAR.deadline(datetime(2026, 9, 28, 10, 0), 10)


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        CALENDAR.add_working_days(date(2026, 9, 28), -1)


def test_schedule_rejects_days_of_another_year() -> None:
    with pytest.raises(ValueError, match="another year"):
        YearSchedule(2027, holidays=frozenset({date(2026, 10, 1)}))


def test_calendar_rejects_schedule_filed_under_wrong_year() -> None:
    with pytest.raises(ValueError, match="filed under"):
        WorkingCalendar({2027: CALENDAR_2026})
