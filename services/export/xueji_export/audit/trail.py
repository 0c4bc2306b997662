"""Writing to the audit trail: the one call every change makes, inside its own transaction.

Writers of a chain queue on its head row (SELECT … FOR UPDATE), so two concurrent changes
can never both link to the same predecessor and fork the chain; the record, the head and
the change commit together or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_export.audit.chain import GENESIS, AuditEntry, record_hash
from xueji_export.audit.tables import audit_chain_heads, audit_records

NATIONAL_CHAIN = "CN"


def chain_of(unit_path: tuple[str, ...] | list[str]) -> str:
    """The chain a unit's records go to: its province's, or the national one."""
    return unit_path[1] if len(unit_path) > 1 else NATIONAL_CHAIN


@dataclass(frozen=True)
class AuditEvent:
    """What happened: `action` e.g. "application.submitted", `subject` the application id or
    the province whose settings changed, `outcome` "accepted" or "refused:<code>"."""

    actor: Principal
    client_address: str
    action: str
    subject: str
    outcome: str
    details: Mapping[str, Any] = field(default_factory=dict)
    # The chain; by default the actor's province.
    province_code: str | None = None


async def record(session: AsyncSession, event: AuditEvent) -> AuditEntry:
    """Appends `event` to its chain in the session's transaction (the caller commits)."""
    province = event.province_code or chain_of(event.actor.unit_path)
    await session.execute(
        upsert(audit_chain_heads)
        .values(province_code=province, sequence=0, hash=GENESIS, record_id="")
        .on_conflict_do_nothing()
    )
    head = (
        await session.execute(
            select(audit_chain_heads.c.sequence, audit_chain_heads.c.hash)
            .where(audit_chain_heads.c.province_code == province)
            .with_for_update()
        )
    ).one()
    actor = event.actor
    draft = AuditEntry(
        record_id=str(uuid.uuid4()),
        province_code=province,
        sequence=head.sequence + 1,
        occurred_at=datetime.now(UTC),
        actor_account_id=actor.account_id,
        actor_name=actor.name,
        actor_role=actor.role.value,
        actor_unit=actor.unit_code,
        client_address=event.client_address,
        action=event.action,
        subject=event.subject,
        outcome=event.outcome,
        details=dict(event.details),
        prev_hash=head.hash,
        hash="",
    )
    entry = AuditEntry(**{**draft.__dict__, "hash": record_hash(draft)})
    values = {k: v for k, v in entry.__dict__.items() if k != "record_id"}
    await session.execute(insert(audit_records).values(id=entry.record_id, **values))
    await session.execute(
        update(audit_chain_heads)
        .where(audit_chain_heads.c.province_code == province)
        .values(
            sequence=entry.sequence,
            hash=entry.hash,
            record_id=entry.record_id,
            recorded_at=entry.occurred_at,
        )
    )
    return entry
