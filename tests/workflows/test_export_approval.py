"""Export applications: approval at the applicant's level with a working-day deadline and
escalation, no self-approval, refusals with reasons, the backend execution by a database
administrator, and the durable timer that expires the file at the end of the period of use."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from temporalio.client import WorkflowHandle, WorkflowUpdateFailedError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import ONE_HOUR, error_type, person, sleep_until, until
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.actors import Actor
from xueji_workflows.approval import CaseTimeline, StepDecision
from xueji_workflows.export_approval import (
    ExportApprovalInput,
    expiry_instant,
    export_approval_workflow_id,
)
from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow

pytestmark = pytest.mark.integration

SCHOOL = ["CN", "31", "3101", "310101", "2131000001"]
COUNTY = SCHOOL[:4]
CITY = SCHOOL[:3]
PROVINCE = SCHOOL[:2]


def officer(path: list[str], role: str, name: str = "赵科长") -> Actor:
    """Accounts differ by name too: the applicant and the approver may share unit and role."""
    return replace(person(role, path[-1], path, name), account_id=f"acct-{role}-{name}")


def dba(path: list[str]) -> Actor:
    return officer(path, "database_administrator", "孙管理员")


async def application(
    env: WorkflowEnvironment, applicant: Actor, method: str = "page", days: int = 30
) -> ExportApprovalInput:
    now = await env.get_current_time()
    return ExportApprovalInput(
        application_id=str(uuid.uuid4()),
        application_number="DC3120261203ABCDEF",
        applicant=applicant,
        method=method,
        expires_at=(now + timedelta(days=days)).isoformat(),
    )


async def start(
    env: WorkflowEnvironment, task_queue: str, case: ExportApprovalInput, started: list
) -> WorkflowHandle:
    handle = await env.client.start_workflow(
        ExportApprovalWorkflow.run,
        replace(case, calendar_queue=task_queue),
        id=export_approval_workflow_id(case.application_id),
        task_queue=task_queue,
    )
    started.append(handle)
    return handle


async def until_step(handle: WorkflowHandle, step: str) -> CaseTimeline:
    """Until `step` is open, or the case is in state `step`."""

    def opened(timeline: CaseTimeline) -> bool:
        return step in (timeline.current_step, timeline.state) and (
            step != "approval" or bool(timeline.steps[-1].deadline)
        )

    return await until(handle, opened, step, query=ExportApprovalWorkflow.timeline)


async def decide(
    handle: WorkflowHandle, actor: Actor, verdict: str = "approve", reason: str | None = None
) -> object:
    step = "execution" if verdict == "execute" else "approval"
    request = StepDecision(str(uuid.uuid4()), actor, verdict, reason, step, {"client": "1.2.3.4"})
    return await handle.execute_update(ExportApprovalWorkflow.decide, request)


async def refused_with(handle: WorkflowHandle, actor: Actor, verdict: str = "approve") -> str:
    with pytest.raises(WorkflowUpdateFailedError) as caught:
        await decide(handle, actor, verdict)
    return error_type(caught.value) or ""


async def test_county_page_export_is_approved_generated_and_expires_at_the_period_end(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    applicant = officer(COUNTY, "county_officer", "钱科员")
    case = await application(workflow_env, applicant)
    handle = await start(workflow_env, task_queue, case, started)
    timeline = await until_step(handle, "approval")
    assert timeline.steps[-1].party_unit == "310101"
    assert timeline.steps[-1].party_roles == ["county_officer"]

    # The applicant holds the approving role in the approving unit, and still may not.
    assert await refused_with(handle, applicant) == "EXPORT_SELF_APPROVAL"
    assert await refused_with(handle, officer(CITY, "city_officer")) == "NOT_YOUR_STEP"
    await decide(handle, officer(COUNTY, "county_officer"))
    await until_step(handle, "ready")
    assert fakes.export.generated == [case.application_id]
    assert fakes.export.expired == []

    await sleep_until(workflow_env, expiry_instant(case) + ONE_HOUR)
    outcome = await handle.result()
    assert outcome.state == "expired"
    assert fakes.export.expired == [case.application_id]
    assert fakes.export.types(case.application_id) == [
        "export_approval.filed",
        "export_approval.step_opened",
        "export_approval.decided",
        "export_approval.ready",
        "export_approval.expired",
    ]
    decided = fakes.export.events[2]
    assert decided.decision == "approve" and decided.details == {"client": "1.2.3.4"}


async def test_refusal_needs_a_reason_and_ends_the_case_without_a_file(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    case = await application(workflow_env, officer(CITY, "city_officer", "李科员"))
    handle = await start(workflow_env, task_queue, case, started)
    await until_step(handle, "approval")
    approver = officer(CITY, "city_officer", "周处长")

    assert await refused_with(handle, approver, "refuse") == "REASON_REQUIRED"
    await decide(handle, approver, "refuse", "用途与字段不符")
    outcome = await handle.result()

    assert outcome.state == "refused" and outcome.reason == "用途与字段不符"
    assert fakes.export.generated == [] and fakes.export.expired == []


async def test_a_missed_deadline_escalates_to_the_supervising_authority(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    # A school's application is decided by its county bureau; late, the city supervises.
    case = await application(workflow_env, officer(SCHOOL, "school_registrar", "陈老师"))
    handle = await start(workflow_env, task_queue, case, started)
    timeline = await until_step(handle, "approval")
    step = timeline.steps[-1]
    assert (step.party_unit, step.escalated_to) == ("310101", [])
    assert step.deadline is not None

    await sleep_until(workflow_env, step.deadline + ONE_HOUR)
    for _ in range(400):
        step = (await handle.query(ExportApprovalWorkflow.timeline)).steps[-1]
        if step.escalated_to:
            break
        await asyncio.sleep(0.025)
    assert step.overdue and step.escalated_to == ["3101"]
    # Escalation informs the supervisor; the decision stays with the county.
    assert await refused_with(handle, officer(CITY, "city_officer")) == "NOT_YOUR_STEP"
    await decide(handle, officer(COUNTY, "county_officer"))
    await until_step(handle, "ready")
    assert "export_approval.escalated" in fakes.export.types(case.application_id)


async def test_a_backend_export_is_approved_by_the_province_and_run_by_an_administrator(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    applicant = officer(CITY, "city_officer", "吴处长")
    case = await application(workflow_env, applicant, method="backend")
    handle = await start(workflow_env, task_queue, case, started)
    timeline = await until_step(handle, "approval")
    assert (timeline.steps[-1].party_unit, timeline.steps[-1].party_roles) == (
        "31",
        ["province_officer"],
    )
    await decide(handle, officer(PROVINCE, "province_officer", "郑厅长"))
    await until_step(handle, "execution")
    assert fakes.export.generated == []

    assert await refused_with(handle, applicant, "execute") == "EXPORT_APPLICANT_CANNOT_EXECUTE"
    assert await refused_with(handle, officer(CITY, "city_officer"), "execute") == (
        "ROLE_NOT_ALLOWED"
    )
    assert await refused_with(handle, dba(["CN"]), "execute") == "NOT_YOUR_STEP"
    await decide(handle, dba(PROVINCE), "execute")
    timeline = await until_step(handle, "ready")
    assert fakes.export.generated == [case.application_id]
    assert timeline.steps[-1].decided_by == dba(PROVINCE)


async def test_an_application_still_in_review_expires_at_the_period_end(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    case = await application(workflow_env, officer(COUNTY, "county_officer"), days=3)
    handle = await start(workflow_env, task_queue, case, started)
    await until_step(handle, "approval")

    await sleep_until(workflow_env, expiry_instant(case) + ONE_HOUR)
    outcome = await handle.result()

    assert outcome.state == "expired"
    assert fakes.export.generated == []
    assert fakes.export.expired == [case.application_id]
