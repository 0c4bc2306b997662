"""Audit records of refused attempts: the refusal changes nothing, but the attempt is on
record (who tried what, from where, and the code they were refused with)."""

from __future__ import annotations

from xueji_common.auth.principal import Principal
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_export.audit.trail import AuditEvent, record


async def refused_attempt(
    db: Database,
    actor: Principal,
    client_address: str,
    action: str,
    subject: str,
    refusal: DomainError,
    province_code: str | None = None,
) -> None:
    event = AuditEvent(
        actor=actor,
        client_address=client_address,
        action=action,
        subject=subject,
        outcome=f"refused:{refusal.error.code}",
        details={"field": refusal.field or "", "message": refusal.message},
        province_code=province_code,
    )
    async with db.sessions() as session, session.begin():
        await record(session, event)
