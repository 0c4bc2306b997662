"""Who may decide what, refusals, and repeated decisions."""

from __future__ import annotations

import asyncio

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowHandle, WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    JIANGSU_SCHOOL,
    SHANGHAI_SCHOOL,
    approve_until,
    approver,
    county_officer,
    decide,
    error_type,
    registrar,
    reviewer,
    start_transfer,
    step,
    transfer_input,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.approval import DecisionReceipt
from xueji_workflows.transfer.workflows import TransferWorkflow

pytestmark = pytest.mark.integration


UPDATE_EVENTS = {
    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED,
    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
}


async def update_events(handle: WorkflowHandle) -> int:
    """Updates the history recorded; a validator's rejection must add none.

    (The test server still runs a workflow task for a rejected update, where the real
    server's speculative task leaves no trace, so only update events are compared.)
    """
    events = (await handle.fetch_history()).events
    return sum(1 for event in events if event.event_type in UPDATE_EVENTS)


@pytest.mark.parametrize(
    "refusing_step", ["receiving_school", "receiving_bureau", "sending_school", "sending_bureau"]
)
async def test_refusal_at_any_step_ends_the_transfer_and_releases_the_pupil(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
    refusing_step: str,
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await approve_until(handle, transfer, refusing_step)

    await decide(handle, approver(transfer, refusing_step), "refuse", "学位已满")
    outcome = await handle.result()

    assert (outcome.state, outcome.reason) == ("refused", "学位已满")
    timeline = await handle.query(TransferWorkflow.timeline)
    assert timeline.state == "refused"
    assert step(timeline, refusing_step).reason == "学位已满"
    assert transfer.national_number not in fakes.registry.open_cases
    assert [r.case_id for r in fakes.registry.released] == [transfer.transfer_id]
    types = fakes.events.types(transfer.transfer_id)
    assert types[-2:] == ["transfer.step_decided", "transfer.refused"]
    refused = fakes.events.transfer_events[-1]
    assert (refused.step, refused.reason) == (refusing_step, "学位已满")
    assert fakes.registry.move_calls == []


async def test_refusal_without_reason_is_rejected_without_touching_history(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await until_step(handle, "receiving_school")
    before = await update_events(handle)

    for blank in (None, "", "   "):
        with pytest.raises(WorkflowUpdateFailedError) as caught:
            await decide(handle, reviewer(SHANGHAI_SCHOOL), "refuse", blank)
        assert error_type(caught.value) == "REASON_REQUIRED"

    assert await update_events(handle) == before
    await decide(handle, reviewer(SHANGHAI_SCHOOL), "refuse", "不符合转学条件")
    assert await update_events(handle) == before + 2  # accepted, completed


@pytest.mark.parametrize(
    ("actor", "request_step", "code"),
    [
        (reviewer(JIANGSU_SCHOOL), None, "NOT_YOUR_STEP"),  # the other school
        (registrar(SHANGHAI_SCHOOL), None, "ROLE_NOT_ALLOWED"),  # right school, wrong role
        (county_officer(SHANGHAI_SCHOOL), None, "NOT_YOUR_STEP"),  # the bureau, too early
        (reviewer(SHANGHAI_SCHOOL), "receiving_bureau", "STEP_NOT_ACTIVE"),  # stale step
    ],
)
async def test_only_the_active_steps_party_may_decide(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
    actor: object,
    request_step: str | None,
    code: str,
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await until_step(handle, "receiving_school")
    before = await update_events(handle)

    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, actor, step_name=request_step)  # type: ignore[arg-type]

    assert error_type(caught.value) == code
    assert await update_events(handle) == before


async def test_bureau_of_another_county_may_not_decide(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await approve_until(handle, transfer, "receiving_bureau")

    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, county_officer(JIANGSU_SCHOOL))

    assert error_type(caught.value) == "NOT_YOUR_STEP"


async def test_unknown_decision_is_rejected(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await until_step(handle, "receiving_school")

    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, reviewer(SHANGHAI_SCHOOL), "reported")

    assert error_type(caught.value) == "INVALID_DECISION"


async def test_repeated_decision_id_is_accepted_once(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await until_step(handle, "receiving_school")

    first = await decide(handle, reviewer(SHANGHAI_SCHOOL), decision_id="d-1")
    await until_step(handle, "receiving_bureau")
    # A retried request, arriving once the next step is open, must not decide that one.
    again = await decide(handle, reviewer(SHANGHAI_SCHOOL), decision_id="d-1")

    assert isinstance(first, DecisionReceipt)
    assert again == first
    assert first.step == "receiving_school"
    timeline = await until_step(handle, "receiving_bureau")
    assert step(timeline, "receiving_bureau").decision is None
    decided = [e for e in fakes.events.transfer_events if e.type == "transfer.step_decided"]
    assert [e.step for e in decided] == ["receiving_school"]


async def test_decisions_after_a_refusal_are_rejected(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    fakes.registry.release_gate = asyncio.Event()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await until_step(handle, "receiving_school")
    await decide(handle, reviewer(SHANGHAI_SCHOOL), "refuse", "材料不全")

    # The run is still releasing the pupil, but the transfer is already over.
    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, reviewer(SHANGHAI_SCHOOL))
    fakes.registry.release_gate.set()

    assert error_type(caught.value) == "TRANSFER_FINISHED"
    assert (await handle.result()).state == "refused"
