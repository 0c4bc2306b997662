"""The monthly report (SPEC §4): on the 20th each county reports to its city the pupils who
have no G national number yet (temporary L or J numbers). A Temporal schedule starts it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

TASK_QUEUE = "xueji-registry-reports"
SCHEDULE_ID = "xueji-monthly-report"
WORKFLOW_ID = "xueji-monthly-report"
# 02:00 on the 20th of every month, Beijing time.
CRON = "0 2 20 * *"
TIME_ZONE = "Asia/Shanghai"

# China keeps +08:00 all year; a fixed offset keeps the workflow free of zone databases.
_BEIJING = timezone(timedelta(hours=8))


def report_month(moment: datetime) -> str:
    """The month (YYYY-MM) a run starting at `moment` reports on, in Beijing time."""
    return moment.astimezone(_BEIJING).strftime("%Y-%m")


@dataclass(frozen=True)
class MonthlyReportInput:
    # YYYY-MM; None reports on the month the run starts in (what the schedule does).
    month: str | None = None


@dataclass(frozen=True)
class MonthlyReportOutcome:
    month: str
    counties: int
    pupils: int
    object_keys: list[str] = field(default_factory=list)
