"""After a year's schedule is published, every open case recomputes its provisional deadlines.

Open cases come from Temporal's visibility (transfers and status changes alike) and, because
visibility lags a little behind a start, from the open transfers the service stores too.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select
from temporalio.client import Client
from temporalio.service import RPCError, RPCStatusCode

from xueji_common.db import Database
from xueji_transfer.transfers.tables import transfers
from xueji_workflows import transfer as tf

log = logging.getLogger(__name__)

SIGNAL = "calendar_published"
OPEN_CASES = (
    "WorkflowType IN ('TransferWorkflow', 'StatusChangeWorkflow') AND ExecutionStatus = 'Running'"
)


async def _open_workflow_ids(client: Client, db: Database) -> set[str]:
    async with db.sessions() as session:
        stored = await session.scalars(
            select(transfers.c.workflow_id).where(transfers.c.state.not_in(tf.FINISHED_STATES))
        )
        ids = set(stored)
    try:
        async for execution in client.list_workflows(OPEN_CASES):
            ids.add(execution.id)
    except RPCError as error:
        log.warning("visibility unavailable, signalling stored transfers only: %r", error)
    return ids


async def _signal(client: Client, workflow_id: str, year: int) -> bool:
    try:
        await client.get_workflow_handle(workflow_id).signal(SIGNAL, year)
    except RPCError as error:
        if error.status == RPCStatusCode.NOT_FOUND:
            return False  # finished meanwhile: nothing to recompute
        raise
    return True


async def signal_open_cases(client: Client, db: Database, year: int) -> int:
    """Signal `calendar_published(year)` to every open case; how many were signalled."""
    ids = sorted(await _open_workflow_ids(client, db))
    results = await asyncio.gather(*(_signal(client, workflow_id, year) for workflow_id in ids))
    return sum(results)
