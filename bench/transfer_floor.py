"""The floor for the transfer benchmark: the same number of updates, one after another, sent
straight to a bare workflow (no API, database, activities or events) on the same server."""

from __future__ import annotations

import asyncio
import time
import uuid

from temporalio.client import Client
from temporalio.worker import Worker

from bench.floor_workflow import FloorWorkflow
from bench.transfer_drive import Measured
from xueji_common.temporal_worker import WORKFLOW_RUNNER


async def _one(client: Client, queue: str, updates: int, upserts: bool, measured: Measured) -> None:
    handle = await client.start_workflow(
        FloorWorkflow.run, args=[updates, upserts], id=f"floor-{uuid.uuid4()}", task_queue=queue
    )
    for index in range(updates):
        began = time.perf_counter()
        await handle.execute_update(FloorWorkflow.step, index)
        measured.decisions.append(time.perf_counter() - began)
    await handle.result()
    measured.completed += 1
    measured.workflow_ids.append(handle.id)


async def run_floor(
    address: str, transfers: int, updates: int, *, upserts: bool = False
) -> Measured:
    """`transfers` floor workflows at once; `upserts` adds a transfer's search attributes."""
    client = await Client.connect(address)
    queue = f"xueji-bench-floor-{uuid.uuid4().hex[:8]}"
    measured = Measured()
    # Run as the services' workers run their workflows, so the two differ only in what they do.
    worker = Worker(
        client, task_queue=queue, workflows=[FloorWorkflow], workflow_runner=WORKFLOW_RUNNER
    )
    async with worker:
        began = time.perf_counter()
        await asyncio.gather(
            *(_one(client, queue, updates, upserts, measured) for _ in range(transfers))
        )
        measured.seconds = time.perf_counter() - began
    return measured
