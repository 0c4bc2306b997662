"""The export service's Temporal worker: the approval workflow and its activities, on the
export queue. The deadline activity is the transfer service's (the holiday calendar is its),
served on the calendar queue, as for status changes."""

from __future__ import annotations

from datetime import timedelta

from temporalio.client import Client
from temporalio.worker import Worker

from xueji_common.temporal_worker import WORKFLOW_RUNNER
from xueji_export.approval.activities import ExportActivities
from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow


def export_worker(
    client: Client, task_queue: str, activities: ExportActivities, shutdown_grace: timedelta
) -> Worker:
    return Worker(
        client,
        task_queue=task_queue,
        workflows=[ExportApprovalWorkflow],
        activities=activities.all(),
        workflow_runner=WORKFLOW_RUNNER,
        graceful_shutdown_timeout=shutdown_grace,
    )
