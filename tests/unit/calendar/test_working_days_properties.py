from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from xueji_common.calendar import local_date
from xueji_common.calendar.state_council import chinese_calendar_working_calendar

CALENDAR = chinese_calendar_working_calendar()

moments = st.datetimes(
    min_value=datetime(2004, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)
days = st.dates(min_value=date(2004, 1, 1), max_value=date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=40)


@given(moments, counts)
def test_deadline_is_after_activation(activated: datetime, n: int) -> None:
    assert CALENDAR.deadline(activated, n).due_at >= activated


@given(moments, counts)
def test_deadline_is_monotonic_in_n(activated: datetime, n: int) -> None:
    assert CALENDAR.deadline(activated, n).due_at < CALENDAR.deadline(activated, n + 1).due_at


@given(days, st.integers(min_value=1, max_value=40))
def test_nth_working_day_is_a_working_day(day0: date, n: int) -> None:
    day, _ = CALENDAR.add_working_days(day0, n)

    assert CALENDAR.is_working_day(day)
    between = (day0 + timedelta(days=i) for i in range(1, (day - day0).days + 1))
    assert sum(CALENDAR.is_working_day(d) for d in between) == n


@given(moments, st.integers(min_value=1, max_value=40))
def test_provisional_exactly_when_an_unpublished_year_is_counted(
    activated: datetime, n: int
) -> None:
    deadline = CALENDAR.deadline(activated, n)

    crosses_unpublished = local_date(deadline.due_at).year > 2026
    assert deadline.provisional is crosses_unpublished
