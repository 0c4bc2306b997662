"""Removing requested reports once they are no longer available: the object goes, the row
stays (marked) for the audit, and the removal is itself an audit record.

A copy of a school's registry has no reason to outlive its download window; the link is
refused after `available_until` anyway, this takes the bytes away too.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from minio import Minio
from sqlalchemy import select, update

from xueji_common.db import Database
from xueji_common.runtime import BackgroundJob
from xueji_export.audit.trail import AuditEvent, record
from xueji_export.reports.tables import report_requests
from xueji_export.system_actor import SYSTEM_ACTOR

log = logging.getLogger(__name__)
ACTION = "report.removed"
SWEEP_BATCH = 200


async def remove_expired_reports(
    db: Database, storage: Minio, bucket: str, now: datetime | None = None
) -> int:
    """Removes up to SWEEP_BATCH expired reports; how many it removed."""
    now = now or datetime.now(UTC)
    table = report_requests.c
    async with db.sessions() as session, session.begin():
        due = (
            await session.execute(
                select(table.id, table.object_key, table.province_code)
                .where(table.available_until < now, table.removed_at.is_(None))
                .order_by(table.available_until)
                .limit(SWEEP_BATCH)
                .with_for_update(skip_locked=True)
            )
        ).all()
        for row in due:
            # S3 deletes are idempotent: a repeat after a failed commit removes nothing.
            await asyncio.to_thread(storage.remove_object, bucket, row.object_key)
            await session.execute(
                update(report_requests).where(table.id == row.id).values(removed_at=now)
            )
            await record(
                session,
                AuditEvent(
                    actor=SYSTEM_ACTOR, client_address="", action=ACTION, subject=str(row.id),
                    outcome="accepted", details={"object_key": row.object_key},
                    province_code=row.province_code,
                ),
            )  # fmt: skip
    return len(due)


def report_sweeper(
    db: Database, storage: Minio, bucket: str, interval_seconds: float
) -> BackgroundJob:
    async def run() -> None:
        while True:
            try:
                await remove_expired_reports(db, storage, bucket)
            except Exception:  # the next round tries again; unremoved rows stay due
                log.exception("removing expired report requests failed")
            await asyncio.sleep(interval_seconds)

    return run
