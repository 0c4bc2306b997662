"""Running the transfer service's real org-replica consumer inside the test's event loop, and
producing and finding the events it is given."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from sqlalchemy import select

from xueji_common.contracts import TOPIC_ORG, dlq_topic
from xueji_common.db import Database
from xueji_common.events.consumer import EventConsumer, Handler
from xueji_common.events.envelope import Envelope, to_headers
from xueji_common.kafka import make_producer
from xueji_transfer.schema import handled_events, org_units, outbox


def replica_consumer(
    bootstrap: str,
    db: Database,
    group: str,
    handlers: Mapping[str, Handler] | None = None,
    topic: str = TOPIC_ORG,
    **options: Any,
) -> EventConsumer:
    return EventConsumer(
        name=group,
        bootstrap=bootstrap,
        topics=[topic],
        handlers=handlers or org_units.handlers(),
        db=db,
        outbox=outbox,
        handled=handled_events,
        producer_factory=lambda: make_producer(bootstrap, client_id=group),
        retry_delay=0.05,
        **options,
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


async def produce(
    bootstrap: str, payload: bytes, event_id: str, key: str, topic: str = TOPIC_ORG
) -> None:
    """An org_unit.created event with this payload, as a producer would send it."""
    producer = make_producer(bootstrap, client_id="test-raw")
    await producer.start()
    try:
        envelope = Envelope(
            id=event_id,
            source="/test",
            type="org_unit.created",
            time=datetime.now(UTC),
            subject=key,
            trace_id=None,
        )
        await producer.send_and_wait(
            topic, value=payload, key=key.encode(), headers=to_headers(envelope)
        )
    finally:
        await producer.stop()


async def dead_lettered(bootstrap: str, event_id: str, topic: str = TOPIC_ORG) -> dict[str, bytes]:
    """The headers of event `event_id` on `topic`'s dead-letter twin, if it gets there.

    Partitions are assigned by hand: no consumer-group join, which Tansu can take long over.
    """
    parked = dlq_topic(topic)
    dlq = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await dlq.start()
    try:
        deadline = asyncio.get_running_loop().time() + 30
        while not dlq.assignment() and asyncio.get_running_loop().time() < deadline:
            await dlq.topics()  # the dead-letter topic appears with its first message
            partitions = dlq.partitions_for_topic(parked) or set()
            if not partitions:
                await asyncio.sleep(0.2)
            dlq.assign([TopicPartition(parked, p) for p in partitions])
        await dlq.seek_to_beginning()
        while asyncio.get_running_loop().time() < deadline:
            for records in (await dlq.getmany(timeout_ms=500)).values():
                for record in records:
                    headers = dict(record.headers)
                    if headers.get("ce_id") == event_id.encode():
                        return headers
    finally:
        await dlq.stop()
    return {}
