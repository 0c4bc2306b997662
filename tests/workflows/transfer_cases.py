"""Schools, people and requests for the workflow tests, and small ways to drive them."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from temporalio.client import (
    Client,
    WorkflowFailureError,
    WorkflowHandle,
    WorkflowUpdateFailedError,
)
from temporalio.common import TypedSearchAttributes
from temporalio.exceptions import ApplicationError
from temporalio.testing import WorkflowEnvironment

from xueji_workflows.actors import (
    COUNTY_OFFICER,
    PROVINCE_SYSTEM,
    SCHOOL_REGISTRAR,
    SCHOOL_REVIEWER,
    Actor,
)
from xueji_workflows.approval import (
    APPROVE,
    CaseTimeline,
    DecisionReceipt,
    StepDecision,
    StepRecord,
)
from xueji_workflows.transfer import (
    ArrivalReport,
    PaperFileReceived,
    PaperFileSent,
    TransferInput,
    transfer_workflow_id,
)
from xueji_workflows.transfer.route import approval_route
from xueji_workflows.transfer.workflows import TransferWorkflow
from xueji_workflows.units import SchoolRef

SHANGHAI_SCHOOL = SchoolRef(
    "2131000001", "上海市黄浦区实验小学", ["31", "3101", "310101", "2131000001"]
)
SHANGHAI_NEIGHBOUR = SchoolRef(
    "2131000002", "上海市黄浦区第二小学", ["31", "3101", "310101", "2131000002"]
)
# Paths as the platform's principals carry them may start at the nation.
JIANGSU_SCHOOL = SchoolRef(
    "2132000007", "南京市玄武区东风小学", ["CN", "32", "3201", "320102", "2132000007"]
)


def person(role: str, unit_code: str, path: list[str], name: str = "王老师") -> Actor:
    return Actor(f"acct-{role}-{unit_code}", name, role, unit_code, path)


def reviewer(school: SchoolRef) -> Actor:
    return person(SCHOOL_REVIEWER, school.code, school.unit_path, "李校长")


def registrar(school: SchoolRef) -> Actor:
    return person(SCHOOL_REGISTRAR, school.code, school.unit_path, "陈老师")


def county_officer(school: SchoolRef) -> Actor:
    path = school.unit_path[:-1]
    return person(COUNTY_OFFICER, path[-1], path, "赵科长")


def province_system(code: str) -> Actor:
    return person(PROVINCE_SYSTEM, code, [code], "省学籍系统")


def new_national_number() -> str:
    return f"G{uuid.uuid4().int % 10**18:018d}"


def transfer_input(
    receiving: SchoolRef = SHANGHAI_SCHOOL, sending: SchoolRef = JIANGSU_SCHOOL, **changes: object
) -> TransferInput:
    base = TransferInput(
        transfer_id=str(uuid.uuid4()),
        national_number=new_national_number(),
        pupil_name="张小明",
        receiving_school=receiving,
        sending_school=sending,
        target_grade="3",
        reason="随父母工作调动",
        filed_by=registrar(receiving),
        target_class="2",
        evidence_ids=["doc-1"],
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def approver(transfer: TransferInput, step_name: str) -> Actor:
    """Who approves `step_name` of `transfer` (the province system for docking parties)."""
    spec = next(s for s in approval_route(transfer) if s.name == step_name)
    if spec.docking_province is not None:
        return province_system(spec.docking_province)
    receiving = step_name in ("receiving_school", "receiving_bureau", "common_bureau")
    school = transfer.receiving_school if receiving else transfer.sending_school
    return reviewer(school) if step_name.endswith("school") else county_officer(school)


async def approve_until(
    handle: WorkflowHandle, transfer: TransferInput, stop_at: str | None = None
) -> CaseTimeline | None:
    """Approve every undecided approval step before `stop_at` (all of them if None); the
    timeline once `stop_at` is active."""
    done = {s.step for s in (await handle.query(TransferWorkflow.timeline)).steps if s.decision}
    for spec in approval_route(transfer):
        if spec.name in done:
            continue
        timeline = await until_step(handle, spec.name)
        if spec.name == stop_at:
            return timeline
        await decide(handle, approver(transfer, spec.name))
    return None


async def report_arrival(handle: WorkflowHandle, transfer: TransferInput) -> DecisionReceipt:
    await until_step(handle, "report_arrival", deadline=False)
    request = ArrivalReport(str(uuid.uuid4()), registrar(transfer.receiving_school))
    return await handle.execute_update(TransferWorkflow.report_arrival, request)


async def exchange_paper_file(handle: WorkflowHandle, transfer: TransferInput) -> None:
    """The sending school ships the paper file and the receiving school confirms it."""
    await until_step(handle, "paper_file_sent")
    sent = PaperFileSent(str(uuid.uuid4()), registrar(transfer.sending_school), "EMS", "EA1CN")
    await handle.execute_update(TransferWorkflow.paper_file_sent, sent)
    await until_step(handle, "paper_file_received", deadline=False)
    received = PaperFileReceived(str(uuid.uuid4()), registrar(transfer.receiving_school))
    await handle.execute_update(TransferWorkflow.paper_file_received, received)


async def start_transfer(
    client: Client,
    task_queue: str,
    transfer: TransferInput,
    started: list[WorkflowHandle],
    search_attributes: TypedSearchAttributes = TypedSearchAttributes.empty,
) -> WorkflowHandle:
    handle = await client.start_workflow(
        TransferWorkflow.run,
        transfer,
        id=transfer_workflow_id(transfer.national_number),
        task_queue=task_queue,
        search_attributes=search_attributes,
    )
    started.append(handle)
    return handle


async def until(
    handle: WorkflowHandle,
    holds: Callable[[CaseTimeline], bool],
    what: str,
    *,
    query: Callable[..., Any] = TransferWorkflow.timeline,
) -> CaseTimeline:
    """Poll the case's timeline (`query`: its workflow's timeline query) until `holds` is true
    of it; the timeline then."""
    for _ in range(400):
        timeline = await handle.query(query)
        if holds(timeline):
            return timeline
        await asyncio.sleep(0.025)
    raise AssertionError(f"{what} never happened: {timeline}")


async def until_step(handle: WorkflowHandle, step: str, *, deadline: bool = True) -> CaseTimeline:
    """Wait until `step` is active (with its deadline known, unless it has none)."""

    def ready(timeline: CaseTimeline) -> bool:
        record = active(timeline)
        return record is not None and record.step == step and bool(record.deadline or not deadline)

    return await until(handle, ready, f"step {step}")


async def until_state(handle: WorkflowHandle, state: str) -> CaseTimeline:
    return await until(handle, lambda t: t.state == state, f"state {state}")


def active(timeline: CaseTimeline) -> StepRecord | None:
    return next((s for s in timeline.steps if s.step == timeline.current_step), None)


def step(timeline: CaseTimeline, name: str) -> StepRecord:
    return next(s for s in timeline.steps if s.step == name)


async def decide(
    handle: WorkflowHandle,
    actor: Actor,
    decision: str = APPROVE,
    reason: str | None = None,
    *,
    decision_id: str | None = None,
    step_name: str | None = None,
) -> object:
    request = StepDecision(decision_id or str(uuid.uuid4()), actor, decision, reason, step_name)
    return await handle.execute_update(TransferWorkflow.decide, request)


async def sleep_until(env: WorkflowEnvironment, moment: object) -> None:
    now = await env.get_current_time()
    await env.sleep(moment - now)  # type: ignore[operator]


def error_type(err: BaseException) -> str | None:
    """The ApplicationError type inside an update or workflow failure."""
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, ApplicationError):
            return cause.type
        if isinstance(cause, WorkflowUpdateFailedError | WorkflowFailureError):
            cause = cause.cause
        else:
            cause = cause.__cause__
    return None


ONE_HOUR = timedelta(hours=1)
