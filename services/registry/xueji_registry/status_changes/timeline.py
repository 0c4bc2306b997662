"""A case's timeline: the workflow's `timeline` query and the events it recorded."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from temporalio.client import Client, WorkflowQueryFailedError
from temporalio.service import RPCError

from xueji_registry.status_changes.schemas import EventRead, StepRead
from xueji_registry.status_changes.tables import status_change_events
from xueji_workflows.approval import CaseTimeline, StepRecord
from xueji_workflows.status_change.workflows import StatusChangeWorkflow

log = logging.getLogger(__name__)


def _step(record: StepRecord) -> StepRead:
    decided_by = record.decided_by
    return StepRead(
        step=record.step,
        party_unit=record.party_unit,
        opened_at=record.opened_at,
        deadline=record.deadline,
        provisional=record.provisional,
        overdue=record.overdue,
        escalated_to=list(record.escalated_to),
        decision=record.decision,
        decided_by=decided_by.name if decided_by else None,
        decided_by_unit=decided_by.unit_code if decided_by else None,
        reason=record.reason,
        decided_at=record.decided_at,
    )


async def workflow_steps(client: Client, row: Any) -> list[StepRead]:
    """The steps as the workflow tells them; empty when the workflow cannot be asked."""
    if not row.run_id:
        return []
    handle = client.get_workflow_handle(row.workflow_id, run_id=row.run_id)
    try:
        timeline: CaseTimeline = await handle.query(StatusChangeWorkflow.timeline)
    except (RPCError, WorkflowQueryFailedError) as error:
        log.info("timeline of %s unavailable: %s", row.id, error)
        return []
    return [_step(record) for record in timeline.steps]


async def recorded_events(session: AsyncSession, case_id: str) -> list[EventRead]:
    rows = (
        await session.execute(
            select(status_change_events)
            .where(status_change_events.c.case_id == case_id)
            .order_by(status_change_events.c.occurred_at, status_change_events.c.recorded_at)
        )
    ).all()
    return [
        EventRead(
            type=r.type,
            step=r.step,
            actor=r.actor,
            decision=r.decision,
            reason=r.reason,
            deadline=r.deadline,
            escalated_to=r.escalated_to,
            details=r.details,
            occurred_at=r.occurred_at,
        )
        for r in rows
    ]
