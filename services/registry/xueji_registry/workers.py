"""The registry's Temporal workers, run as background jobs of the registry process.

- task queue xueji-status-change: StatusChangeWorkflow with the registry's activities
  (apply, record_event, the open-case lock: local activities since the `local-activities`
  patch); deadlines come from the transfer service's calendar queue, except for status
  changes started before the patch, which this worker still answers;
- task queue xueji-registry-reports: the monthly report workflow and its activities.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import Table
from temporalio.client import Client
from temporalio.worker import Worker

from xueji_common.db import Database
from xueji_common.runtime import BackgroundJob
from xueji_common.temporal_worker import WORKFLOW_RUNNER, worker_job
from xueji_registry.reports.monthly_activities import MonthlyReportActivities
from xueji_registry.reports.store import ReportStore
from xueji_registry.status_changes.activities import StatusChangeActivities
from xueji_registry.status_changes.calendar_activity import CalendarActivities
from xueji_workflows import monthly_report, status_change
from xueji_workflows.monthly_report.workflows import MonthlyReportWorkflow
from xueji_workflows.status_change.workflows import StatusChangeWorkflow


def status_change_worker(
    client: Client, db: Database, outbox: Table, shutdown_grace: timedelta
) -> Worker:
    cases = StatusChangeActivities(db, outbox)
    return Worker(
        client,
        graceful_shutdown_timeout=shutdown_grace,
        task_queue=status_change.TASK_QUEUE,
        workflows=[StatusChangeWorkflow],
        workflow_runner=WORKFLOW_RUNNER,
        activities=[
            cases.apply_status_change,
            cases.record_event,
            cases.record_events,
            cases.claim_case,
            cases.release_case,
            CalendarActivities().compute_deadline,
        ],
    )


def report_worker(
    client: Client, db: Database, outbox: Table, store: ReportStore, shutdown_grace: timedelta
) -> Worker:
    reports = MonthlyReportActivities(db, outbox, store)
    return Worker(
        client,
        graceful_shutdown_timeout=shutdown_grace,
        task_queue=monthly_report.TASK_QUEUE,
        workflows=[MonthlyReportWorkflow],
        workflow_runner=WORKFLOW_RUNNER,
        activities=[reports.report_counties, reports.write_monthly_report],
    )


def worker_jobs(workers: Sequence[tuple[str, Worker]]) -> list[tuple[str, BackgroundJob]]:
    return [(name, worker_job(worker)) for name, worker in workers]
