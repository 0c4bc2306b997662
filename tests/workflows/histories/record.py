"""Record the histories the replay tests hold: one complete case of each workflow family.

Run from the repository root after a deliberate, patched change of a workflow:

    .venv/bin/python -m tests.workflows.histories.record transfer
    .venv/bin/python -m tests.workflows.histories.record status_change
    .venv/bin/python -m tests.workflows.histories.record export_approval

The transfer goes through every kind of step, one missed bureau deadline (overdue,
escalated), a calendar signal and a repeated decision; the status change through a missed
bureau deadline and its approval; the export application (a city's backend export) through a
missed approval deadline, the approval, the execution, the file and its expiry; so replay
covers those paths.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest
from temporalio.client import WorkflowHandle
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.test_export_approval import CITY, PROVINCE, application, dba, officer
from tests.workflows.test_export_approval import decide as decide_export
from tests.workflows.test_export_approval import until_step as until_export_step
from tests.workflows.test_status_change import suspension
from tests.workflows.transfer_cases import (
    ONE_HOUR,
    SHANGHAI_SCHOOL,
    active,
    approve_until,
    approver,
    county_officer,
    decide,
    exchange_paper_file,
    report_arrival,
    sleep_until,
    start_transfer,
    transfer_input,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.approval import StepDecision
from xueji_workflows.export_approval import expiry_instant, export_approval_workflow_id
from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow
from xueji_workflows.search_attributes import indexed_value_types
from xueji_workflows.status_change import status_change_workflow_id
from xueji_workflows.status_change.workflows import StatusChangeWorkflow
from xueji_workflows.transfer.workflows import TransferWorkflow

HISTORIES = Path(__file__).parent
TEST_SERVER = Path(sys.executable).parent / "temporal-test-server"
Scenario = Callable[[WorkflowEnvironment, str], Awaitable[WorkflowHandle]]


async def full_transfer(env: WorkflowEnvironment, queue: str) -> WorkflowHandle:
    transfer = transfer_input()
    handle = await start_transfer(env.client, queue, transfer, [])
    bureau = active(await approve_until(handle, transfer, "receiving_bureau"))
    await sleep_until(env, bureau.deadline + ONE_HOUR)
    await handle.signal(TransferWorkflow.calendar_published, bureau.deadline.year + 1)
    await decide(handle, approver(transfer, "receiving_bureau"), decision_id="late-1")
    await until_step(handle, "sending_school")
    await decide(handle, approver(transfer, "receiving_bureau"), decision_id="late-1")
    await approve_until(handle, transfer)
    await report_arrival(handle, transfer)
    await exchange_paper_file(handle, transfer)
    return handle


async def late_suspension(env: WorkflowEnvironment, queue: str) -> WorkflowHandle:
    change = replace(suspension(), calendar_queue=queue)  # this worker serves the calendar
    handle = await env.client.start_workflow(
        StatusChangeWorkflow.run,
        change,
        id=status_change_workflow_id(change.national_number),
        task_queue=queue,
    )
    bureau = active(await until_step(handle, "county_bureau"))
    await sleep_until(env, bureau.deadline + ONE_HOUR)
    await until_step(handle, "county_bureau")  # overdue and escalated by now
    officer = county_officer(SHANGHAI_SCHOOL)
    await handle.execute_update(
        StatusChangeWorkflow.decide, StepDecision("late-1", officer, "approve")
    )
    return handle


async def late_backend_export(env: WorkflowEnvironment, queue: str) -> WorkflowHandle:
    case = replace(
        await application(env, officer(CITY, "city_officer", "吴处长"), method="backend"),
        calendar_queue=queue,
    )
    handle = await env.client.start_workflow(
        ExportApprovalWorkflow.run,
        case,
        id=export_approval_workflow_id(case.application_id),
        task_queue=queue,
    )
    step = (await until_export_step(handle, "approval")).steps[-1]
    await sleep_until(env, step.deadline + ONE_HOUR)
    await until_export_step(handle, "approval")  # overdue and escalated by now
    await decide_export(handle, officer(PROVINCE, "province_officer", "郑厅长"))
    await until_export_step(handle, "execution")
    await decide_export(handle, dba(PROVINCE), "execute")
    await until_export_step(handle, "ready")
    await sleep_until(env, expiry_instant(case) + ONE_HOUR)
    return handle


SCENARIOS: dict[str, Scenario] = {
    "transfer": full_transfer,
    "status_change": late_suspension,
    "export_approval": late_backend_export,
}


async def recorded_history(scenario: Scenario) -> str:
    """Run the scenario on a fresh time-skipping server; its history as JSON."""
    env = await WorkflowEnvironment.start_time_skipping(test_server_existing_path=str(TEST_SERVER))
    try:
        await env.client.operator_service.add_search_attributes(
            AddSearchAttributesRequest(
                namespace=env.client.namespace, search_attributes=indexed_value_types()
            )
        )
        fakes, queue = Fakes(), f"record-{uuid.uuid4()}"
        async with Worker(
            env.client,
            task_queue=queue,
            workflows=[TransferWorkflow, StatusChangeWorkflow, ExportApprovalWorkflow],
            activities=fakes.activities(),
        ):
            handle = await scenario(env, queue)
            await handle.result()
            return (await handle.fetch_history()).to_json()
    finally:
        await env.shutdown()


if __name__ == "__main__":
    family = sys.argv[1]
    path = HISTORIES / (sys.argv[2] if len(sys.argv) > 2 else f"{family}_full.json")
    path.write_text(asyncio.run(recorded_history(SCENARIOS[family])) + "\n")
