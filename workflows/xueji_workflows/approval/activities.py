"""The deadline activity the machinery calls; the transfer service implements it, on its own
worker for transfers and on `CALENDAR_TASK_QUEUE` for the other case families.

`calendar.compute_deadline` answers from the published holiday schedules:
- kind "bureau" / "school": 23:59:59 Asia/Shanghai on the `working_days`-th working day
  after the Asia/Shanghai date of `activated_at` (day 0); provisional when it counted a year
  whose schedule is not published (Mon–Fri assumed).
- kind "paper_file": one calendar month after `activated_at` (`working_days` ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

COMPUTE_DEADLINE = "calendar.compute_deadline"
# Where the transfer service serves the calendar to families whose worker does not own it.
CALENDAR_TASK_QUEUE = "xueji-calendar"

BUREAU = "bureau"
SCHOOL = "school"
PAPER_FILE = "paper_file"


@dataclass(frozen=True)
class DeadlineRequest:
    activated_at: datetime
    kind: str
    working_days: int


@dataclass(frozen=True)
class DeadlineResult:
    due_at: datetime
    provisional: bool
