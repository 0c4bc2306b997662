"""Rebuilds the read model from the event log: empties it, then reads the pupil, transfer
and photo topics from their first offset until caught up with each partition's high watermark.

No consumer group and no handled-event ids are involved: every write of the projection is
guarded by record version or event time, so replaying the whole history gives the same rows
whatever the live consumer applies meanwhile.
"""

from __future__ import annotations

import logging

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from google.protobuf.message import DecodeError, Message
from sqlalchemy import delete

from xueji_common.contracts import (
    TOPIC_PHOTO,
    TOPIC_PUPIL,
    TOPIC_TRANSFER,
    UnknownEventType,
    event_type,
)
from xueji_common.db import Database
from xueji_common.events.envelope import Envelope, EnvelopeError, from_headers
from xueji_common.kafka import stop_client
from xueji_export.read_model.projection import APPLIED_TYPES, apply
from xueji_export.read_model.tables import pupil_read_model

log = logging.getLogger(__name__)
TOPICS = (TOPIC_PUPIL, TOPIC_TRANSFER, TOPIC_PHOTO)


def _decoded(record: ConsumerRecord) -> tuple[Envelope, Message] | None:
    try:
        envelope = from_headers(record.headers)
        if envelope.type not in APPLIED_TYPES:
            return None
        return envelope, event_type(envelope.type).message.FromString(record.value or b"")
    except (EnvelopeError, UnknownEventType, DecodeError):
        return None  # the live consumer dead-lettered it; the rebuild passes it by


async def _partitions(consumer: AIOKafkaConsumer) -> set[TopicPartition]:
    known = await consumer.topics()
    return {
        TopicPartition(topic, partition)
        for topic in TOPICS
        if topic in known
        for partition in sorted(consumer.partitions_for_topic(topic) or ())
    }


async def _caught_up(consumer: AIOKafkaConsumer, remaining: set[TopicPartition]) -> None:
    """Drops the partitions read up to the high watermark their last fetch reported (not
    ListOffsets: Tansu answers it behind the watermark when records came in batches)."""
    for tp in list(remaining):
        watermark = consumer.highwater(tp)
        if watermark is not None and await consumer.position(tp) >= watermark:
            remaining.discard(tp)


async def rebuild_read_model(db: Database, bootstrap: str) -> int:
    """The number of events applied."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, client_id="export-read-model-rebuild"
    )
    await consumer.start()
    applied = 0
    try:
        remaining = await _partitions(consumer)
        async with db.sessions() as session, session.begin():
            await session.execute(delete(pupil_read_model))
        if not remaining:
            return 0
        consumer.assign(list(remaining))
        await consumer.seek_to_beginning(*remaining)
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1_000, max_records=500)
            for records in batches.values():
                events = [event for event in map(_decoded, records) if event is not None]
                async with db.sessions() as session, session.begin():
                    for envelope, message in events:
                        await apply(session, envelope, message)
                applied += len(events)
            await _caught_up(consumer, remaining)
        log.info("export read model rebuilt from %d events", applied)
        return applied
    finally:
        await stop_client(consumer, "export-read-model-rebuild")
