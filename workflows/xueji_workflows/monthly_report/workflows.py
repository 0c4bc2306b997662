"""The monthly report workflow: one activity per county, a few at a time. Deterministic."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

from xueji_workflows.monthly_report import (
    MonthlyReportInput,
    MonthlyReportOutcome,
    report_month,
)

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.monthly_report.activities import (
        LIST_COUNTIES,
        WRITE_COUNTY_REPORT,
        CountyList,
        CountyReportRequest,
        CountyReportResult,
    )

# Counties reported at once: enough to finish a province quickly, few enough for the database.
CONCURRENCY = 8
LIST_TIMEOUT = timedelta(minutes=1)
WRITE_TIMEOUT = timedelta(minutes=10)
RETRY = RetryPolicy(maximum_interval=timedelta(minutes=5))


@workflow.defn
class MonthlyReportWorkflow:
    @workflow.run
    async def run(self, request: MonthlyReportInput) -> MonthlyReportOutcome:
        month = request.month or report_month(workflow.now())
        counties = await workflow.execute_activity(
            LIST_COUNTIES,
            result_type=CountyList,
            start_to_close_timeout=LIST_TIMEOUT,
            retry_policy=RETRY,
        )
        run_id = workflow.info().run_id
        results: list[CountyReportResult] = []
        for start in range(0, len(counties.codes), CONCURRENCY):
            chunk = counties.codes[start : start + CONCURRENCY]
            results += await asyncio.gather(
                *(self._write(CountyReportRequest(code, month, run_id)) for code in chunk)
            )
        return MonthlyReportOutcome(
            month=month,
            counties=len(results),
            pupils=sum(r.pupil_count for r in results),
            object_keys=[r.object_key for r in results],
        )

    async def _write(self, request: CountyReportRequest) -> CountyReportResult:
        return await workflow.execute_activity(
            WRITE_COUNTY_REPORT,
            request,
            result_type=CountyReportResult,
            start_to_close_timeout=WRITE_TIMEOUT,
            retry_policy=RETRY,
        )
