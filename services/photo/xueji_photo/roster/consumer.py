"""The roster's consumer: xueji_common's consumer with the projection as its batch handler.

Everything a fetch brings (up to `MAX_RECORDS`, all partitions) is applied in one
transaction: snapshots of one pupil fold into one, new pupils go in with one statement. Should
a batch fail, the common consumer handles its events one by one, so a bad event still only
costs itself (retries, then the dead-letter topic).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from aiokafka import AIOKafkaProducer
from sqlalchemy import Table

from xueji_common.db import Database
from xueji_common.events.consumer import EventConsumer, one_at_a_time
from xueji_common.events.incoming import IncomingEvent
from xueji_common.service import ServiceKernel
from xueji_common.uow import UnitOfWork
from xueji_photo.roster.projection import APPLIED_TYPES, RosterProjection

# A fetch of this many events is one transaction: a few thousand rows commit in one go, and
# a batch that must be handled again one by one stays short.
MAX_RECORDS = 2_000


def roster_event_consumer(
    *,
    projection: RosterProjection,
    name: str,
    bootstrap: str,
    topics: list[str],
    db: Database,
    outbox: Table,
    handled: Table,
    producer_factory: Callable[[], AIOKafkaProducer],
    max_attempts: int = 5,
) -> EventConsumer:
    async def apply(events: Sequence[IncomingEvent], uow: UnitOfWork) -> None:
        await projection.apply_many(uow.session, [(e.envelope, e.message) for e in events])

    return EventConsumer(
        name=name, bootstrap=bootstrap, topics=topics,
        handlers=dict.fromkeys(APPLIED_TYPES, one_at_a_time(apply)), handle_batch=apply,
        max_records=MAX_RECORDS, db=db, outbox=outbox, handled=handled,
        producer_factory=producer_factory, max_attempts=max_attempts,
    )  # fmt: skip


def roster_consumer(
    kernel: ServiceKernel, group: str, topics: list[str], projection: RosterProjection
) -> EventConsumer:
    """The roster consumer with the kernel's broker, database, tables and attempts."""
    settings = kernel.settings
    return roster_event_consumer(
        projection=projection, name=group + settings.consumer_group_suffix,
        bootstrap=settings.kafka_bootstrap, topics=topics, db=kernel.db, outbox=kernel.outbox,
        handled=kernel.handled, producer_factory=kernel.producer,
        max_attempts=settings.consumer_max_attempts,
    )  # fmt: skip
