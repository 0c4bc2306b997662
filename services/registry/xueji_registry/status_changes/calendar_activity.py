"""`calendar.compute_deadline` for the workflows this worker runs.

The status-change workflow calls it on its own task queue, and every worker polling a queue
must serve every activity sent there; so the registry's worker answers it too, with the same
pure working-day code and State Council schedules the transfer service uses.
"""

from __future__ import annotations

from temporalio import activity

from xueji_transfer.calendar import WorkingCalendar, month_deadline
from xueji_transfer.calendar.state_council import chinese_calendar_working_calendar
from xueji_workflows.approval.activities import (
    COMPUTE_DEADLINE,
    PAPER_FILE,
    DeadlineRequest,
    DeadlineResult,
)


class CalendarActivities:
    def __init__(self, calendar: WorkingCalendar | None = None) -> None:
        self._calendar = calendar or chinese_calendar_working_calendar()

    @activity.defn(name=COMPUTE_DEADLINE)
    async def compute_deadline(self, request: DeadlineRequest) -> DeadlineResult:
        if request.kind == PAPER_FILE:
            deadline = month_deadline(request.activated_at)
        else:
            deadline = self._calendar.deadline(request.activated_at, request.working_days)
        return DeadlineResult(deadline.due_at, deadline.provisional)
