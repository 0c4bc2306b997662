"""Moving an application from one state to the next, in the caller's transaction: the row
locked, the move checked by `states.advance`, the audit record and the event beside it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from temporalio.exceptions import ApplicationError

from xueji_common.errors import DomainError
from xueji_export.applications.states import ApplicationState, advance
from xueji_export.applications.tables import export_applications
from xueji_export.approval.parties import EXPORT_WORKER
from xueji_export.audit.trail import AuditEvent, record

Row = Mapping[str, Any]


class ApplicationNotStored(LookupError):
    """The application's row is not there: an activity retries (it is committed before its
    workflow starts, so this is a replica lag or an operator's deletion)."""


async def locked(session: AsyncSession, application_id: str) -> Row:
    found = await session.execute(
        select(export_applications)
        .where(export_applications.c.id == application_id)
        .with_for_update()
    )
    row = found.mappings().first()
    if row is None:
        raise ApplicationNotStored(application_id)
    return row


async def move(
    session: AsyncSession,
    row: Row,
    target: ApplicationState,
    audit: AuditEvent,
    **values: Any,
) -> Row:
    """`row` (locked) moved to `target` with `values`, audited; the row as it now stands.

    A move the state machine refuses is a business refusal (non-retryable), never retried.
    """
    try:
        advance(ApplicationState(row["state"]), target)
    except DomainError as refusal:
        raise ApplicationError(
            refusal.message, type=refusal.error.code, non_retryable=True
        ) from refusal
    changes = {"state": target.value, **values}
    await session.execute(
        update(export_applications)
        .where(export_applications.c.id == row["id"])
        .values(**changes, updated_at=func.now())
    )
    await record(session, audit)
    return {**row, **changes}


def worker_audit(row: Row, action: str, details: Mapping[str, Any] | None = None) -> AuditEvent:
    """The record of a change the workflow made, in the application's province chain."""
    return AuditEvent(
        actor=EXPORT_WORKER,
        client_address="",
        action=action,
        subject=str(row["id"]),
        outcome="accepted",
        details=dict(details or {}),
        province_code=row["province_code"],
    )
