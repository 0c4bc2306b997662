"""`calendar.compute_deadline` for status changes started before the `local-activities` patch.

Those histories call it on the status-change queue, and every worker polling a queue must
serve every activity sent there, so the registry's worker answers it with the State Council
schedules (chinese_calendar). Status changes started since call the transfer service's
calendar queue, which also knows the years the operator published. Remove this with
`workflow.deprecate_patch("local-activities")` once the older status changes have finished.
"""

from __future__ import annotations

from temporalio import activity

from xueji_common.calendar import WorkingCalendar, month_deadline
from xueji_common.calendar.state_council import chinese_calendar_working_calendar
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
