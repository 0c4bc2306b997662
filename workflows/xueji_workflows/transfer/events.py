"""Turn what happened in a transfer into `transfer.record_event(s)` calls."""

from __future__ import annotations

from dataclasses import replace

from temporalio import workflow

from xueji_workflows.approval import StepEvent
from xueji_workflows.approval.event_fields import StepFields, step_fields
from xueji_workflows.cases.event_batch import EventBatch
from xueji_workflows.transfer import TransferInput
from xueji_workflows.transfer.route import docking_province

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.transfer.activities import RECORD_EVENT, RECORD_EVENTS, TransferEvent


class TransferEventLog:
    def __init__(self, transfer: TransferInput) -> None:
        self._transfer = transfer
        self._batch: EventBatch[TransferEvent] = EventBatch(RECORD_EVENT, RECORD_EVENTS)

    def docking_provinces(self) -> list[str]:
        t = self._transfer
        codes = {
            docking_province(t.receiving_school, t.receiving_province_docks),
            docking_province(t.sending_school, t.sending_province_docks),
        }
        return sorted(code for code in codes if code is not None)

    def sending_docking_provinces(self) -> list[str]:
        t = self._transfer
        code = docking_province(t.sending_school, t.sending_province_docks)
        return [code] if code else []

    async def step(self, event: StepEvent) -> None:
        """A step opened, went overdue, escalated, was rescheduled or decided."""
        await self._record(event.kind, step_fields(event))

    async def case(
        self, kind: str, fields: StepFields | None = None, *, provinces: list[str] | None = None
    ) -> None:
        """A case-level event; every docking province hears it unless `provinces` narrows it."""
        audience = self.docking_provinces() if provinces is None else provinces
        await self._record(kind, replace(fields or StepFields(), outbound_provinces=audience))

    async def _record(self, kind: str, fields: StepFields) -> None:
        t = self._transfer
        event = TransferEvent(
            transfer_id=t.transfer_id,
            event_id=str(workflow.uuid4()),
            type=f"transfer.{kind}",
            pupil_number=t.pupil_number,
            occurred_at=workflow.now(),
            **fields.as_kwargs(),  # type: ignore[arg-type]
        )
        await self._batch.add(event)

    async def flush(self) -> None:
        """Record the events collected so far; before anything that may wait."""
        await self._batch.flush()
