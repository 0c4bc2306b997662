"""At-least-once consumer whose effects happen exactly once.

The handled event id is inserted in the same transaction as the handler's effect (and any events
the handler publishes), and the offset is committed only afterwards. A redelivery after a crash
finds the id and changes nothing. Undecodable messages and handlers that keep failing go to the
topic's dead-letter twin with the reason, and the consumer moves on.

Batches (`handle_batch`, the extension point for projections that apply many events more
cheaply than one by one): every decodable event of a fetch that `handlers` knows, from all
its partitions, is applied in one transaction, the handled ids claimed with one statement and
the offsets committed together afterwards. Should the batch fail, its events are handled
again one by one on the path above, so a bad event still only costs itself (retries, then
the dead-letter topic) and the others are applied.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from google.protobuf.message import DecodeError
from sqlalchemy import ARRAY, String, Table, bindparam, func, select
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
from xueji_common.kafka import NO_SECURITY, KafkaSecurity, stop_client
from xueji_common.metrics import CONSUMER_LAG, EVENTS_FAILED, EVENTS_HANDLED
from xueji_common.tracing import set_trace_id
from xueji_common.uow import UnitOfWork

log = logging.getLogger(__name__)

Handler = Callable[[IncomingEvent, UnitOfWork], Awaitable[None]]
# The effect of several events, in their order, in one unit of work (no commit: the consumer
# commits). Must come to the same as the `handlers` applied to each event in turn.
BatchHandler = Callable[[Sequence[IncomingEvent], UnitOfWork], Awaitable[None]]
DEFAULT_MAX_RECORDS = 500


def one_at_a_time(handle_batch: BatchHandler) -> Handler:
    """The per-event handler of a batch handler: a batch of one, for the one-by-one path."""

    async def handle(event: IncomingEvent, uow: UnitOfWork) -> None:
        await handle_batch([event], uow)

    return handle


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
        handle_batch: BatchHandler | None = None,
        max_records: int = DEFAULT_MAX_RECORDS,
        security: KafkaSecurity = NO_SECURITY,
    ) -> None:
        self.name = name
        self._bootstrap = bootstrap
        self._security = security
        self._topics = topics
        self._handlers = handlers
        self._db = db
        self._outbox = outbox
        self._handled = handled
        self._producer_factory = producer_factory
        self._max_attempts = max_attempts
        self._retry_delay = retry_delay
        self._handle_batch = handle_batch
        self._max_records = max_records
        handled_ids = bindparam("event_ids", type_=ARRAY(String))
        self._claim_many = (
            insert(handled)
            .from_select(
                ["consumer", "event_id"],
                select(bindparam("consumer", type_=String), func.unnest(handled_ids)),
            )
            .on_conflict_do_nothing()
            .returning(handled.c.event_id)
        )

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
            **self._security.client_options(),
        )
        producer = self._producer_factory()
        await consumer.start()
        try:
            await producer.start()
            while True:
                batches = await consumer.getmany(timeout_ms=1_000, max_records=self._max_records)
                if self._handle_batch is None:
                    for tp, records in batches.items():
                        for record in records:
                            await self._handle(record, producer)
                        await self._commit(consumer, {tp: records[-1].offset + 1})
                elif batches:
                    fetched = [record for records in batches.values() for record in records]
                    await self._handle_fetched(fetched, producer)
                    ends = {tp: records[-1].offset + 1 for tp, records in batches.items()}
                    await self._commit(consumer, ends)
                await self._report_lag(consumer)
        finally:
            await stop_client(consumer, self.name)
            await stop_client(producer, self.name)

    async def _commit(self, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]) -> None:
        try:
            await consumer.commit(offsets)
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
        event = await self._read(record, producer)
        if event is not None:
            await self._handle_event(record, event, producer)

    async def _read(
        self, record: ConsumerRecord, producer: AIOKafkaProducer
    ) -> IncomingEvent | None:
        """The record's event if a handler wants it; an undecodable one is dead-lettered."""
        try:
            envelope = from_headers(record.headers)
        except EnvelopeError as exc:
            await self._dead_letter(record, producer, f"envelope: {exc}")
            return None
        if envelope.type not in self._handlers:
            return None
        try:
            message = event_type(envelope.type).message.FromString(record.value or b"")
        except (DecodeError, KeyError) as exc:
            await self._dead_letter(record, producer, f"payload: {exc!r}")
            return None
        return IncomingEvent(
            envelope=envelope,
            message=message,
            key=record.key.decode() if record.key else None,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
        )

    async def _handle_event(
        self, record: ConsumerRecord, event: IncomingEvent, producer: AIOKafkaProducer
    ) -> None:
        envelope = event.envelope
        handler = self._handlers[envelope.type]
        set_trace_id(envelope.trace_id)
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

    async def _handle_fetched(
        self, records: list[ConsumerRecord], producer: AIOKafkaProducer
    ) -> None:
        """A fetch's records through `handle_batch`, or one by one should the batch fail."""
        read: dict[str, tuple[ConsumerRecord, IncomingEvent]] = {}
        for record in records:
            event = await self._read(record, producer)
            # A redelivery within the fetch is the same event: the first one stands for it.
            if event is not None and event.envelope.id not in read:
                read[event.envelope.id] = (record, event)
        if not read:
            return
        try:
            await self._apply_fetched([event for _, event in read.values()])
        except Exception as exc:  # one event's problem: the one-by-one path isolates it
            log.warning("%s: batch of %d failed (%r), one by one", self.name, len(read), exc)
            for record, event in read.values():
                await self._handle_event(record, event, producer)

    async def _apply_fetched(self, events: list[IncomingEvent]) -> None:
        assert self._handle_batch is not None
        # The events of a batch come from many requests; what they publish starts a trace.
        set_trace_id(None)
        async with UnitOfWork(self._db, self._outbox) as uow:
            ids = [event.envelope.id for event in events]
            claimed = set(
                await uow.session.scalars(
                    self._claim_many, {"consumer": self.name, "event_ids": ids}
                )
            )
            fresh = [event for event in events if event.envelope.id in claimed]
            if fresh:
                await self._handle_batch(fresh, uow)
            await uow.commit()
        for kind, count in Counter(event.envelope.type for event in fresh).items():
            EVENTS_HANDLED.labels(self.name, kind).inc(count)

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
