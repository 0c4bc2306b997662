"""The roster benchmark: pupil events applied per second by the service's roster consumer
(decode, dedupe by event id, merge into the roster, commit, offsets) against the broker's own
consume rate of the same messages (a bare consumer that only receives them)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer
from sqlalchemy import func, select

from xueji_common.contracts import TOPIC_PUPIL, TOPIC_TRANSFER
from xueji_common.db import Database
from xueji_common.events.consumer import EventConsumer
from xueji_common.kafka import make_producer
from xueji_photo.roster.consumer import MAX_RECORDS, roster_handlers
from xueji_photo.roster.projection import RosterProjection
from xueji_photo.schema import SCHEMA, handled_events, outbox

POLL_SECONDS = 0.02


async def _handled(db: Database, name: str) -> int:
    async with db.sessions() as session:
        counted = await session.scalar(
            select(func.count())
            .select_from(handled_events)
            .where(handled_events.c.consumer == name)
        )
    return int(counted or 0)


async def _until(db: Database, name: str, done: Callable[[int], bool]) -> int:
    """Polls the consumer's handled count until `done` says so; the count then."""
    while True:
        handled = await _handled(db, name)
        if done(handled):
            return handled
        await asyncio.sleep(POLL_SECONDS)


async def roster_rate(url: str, bootstrap: str, count: int) -> float:
    """Events/s from the first event handled to the last (the group join is not counted)."""
    name = f"photo-roster-bench-{uuid.uuid4().hex[:8]}"
    db = Database(url, SCHEMA)
    handlers, batch = roster_handlers(RosterProjection(frozenset({"31"})))
    consumer = EventConsumer(
        name=name, bootstrap=bootstrap, topics=[TOPIC_PUPIL, TOPIC_TRANSFER], handlers=handlers,
        handle_batch=batch, max_records=MAX_RECORDS, db=db, outbox=outbox,
        handled=handled_events, producer_factory=lambda: make_producer(bootstrap, client_id=name),
    )  # fmt: skip
    task = asyncio.create_task(consumer.run())
    try:
        first = await _until(db, name, lambda handled: handled > 0)
        began = time.perf_counter()
        await _until(db, name, lambda handled: handled >= count)
        return (count - first) / (time.perf_counter() - began)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await db.dispose()


async def broker_rate(bootstrap: str, count: int) -> float:
    """Messages/s a bare consumer receives, from its first message to the last."""
    consumer = AIOKafkaConsumer(
        TOPIC_PUPIL, bootstrap_servers=bootstrap, group_id=f"bench-floor-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest", enable_auto_commit=False,
    )  # fmt: skip
    await consumer.start()
    try:
        received, first, began = 0, 0, 0.0
        while received < count:
            batches = await consumer.getmany(timeout_ms=1_000, max_records=500)
            for records in batches.values():
                if received == 0:
                    began, first = time.perf_counter(), len(records)
                received += len(records)
        # The first batch came before the clock started, as the roster's first handled events.
        return (received - first) / (time.perf_counter() - began)
    finally:
        await consumer.stop()
