"""Record `transfer_full.json`: the history of one complete transfer, for the replay test.

Run from the repository root after a deliberate, patched change of the transfer workflow:

    .venv/bin/python -m tests.workflows.histories.record_transfer_history

The transfer goes through every kind of step, one missed bureau deadline (overdue,
escalated), a calendar signal and a repeated decision, so replay covers those paths.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from pathlib import Path

from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    ONE_HOUR,
    active,
    approve_until,
    approver,
    decide,
    exchange_paper_file,
    report_arrival,
    sleep_until,
    start_transfer,
    transfer_input,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_workflows.search_attributes import indexed_value_types
from xueji_workflows.transfer.workflows import TransferWorkflow

HISTORY = Path(__file__).with_name("transfer_full.json")
TEST_SERVER = Path(sys.executable).parent / "temporal-test-server"


async def recorded_history() -> str:
    """Run one transfer on a fresh time-skipping server; its history as JSON."""
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
            workflows=[TransferWorkflow],
            activities=fakes.activities(),
        ):
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
            await handle.result()
            return (await handle.fetch_history()).to_json()
    finally:
        await env.shutdown()


if __name__ == "__main__":
    HISTORY.write_text(asyncio.run(recorded_history()) + "\n")
