"""The floor's workflow: seven updates in order and nothing else (no activities, no events).

With `upserts`, it also sets the search attributes ops find transfers by, as often as a transfer
does: who and where at the start, the open step as each update opens the next one, the outcome
at the end. On the dev server an upsert costs more server CPU than anything else a transfer
adds, so this second floor shows what the required search attributes cost by themselves.

Kept in a module of its own that imports only Temporal and the search attribute keys.
"""

from __future__ import annotations

from temporalio import workflow
from temporalio.exceptions import ApplicationError

from xueji_workflows import search_attributes as sa


@workflow.defn
class FloorWorkflow:
    def __init__(self) -> None:
        self._done = 0

    @workflow.run
    async def run(self, updates: int, upserts: bool = False) -> int:
        if upserts:
            identity = (sa.PUPIL_NUMBER, sa.RECEIVING_SCHOOL, sa.SENDING_SCHOOL)
            workflow.upsert_search_attributes(
                [key.value_set(f"floor-{workflow.info().workflow_id}") for key in identity]
                + [sa.RECEIVING_PROVINCE.value_set("31"), sa.SENDING_PROVINCE.value_set("31")]
                + [sa.CASE_KIND.value_set("floor")]
            )
        while self._done < updates:
            step = self._done
            if upserts:
                workflow.upsert_search_attributes(
                    [sa.CURRENT_STEP.value_set(f"step-{step}"), sa.OVERDUE.value_set(False)]
                )
            await workflow.wait_condition(lambda step=step: self._done > step)
        if upserts:
            workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set("completed")])
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
