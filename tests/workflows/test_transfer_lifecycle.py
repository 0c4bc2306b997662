"""Withdrawal, routes, docking provinces, the open-case lock and the record move."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from temporalio.client import WorkflowFailureError, WorkflowHandle, WorkflowUpdateFailedError
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.conftest import start_worker
from tests.workflows.transfer_cases import (
    JIANGSU_SCHOOL,
    SHANGHAI_NEIGHBOUR,
    SHANGHAI_SCHOOL,
    approve_until,
    approver,
    county_officer,
    decide,
    error_type,
    exchange_paper_file,
    province_system,
    registrar,
    report_arrival,
    reviewer,
    start_transfer,
    transfer_input,
    until_state,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.transfer import ArrivalReport, TransferInput, Withdrawal
from xueji_workflows.transfer.route import approval_route
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
    assert transfer.pupil_number not in fakes.registry.open_cases
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


async def test_schools_under_one_bureau_go_to_it_once_after_both_schools(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input(receiving=SHANGHAI_SCHOOL, sending=SHANGHAI_NEIGHBOUR)
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)

    await until_step(handle, "receiving_school")
    await decide(handle, reviewer(SHANGHAI_SCHOOL))
    await until_step(handle, "sending_school")
    await decide(handle, reviewer(SHANGHAI_NEIGHBOUR))
    timeline = await until_step(handle, "common_bureau")
    await decide(handle, county_officer(SHANGHAI_SCHOOL))
    await report_arrival(handle, transfer)

    assert [s.step for s in timeline.steps] == [
        "receiving_school",
        "sending_school",
        "common_bureau",
    ]
    assert timeline.steps[-1].party_unit == "310101"
    await until_step(handle, "paper_file_sent")
    opened = [e.step for e in fakes.events.transfer_events if e.type == "transfer.step_opened"]
    assert opened[:3] == ["receiving_school", "sending_school", "common_bureau"]


async def test_docking_province_decides_its_steps_through_its_system(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input(sending_province_docks=True)
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await approve_until(handle, transfer, "sending_school")

    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, reviewer(JIANGSU_SCHOOL))
    assert error_type(caught.value) == "NOT_YOUR_STEP"
    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, province_system("31"))
    assert error_type(caught.value) == "NOT_YOUR_STEP"
    await decide(handle, province_system("32"))
    await until_step(handle, "sending_bureau")
    await decide(handle, approver(transfer, "sending_bureau"))
    await report_arrival(handle, transfer)
    await until_step(handle, "paper_file_sent")

    def outbound(step: str, kind: str) -> list[str]:
        events = fakes.events.transfer_events
        return next(e.outbound_provinces for e in events if (e.step, e.type) == (step, kind))

    assert outbound("receiving_school", "transfer.step_opened") == []
    assert outbound("sending_school", "transfer.step_opened") == ["32"]
    assert outbound("sending_bureau", "transfer.step_decided") == ["32"]
    decided = next(
        e
        for e in fakes.events.transfer_events
        if (e.step, e.type) == ("sending_school", "transfer.step_decided")
    )
    assert (decided.actor.role, decided.actor.unit_code) == ("province_system", "32")
    notified = [e for e in fakes.events.transfer_events if "notified" in e.type]
    assert [e.outbound_provinces for e in notified] == [["32"]]
    approved = next(e for e in fakes.events.transfer_events if e.type == "transfer.approved")
    assert approved.outbound_provinces == ["32"]


async def test_two_simultaneous_starts_for_one_pupil_let_exactly_one_through(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
) -> None:
    first = transfer_input()
    second = transfer_input(pupil_number=first.pupil_number)

    results = await asyncio.gather(
        start_transfer(workflow_env.client, task_queue, first, started),
        start_transfer(workflow_env.client, task_queue, second, started),
        return_exceptions=True,
    )

    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(failures) == 1
    assert isinstance(failures[0], WorkflowAlreadyStartedError)


async def test_pupil_with_an_open_case_cannot_start_a_transfer(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    fakes.registry.open_cases[transfer.pupil_number] = ("case-suspension-1", "suspension")
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)

    with pytest.raises(WorkflowFailureError) as caught:
        await handle.result()

    assert error_type(caught.value) == "PUPIL_HAS_OPEN_CASE"
    failure = caught.value.cause
    assert failure.details[0] == {
        "open_case_id": "case-suspension-1",
        "open_case_kind": "suspension",
        "national_code": "2002",
    }
    assert "case-suspension-1" in failure.message
    assert fakes.registry.open_cases[transfer.pupil_number][0] == "case-suspension-1"
    assert fakes.registry.released == []
    last = fakes.events.transfer_events[-1]
    assert (last.type, last.details["code"]) == ("transfer.failed", "PUPIL_HAS_OPEN_CASE")


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
    assert transfer.pupil_number not in fakes.registry.open_cases


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


async def until_opened(fakes: Fakes, transfer: TransferInput, step: str) -> None:
    """Wait for the step-opened event, without a query (see `start_worker`)."""
    for _ in range(400):
        events = fakes.events.transfer_events
        if any(
            (e.transfer_id, e.type, e.step) == (transfer.transfer_id, "transfer.step_opened", step)
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
