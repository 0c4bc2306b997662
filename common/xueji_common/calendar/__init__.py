"""Pure working-day arithmetic for review deadlines; no I/O."""

from xueji_common.calendar.schedule import YearSchedule
from xueji_common.calendar.working_days import (
    SHANGHAI,
    Deadline,
    WorkingCalendar,
    local_date,
    month_deadline,
)

__all__ = [
    "SHANGHAI",
    "Deadline",
    "WorkingCalendar",
    "YearSchedule",
    "local_date",
    "month_deadline",
]
