"""Record the monthly report history the replay test replays (needs the test server).

Run `python -m tests.unit.registry_reports.histories.record_monthly_report` after an
intended, `workflow.patched`-guarded change to MonthlyReportWorkflow.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from pathlib import Path

from temporalio import activity
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from xueji_workflows.monthly_report import MonthlyReportInput
from xueji_workflows.monthly_report.activities import (
    LIST_COUNTIES,
    WRITE_COUNTY_REPORT,
    CountyList,
    CountyReportRequest,
    CountyReportResult,
)
from xueji_workflows.monthly_report.workflows import MonthlyReportWorkflow

HISTORY = Path(__file__).parent / "monthly_report.json"
TEST_SERVER = Path(sys.executable).parent / "temporal-test-server"


@activity.defn(name=LIST_COUNTIES)
async def counties() -> CountyList:
    # More counties than the workflow reports at once, so the history has several rounds.
    return CountyList([f"3601{i:02d}" for i in range(1, 11)])


@activity.defn(name=WRITE_COUNTY_REPORT)
async def write(request: CountyReportRequest) -> CountyReportResult:
    return CountyReportResult(
        request.county_code, f"monthly/{request.month}/{request.county_code}.xlsx", 2
    )


async def record() -> None:
    env = await WorkflowEnvironment.start_time_skipping(test_server_existing_path=str(TEST_SERVER))
    async with env:
        queue = str(uuid.uuid4())
        worker = Worker(
            env.client, task_queue=queue, workflows=[MonthlyReportWorkflow],
            activities=[counties, write],
        )  # fmt: skip
        async with worker:
            handle = await env.client.start_workflow(
                MonthlyReportWorkflow.run,
                MonthlyReportInput(),
                id="monthly-report-recorded",
                task_queue=queue,
            )
            await handle.result()
            HISTORY.write_text((await handle.fetch_history()).to_json())


if __name__ == "__main__":
    asyncio.run(record())
