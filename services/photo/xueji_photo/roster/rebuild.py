"""Rebuilds the roster from the event log: empties it, then reads the pupil and transfer topics
from their first offset until it has caught up with each partition's high watermark.

No consumer group and no handled-event ids are involved: the projection keeps the newest record
version and keeps arrivals from another province, so applying the whole history again gives
the same roster whatever the live consumer applies meanwhile.
"""

from __future__ import annotations

import logging

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from google.protobuf.message import DecodeError, Message
from sqlalchemy import delete

from xueji_common.contracts import TOPIC_PUPIL, TOPIC_TRANSFER, UnknownEventType, event_type
from xueji_common.db import Database
from xueji_common.events.envelope import Envelope, EnvelopeError, from_headers
from xueji_common.kafka import stop_client
from xueji_photo.roster.projection import APPLIED_TYPES, RosterProjection
from xueji_photo.roster.tables import roster_pupils

log = logging.getLogger(__name__)
TOPICS = (TOPIC_PUPIL, TOPIC_TRANSFER)


def _decoded(record: ConsumerRecord) -> tuple[Envelope, Message] | None:
    try:
        envelope = from_headers(record.headers)
        if envelope.type not in APPLIED_TYPES:
            return None
        return envelope, event_type(envelope.type).message.FromString(record.value or b"")
    except (EnvelopeError, UnknownEventType, DecodeError):
        return None  # the live consumer dead-lettered it; the rebuild passes it by


async def _partitions(consumer: AIOKafkaConsumer) -> list[TopicPartition]:
    known = await consumer.topics()
    return [
        TopicPartition(topic, partition)
        for topic in TOPICS
        if topic in known
        for partition in sorted(consumer.partitions_for_topic(topic) or ())
    ]


async def _caught_up(consumer: AIOKafkaConsumer, remaining: set[TopicPartition]) -> None:
    """Drops the partitions read up to the high watermark their last fetch reported (not
    ListOffsets: Tansu answers it behind the watermark when records came in batches)."""
    for tp in list(remaining):
        watermark = consumer.highwater(tp)
        if watermark is not None and await consumer.position(tp) >= watermark:
            remaining.discard(tp)


async def rebuild_roster(db: Database, projection: RosterProjection, bootstrap: str) -> int:
    """The number of events applied."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, client_id="photo-roster-rebuild"
    )
    await consumer.start()
    applied = 0
    try:
        remaining = set(await _partitions(consumer))
        async with db.sessions() as session, session.begin():
            await session.execute(delete(roster_pupils))
        if not remaining:
            return 0
        consumer.assign(list(remaining))
        await consumer.seek_to_beginning(*remaining)
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1_000, max_records=500)
            for records in batches.values():
                events = [event for event in map(_decoded, records) if event is not None]
                async with db.sessions() as session, session.begin():
                    await projection.apply_many(session, events)
                applied += len(events)
            await _caught_up(consumer, remaining)
        log.info("roster rebuilt from %d events", applied)
        return applied
    finally:
        await stop_client(consumer, "photo-roster-rebuild")
