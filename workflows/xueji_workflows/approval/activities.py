"""The deadline activity the machinery calls; the transfer service implements it.

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
