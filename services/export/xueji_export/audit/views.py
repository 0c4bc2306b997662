"""The province's audit: its chain page by page, and the chain's verification."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_export.audit.chain import FindingKind
from xueji_export.audit.tables import audit_records
from xueji_export.audit.verification import verify_chain

router = APIRouter(prefix="/v1", tags=["export audit"])
NATIONAL = frozenset({Role.NATIONAL_OPERATOR, Role.OPS})


class AuditRecordRead(BaseModel):
    id: str
    sequence: int
    occurred_at: datetime
    actor_account_id: str
    actor_name: str
    actor_role: str
    actor_unit: str
    client_address: str
    action: str
    subject: str
    outcome: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    items: list[AuditRecordRead]
    # Pass as `after` for the next page; null on the last one.
    next_after: int | None


class FindingRead(BaseModel):
    kind: FindingKind
    sequence: int
    record_id: str
    detail: str


class VerificationRead(BaseModel):
    province_code: str
    intact: bool
    findings: list[FindingRead]


def _reader(principal: Principal, province_code: str) -> None:
    """The province's own officers (and the national operators) read its chain."""
    own = principal.role is Role.PROVINCE_OFFICER and principal.unit_code == province_code
    if not (own or principal.role in NATIONAL):
        raise DomainError(errors.NOT_FOUND)


@router.get("/provinces/{province_code}/export-audit", response_model=AuditPage)
async def audit_page(
    province_code: str,
    principal: CurrentPrincipal,
    session: Session,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AuditPage:
    _reader(principal, province_code)
    rows = await session.execute(
        select(audit_records)
        .where(audit_records.c.province_code == province_code, audit_records.c.sequence > after)
        .order_by(audit_records.c.sequence)
        .limit(limit + 1)
    )
    found = [dict(row) for row in rows.mappings()]
    items = [AuditRecordRead(**{**row, "id": str(row["id"])}) for row in found[:limit]]
    return AuditPage(items=items, next_after=items[-1].sequence if len(found) > limit else None)


@router.get("/provinces/{province_code}/export-audit/verification", response_model=VerificationRead)
async def verification(
    province_code: str, principal: CurrentPrincipal, session: Session
) -> VerificationRead:
    _reader(principal, province_code)
    findings = await verify_chain(session, province_code)
    return VerificationRead(
        province_code=province_code,
        intact=not findings,
        findings=[FindingRead(**finding.__dict__) for finding in findings],
    )
