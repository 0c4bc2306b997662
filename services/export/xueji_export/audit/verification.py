"""Verifying a stored chain: reads it in sequence order and names every break."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_export.audit.chain import AuditEntry, ChainHead, Finding, verify
from xueji_export.audit.tables import audit_chain_heads, audit_records


def entry_of(row: Mapping[str, object]) -> AuditEntry:
    fields = {name: row[name] for name in AuditEntry.__dataclass_fields__ if name != "record_id"}
    return AuditEntry(record_id=str(row["id"]), **fields)  # type: ignore[arg-type]


async def chains(session: AsyncSession) -> list[str]:
    return list(
        await session.scalars(
            select(audit_chain_heads.c.province_code).order_by(audit_chain_heads.c.province_code)
        )
    )


async def verify_chain(session: AsyncSession, province_code: str) -> list[Finding]:
    """The chain's breaks, against its head row. A province holding its own copy of the head
    (export.audit_head) can also compare that copy with what this returns as intact."""
    head_row = (
        await session.execute(
            select(
                audit_chain_heads.c.sequence,
                audit_chain_heads.c.hash,
                audit_chain_heads.c.anchor_sequence,
                audit_chain_heads.c.anchor_hash,
            ).where(audit_chain_heads.c.province_code == province_code)
        )
    ).first()
    rows = await session.stream(
        select(audit_records)
        .where(
            audit_records.c.province_code == province_code,
            audit_records.c.sequence > (head_row.anchor_sequence if head_row else 0),
        )
        .order_by(audit_records.c.sequence)
        .execution_options(yield_per=2_000)
    )
    entries = [entry_of(row) async for row in rows.mappings()]
    if head_row is None:
        return verify(entries, None)
    anchor = ChainHead(head_row.anchor_sequence, head_row.anchor_hash)
    return verify(entries, ChainHead(head_row.sequence, head_row.hash), anchor)
