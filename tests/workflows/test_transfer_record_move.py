"""The record move (调档): once, retried through outages, failing clearly on refusal."""

from __future__ import annotations

import asyncio

import pytest
from temporalio.client import WorkflowFailureError, WorkflowHandle
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.conftest import start_worker
from tests.workflows.transfer_cases import (
    SHANGHAI_SCHOOL,
    approve_until,
    approver,
    decide,
    error_type,
    exchange_paper_file,
    registrar,
    report_arrival,
    start_transfer,
    transfer_input,
    until_state,
)
from tests.workflows.workflow_fakes import MOVED_RECORD_VERSION, Fakes
from xueji_workflows.transfer import ArrivalReport, TransferInput
from xueji_workflows.transfer.route import approval_route
from xueji_workflows.transfer.workflows import TransferWorkflow

pytestmark = pytest.mark.integration


async def test_registry_refusing_the_move_fails_the_transfer_clearly(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    fakes.registry.move_refusal = "PUPIL_NOT_AT_SENDING_SCHOOL"
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await approve_until(handle, transfer)
    await report_arrival(handle, transfer)

    with pytest.raises(WorkflowFailureError) as caught:
        await handle.result()

    assert error_type(caught.value) == "RECORD_MOVE_FAILED"
    assert "PUPIL_NOT_AT_SENDING_SCHOOL" in caught.value.cause.message
    assert len(fakes.registry.move_calls) == 1
    timeline = await handle.query(TransferWorkflow.timeline)
    assert (timeline.state, timeline.failure_code) == ("failed", "RECORD_MOVE_FAILED")
    assert transfer.national_number not in fakes.registry.open_cases


async def test_registry_outage_during_the_move_is_retried_until_it_succeeds(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    fakes.registry.move_outages = 2
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await approve_until(handle, transfer)
    await report_arrival(handle, transfer)

    # Retries back off 5 s then 10 s of server time.
    await workflow_env.sleep(30)
    await until_state(handle, "awaiting_paper_file")

    assert len(fakes.registry.move_calls) == 3
    assert list(fakes.registry.moved) == [transfer.transfer_id]
    moved = [e for e in fakes.events.transfer_events if e.type == "transfer.record_moved"]
    assert len(moved) == 1
    assert moved[0].details["record_version"] == str(MOVED_RECORD_VERSION)


async def until_opened(fakes: Fakes, transfer: TransferInput, step: str) -> None:
    """Wait for the step-opened event, without a query (see `start_worker`)."""
    for _ in range(400):
        events = fakes.events.transfer_events
        if any(
            (e.case_id, e.type, e.step) == (transfer.transfer_id, "transfer.step_opened", step)
            for e in events
        ):
            return
        await asyncio.sleep(0.025)
    raise AssertionError(f"step {step} never opened")


async def test_record_moves_once_across_a_worker_restart(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    async with start_worker(workflow_env, task_queue, fakes, sticky=False):
        handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
        for spec in approval_route(transfer):
            await until_opened(fakes, transfer, spec.name)
            await decide(handle, approver(transfer, spec.name))
        await until_opened(fakes, transfer, "report_arrival")
        arrival = ArrivalReport("restart-arrival", registrar(SHANGHAI_SCHOOL))
        await handle.execute_update(TransferWorkflow.report_arrival, arrival)
        await until_opened(fakes, transfer, "paper_file_sent")

    # A new worker replays the whole history, then carries on with the paper file.
    async with start_worker(workflow_env, task_queue, fakes):
        await exchange_paper_file(handle, transfer)
        outcome = await handle.result()

    assert outcome.state == "completed"
    assert len(fakes.registry.move_calls) == 1
    assert fakes.events.types(transfer.transfer_id).count("transfer.record_moved") == 1
