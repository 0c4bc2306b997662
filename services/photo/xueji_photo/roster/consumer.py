"""The roster's consumer: each fetched batch of a partition in one transaction.

It is xueji_common's consumer (same group, handled-event table, offsets after the effect, dead
letters) with one change: the records of a partition's batch are gathered as they are handed
over and applied together just before their offset is committed, the handled ids claimed in
the same transaction. A batch that fails as a whole is handled again record by record by the
common path, so one bad event still only costs itself (retries, then the dead-letter topic).
"""

from __future__ import annotations

import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from google.protobuf.message import Message
from sqlalchemy.dialects.postgresql import insert

from xueji_common.contracts import event_type
from xueji_common.events.consumer import EventConsumer
from xueji_common.events.envelope import Envelope, from_headers
from xueji_common.metrics import EVENTS_HANDLED
from xueji_common.service import ServiceKernel
from xueji_common.uow import UnitOfWork
from xueji_photo.roster.projection import APPLIED_TYPES, RosterProjection

log = logging.getLogger(__name__)


class RosterConsumer(EventConsumer):
    def __init__(self, *, projection: RosterProjection, **options: object) -> None:
        super().__init__(handlers=projection.handlers(), **options)  # type: ignore[arg-type]
        self._projection = projection
        self._batch: list[ConsumerRecord] = []
        self._producer: AIOKafkaProducer | None = None

    async def _handle(self, record: ConsumerRecord, producer: AIOKafkaProducer) -> None:
        self._batch.append(record)
        self._producer = producer

    async def _commit(self, consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> None:
        batch, self._batch = self._batch, []
        try:
            await self._apply_batch(batch)
        except Exception as exc:  # one event's problem: the common path isolates it
            log.warning("%s: batch of %d failed (%r), one by one", self.name, len(batch), exc)
            assert self._producer is not None
            for record in batch:
                await super()._handle(record, self._producer)
        await super()._commit(consumer, tp, offset)

    async def _apply_batch(self, batch: list[ConsumerRecord]) -> None:
        events: dict[str, tuple[Envelope, Message]] = {}
        for record in batch:
            envelope = from_headers(record.headers)
            if envelope.type in APPLIED_TYPES and envelope.id not in events:
                message = event_type(envelope.type).message.FromString(record.value or b"")
                events[envelope.id] = (envelope, message)
        if not events:
            return
        async with UnitOfWork(self._db, self._outbox) as uow:
            claimed = set(
                await uow.session.scalars(
                    insert(self._handled)
                    .on_conflict_do_nothing()
                    .returning(self._handled.c.event_id),
                    [{"consumer": self.name, "event_id": i} for i in events],
                )
            )
            fresh = [event for event_id, event in events.items() if event_id in claimed]
            await self._projection.apply_many(uow.session, fresh)
            await uow.commit()
        for envelope, _ in fresh:
            EVENTS_HANDLED.labels(self.name, envelope.type).inc()


def roster_consumer(
    kernel: ServiceKernel, group: str, topics: list[str], projection: RosterProjection
) -> RosterConsumer:
    """The roster consumer with the kernel's broker, database, tables and attempts."""
    settings = kernel.settings
    name = group + settings.consumer_group_suffix
    return RosterConsumer(
        projection=projection, name=name, bootstrap=settings.kafka_bootstrap, topics=topics,
        db=kernel.db, outbox=kernel.outbox, handled=kernel.handled,
        producer_factory=kernel.producer, max_attempts=settings.consumer_max_attempts,
    )  # fmt: skip
