"""Replay a recorded monthly report so a change that breaks running reports fails CI.
Needs no server; re-record with `histories/record_monthly_report.py` after a guarded change."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from temporalio import workflow
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer
from temporalio.workflow import NondeterminismError

from xueji_workflows.monthly_report import MonthlyReportInput, MonthlyReportOutcome
from xueji_workflows.monthly_report.workflows import MonthlyReportWorkflow

HISTORY = Path(__file__).parent / "histories" / "monthly_report.json"


def recorded() -> WorkflowHistory:
    return WorkflowHistory.from_json("monthly-report-recorded", HISTORY.read_text())


async def test_recorded_report_replays_on_the_current_code() -> None:
    result = await Replayer(workflows=[MonthlyReportWorkflow]).replay_workflow(recorded())
    assert result.replay_failure is None


@workflow.defn(name="MonthlyReportWorkflow")
class ReportForOneCounty:
    """A stand-in for an unguarded change: it no longer asks which counties to report on."""

    @workflow.run
    async def run(self, request: MonthlyReportInput) -> MonthlyReportOutcome:
        await workflow.execute_activity(
            "registry.write_monthly_report", "360101", start_to_close_timeout=timedelta(minutes=1)
        )
        return MonthlyReportOutcome("", 0, 0)


async def test_replay_catches_an_incompatible_change() -> None:
    with pytest.raises(NondeterminismError):
        await Replayer(workflows=[ReportForOneCounty]).replay_workflow(recorded())
