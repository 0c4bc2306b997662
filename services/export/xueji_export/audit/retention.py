"""The retention run: removes each chain's records older than its province's setting.

One transaction per chain, holding the chain's head row (as every writer does), so no
record is appended while the oldest go. The last removed record's sequence and hash become
the chain's anchor, verification's new starting point, and the run appends a record of its
own naming that anchor, so the removal is itself on the chain and an anchor moved by hand
shows up in verification.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, update

from xueji_common.db import Database
from xueji_common.runtime import BackgroundJob
from xueji_export.audit.chain import RETENTION_ACTION
from xueji_export.audit.retention_policy import RecordAge, cutoff, removable_through
from xueji_export.audit.tables import audit_chain_heads, audit_records
from xueji_export.audit.trail import AuditEvent, record
from xueji_export.province_settings.store import settings_of
from xueji_export.system_actor import SYSTEM_ACTOR

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionRun:
    province_code: str
    retention_months: int
    cutoff: datetime
    removed: int
    anchor_sequence: int
    anchor_hash: str


async def apply_retention(
    db: Database, province_code: str, now: datetime | None = None
) -> RetentionRun | None:
    """Removes the chain's records past retention; None when none is old enough."""
    now = now or datetime.now(UTC)
    async with db.sessions() as session, session.begin():
        head = (
            await session.execute(
                select(audit_chain_heads)
                .where(audit_chain_heads.c.province_code == province_code)
                .with_for_update()
            )
        ).first()
        if head is None:
            return None
        months = (await settings_of(session, province_code)).audit_retention_months
        before = cutoff(now, months)
        records = audit_records.c
        first_kept = (
            select(func.min(records.sequence))
            .where(records.province_code == province_code, records.occurred_at >= before)
            .scalar_subquery()
        )
        candidates = await session.execute(
            select(records.sequence, records.occurred_at)
            .where(
                records.province_code == province_code,
                records.sequence > head.anchor_sequence,
                records.sequence < func.coalesce(first_kept, head.sequence + 1),
            )
            .order_by(records.sequence)
        )
        through = removable_through([RecordAge(*row) for row in candidates], before)
        if through <= head.anchor_sequence:
            return None
        anchor_hash = await session.scalar(
            select(records.hash).where(
                records.province_code == province_code, records.sequence == through
            )
        )
        removed = await session.execute(
            delete(audit_records).where(
                records.province_code == province_code, records.sequence <= through
            )
        )
        await session.execute(
            update(audit_chain_heads)
            .where(audit_chain_heads.c.province_code == province_code)
            .values(anchor_sequence=through, anchor_hash=anchor_hash)
        )
        run = RetentionRun(
            province_code, months, before, removed.rowcount, through, str(anchor_hash)
        )
        await record(
            session,
            AuditEvent(
                actor=SYSTEM_ACTOR,
                client_address="",
                action=RETENTION_ACTION,
                subject=province_code,
                outcome="accepted",
                details={
                    "removed_through": through,
                    "anchor_hash": run.anchor_hash,
                    "removed": run.removed,
                    "retention_months": months,
                    "cutoff": before.isoformat(),
                },
                province_code=province_code,
            ),
        )
    return run


async def apply_all(db: Database, now: datetime | None = None) -> list[RetentionRun]:
    async with db.sessions() as session:
        provinces = list(await session.scalars(select(audit_chain_heads.c.province_code)))
    runs = [await apply_retention(db, province, now) for province in provinces]
    return [run for run in runs if run is not None]


def retention_job(db: Database, interval_seconds: float) -> BackgroundJob:
    async def run() -> None:
        while True:
            try:
                for done in await apply_all(db):
                    log.info(
                        "audit retention %s: %d records removed through #%d",
                        done.province_code, done.removed, done.anchor_sequence,
                    )  # fmt: skip
            except Exception:  # the next round tries again; nothing was half removed
                log.exception("audit retention failed")
            await asyncio.sleep(interval_seconds)

    return run
