"""The applications API: file one, read one, list the unit's."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import select

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_export.applications import filing
from xueji_export.applications.schemas import ApplicationCreate, ApplicationRead
from xueji_export.applications.tables import export_applications
from xueji_export.audit.request import refused_attempt

router = APIRouter(prefix="/v1", tags=["export applications"])


def application_read(row: Any) -> ApplicationRead:
    return ApplicationRead(
        id=row["id"], number=row["number"], state=row["state"],
        applicant_unit=row["applicant_unit"], applicant_name=row["applicant_name"],
        purpose=row["purpose"], scope=row["scope_units"], method=row["method"],
        fields=row["fields"], use_from=row["use_from"], use_until=row["use_until"],
        security_officer=row["security_officer"], handler_account_id=row["handler_account_id"],
        handler_name=row["handler_name"],
        security_plan_document_id=row["security_plan_document_id"],
        consent_document_id=row["consent_document_id"], file_format=row["file_format"],
        created_at=row["created_at"],
        # A row just filed has no standing yet.
        current_step=row.get("current_step"), current_party_unit=row.get("current_party_unit"),
        current_deadline=row.get("current_deadline"), overdue=row.get("overdue", False),
        escalated_to=row.get("escalated_to"), rows_written=row.get("rows_written", 0),
    )  # fmt: skip


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


@router.post("/export-applications", response_model=ApplicationRead, status_code=201)
async def apply(
    data: ApplicationCreate, request: Request, principal: CurrentPrincipal, uow: Uow
) -> ApplicationRead:
    address = client_address(request)
    try:
        handler = await filing.check(
            uow.session,
            request.app.state.staff,
            principal,
            data,
            request.headers.get("authorization", ""),
        )
    except DomainError as refusal:
        await refused_attempt(
            request.app.state.db, principal, address, "application.submitted", "", refusal
        )
        raise
    row = await filing.file_application(uow, principal, data, handler, address)
    # After the commit: a start that fails now is the re-launcher's to repeat.
    await request.app.state.launcher.launch(row)
    return application_read(row)


def visible(principal: Principal) -> Any:
    return export_applications.c.applicant_scope.startswith(principal.scope)


@router.get("/export-applications", response_model=list[ApplicationRead])
async def list_applications(principal: CurrentPrincipal, session: Session) -> list[ApplicationRead]:
    rows = await session.execute(
        select(export_applications)
        .where(visible(principal))
        .order_by(export_applications.c.created_at.desc())
        .limit(200)
    )
    return [application_read(row) for row in rows.mappings()]


@router.get("/export-applications/{application_id}", response_model=ApplicationRead)
async def read_application(
    application_id: str, principal: CurrentPrincipal, session: Session
) -> ApplicationRead:
    row = await visible_row(session, principal, application_id)
    return application_read(row)


async def visible_row(session: Any, principal: Principal, application_id: str) -> Any:
    """The application if the caller's unit covers it; NOT_FOUND otherwise (never FORBIDDEN:
    that would say it exists)."""
    if not _is_uuid(application_id):
        raise DomainError(errors.NOT_FOUND)
    statement = select(export_applications).where(
        export_applications.c.id == application_id, visible(principal)
    )
    row = (await session.execute(statement)).mappings().first()
    if row is None:
        raise DomainError(errors.NOT_FOUND)
    return row


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
