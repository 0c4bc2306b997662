"""Publishes every chain head that moved as export.audit_head, so provinces keep a copy."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import select, update

from xueji.export.v1.export_events_pb2 import ExportAuditHead
from xueji_common.db import Database
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.runtime import BackgroundJob
from xueji_common.uow import UnitOfWork
from xueji_export.audit.tables import audit_chain_heads
from xueji_export.schema import outbox

log = logging.getLogger(__name__)


def _timestamp(at: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


async def publish_heads(db: Database) -> int:
    """The number of heads published; each goes out through the outbox with its mark."""
    async with UnitOfWork(db, outbox) as uow:
        moved = (
            await uow.session.execute(
                select(audit_chain_heads)
                .where(audit_chain_heads.c.sequence > audit_chain_heads.c.published_sequence)
                .with_for_update(skip_locked=True)
            )
        ).all()
        now = datetime.now(UTC)
        for head in moved:
            message = ExportAuditHead(
                province_code=head.province_code,
                sequence=head.sequence,
                head_hash=head.hash,
                head_record_id=head.record_id,
                recorded_at=_timestamp(head.recorded_at or now),
                published_at=_timestamp(now),
            )
            uow.publish(OutgoingEvent("export.audit_head", head.province_code, message))
            await uow.session.execute(
                update(audit_chain_heads)
                .where(audit_chain_heads.c.province_code == head.province_code)
                .values(published_sequence=head.sequence)
            )
        await uow.commit()
    return len(moved)


def head_publisher(db: Database, interval_seconds: float) -> BackgroundJob:
    async def run() -> None:
        while True:
            try:
                await publish_heads(db)
            except Exception:  # the next round tries again; the heads stay marked unpublished
                log.exception("publishing the audit chain heads failed")
            await asyncio.sleep(interval_seconds)

    return run
