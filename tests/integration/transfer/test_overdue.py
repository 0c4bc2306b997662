"""A missed deadline through the service: the step is marked overdue and escalated in the
stored transfer, the overdue list and the events — and nothing is decided by itself.

Runs the service against Temporal's time-skipping test server, so days pass at once.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest
from temporalio.testing import WorkflowEnvironment

from tests.integration.harness import eventually
from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import Stack, running_stack
from tests.integration.transfer.flows import decide, detail, file, until, until_recorded
from tests.integration.transfer.world import People, new_pupil
from xueji_stack.infrastructure import Infrastructure
from xueji_transfer.schema import outbox
from xueji_workflows.search_attributes import indexed_value_types

pytestmark = pytest.mark.integration

TEST_SERVER = Path(sys.executable).parent / "temporal-test-server"


@pytest.fixture(scope="module")
async def time_skipping() -> AsyncIterator[WorkflowEnvironment]:
    env = await WorkflowEnvironment.start_time_skipping(test_server_existing_path=str(TEST_SERVER))
    await env.client.operator_service.add_search_attributes(
        AddSearchAttributesRequest(
            namespace=env.client.namespace, search_attributes=indexed_value_types()
        )
    )
    yield env
    await env.shutdown()


@pytest.fixture(scope="module")
async def stack(
    infrastructure: Infrastructure,
    database_url: str,
    keys: tuple[Path, Path],
    people: People,
    task_queue: str,
    time_skipping: WorkflowEnvironment,
) -> AsyncIterator[Stack]:
    address = time_skipping.client.service_client.config.target_host
    async with running_stack(
        infrastructure, database_url, keys, people, task_queue, temporal_address=address
    ) as running:
        yield running


async def _published(stack: Stack, transfer_id: str) -> list[str]:
    async with stack.db.sessions() as session:
        kinds = await session.scalars(
            select(outbox.c.event_type)
            .where(outbox.c.aggregate_id == transfer_id)
            .order_by(outbox.c.seq)
        )
        return list(kinds)


async def test_a_missed_school_deadline_escalates_to_the_bureau_and_keeps_waiting(
    stack: Stack, ids: IdFactory, time_skipping: WorkflowEnvironment
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    transfer_id = (await file(api, people, pupil, "zy1", "43")).json()["id"]
    await until_recorded(api, people.operator, transfer_id, "receiving_school")

    await time_skipping.sleep(timedelta(days=12))

    async def escalated() -> bool:
        return "transfer.escalated" in await _published(stack, transfer_id)

    await eventually(escalated)
    kinds = await _published(stack, transfer_id)
    assert kinds.index("transfer.step_overdue") < kinds.index("transfer.escalated")
    body = await detail(api, people.operator, transfer_id)
    assert body["overdue"] is True and body["escalated_to"] == "410102"
    step = body["steps"][0]
    assert (step["step"], step["decision"], step["overdue"]) == ("receiving_school", None, True)
    assert step["escalated_to"] == ["410102"]

    listed = await api.get("/v1/overdue", headers=people.county("zy1"))
    groups = {g["authority"]: g["steps"] for g in listed.json()["authorities"]}
    assert transfer_id in [s["transfer_id"] for s in groups["410102"]]
    filtered = await api.get("/v1/transfers", headers=people.operator, params={"overdue": True})
    assert transfer_id in [item["id"] for item in filtered.json()["items"]]

    late = await decide(api, people.reviewer("zy1"), transfer_id)
    assert late.status_code == 200, late.text
    await until(api, people.operator, transfer_id, step="receiving_bureau")
    moved_on = await until_recorded(api, people.operator, transfer_id, "receiving_bureau")
    assert moved_on["overdue"] is False and moved_on["escalated_to"] is None
