"""Starting an application's workflow once its row is committed, and again for any filed
application whose start did not happen.

The workflow id is the application's (`export_approval_workflow_id`) and a start finds the
running workflow of that id instead of a second one, so starting is idempotent: the API
starts it right after filing, and the re-launcher starts every application still submitted
without a run (the start failed, or the process died between commit and start). A filed
application is never left without its workflow.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError

from xueji_common.db import Database
from xueji_common.runtime import BackgroundJob
from xueji_export.applications.states import ApplicationState
from xueji_export.applications.tables import export_applications
from xueji_export.approval.case_input import case_input, end_of_use
from xueji_workflows.export_approval import export_approval_workflow_id
from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow, identity_attributes
from xueji_workflows.search_attributes import at_start

log = logging.getLogger(__name__)

# A row this young may still be on its way to the start right after filing.
RELAUNCH_AFTER = timedelta(seconds=10)
RELAUNCH_BATCH = 100


@dataclass(frozen=True)
class Queues:
    """Where the workflows run and where they ask for deadlines; tests give their own."""

    export: str
    calendar: str


PeriodEnd = Callable[[Mapping[str, Any]], datetime]


def period_end(row: Mapping[str, Any]) -> datetime:
    return end_of_use(row["use_until"])


class ApprovalLauncher:
    def __init__(
        self,
        client: Client,
        db: Database,
        queues: Queues,
        working_days: int,
        ends: PeriodEnd = period_end,
    ) -> None:
        """`ends`: when an application's period of use ends (the end of its last day; tests
        that watch a file expire give a nearer end)."""
        self._client = client
        self._db = db
        self._queues = queues
        self._working_days = working_days
        self._ends = ends

    async def launch(self, row: Mapping[str, Any]) -> bool:
        """Start (or find) the application's workflow and note its run; False when Temporal
        could not be reached (the re-launcher tries again)."""
        case = replace(
            case_input(row, self._working_days),
            calendar_queue=self._queues.calendar,
            expires_at=self._ends(row).isoformat(),
        )
        workflow_id = export_approval_workflow_id(case.application_id)
        try:
            handle = await self._client.start_workflow(
                ExportApprovalWorkflow.run,
                case,
                id=workflow_id,
                task_queue=self._queues.export,
                search_attributes=at_start(identity_attributes(case)),
                id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
                # A finished case is never started over.
                id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE,
            )
            run_id = handle.result_run_id or ""
        except WorkflowAlreadyStartedError as error:
            run_id = error.run_id or ""
        except RPCError as error:
            log.warning("export approval %s not started: %s", case.application_id, error)
            return False
        async with self._db.sessions() as session, session.begin():
            await session.execute(
                update(export_applications)
                .where(export_applications.c.id == case.application_id)
                .values(workflow_id=workflow_id, run_id=run_id)
            )
        return True

    async def relaunch_pending(self) -> int:
        """Start the workflows of filed applications that have none; how many started."""
        before = datetime.now(UTC) - RELAUNCH_AFTER
        async with self._db.sessions() as session:
            rows = list(
                (
                    await session.execute(
                        select(export_applications)
                        .where(
                            export_applications.c.state == ApplicationState.SUBMITTED.value,
                            export_applications.c.run_id.is_(None),
                            export_applications.c.created_at < before,
                        )
                        .order_by(export_applications.c.created_at)
                        .limit(RELAUNCH_BATCH)
                    )
                ).mappings()
            )
        started = 0
        for row in rows:
            started += await self.launch(row)
        return started

    def relauncher(self, interval_seconds: float) -> BackgroundJob:
        async def run() -> None:
            while True:
                try:
                    await self.relaunch_pending()
                except Exception:  # a database outage: the next round tries again
                    log.exception("export approval re-launch round failed")
                await asyncio.sleep(interval_seconds)

        return run
