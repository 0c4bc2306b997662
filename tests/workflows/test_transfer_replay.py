"""Replay a recorded transfer so a change that breaks running transfers fails CI.

Needs no server. When a change to the transfer workflow is intended, guard it with
`workflow.patched` and record a fresh history with
`python -m tests.workflows.histories.record_transfer_history`.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from temporalio import workflow
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer
from temporalio.workflow import NondeterminismError

from xueji_workflows.transfer import TransferInput
from xueji_workflows.transfer.workflows import TransferWorkflow

HISTORY = Path(__file__).parent / "histories" / "transfer_full.json"


def recorded() -> WorkflowHistory:
    return WorkflowHistory.from_json("transfer-recorded", HISTORY.read_text())


async def test_recorded_transfer_replays_on_the_current_code() -> None:
    result = await Replayer(workflows=[TransferWorkflow]).replay_workflow(recorded())

    assert result.replay_failure is None


@workflow.defn(name="TransferWorkflow")
class TransferWorkflowThatSleepsFirst:
    """A stand-in for an unguarded change: it no longer starts the way it used to."""

    @workflow.run
    async def run(self, transfer: TransferInput) -> None:
        await workflow.sleep(timedelta(days=1))


async def test_replay_catches_an_incompatible_change() -> None:
    replayer = Replayer(workflows=[TransferWorkflowThatSleepsFirst])

    with pytest.raises(NondeterminismError):
        await replayer.replay_workflow(recorded())
