"""Replay recorded cases so a change that breaks running transfers or status changes fails CI.

Needs no server. When a change to a workflow is intended, guard it with `workflow.patched`,
keep the recorded histories (cases of that code may still be running) and record the current
code's with `python -m tests.workflows.histories.record <family>`. A history goes once its
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

from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow
from xueji_workflows.status_change.workflows import StatusChangeWorkflow
from xueji_workflows.transfer import TransferInput
from xueji_workflows.transfer.workflows import TransferWorkflow

HISTORIES = Path(__file__).parent / "histories"
WORKFLOWS = {
    "transfer": TransferWorkflow,
    "status_change": StatusChangeWorkflow,
    "export_approval": ExportApprovalWorkflow,
}
# Families still on their first code: no earlier history to keep yet.
FIRST_CODE = frozenset({"export_approval"})
RECORDED = sorted(HISTORIES.glob("*.json"))


def recorded(path: Path) -> WorkflowHistory:
    return WorkflowHistory.from_json(path.stem, path.read_text())


def family(path: Path) -> str:
    return next(name for name in WORKFLOWS if path.stem.startswith(f"{name}_full"))


def test_each_family_keeps_the_current_code_and_an_earlier_one() -> None:
    for name in WORKFLOWS:
        assert HISTORIES / f"{name}_full.json" in RECORDED
        kept = 1 if name in FIRST_CODE else 2
        assert len([p for p in RECORDED if family(p) == name]) >= kept


@pytest.mark.parametrize("history", RECORDED, ids=lambda path: path.stem)
async def test_recorded_case_replays_on_the_current_code(history: Path) -> None:
    replayer = Replayer(workflows=[WORKFLOWS[family(history)]])

    result = await replayer.replay_workflow(recorded(history))

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
        await replayer.replay_workflow(recorded(HISTORIES / "transfer_full.json"))
