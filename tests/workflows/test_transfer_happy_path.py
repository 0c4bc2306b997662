"""A transfer from filing to the paper file's receipt."""

from __future__ import annotations

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowHandle
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    approve_until,
    exchange_paper_file,
    report_arrival,
    start_transfer,
    step,
    transfer_input,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows import search_attributes as sa
from xueji_workflows.transfer.identity import identity_attributes
from xueji_workflows.transfer.workflows import TransferWorkflow

pytestmark = pytest.mark.integration

STEP_EVENTS = ["transfer.step_opened", "transfer.step_decided"]


async def test_full_transfer_moves_the_record_once_and_completes(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)

    await approve_until(handle, transfer)
    await report_arrival(handle, transfer)
    await exchange_paper_file(handle, transfer)
    outcome = await handle.result()

    assert outcome.state == "completed"
    assert [m.transfer_id for m in fakes.registry.move_calls] == [transfer.transfer_id]
    move = fakes.registry.move_calls[0]
    assert (move.from_school, move.to_school) == ("2132000007", "2131000001")
    assert transfer.national_number not in fakes.registry.open_cases
    assert fakes.events.types(transfer.transfer_id) == [
        "transfer.filed",
        *STEP_EVENTS * 4,
        "transfer.approved",
        "transfer.step_opened",
        "transfer.arrival_reported",
        "transfer.record_moved",
        "transfer.sending_school_notified",
        "transfer.step_opened",
        "transfer.paper_file_sent",
        "transfer.step_opened",
        "transfer.paper_file_received",
        "transfer.completed",
    ]
    events = fakes.events.transfer_events
    assert len({e.event_id for e in events}) == len(events)
    # One recording per workflow task: a decision and the next step's opening commit together.
    assert fakes.events.batches == [
        ["transfer.filed", "transfer.step_opened"],
        *[STEP_EVENTS[::-1]] * 3,
        ["transfer.step_decided", "transfer.approved", "transfer.step_opened"],
        ["transfer.arrival_reported"],
        ["transfer.record_moved", "transfer.sending_school_notified", "transfer.step_opened"],
        ["transfer.paper_file_sent", "transfer.step_opened"],
        ["transfer.paper_file_received", "transfer.completed"],
    ]

    timeline = await handle.query(TransferWorkflow.timeline)
    assert timeline.state == "completed"
    assert [s.step for s in timeline.steps] == [
        "receiving_school",
        "receiving_bureau",
        "sending_school",
        "sending_bureau",
        "report_arrival",
        "paper_file_sent",
        "paper_file_received",
    ]
    paper = step(timeline, "paper_file_sent")
    assert paper.details == {"method": "EMS", "tracking": "EA1CN"}
    assert paper.deadline is not None
    bureau = step(timeline, "sending_bureau")
    assert (bureau.party_unit, bureau.decided_by.unit_code) == ("320102", "320102")

    attributes = (await handle.describe()).typed_search_attributes
    assert attributes.get(sa.PUPIL_NUMBER) == transfer.national_number
    assert attributes.get(sa.RECEIVING_SCHOOL) == "2131000001"
    assert attributes.get(sa.SENDING_SCHOOL) == "2132000007"
    assert (attributes.get(sa.RECEIVING_PROVINCE), attributes.get(sa.SENDING_PROVINCE)) == (
        "31",
        "32",
    )
    assert attributes.get(sa.CURRENT_STEP) == "completed"
    assert attributes.get(sa.CASE_KIND) == "transfer"
    assert attributes.get(sa.OVERDUE) is False
    # Started without them (as by the CLI), the workflow set the identity attributes itself.
    assert await identity_upserts(handle) == 1


async def test_a_transfer_started_with_its_search_attributes_does_not_set_them_again(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    attributes = sa.at_start(identity_attributes(transfer))
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started, attributes)
    await until_step(handle, "receiving_school")

    # The identity came with the start request: the workflow does not upsert it again.
    assert await identity_upserts(handle) == 0
    described = (await handle.describe()).typed_search_attributes
    assert described.get(sa.PUPIL_NUMBER) == transfer.national_number
    assert described.get(sa.CURRENT_STEP) == "receiving_school"


async def identity_upserts(handle: WorkflowHandle) -> int:
    """Upserts of the pupil number (the identity attributes): each a visibility update."""
    history = await handle.fetch_history()
    return sum(
        sa.PUPIL_NUMBER.name
        in e.upsert_workflow_search_attributes_event_attributes.search_attributes.indexed_fields
        for e in history.events
        if e.event_type == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES
    )
