"""Replay recorded transfers so a change that breaks running transfers fails CI.

Needs no server. When a change to the transfer workflow is intended, guard it with
`workflow.patched`, keep the recorded histories (transfers of that code may still be
running) and record the current code's with
`python -m tests.workflows.histories.record_transfer_history`. A history goes once its
patch is deprecated.
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

HISTORIES = sorted((Path(__file__).parent / "histories").glob("transfer_*.json"))
CURRENT = Path(__file__).parent / "histories" / "transfer_full.json"


def recorded(path: Path = CURRENT) -> WorkflowHistory:
    return WorkflowHistory.from_json(path.stem, path.read_text())


def test_histories_of_earlier_code_are_kept() -> None:
    assert CURRENT in HISTORIES and len(HISTORIES) >= 2


@pytest.mark.parametrize("history", HISTORIES, ids=lambda path: path.stem)
async def test_recorded_transfer_replays_on_the_current_code(history: Path) -> None:
    result = await Replayer(workflows=[TransferWorkflow]).replay_workflow(recorded(history))

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
