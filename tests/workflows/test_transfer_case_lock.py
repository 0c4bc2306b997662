"""One open case per pupil."""

from __future__ import annotations

import asyncio

import pytest
from temporalio.client import WorkflowFailureError, WorkflowHandle
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    error_type,
    start_transfer,
    transfer_input,
)
from tests.workflows.workflow_fakes import Fakes

pytestmark = pytest.mark.integration


async def test_two_simultaneous_starts_for_one_pupil_let_exactly_one_through(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
) -> None:
    first = transfer_input()
    second = transfer_input(national_number=first.national_number)

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
    fakes.registry.open_cases[transfer.national_number] = ("case-suspension-1", "suspension")
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
    assert fakes.registry.open_cases[transfer.national_number][0] == "case-suspension-1"
    assert fakes.registry.released == []
    last = fakes.events.transfer_events[-1]
    assert (last.type, last.details["code"]) == ("transfer.failed", "PUPIL_HAS_OPEN_CASE")


async def test_a_refused_claim_ends_the_transfer_with_its_failed_event(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    fakes.registry.claim_refusal = "PUPIL_HAS_PROBLEMS"
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)

    with pytest.raises(WorkflowFailureError) as caught:
        await handle.result()

    assert error_type(caught.value) == "CASE_NOT_CLAIMED"
    assert caught.value.cause.details[0] == {"activity_code": "PUPIL_HAS_PROBLEMS"}
    assert fakes.registry.released == []
    assert fakes.events.types(transfer.transfer_id) == ["transfer.failed"]
    assert fakes.events.transfer_events[-1].details["code"] == "CASE_NOT_CLAIMED"
