"""Turn what happened in a status change into `status_change.record_event(s)` calls."""

from __future__ import annotations

from dataclasses import replace

from temporalio import workflow

from xueji_workflows.approval import StepEvent
from xueji_workflows.approval.event_fields import StepFields, step_fields
from xueji_workflows.cases.event_batch import EventBatch
from xueji_workflows.status_change import StatusChangeInput
from xueji_workflows.units import province_of

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.status_change.activities import (
        RECORD_EVENT,
        RECORD_EVENTS,
        StatusChangeEvent,
    )


class StatusChangeEventLog:
    def __init__(self, change: StatusChangeInput) -> None:
        self._change = change
        self._batch: EventBatch[StatusChangeEvent] = EventBatch(RECORD_EVENT, RECORD_EVENTS)

    def docking_provinces(self) -> list[str]:
        change = self._change
        return [province_of(change.school.unit_path)] if change.province_docks else []

    async def step(self, event: StepEvent) -> None:
        await self._record(event.kind, step_fields(event))

    async def case(self, kind: str, fields: StepFields | None = None) -> None:
        audience = self.docking_provinces()
        await self._record(kind, replace(fields or StepFields(), outbound_provinces=audience))

    async def _record(self, kind: str, fields: StepFields) -> None:
        change = self._change
        event = StatusChangeEvent(
            case_id=change.case_id,
            event_id=str(workflow.uuid4()),
            type=f"status_change.{kind}",
            pupil_number=change.pupil_number,
            change_type=change.change_type,
            occurred_at=workflow.now(),
            **fields.as_kwargs(),  # type: ignore[arg-type]
        )
        await self._batch.add(event)

    async def flush(self) -> None:
        """Record the events collected so far; before anything that may wait."""
        await self._batch.flush()
