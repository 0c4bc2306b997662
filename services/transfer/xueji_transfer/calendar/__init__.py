"""Pure working-day arithmetic for review deadlines; no I/O."""

from xueji_transfer.calendar.schedule import YearSchedule
from xueji_transfer.calendar.working_days import (
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
