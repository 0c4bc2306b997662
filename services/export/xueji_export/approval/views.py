"""The approval API: the approver's inbox, an application's timeline, the decision and the
backend execution (thin routers). Declared before the applications router, so
`/export-applications/inbox` is not read as an application id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_export.applications.views import client_address, visible_row
from xueji_export.approval import queries
from xueji_export.approval.decisions import Attempt, decide, refused_before
from xueji_export.approval.recording import step_spec
from xueji_export.approval.schemas import (
    DecisionCreate,
    ExecutionCreate,
    InboxPage,
    ReceiptRead,
    TimelineRead,
)
from xueji_export.approval.timeline import event_read, steps_of
from xueji_export.audit.trail import chain_of
from xueji_workflows.export_approval import APPROVAL, EXECUTE, EXECUTION

router = APIRouter(prefix="/v1", tags=["export approval"])
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]


@router.get("/export-applications/inbox", response_model=InboxPage)
async def inbox(
    principal: CurrentPrincipal, session: Session, limit: Limit = 50, offset: Offset = 0
) -> InboxPage:
    """Applications awaiting the caller's decision or execution, overdue first."""
    return await queries.inbox(session, principal, limit=limit, offset=offset)


@router.get("/export-applications/{application_id}/timeline", response_model=TimelineRead)
async def timeline(
    application_id: str, principal: CurrentPrincipal, session: Session
) -> TimelineRead:
    row = await visible_row(session, principal, application_id)
    events = await queries.recorded_events(session, application_id)
    parties = {}
    for name in (APPROVAL, EXECUTION):
        spec = step_spec(row, name)
        if spec is not None:
            parties[name] = (spec.party_unit, list(spec.roles))
    return TimelineRead(
        application_id=application_id,
        number=row["number"],
        state=row["state"],
        current_step=row["current_step"],
        rows_written=row["rows_written"],
        steps=steps_of(events, parties),
        events=[event_read(event) for event in events],
    )


async def _attempt(
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
    application_id: str,
    attempt: Attempt,
) -> ReceiptRead:
    desk = request.app.state.desk
    try:
        row = await visible_row(session, principal, application_id)
    except DomainError as refusal:
        await refused_before(
            desk.db, attempt, application_id, refusal, chain_of(principal.unit_path)
        )
        raise
    # The session's read is over: the update may wait on the workflow.
    await session.rollback()
    return await decide(desk, row, attempt)


@router.post("/export-applications/{application_id}/decision", response_model=ReceiptRead)
async def decision(
    application_id: str,
    data: DecisionCreate,
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
) -> ReceiptRead:
    """Approve or refuse (a reason is required to refuse); the approving bureau's officer."""
    attempt = Attempt(
        principal, client_address(request), "application.decided", data.decision, APPROVAL,
        data.reason, data.decision_id,
    )  # fmt: skip
    return await _attempt(request, principal, session, application_id, attempt)


@router.post("/export-applications/{application_id}/execution", response_model=ReceiptRead)
async def execution(
    application_id: str,
    data: ExecutionCreate,
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
) -> ReceiptRead:
    """Run an approved backend export: a database administrator of the applicant's unit or
    of one above it in the province, never the applicant. The file's generation follows."""
    attempt = Attempt(
        principal, client_address(request), "application.executed", EXECUTE, EXECUTION,
        None, data.decision_id,
    )  # fmt: skip
    return await _attempt(request, principal, session, application_id, attempt)
