"""Working-day arithmetic for review deadlines (《中小学生学籍管理办法》 art. 14).

Counting rule (SPEC §5): the day a step becomes active is day 0, in Asia/Shanghai local
time; the deadline is 23:59:59 Asia/Shanghai on the n-th working day after it. Working days
follow the published State Council schedule; a year whose schedule is not published yet
counts Monday–Friday and makes the result provisional, to be recomputed once published.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from xueji_common.calendar.schedule import YearSchedule

SHANGHAI = ZoneInfo("Asia/Shanghai")
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class Deadline:
    due_at: datetime
    provisional: bool


def local_date(moment: datetime) -> date:
    """The Asia/Shanghai calendar date of an aware moment."""
    if moment.tzinfo is None:
        raise ValueError("moment must carry a time zone")
    return moment.astimezone(SHANGHAI).date()


def end_of_local_day(day: date) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=SHANGHAI)


class WorkingCalendar:
    """Working days over the years whose schedules are known; other years count Mon–Fri."""

    def __init__(self, schedules: Mapping[int, YearSchedule]) -> None:
        for year, schedule in schedules.items():
            if schedule.year != year:
                raise ValueError(f"schedule for {schedule.year} filed under {year}")
        self._schedules = dict(schedules)

    def is_published(self, year: int) -> bool:
        return year in self._schedules

    def is_working_day(self, day: date) -> bool:
        schedule = self._schedules.get(day.year)
        if schedule is not None:
            if day in schedule.make_up_days:
                return True
            if day in schedule.holidays:
                return False
        return day.weekday() < 5

    def add_working_days(self, day0: date, n: int) -> tuple[date, bool]:
        """The n-th working day after day0, and whether an unpublished year was counted."""
        if n < 0:
            raise ValueError("n must not be negative")
        day, counted, provisional = day0, 0, False
        while counted < n:
            day += timedelta(days=1)
            provisional = provisional or not self.is_published(day.year)
            if self.is_working_day(day):
                counted += 1
        return day, provisional

    def deadline(self, activated_at: datetime, working_days: int) -> Deadline:
        due_day, provisional = self.add_working_days(local_date(activated_at), working_days)
        return Deadline(due_at=end_of_local_day(due_day), provisional=provisional)


def month_deadline(activated_at: datetime) -> Deadline:
    """The paper-file deadline: one month after the record moved (SPEC §5).

    Same day of the next month in Asia/Shanghai, clamped to that month's last day
    (2026-01-31 → 2026-02-28), at 23:59:59 +08:00. Calendar months ignore holidays, so the
    result is never provisional.
    """
    start = local_date(activated_at)
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    first_of_following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    last_day = (first_of_following - timedelta(days=1)).day
    due_day = date(year, month, min(start.day, last_day))
    return Deadline(due_at=end_of_local_day(due_day), provisional=False)
