"""Withdrawal by the receiving school, only before the record moves."""

from __future__ import annotations

import uuid

import pytest
from temporalio.client import WorkflowHandle, WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    JIANGSU_SCHOOL,
    SHANGHAI_SCHOOL,
    approve_until,
    county_officer,
    error_type,
    registrar,
    report_arrival,
    reviewer,
    start_transfer,
    transfer_input,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.transfer import Withdrawal
from xueji_workflows.transfer.workflows import TransferWorkflow

pytestmark = pytest.mark.integration


def withdrawal(actor: object, reason: str = "家长改变主意") -> Withdrawal:
    return Withdrawal(str(uuid.uuid4()), actor, reason)  # type: ignore[arg-type]


@pytest.mark.parametrize("when", ["receiving_bureau", "report_arrival"])
async def test_receiving_school_withdraws_before_the_move(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
    when: str,
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    if when == "report_arrival":
        await approve_until(handle, transfer)
        await until_step(handle, "report_arrival", deadline=False)
    else:
        await approve_until(handle, transfer, when)

    await handle.execute_update(TransferWorkflow.withdraw, withdrawal(registrar(SHANGHAI_SCHOOL)))
    outcome = await handle.result()

    assert (outcome.state, outcome.reason) == ("withdrawn", "家长改变主意")
    assert fakes.registry.move_calls == []
    assert transfer.national_number not in fakes.registry.open_cases
    last = fakes.events.transfer_events[-1]
    assert (last.type, last.step, last.actor.unit_code) == (
        "transfer.withdrawn",
        "withdrawal",
        "2131000001",
    )
    timeline = await handle.query(TransferWorkflow.timeline)
    assert timeline.steps[-1].decision == "withdraw"


async def test_withdrawal_is_refused_after_the_move_and_to_other_parties(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await until_step(handle, "receiving_school")
    refusals = {
        "sending school": (withdrawal(reviewer(JIANGSU_SCHOOL)), "NOT_YOUR_STEP"),
        "bureau": (withdrawal(county_officer(SHANGHAI_SCHOOL)), "NOT_YOUR_STEP"),
        "no reason": (withdrawal(registrar(SHANGHAI_SCHOOL), " "), "REASON_REQUIRED"),
    }
    for request, code in refusals.values():
        with pytest.raises(WorkflowUpdateFailedError) as caught:
            await handle.execute_update(TransferWorkflow.withdraw, request)
        assert error_type(caught.value) == code

    await approve_until(handle, transfer)
    await report_arrival(handle, transfer)
    await until_step(handle, "paper_file_sent")
    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await handle.execute_update(
            TransferWorkflow.withdraw, withdrawal(registrar(SHANGHAI_SCHOOL))
        )

    assert error_type(caught.value) == "WITHDRAW_TOO_LATE"
    assert len(fakes.registry.move_calls) == 1
