"""Running the transfer service's real org-replica consumer inside the test's event loop."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping

from sqlalchemy import select

from xueji_common.contracts import TOPIC_ORG
from xueji_common.db import Database
from xueji_common.events.consumer import EventConsumer, Handler
from xueji_common.kafka import make_producer
from xueji_transfer.schema import handled_events, org_units, outbox


def replica_consumer(
    bootstrap: str, db: Database, group: str, handlers: Mapping[str, Handler] | None = None
) -> EventConsumer:
    return EventConsumer(
        name=group,
        bootstrap=bootstrap,
        topics=[TOPIC_ORG],
        handlers=handlers or org_units.handlers(),
        db=db,
        outbox=outbox,
        handled=handled_events,
        producer_factory=lambda: make_producer(bootstrap, client_id=group),
        retry_delay=0.05,
    )


@contextlib.asynccontextmanager
async def running(consumer: EventConsumer) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(consumer.run())
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


async def replica_has(db: Database, code: str) -> bool:
    async with db.sessions() as session:
        found = await session.scalar(
            select(org_units.table.c.code).where(org_units.table.c.code == code)
        )
    return found is not None
