"""One time-skipping Temporal test server for the session; a fresh task queue per test."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest
from temporalio.client import WorkflowExecutionStatus, WorkflowHandle
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow
from xueji_workflows.search_attributes import indexed_value_types
from xueji_workflows.status_change.workflows import StatusChangeWorkflow
from xueji_workflows.transfer.workflows import TransferWorkflow

TEST_SERVER = Path(sys.executable).parent / "temporal-test-server"


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def workflow_env() -> AsyncIterator[WorkflowEnvironment]:
    env = await WorkflowEnvironment.start_time_skipping(test_server_existing_path=str(TEST_SERVER))
    # The test server refuses to upsert search attributes it does not know.
    await env.client.operator_service.add_search_attributes(
        AddSearchAttributesRequest(
            namespace=env.client.namespace, search_attributes=indexed_value_types()
        )
    )
    yield env
    await env.shutdown()


@pytest.fixture
def task_queue() -> str:
    return f"xueji-test-{uuid.uuid4()}"


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


def start_worker(
    env: WorkflowEnvironment, task_queue: str, fakes: Fakes, *, sticky: bool = True
) -> Worker:
    """A worker for every workflow family with the fake activities.

    `sticky=False` keeps no workflow in memory, so nothing is routed to this worker's
    sticky queue after it stops (the test server never frees a stopped worker's queue).
    Every task and query then replays the history: slow, so drive such a worker by
    watching the fake event sink rather than by querying.
    """
    return Worker(
        env.client,
        task_queue=task_queue,
        workflows=[TransferWorkflow, StatusChangeWorkflow, ExportApprovalWorkflow],
        activities=fakes.activities(),
        max_cached_workflows=100 if sticky else 0,
    )


@pytest_asyncio.fixture(loop_scope="session")
async def worker(
    workflow_env: WorkflowEnvironment, task_queue: str, fakes: Fakes
) -> AsyncIterator[Worker]:
    async with start_worker(workflow_env, task_queue, fakes) as running:
        yield running


@pytest_asyncio.fixture(loop_scope="session")
async def started() -> AsyncIterator[list[WorkflowHandle]]:
    """Handles a test started; any still running afterwards are terminated.

    The test server holds time skipping while a task is in flight and leaks that hold when
    the workflow is terminated meanwhile, so each one is first left to settle.
    """
    handles: list[WorkflowHandle] = []
    yield handles
    for handle in handles:
        if await settled(handle):
            await handle.terminate("test finished")


# Last history events of a workflow that waits with nothing in flight.
RESTING = {
    EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
    EventType.EVENT_TYPE_TIMER_STARTED,
    EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
    # A local activity's result: an export case records its events and then waits on the
    # period-of-use timer it started long before.
    EventType.EVENT_TYPE_MARKER_RECORDED,
}


async def settled(handle: WorkflowHandle) -> bool:
    """Wait until the workflow has nothing in flight; False once it is closed."""
    for _ in range(400):
        description = await handle.describe()
        if description.status != WorkflowExecutionStatus.RUNNING:
            return False
        events = (await handle.fetch_history()).events
        if not description.raw_description.pending_activities and events[-1].event_type in RESTING:
            return True
        await asyncio.sleep(0.025)
    raise AssertionError(f"{handle.id} never settled")
