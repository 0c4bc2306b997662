"""Rebuilding a projection from the event log: empty its table, then read its topics from the
first offset until caught up with each partition's high watermark.

No consumer group and no handled-event ids are involved: a projection that may be rebuilt this
way guards every write (record version, event time), so applying the whole history again gives
the same rows whatever its live consumer applies meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection, Sequence

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from google.protobuf.message import DecodeError, Message
from sqlalchemy import Table, delete
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.contracts import UnknownEventType, event_type
from xueji_common.db import Database
from xueji_common.events.envelope import Envelope, EnvelopeError, from_headers
from xueji_common.kafka import KafkaSecurity, stop_client

log = logging.getLogger(__name__)

Event = tuple[Envelope, Message]
ApplyBatch = Callable[[AsyncSession, list[Event]], Awaitable[None]]


def _decoded(record: ConsumerRecord, applied_types: Collection[str]) -> Event | None:
    try:
        envelope = from_headers(record.headers)
        if envelope.type not in applied_types:
            return None
        return envelope, event_type(envelope.type).message.FromString(record.value or b"")
    except (EnvelopeError, UnknownEventType, DecodeError):
        return None  # the live consumer dead-lettered it; the rebuild passes it by


async def _partitions(consumer: AIOKafkaConsumer, topics: Sequence[str]) -> set[TopicPartition]:
    known = await consumer.topics()
    return {
        TopicPartition(topic, partition)
        for topic in topics
        if topic in known
        for partition in consumer.partitions_for_topic(topic) or ()
    }


async def _caught_up(consumer: AIOKafkaConsumer, remaining: set[TopicPartition]) -> None:
    """Drops the partitions read up to the high watermark their last fetch reported (not
    ListOffsets: Tansu answers it behind the watermark when records came in batches)."""
    for tp in list(remaining):
        watermark = consumer.highwater(tp)
        if watermark is not None and await consumer.position(tp) >= watermark:
            remaining.discard(tp)


async def replay_into(
    db: Database,
    bootstrap: str,
    security: KafkaSecurity,
    *,
    table: Table,
    topics: Sequence[str],
    applied_types: Collection[str],
    apply_batch: ApplyBatch,
    client_id: str,
) -> int:
    """Empties `table` and applies every event of `topics` again; the number applied."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        client_id=client_id,
        **security.client_options(),
    )
    await consumer.start()
    applied = 0
    try:
        remaining = await _partitions(consumer, topics)
        async with db.sessions() as session, session.begin():
            await session.execute(delete(table))
        if not remaining:
            return 0
        consumer.assign(list(remaining))
        await consumer.seek_to_beginning(*remaining)
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1_000, max_records=500)
            for records in batches.values():
                events = [e for r in records if (e := _decoded(r, applied_types)) is not None]
                async with db.sessions() as session, session.begin():
                    await apply_batch(session, events)
                applied += len(events)
            await _caught_up(consumer, remaining)
        log.info("%s rebuilt from %d events", table.fullname, applied)
        return applied
    finally:
        await stop_client(consumer, client_id)
