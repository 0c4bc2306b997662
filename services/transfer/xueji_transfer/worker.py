"""The service's Temporal workers, run as background jobs of the service process.

- the transfer queue: the transfer workflow and its activities (local activities since the
  `local-activities` patch, but still registered here for either kind of call);
- the calendar queue: only the deadline activity, for the case families of other services
  (status changes), since the holiday calendar is this service's.

The status-change queue belongs to the registry's worker alone: Temporal gives an activity task
to any poller of a queue, so a second service polling it would receive the registry's
activities.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from temporalio.client import Client
from temporalio.worker import Worker

from xueji_common.temporal_worker import WORKFLOW_RUNNER
from xueji_transfer.activities import TransferActivities
from xueji_transfer.calendar.activity import CalendarActivities
from xueji_workflows import transfer
from xueji_workflows.approval.activities import CALENDAR_TASK_QUEUE
from xueji_workflows.transfer.workflows import TransferWorkflow


@dataclass(frozen=True)
class TaskQueues:
    """Where the workers poll; tests give each run queues of its own."""

    transfer: str = transfer.TASK_QUEUE
    calendar: str = CALENDAR_TASK_QUEUE


def transfer_worker(
    client: Client,
    task_queue: str,
    activities: TransferActivities,
    calendar: CalendarActivities,
    shutdown_grace: timedelta,
) -> Worker:
    return Worker(
        client,
        task_queue=task_queue,
        workflows=[TransferWorkflow],
        activities=[*activities.all(), calendar.compute_deadline],
        workflow_runner=WORKFLOW_RUNNER,
        graceful_shutdown_timeout=shutdown_grace,
    )


def calendar_worker(
    client: Client, task_queue: str, calendar: CalendarActivities, shutdown_grace: timedelta
) -> Worker:
    return Worker(
        client,
        task_queue=task_queue,
        activities=[calendar.compute_deadline],
        graceful_shutdown_timeout=shutdown_grace,
    )
