"""Starting a case's workflow after its row and the pupil's lock are committed.

The registry owns the open-case lock, so filing claims it in the same transaction as the
case row and answers 2002 at once; the workflow's own claim then finds the lock held by
its case id and succeeds (idempotent). If the workflow cannot be started the case is
abandoned: the lock is released and the row says why.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import update
from temporalio.client import Client
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError

from xueji_common import errors
from xueji_common.db import Database
from xueji_registry.pupils.tables import pupils
from xueji_registry.status_changes.tables import status_changes
from xueji_workflows.search_attributes import at_start
from xueji_workflows.status_change import TASK_QUEUE, StatusChangeInput
from xueji_workflows.status_change.identity import identity_attributes
from xueji_workflows.status_change.workflows import StatusChangeWorkflow

log = logging.getLogger(__name__)

# How many workflow starts a cohort filing sends at once.
START_CONCURRENCY = 16


@dataclass(frozen=True)
class Launch:
    case_id: uuid.UUID
    workflow_id: str
    change: StatusChangeInput


@dataclass(frozen=True)
class LaunchFailure:
    case_id: uuid.UUID
    code: str
    message: str


class CaseLauncher:
    def __init__(self, client: Client, db: Database) -> None:
        self._client = client
        self._db = db

    async def launch(self, launch: Launch) -> LaunchFailure | None:
        """Start the workflow and note its run; on failure abandon the case and say why."""
        try:
            handle = await self._client.start_workflow(
                StatusChangeWorkflow.run,
                launch.change,
                id=launch.workflow_id,
                task_queue=TASK_QUEUE,
                search_attributes=at_start(identity_attributes(launch.change)),
            )
        except WorkflowAlreadyStartedError:
            # A finished case of the same pupil is still closing; the pupil's lock was free.
            closing = "上一学籍异动尚在办结中"
            failure = LaunchFailure(launch.case_id, errors.PUPIL_HAS_OPEN_CASE.code, closing)
        except RPCError as error:
            log.warning("status change %s not started: %s", launch.case_id, error)
            failure = LaunchFailure(launch.case_id, errors.WORKFLOW_UNAVAILABLE.code, str(error))
        else:
            await self._note_run(launch.case_id, handle.result_run_id or "")
            return None
        await self.abandon(failure, launch.change.national_number)
        return failure

    async def launch_all(self, launches: Sequence[Launch]) -> list[LaunchFailure]:
        gate = asyncio.Semaphore(START_CONCURRENCY)

        async def one(launch: Launch) -> LaunchFailure | None:
            async with gate:
                return await self.launch(launch)

        results = await asyncio.gather(*(one(launch) for launch in launches))
        return [failure for failure in results if failure is not None]

    async def _note_run(self, case_id: uuid.UUID, run_id: str) -> None:
        async with self._db.sessions() as session:
            await session.execute(
                update(status_changes)
                .where(status_changes.c.id == case_id, status_changes.c.state == "filed")
                .values(run_id=run_id, state="in_review")
            )
            await session.commit()

    async def abandon(self, failure: LaunchFailure, national_number: str) -> None:
        case_id = str(failure.case_id)
        async with self._db.sessions() as session:
            await session.execute(
                update(pupils)
                .where(
                    pupils.c.national_number == national_number, pupils.c.open_case_id == case_id
                )
                .values(open_case_id=None, open_case_kind=None)
            )
            await session.execute(
                update(status_changes)
                .where(status_changes.c.id == failure.case_id)
                .values(state="failed", failure_code=failure.code, failure_message=failure.message)
            )
            await session.commit()
