"""`export_approval.record_event(s)`: one transaction writes, for each event in order, the
timeline row, the application's standing after it (the open step, its deadline, escalation),
and for the events that change the application its state, audit record and xueji.export.v1
event.

Deduplicated by the workflow's event id: a retried activity finds its rows and does nothing.
A decision's audit record names the person who decided and the client address the API took
the decision from (the decision's `client_address` detail).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_export.applications.states import ApplicationState
from xueji_export.applications.tables import export_applications
from xueji_export.approval import messages
from xueji_export.approval.case_input import case_input
from xueji_export.approval.parties import principal_of
from xueji_export.approval.tables import application_events
from xueji_export.approval.transitions import Row, locked, move, worker_audit
from xueji_export.audit.trail import AuditEvent, record
from xueji_export.schema import outbox
from xueji_workflows.approval import APPROVE, StepSpec
from xueji_workflows.cases.event import CaseEvent, timeline_values
from xueji_workflows.export_approval import APPROVAL, EXECUTION
from xueji_workflows.export_approval.steps import approval_step, execution_step

# The detail a decision carries its client address in (set by the API).
CLIENT_ADDRESS = "client_address"
_OPEN_STEP = {
    "current_step": None,
    "current_party_unit": None,
    "current_party_roles": [],
    "current_deadline": None,
    "current_provisional": False,
    "overdue": False,
    "escalated_to": None,
}


def _kind(event: CaseEvent) -> str:
    return event.type.removeprefix("export_approval.")


def _timeline_row(event: CaseEvent) -> dict[str, Any]:
    return {**timeline_values(event), "application_id": event.case_id}


def step_spec(row: Row, step: str | None) -> StepSpec | None:
    case = case_input(row)
    if step == APPROVAL:
        return approval_step(case)
    if step == EXECUTION:
        return execution_step(case)
    return None


async def record_events(db: Database, events: Sequence[CaseEvent]) -> int:
    """Record `events` in order in one transaction; how many were new."""
    async with UnitOfWork(db, outbox) as uow:
        recorded = 0
        for event in events:
            recorded += await _record(uow, event)
        await uow.commit()
    return recorded


async def _record(uow: UnitOfWork, event: CaseEvent) -> int:
    session = uow.session
    row = await locked(session, event.case_id)
    inserted = await session.execute(
        insert(application_events)
        .values(_timeline_row(event))
        .on_conflict_do_nothing(index_elements=[application_events.c.event_id])
        .returning(application_events.c.seq)
    )
    if inserted.first() is None:
        return 0
    kind = _kind(event)
    if kind == "filed":
        await _open_review(session, row)
    elif kind == "step_opened":
        spec = step_spec(row, event.step)
        await _stand(session, row, {
            **_OPEN_STEP,
            "current_step": event.step,
            "current_party_unit": spec.party_unit if spec else None,
            "current_party_roles": list(spec.roles) if spec else [],
            "current_deadline": event.deadline,
            "current_provisional": event.provisional,
        })  # fmt: skip
    elif kind == "step_overdue":
        await _stand(session, row, {"overdue": True})
    elif kind in ("escalated", "deadline_recomputed"):
        standing: dict[str, Any] = {
            "current_deadline": event.deadline,
            "current_provisional": event.provisional,
        }
        if event.escalated_to:
            standing["escalated_to"] = event.escalated_to
            uow.publish(
                messages.escalated(
                    row, event.escalated_to, row["current_party_unit"] or "", event.deadline
                )
            )
        await _stand(session, row, standing)
    elif kind == "decided":
        await _decided(uow, row, event)
    elif kind == "executed":
        await _executed(uow, row, event)
    elif kind == "failed":
        await _stand(session, row, {**_OPEN_STEP, "failure_code": event.details.get("code")})
    return 1


async def _stand(session: AsyncSession, row: Row, values: Mapping[str, Any]) -> None:
    await session.execute(
        update(export_applications)
        .where(export_applications.c.id == row["id"])
        .values(**values, updated_at=func.now())
    )


async def _open_review(session: AsyncSession, row: Row) -> None:
    if row["state"] != ApplicationState.SUBMITTED:
        return
    audit = worker_audit(row, "application.review_opened")
    await move(session, row, ApplicationState.IN_REVIEW, audit)


def _decision_audit(row: Row, event: CaseEvent, action: str) -> AuditEvent:
    assert event.actor is not None  # a decision always names who took it
    return AuditEvent(
        actor=principal_of(event.actor),
        client_address=event.details.get(CLIENT_ADDRESS, ""),
        action=action,
        subject=str(row["id"]),
        outcome="accepted",
        details={"decision": event.decision or "", "reason": event.reason or ""},
        province_code=row["province_code"],
    )


async def _decided(uow: UnitOfWork, row: Row, event: CaseEvent) -> None:
    approve = event.decision == APPROVE
    target = ApplicationState.APPROVED if approve else ApplicationState.REFUSED
    audit = _decision_audit(row, event, "application.decided")
    await move(uow.session, row, target, audit, **_OPEN_STEP)
    decider = audit.actor
    if approve:
        uow.publish(messages.approved(row, decider, event.reason or "", event.occurred_at))
    else:
        uow.publish(messages.refused(row, decider, event.reason or ""))


async def _executed(uow: UnitOfWork, row: Row, event: CaseEvent) -> None:
    audit = _decision_audit(row, event, "application.executed")
    await record(uow.session, audit)
    await _stand(uow.session, row, _OPEN_STEP)
    uow.publish(messages.executed(row, audit.actor, event.occurred_at))
