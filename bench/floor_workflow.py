"""The floor's workflow: seven updates in order and nothing else (no activities, no events).

Kept in a module of its own that imports only Temporal, for the workflow sandbox.
"""

from __future__ import annotations

from temporalio import workflow
from temporalio.exceptions import ApplicationError


@workflow.defn
class FloorWorkflow:
    def __init__(self) -> None:
        self._done = 0

    @workflow.run
    async def run(self, updates: int) -> int:
        await workflow.wait_condition(lambda: self._done >= updates)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return self._done

    @workflow.update
    def step(self, index: int) -> int:
        self._done += 1
        return self._done

    @step.validator
    def _check(self, index: int) -> None:
        if index != self._done:
            raise ApplicationError("not this step yet", type="STEP_NOT_ACTIVE", non_retryable=True)
