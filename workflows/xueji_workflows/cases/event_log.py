"""Turn what happened in a case into its family's `record_event(s)` calls (workflow code)."""

from __future__ import annotations

from dataclasses import replace

from temporalio import workflow

from xueji_workflows.approval import StepEvent
from xueji_workflows.approval.event_fields import StepFields, step_fields
from xueji_workflows.cases import CaseIdentity
from xueji_workflows.cases.event_batch import EventBatch

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.cases.event import CaseEvent, EventFamily


class CaseEventLog:
    def __init__(self, family: EventFamily, identity: CaseIdentity, audience: list[str]) -> None:
        """`audience`: the docking provinces that hear every case-level event."""
        self._family = family.name
        self._identity = identity
        self._audience = audience
        self._batch: EventBatch[CaseEvent] = EventBatch(family.record_event, family.record_events)

    async def step(self, event: StepEvent) -> None:
        """A step opened, went overdue, escalated, was rescheduled or decided."""
        await self._record(event.kind, step_fields(event))

    async def case(
        self, kind: str, fields: StepFields | None = None, *, provinces: list[str] | None = None
    ) -> None:
        """A case-level event; the whole audience hears it unless `provinces` narrows it."""
        audience = list(self._audience if provinces is None else provinces)
        await self._record(kind, replace(fields or StepFields(), outbound_provinces=audience))

    async def _record(self, kind: str, fields: StepFields) -> None:
        case = self._identity
        event = CaseEvent(
            case_id=case.case_id,
            event_id=str(workflow.uuid4()),
            type=f"{self._family}.{kind}",
            national_number=case.national_number,
            occurred_at=workflow.now(),
            **fields.as_kwargs(),  # type: ignore[arg-type]
        )
        await self._batch.add(event)

    async def flush(self) -> None:
        """Record the events collected so far; before anything that may wait."""
        await self._batch.flush()
