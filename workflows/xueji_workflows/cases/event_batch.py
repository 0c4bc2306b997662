"""A case's events, recorded together once per workflow task (workflow code).

Since the `local-activities` patch a case collects the events of a workflow task and records
them in one local activity, one transaction, before it next waits (for a party, a deadline or
another service) or ends; their order is kept. Histories recorded before the patch record each
event as its own activity, as they happen.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Generic, TypeVar

from temporalio import workflow
from temporalio.common import RetryPolicy

from xueji_workflows.placement import LOCAL_ACTIVITIES, LOCAL_RETRY_THRESHOLD

EVENT_TIMEOUT = timedelta(seconds=30)
# An event must never be lost: retry until the service takes it.
EVENT_RETRY = RetryPolicy(maximum_interval=timedelta(minutes=1))

Event = TypeVar("Event")


class EventBatch(Generic[Event]):
    def __init__(self, record_one: str, record_many: str) -> None:
        """`record_one` / `record_many`: the family's activities for one event / a batch."""
        self._record_one = record_one
        self._record_many = record_many
        self._pending: list[Event] = []

    async def add(self, event: Event) -> None:
        if workflow.patched(LOCAL_ACTIVITIES):
            self._pending.append(event)
            return
        await workflow.execute_activity(
            self._record_one, event, start_to_close_timeout=EVENT_TIMEOUT, retry_policy=EVENT_RETRY
        )

    async def flush(self) -> None:
        """Record what was collected; the case calls it before anything that may wait."""
        if not self._pending:
            return
        events, self._pending = self._pending, []
        await workflow.execute_local_activity(
            self._record_many,
            events,
            start_to_close_timeout=EVENT_TIMEOUT,
            retry_policy=EVENT_RETRY,
            local_retry_threshold=LOCAL_RETRY_THRESHOLD,
        )
