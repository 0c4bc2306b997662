"""The Temporal schedule of the monthly report, created or brought up to date at start-up."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from temporalio.client import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleAlreadyRunningError,
    ScheduleOverlapPolicy,
    SchedulePolicy,
    ScheduleSpec,
    ScheduleUpdate,
    ScheduleUpdateInput,
)
from temporalio.service import RPCError

from xueji_workflows.monthly_report import (
    CRON,
    SCHEDULE_ID,
    TASK_QUEUE,
    TIME_ZONE,
    WORKFLOW_ID,
    MonthlyReportInput,
)
from xueji_workflows.monthly_report.workflows import MonthlyReportWorkflow

log = logging.getLogger(__name__)

RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)


def monthly_schedule(cron: str = CRON) -> Schedule:
    return Schedule(
        action=ScheduleActionStartWorkflow(
            MonthlyReportWorkflow.run,
            MonthlyReportInput(),
            id=WORKFLOW_ID,
            task_queue=TASK_QUEUE,
        ),
        spec=ScheduleSpec(cron_expressions=[cron], time_zone_name=TIME_ZONE),
        # A missed 20th (server down) still runs within a day; a slow run is never doubled.
        policy=SchedulePolicy(overlap=ScheduleOverlapPolicy.SKIP, catchup_window=timedelta(days=1)),
    )


async def ensure_schedule(client: Client, cron: str = CRON) -> None:
    """Create the schedule, or replace an existing one's definition with ours."""
    schedule = monthly_schedule(cron)
    try:
        await client.create_schedule(SCHEDULE_ID, schedule)
    except ScheduleAlreadyRunningError:

        def replace(_: ScheduleUpdateInput) -> ScheduleUpdate:
            return ScheduleUpdate(schedule=schedule)

        await client.get_schedule_handle(SCHEDULE_ID).update(replace)


async def keep_trying(client: Client, cron: str = CRON) -> None:
    """The start-up job: ensure the schedule, waiting out a Temporal that is not up yet."""
    for delay in (*RETRY_DELAYS, None):
        try:
            await ensure_schedule(client, cron)
            return
        except RPCError as error:
            if delay is None:
                raise
            log.warning("monthly report schedule not ensured yet: %s", error)
            await asyncio.sleep(delay)
