"""The registry's activities for the monthly report workflow (STYLE: hello_activity_method)."""

from __future__ import annotations

from sqlalchemy import Table
from temporalio import activity

from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.reports.monthly import county_codes, write_county_report
from xueji_registry.reports.store import ReportStore
from xueji_workflows.monthly_report.activities import (
    LIST_COUNTIES,
    WRITE_COUNTY_REPORT,
    CountyList,
    CountyReportRequest,
    CountyReportResult,
)


class MonthlyReportActivities:
    def __init__(self, db: Database, outbox: Table, store: ReportStore) -> None:
        self._db = db
        self._outbox = outbox
        self._store = store

    @activity.defn(name=LIST_COUNTIES)
    async def report_counties(self) -> CountyList:
        async with self._db.sessions() as session:
            return CountyList(await county_codes(session))

    @activity.defn(name=WRITE_COUNTY_REPORT)
    async def write_monthly_report(self, request: CountyReportRequest) -> CountyReportResult:
        async with UnitOfWork(self._db, self._outbox) as uow:
            key, count = await write_county_report(
                uow,
                self._store,
                county_code=request.county_code,
                month=request.month,
                run_id=request.run_id,
            )
        return CountyReportResult(request.county_code, key, count)
