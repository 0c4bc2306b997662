"""The common consumer's batch hook (`handle_batch`): a fetch applied in one transaction, its
handled ids claimed together, and one event at a time again when the batch fails."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pytest
from sqlalchemy import select

from tests.integration.backbone.consumers import (
    dead_lettered,
    produce,
    replica_consumer,
    replica_has,
    running,
)
from tests.integration.harness import eventually
from xueji.common.v1.org_pb2 import OrgKind
from xueji.registry.v1.org_events_pb2 import OrgUnitCreated
from xueji.registry.v1.org_unit_pb2 import OrgUnit
from xueji_common.db import Database
from xueji_common.events.consumer import EventConsumer, one_at_a_time
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_stack.infrastructure import Infrastructure
from xueji_transfer.schema import handled_events, org_units

pytestmark = pytest.mark.integration


class RejectedUnit(Exception):
    """What the projection below says of the one unit it cannot take."""


class RecordingProjection:
    """The org replica applied a batch at a time, remembering each batch's unit codes; a unit
    named `rejected` fails the whole batch it is in, as a row the database refuses would."""

    def __init__(self, rejected: str) -> None:
        self.rejected = rejected
        self.batches: list[list[str]] = []

    async def apply(self, events: Sequence[IncomingEvent], uow: UnitOfWork) -> None:
        self.batches.append([event.message.unit.code for event in events])
        for event in events:
            if event.message.unit.code == self.rejected:
                raise RejectedUnit(self.rejected)
            await org_units.on_unit(event, uow)


def _unit(code: str) -> bytes:
    unit = OrgUnit(
        code=code, kind=OrgKind.ORG_KIND_PROVINCE, name=f"批量省{code}", parent_code="CN",
        path=["CN"], version=1,
    )  # fmt: skip
    return OrgUnitCreated(unit=unit).SerializeToString()


def _codes() -> list[str]:
    # Org codes are at most 10 characters; a run's own keep the tests apart.
    return [f"B{uuid.uuid4().hex[:7]}{n}" for n in range(3)]


def _batch_consumer(
    infrastructure: Infrastructure, db: Database, topic: str, projection: RecordingProjection
) -> EventConsumer:
    handle = one_at_a_time(projection.apply)
    return replica_consumer(
        infrastructure.broker.bootstrap, db, f"t-batch-{topic}",
        {"org_unit.created": handle}, topic=topic, handle_batch=projection.apply,
        max_attempts=2,
    )  # fmt: skip


async def _outcomes(db: Database, group: str) -> dict[str, str]:
    async with db.sessions() as session:
        rows = await session.execute(
            select(handled_events.c.event_id, handled_events.c.outcome).where(
                handled_events.c.consumer == group
            )
        )
    return {event_id: outcome for event_id, outcome in rows}


async def _published(infrastructure: Infrastructure, codes: list[str]) -> tuple[str, list[str]]:
    """A topic of one partition holding an event per code (the first one twice, under one
    id, as a redelivery would), published before any consumer reads it."""
    topic = f"test.batch.{uuid.uuid4().hex[:8]}"
    infrastructure.broker.create_topics([topic], partitions=1)
    bootstrap = infrastructure.broker.bootstrap
    ids = [str(uuid.uuid4()) for _ in codes]
    for event_id, code in zip(ids, codes, strict=True):
        await produce(bootstrap, _unit(code), event_id, code, topic=topic)
    await produce(bootstrap, _unit(codes[0]), ids[0], codes[0], topic=topic)
    return topic, ids


async def test_a_fetch_is_applied_in_one_batch_and_a_redelivered_event_once(
    infrastructure: Infrastructure, transfer_db: Database
) -> None:
    codes = _codes()
    topic, ids = await _published(infrastructure, codes)
    projection = RecordingProjection(rejected="none")
    consumer = _batch_consumer(infrastructure, transfer_db, topic, projection)
    async with running(consumer):
        await eventually(lambda: replica_has(transfer_db, codes[-1]))
    assert projection.batches == [codes]
    assert await _outcomes(transfer_db, f"t-batch-{topic}") == dict.fromkeys(ids, "applied")
    # The offsets were committed after the batch: the same group starts after it.
    again, later = RecordingProjection(rejected="none"), _codes()[0]
    async with running(_batch_consumer(infrastructure, transfer_db, topic, again)):
        await produce(infrastructure.broker.bootstrap, _unit(later), str(uuid.uuid4()), later,
                      topic=topic)  # fmt: skip
        await eventually(lambda: replica_has(transfer_db, later))
    assert again.batches == [[later]]


async def test_a_batch_that_fails_is_handled_again_one_event_at_a_time(
    infrastructure: Infrastructure, transfer_db: Database
) -> None:
    codes = _codes()
    topic, ids = await _published(infrastructure, codes)
    projection = RecordingProjection(rejected=codes[1])
    consumer = _batch_consumer(infrastructure, transfer_db, topic, projection)
    async with running(consumer):
        await eventually(lambda: replica_has(transfer_db, codes[2]))
        parked = await dead_lettered(infrastructure.broker.bootstrap, ids[1], topic=topic)
    # The batch, then each event alone: the rejected one twice (its attempts), in order.
    assert projection.batches == [codes, [codes[0]], [codes[1]], [codes[1]], [codes[2]]]
    assert await replica_has(transfer_db, codes[0])
    assert not await replica_has(transfer_db, codes[1])
    assert parked["xueji_dlq_reason"].startswith(b"handler: RejectedUnit")
    outcomes = await _outcomes(transfer_db, f"t-batch-{topic}")
    assert outcomes == {ids[0]: "applied", ids[1]: "dead_lettered", ids[2]: "applied"}
