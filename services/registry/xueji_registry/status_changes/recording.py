"""`status_change.record_event`: keep each workflow event once and project it onto the case.

The event row and the projection change in one transaction, keyed by the event id, so a
retried activity changes nothing. A step a docking province must decide also goes out on
that province's outbound topic (province.step_pending).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from xueji_common.uow import UnitOfWork
from xueji_registry.pupils.tables import pupils
from xueji_registry.status_changes.docking import step_pending
from xueji_registry.status_changes.tables import status_change_events, status_changes
from xueji_workflows.cases.event import CaseEvent

_CLOSING = {"completed": "completed", "refused": "refused", "failed": "failed"}


def _projection(event: CaseEvent) -> dict[str, Any]:
    kind = event.type.removeprefix("status_change.")
    if kind == "filed":
        return {"state": "in_review"}
    if kind in ("step_opened", "deadline_recomputed"):
        return {
            "current_step": event.step,
            "deadline": event.deadline,
            "deadline_provisional": event.provisional,
        }
    if kind == "step_overdue":
        return {"overdue": True}
    if kind == "escalated":
        return {
            "escalated_to": func.array_append(status_changes.c.escalated_to, event.escalated_to),
            "deadline": event.deadline,
            "deadline_provisional": event.provisional,
        }
    if kind == "step_decided":
        actor = event.actor
        return {
            "decision": event.decision,
            "decision_reason": event.reason,
            "decided_by": actor.account_id if actor else None,
            "decided_by_name": actor.name if actor else None,
            "decided_by_role": actor.role if actor else None,
            "decided_by_unit": actor.unit_code if actor else None,
            "decided_at": event.occurred_at,
            "current_step": None,
            # A refusal closes the case only once the pupil's lock is released ("refused").
            **({"state": "applying"} if event.decision == "approve" else {}),
        }
    if kind in _CLOSING:
        values: dict[str, Any] = {"state": _CLOSING[kind], "current_step": None}
        if kind == "failed":
            values.update(
                failure_code=event.details.get("code"),
                failure_message=event.details.get("message"),
            )
        return values
    return {}


async def record_event(uow: UnitOfWork, event: CaseEvent) -> bool:
    """False when this event id was recorded before; the caller commits."""
    session = uow.session
    inserted = await session.scalar(
        insert(status_change_events)
        .values(
            event_id=event.event_id,
            case_id=event.case_id,
            type=event.type,
            step=event.step,
            actor=asdict(event.actor) if event.actor else None,
            decision=event.decision,
            reason=event.reason,
            deadline=event.deadline,
            provisional=event.provisional,
            escalated_to=event.escalated_to,
            details=dict(event.details),
            occurred_at=event.occurred_at,
        )
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(status_change_events.c.event_id)
    )
    if inserted is None:
        return False
    values = _projection(event)
    key = _case_key(event.case_id)
    if values and key is not None:
        await session.execute(
            update(status_changes)
            .where(status_changes.c.id == key)
            .values(**values, updated_at=func.now())
        )
    if event.type == "status_change.failed" and key is not None:
        # A workflow that failed before claiming (bad input) does not release the lock the
        # filing took for it; the pupil must not stay held by a dead case.
        pupil = select(status_changes.c.pupil_id).where(status_changes.c.id == key)
        await session.execute(
            update(pupils)
            .where(pupils.c.id == pupil.scalar_subquery(), pupils.c.open_case_id == event.case_id)
            .values(open_case_id=None, open_case_kind=None)
        )
    if event.type == "status_change.step_opened" and event.outbound_provinces:
        for notice in await step_pending(session, event):
            uow.publish(notice)
    return True


def _case_key(case_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(case_id)
    except ValueError:
        return None
