"""Status changes: the school submits, the county bureau approves or refuses in time."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from temporalio.client import WorkflowFailureError, WorkflowHandle, WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    JIANGSU_SCHOOL,
    ONE_HOUR,
    SHANGHAI_SCHOOL,
    county_officer,
    error_type,
    new_national_number,
    registrar,
    reviewer,
    sleep_until,
    until,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows import search_attributes as sa
from xueji_workflows.approval import CaseTimeline, StepDecision
from xueji_workflows.status_change import StatusChangeInput, status_change_workflow_id
from xueji_workflows.status_change.workflows import StatusChangeWorkflow

pytestmark = pytest.mark.integration


def suspension(**changes: object) -> StatusChangeInput:
    base = StatusChangeInput(
        case_id=str(uuid.uuid4()),
        national_number=new_national_number(),
        pupil_name="刘小红",
        change_type="suspension",
        school=SHANGHAI_SCHOOL,
        filed_by=registrar(SHANGHAI_SCHOOL),
        reason="因病休学一年",
        evidence_ids=["hospital-certificate-1"],
        effective_on="2026-12-01",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


async def start(
    env: WorkflowEnvironment, task_queue: str, change: StatusChangeInput, started: list
) -> WorkflowHandle:
    handle = await env.client.start_workflow(
        StatusChangeWorkflow.run,
        # This test's worker serves the fake calendar too.
        replace(change, calendar_queue=task_queue),
        id=status_change_workflow_id(change.national_number),
        task_queue=task_queue,
    )
    started.append(handle)
    return handle


async def until_bureau(handle: WorkflowHandle) -> CaseTimeline:
    def opened(timeline: CaseTimeline) -> bool:
        return timeline.current_step == "county_bureau" and bool(timeline.steps[-1].deadline)

    return await until(handle, opened, "the bureau step", query=StatusChangeWorkflow.timeline)


def decision(actor: object, verdict: str = "approve", reason: str | None = None) -> StepDecision:
    return StepDecision(str(uuid.uuid4()), actor, verdict, reason)  # type: ignore[arg-type]


async def test_county_bureau_approval_applies_the_change_once(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    change = suspension()
    handle = await start(workflow_env, task_queue, change, started)
    timeline = await until_bureau(handle)
    assert timeline.steps[-1].party_unit == "310101"

    for actor in (reviewer(SHANGHAI_SCHOOL), county_officer(JIANGSU_SCHOOL)):
        with pytest.raises(WorkflowUpdateFailedError) as caught:
            await handle.execute_update(StatusChangeWorkflow.decide, decision(actor))
        assert error_type(caught.value) == "NOT_YOUR_STEP"
    await handle.execute_update(
        StatusChangeWorkflow.decide, decision(county_officer(SHANGHAI_SCHOOL))
    )
    outcome = await handle.result()

    assert outcome.state == "completed"
    assert [a.case_id for a in fakes.registry.applied] == [change.case_id]
    assert fakes.registry.applied[0].effective_on == "2026-12-01"
    assert change.national_number not in fakes.registry.open_cases
    assert [e.type for e in fakes.events.status_change_events] == [
        "status_change.filed",
        "status_change.step_opened",
        "status_change.step_decided",
        "status_change.applied",
        "status_change.completed",
    ]
    attributes = (await handle.describe()).typed_search_attributes
    assert attributes.get(sa.CASE_KIND) == "suspension"
    assert attributes.get(sa.CURRENT_STEP) == "completed"


async def test_county_bureau_refuses_with_a_reason(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    change = suspension(change_type="repeat")
    handle = await start(workflow_env, task_queue, change, started)
    await until_bureau(handle)
    officer = county_officer(SHANGHAI_SCHOOL)

    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await handle.execute_update(StatusChangeWorkflow.decide, decision(officer, "refuse"))
    assert error_type(caught.value) == "REASON_REQUIRED"
    await handle.execute_update(
        StatusChangeWorkflow.decide, decision(officer, "refuse", "本省不允许留级")
    )
    outcome = await handle.result()

    assert (outcome.state, outcome.reason) == ("refused", "本省不允许留级")
    assert fakes.registry.applied == []
    assert change.national_number not in fakes.registry.open_cases
    assert fakes.events.status_change_events[-1].type == "status_change.refused"


async def test_late_bureau_is_escalated_to_the_city_and_still_decides(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    change = suspension(change_type="death", reason="意外身故")
    handle = await start(workflow_env, task_queue, change, started)
    bureau = (await until_bureau(handle)).steps[-1]
    assert (
        bureau.deadline == fakes.calendar.working_calendar().deadline(bureau.opened_at, 10).due_at
    )

    await sleep_until(workflow_env, bureau.deadline + ONE_HOUR)
    late = (await handle.query(StatusChangeWorkflow.timeline)).steps[-1]

    assert (late.overdue, late.escalated_to, late.decision) == (True, ["3101"], None)
    expected = fakes.calendar.working_calendar().deadline(
        bureau.deadline + timedelta(seconds=1), 10
    )
    assert late.deadline == expected.due_at
    kinds = [e.type for e in fakes.events.status_change_events]
    assert kinds[-2:] == ["status_change.step_overdue", "status_change.escalated"]
    await handle.execute_update(
        StatusChangeWorkflow.decide, decision(county_officer(SHANGHAI_SCHOOL))
    )
    assert (await handle.result()).state == "completed"


async def test_one_open_case_per_pupil_across_families(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    change = suspension()
    fakes.registry.open_cases[change.national_number] = ("transfer-case-9", "transfer")
    handle = await start(workflow_env, task_queue, change, started)

    with pytest.raises(WorkflowFailureError) as caught:
        await handle.result()

    assert error_type(caught.value) == "PUPIL_HAS_OPEN_CASE"
    assert "transfer-case-9" in caught.value.cause.message


async def test_unknown_change_type_fails_without_claiming(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    change = suspension(change_type="expulsion")
    handle = await start(workflow_env, task_queue, change, started)

    with pytest.raises(WorkflowFailureError) as caught:
        await handle.result()

    assert error_type(caught.value) == "INVALID_CASE_INPUT"
    assert change.national_number not in fakes.registry.open_cases
