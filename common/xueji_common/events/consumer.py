"""At-least-once consumer whose effects happen exactly once.

The handled event id is inserted in the same transaction as the handler's effect (and any events
the handler publishes), and the offset is committed only afterwards. A redelivery after a crash
finds the id and changes nothing. Undecodable messages and handlers that keep failing go to the
topic's dead-letter twin with the reason, and the consumer moves on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from google.protobuf.message import DecodeError
from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert

from xueji_common.contracts import (
    DLQ_CONSUMER_HEADER,
    DLQ_ORIGINAL_TOPIC_HEADER,
    DLQ_REASON_HEADER,
    dlq_topic,
    event_type,
)
from xueji_common.db import Database
from xueji_common.events.envelope import EnvelopeError, from_headers
from xueji_common.events.incoming import IncomingEvent
from xueji_common.kafka import stop_client
from xueji_common.metrics import CONSUMER_LAG, EVENTS_FAILED, EVENTS_HANDLED
from xueji_common.tracing import set_trace_id
from xueji_common.uow import UnitOfWork

log = logging.getLogger(__name__)

Handler = Callable[[IncomingEvent, UnitOfWork], Awaitable[None]]


class EventConsumer:
    def __init__(
        self,
        *,
        name: str,
        bootstrap: str,
        topics: list[str],
        handlers: Mapping[str, Handler],
        db: Database,
        outbox: Table,
        handled: Table,
        producer_factory: Callable[[], AIOKafkaProducer],
        max_attempts: int = 5,
        retry_delay: float = 0.2,
    ) -> None:
        self.name = name
        self._bootstrap = bootstrap
        self._topics = topics
        self._handlers = handlers
        self._db = db
        self._outbox = outbox
        self._handled = handled
        self._producer_factory = producer_factory
        self._max_attempts = max_attempts
        self._retry_delay = retry_delay

    async def run(self) -> None:
        """Consume until cancelled; a lost broker is waited for, not fatal."""
        backoff = 0.2
        while True:
            try:
                await self._consume()
            except asyncio.CancelledError:
                raise
            except (KafkaError, OSError) as exc:
                log.warning("consumer %s interrupted: %r", self.name, exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def _consume(self) -> None:
        consumer = AIOKafkaConsumer(
            *self._topics,
            bootstrap_servers=self._bootstrap,
            group_id=self.name,
            client_id=self.name,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            metadata_max_age_ms=5_000,
        )
        producer = self._producer_factory()
        await consumer.start()
        try:
            await producer.start()
            while True:
                batches = await consumer.getmany(timeout_ms=1_000, max_records=500)
                for tp, records in batches.items():
                    for record in records:
                        await self._handle(record, producer)
                    await self._commit(consumer, tp, records[-1].offset + 1)
                await self._report_lag(consumer)
        finally:
            await stop_client(consumer, self.name)
            await stop_client(producer, self.name)

    async def _commit(self, consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> None:
        try:
            await consumer.commit({tp: offset})
        except CommitFailedError as exc:
            # A rebalance took the partition away; its next owner replays and dedupes.
            log.info("offset commit lost to a rebalance: %r", exc)

    async def _report_lag(self, consumer: AIOKafkaConsumer) -> None:
        for tp in consumer.assignment():
            end = consumer.highwater(tp)
            if end is not None:
                position = await consumer.position(tp)
                CONSUMER_LAG.labels(self.name, tp.topic, tp.partition).set(max(end - position, 0))

    async def _handle(self, record: ConsumerRecord, producer: AIOKafkaProducer) -> None:
        try:
            envelope = from_headers(record.headers)
        except EnvelopeError as exc:
            await self._dead_letter(record, producer, f"envelope: {exc}")
            return
        handler = self._handlers.get(envelope.type)
        if handler is None:
            return
        try:
            message = event_type(envelope.type).message.FromString(record.value or b"")
        except (DecodeError, KeyError) as exc:
            await self._dead_letter(record, producer, f"payload: {exc!r}")
            return
        set_trace_id(envelope.trace_id)
        event = IncomingEvent(
            envelope=envelope,
            message=message,
            key=record.key.decode() if record.key else None,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
        )
        failure: Exception | None = None
        for attempt in range(1, self._max_attempts + 1):
            try:
                await self._apply(event, handler)
                return
            except Exception as exc:  # the handler's failure must not stop the partition
                failure = exc
                log.warning(
                    "%s failed on %s (attempt %d): %r", self.name, envelope.id, attempt, exc
                )
                await asyncio.sleep(self._retry_delay * attempt)
        await self._dead_letter(record, producer, f"handler: {failure!r}")
        await self._record(envelope.id, "dead_lettered", repr(failure))

    async def _apply(self, event: IncomingEvent, handler: Handler) -> None:
        async with UnitOfWork(self._db, self._outbox) as uow:
            claimed = await uow.session.execute(
                insert(self._handled)
                .values(consumer=self.name, event_id=event.envelope.id)
                .on_conflict_do_nothing()
                .returning(self._handled.c.event_id)
            )
            if claimed.first() is None:
                return
            await handler(event, uow)
            await uow.commit()
        EVENTS_HANDLED.labels(self.name, event.envelope.type).inc()

    async def _record(self, event_id: str, outcome: str, detail: str) -> None:
        async with self._db.sessions() as session, session.begin():
            await session.execute(
                insert(self._handled)
                .values(consumer=self.name, event_id=event_id, outcome=outcome, detail=detail)
                .on_conflict_do_nothing()
            )

    async def _dead_letter(
        self, record: ConsumerRecord, producer: AIOKafkaProducer, reason: str
    ) -> None:
        EVENTS_FAILED.labels(self.name, reason.split(":", 1)[0]).inc()
        headers = [
            *(record.headers or ()),
            *[
                (DLQ_REASON_HEADER, reason[:2000].encode()),
                (DLQ_CONSUMER_HEADER, self.name.encode()),
                (DLQ_ORIGINAL_TOPIC_HEADER, record.topic.encode()),
                ("xueji_dlq_original_position", f"{record.partition}:{record.offset}".encode()),
            ],
        ]
        await producer.send_and_wait(
            dlq_topic(record.topic), value=record.value, key=record.key, headers=headers
        )
