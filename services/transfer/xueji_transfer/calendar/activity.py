"""`calendar.compute_deadline`: deadlines from the holiday schedules this service publishes.

Transfers call it as a local activity on the transfer worker; other case families (status
changes) call it on the calendar queue, which only this service polls.
"""

from __future__ import annotations

from temporalio import activity

from xueji_common.calendar.working_days import month_deadline
from xueji_transfer.calendar.store import CalendarStore
from xueji_workflows.approval.activities import (
    COMPUTE_DEADLINE,
    PAPER_FILE,
    DeadlineRequest,
    DeadlineResult,
)


class CalendarActivities:
    def __init__(self, calendar: CalendarStore) -> None:
        self._calendar = calendar

    @activity.defn(name=COMPUTE_DEADLINE)
    async def compute_deadline(self, request: DeadlineRequest) -> DeadlineResult:
        if request.kind == PAPER_FILE:
            deadline = month_deadline(request.activated_at)
        else:
            calendar = await self._calendar.working_calendar()
            deadline = calendar.deadline(request.activated_at, request.working_days)
        return DeadlineResult(deadline.due_at, deadline.provisional)
