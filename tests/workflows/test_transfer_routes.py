"""The same-bureau route and docking provinces."""

from __future__ import annotations

import pytest
from temporalio.client import WorkflowHandle, WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    JIANGSU_SCHOOL,
    SHANGHAI_NEIGHBOUR,
    SHANGHAI_SCHOOL,
    approve_until,
    approver,
    county_officer,
    decide,
    error_type,
    province_system,
    report_arrival,
    reviewer,
    start_transfer,
    transfer_input,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes

pytestmark = pytest.mark.integration


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
