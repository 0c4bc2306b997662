"""The messages every case workflow answers the same way, on its `Case` (workflow code).

A family's workflow class derives from `CaseWorkflow`, builds `self._case` in its
`@workflow.init`, and says in `check_decision` which decisions its case refuses; Temporal
registers the handlers below for it as if the class declared them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from temporalio import workflow

from xueji_workflows.approval import CaseTimeline, DecisionReceipt, StepDecision
from xueji_workflows.cases.case import Case


class CaseWorkflow(ABC):
    _case: Case

    @abstractmethod
    def check_decision(self, request: StepDecision) -> None:
        """Reject (raise `rejection(...)`) a decision the case may not take now."""

    @workflow.update
    def decide(self, request: StepDecision) -> DecisionReceipt:
        return self._case.accept_decision(request)

    @decide.validator
    def _check_decide(self, request: StepDecision) -> None:
        self.check_decision(request)

    @workflow.signal
    def calendar_published(self, year: int) -> None:
        """A holiday schedule was published: recompute provisional deadlines."""
        self._case.desk.calendar_published(year)

    @workflow.query
    def timeline(self) -> CaseTimeline:
        return self._case.timeline()
