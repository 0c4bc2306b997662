"""The read model's consumer: the records of each fetch, from all its partitions, in one
transaction.

It is xueji_common's consumer (group, handled-event ids, offsets after the effect, dead
letters) with one change: the records of a fetch are gathered as the common loop hands them
over, partition by partition, and the offsets it would commit are held; where the loop ends
the fetch (it reports the lag) they are applied by `projection.handle_batch`, their handled
ids claimed in the same transaction, and only then are the held offsets committed. One event
at a time (a transaction each), the read model fell seconds behind at 500 events/s on the
two-core bench machine; a transaction per partition still cost a p99 over a second there. A
batch that fails as a whole is handled again record by record by the common path, so one bad
event still only costs itself (retries, then the dead-letter topic).

When the common consumer offers a batch handler itself, `projection.handle_batch` is already
of that shape and this class can go.
"""

from __future__ import annotations

import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from sqlalchemy.dialects.postgresql import insert

from xueji_common.contracts import event_type
from xueji_common.events.consumer import EventConsumer
from xueji_common.events.envelope import from_headers
from xueji_common.events.incoming import IncomingEvent
from xueji_common.metrics import EVENTS_HANDLED
from xueji_common.runtime import BackgroundJob
from xueji_common.service import ServiceKernel
from xueji_common.uow import UnitOfWork
from xueji_export.read_model import projection

log = logging.getLogger(__name__)


def _event(record: ConsumerRecord) -> IncomingEvent | None:
    envelope = from_headers(record.headers)
    if envelope.type not in projection.APPLIED_TYPES:
        return None
    return IncomingEvent(
        envelope=envelope,
        message=event_type(envelope.type).message.FromString(record.value or b""),
        key=record.key.decode() if record.key else None,
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
    )


class ReadModelConsumer(EventConsumer):
    def __init__(self, **options: object) -> None:
        super().__init__(handlers=projection.handlers(), **options)  # type: ignore[arg-type]
        self._batch: list[ConsumerRecord] = []
        self._held: list[tuple[object, ...]] = []
        self._producer: AIOKafkaProducer | None = None

    async def _consume(self) -> None:
        # A connection lost mid-fetch leaves its records and offsets behind: the new one
        # starts from the committed offsets, so they are dropped, not applied or committed.
        self._batch, self._held = [], []
        await super()._consume()

    async def _handle(self, record: ConsumerRecord, producer: AIOKafkaProducer) -> None:
        self._batch.append(record)
        self._producer = producer

    async def _commit(self, consumer: AIOKafkaConsumer, *position: object) -> None:
        # `*position`: the offsets to commit, as the common loop passes them; held until the
        # fetch's records are applied.
        self._held.append(position)

    async def _report_lag(self, consumer: AIOKafkaConsumer) -> None:
        batch, self._batch = self._batch, []
        held, self._held = self._held, []
        if batch:
            try:
                await self._apply_batch(batch)
            except Exception as exc:  # one event's problem: the common path isolates it
                log.warning("%s: batch of %d failed (%r), one by one", self.name, len(batch), exc)
                assert self._producer is not None
                for record in batch:
                    await super()._handle(record, self._producer)
        for position in held:
            await super()._commit(consumer, *position)  # type: ignore[arg-type]
        await super()._report_lag(consumer)

    async def _apply_batch(self, batch: list[ConsumerRecord]) -> None:
        events: dict[str, IncomingEvent] = {}
        for record in batch:
            event = _event(record)
            if event is not None:
                events.setdefault(event.envelope.id, event)
        if not events:
            return
        async with UnitOfWork(self._db, self._outbox) as uow:
            claimed = set(
                await uow.session.scalars(
                    insert(self._handled)
                    .on_conflict_do_nothing()
                    .returning(self._handled.c.event_id),
                    [{"consumer": self.name, "event_id": event_id} for event_id in events],
                )
            )
            fresh = [event for event_id, event in events.items() if event_id in claimed]
            await projection.handle_batch(fresh, uow)
            await uow.commit()
        for event in fresh:
            EVENTS_HANDLED.labels(self.name, event.envelope.type).inc()


def read_model_consumer(
    kernel: ServiceKernel, group: str, topics: list[str]
) -> tuple[str, BackgroundJob]:
    """The consumer with the kernel's broker, database, tables and attempts, as a job."""
    settings = kernel.settings
    name = group + settings.consumer_group_suffix
    consumer = ReadModelConsumer(
        name=name, bootstrap=settings.kafka_bootstrap, topics=topics, db=kernel.db,
        outbox=kernel.outbox, handled=kernel.handled, producer_factory=kernel.producer,
        max_attempts=settings.consumer_max_attempts,
    )  # fmt: skip
    return (f"consumer-{name}", consumer.run)
