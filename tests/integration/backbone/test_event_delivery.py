"""An event committed in the registry reaches another service's consumer exactly once in effect."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import func, select, text

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
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_stack.infrastructure import Infrastructure
from xueji_transfer.schema import handled_events

pytestmark = pytest.mark.integration


async def create_province(registry: httpx.AsyncClient, operator: dict[str, str], code: str) -> None:
    response = await registry.post(
        "/v1/org-units",
        json={"code": code, "name": f"测试省{code}", "parent_code": "CN"},
        headers=operator,
    )
    assert response.status_code == 201, response.text


async def test_org_event_reaches_the_transfer_replica(
    infrastructure: Infrastructure,
    registry: httpx.AsyncClient,
    operator: dict[str, str],
    transfer_db: Database,
) -> None:
    async with running(replica_consumer(infrastructure.broker.bootstrap, transfer_db, "t-replica")):
        await create_province(registry, operator, "11")
        await eventually(lambda: replica_has(transfer_db, "11"))


async def test_event_survives_a_broker_outage_between_commit_and_publish(
    infrastructure: Infrastructure,
    registry: httpx.AsyncClient,
    operator: dict[str, str],
    transfer_db: Database,
    migrated: str,
) -> None:
    infrastructure.broker.kill()
    try:
        await create_province(registry, operator, "12")
        registry_db = Database(migrated, "registry", pool_size=1)
        async with registry_db.sessions() as session:
            unpublished = await session.scalar(
                text(
                    "SELECT count(*) FROM registry.outbox WHERE aggregate_id = '12' "
                    "AND published_at IS NULL"
                )
            )
        await registry_db.dispose()
        assert unpublished == 1
        # The relay cannot publish, but it still reports what waits, and since when.
        await eventually(lambda: _backlog_reported(at_least_seconds=1.0), within=30)
    finally:
        infrastructure.broker.start()
        infrastructure.broker.create_topics(infrastructure.topics)
    async with running(replica_consumer(infrastructure.broker.bootstrap, transfer_db, "t-outage")):
        await eventually(lambda: replica_has(transfer_db, "12"), within=60)
    await eventually(lambda: _backlog_reported(at_least_seconds=None), within=30)


async def _backlog_reported(*, at_least_seconds: float | None) -> bool:
    """The registry relay's gauges: rows waiting for `at_least_seconds`, or none (None)."""
    labels = {"service": "registry"}
    waiting = REGISTRY.get_sample_value("xueji_outbox_backlog", labels) or 0.0
    age = REGISTRY.get_sample_value("xueji_outbox_oldest_unpublished_seconds", labels) or 0.0
    if at_least_seconds is None:
        return waiting == 0 and age == 0
    return waiting >= 1 and age >= at_least_seconds


class ConsumerDied(Exception):
    """Stands for the process dying between the effect's commit and the offset commit."""


async def test_redelivery_after_a_crash_before_the_offset_commit_changes_nothing(
    infrastructure: Infrastructure,
    registry: httpx.AsyncClient,
    operator: dict[str, str],
    transfer_db: Database,
) -> None:
    effects: list[str] = []

    async def count_effect(event: IncomingEvent, uow: UnitOfWork) -> None:
        if event.message.unit.code == "13":
            effects.append(event.envelope.id)

    group = f"t-crash-{uuid.uuid4().hex[:8]}"
    await create_province(registry, operator, "13")
    doomed = replica_consumer(
        infrastructure.broker.bootstrap, transfer_db, group, {"org_unit.created": count_effect}
    )

    async def die(*_: object) -> None:
        raise ConsumerDied

    doomed._commit = die  # type: ignore[method-assign]
    with pytest.raises(ConsumerDied):
        await asyncio.wait_for(doomed.run(), 60)
    assert len(effects) == 1

    survivor = replica_consumer(
        infrastructure.broker.bootstrap, transfer_db, group, {"org_unit.created": count_effect}
    )
    async with running(survivor):
        await create_province(registry, operator, "14")

        async def handled_both() -> bool:
            async with transfer_db.sessions() as session:
                rows = await session.scalar(
                    select(func.count())
                    .select_from(handled_events)
                    .where(handled_events.c.consumer == group)
                )
            return rows is not None and rows >= 2

        await eventually(handled_both)
    assert len(effects) == 1, "the redelivered event must not apply twice"


async def test_unknown_fields_are_ignored_by_an_older_consumer(
    infrastructure: Infrastructure, transfer_db: Database
) -> None:
    message = OrgUnitCreated(
        unit=OrgUnit(
            code="15",
            kind=OrgKind.ORG_KIND_PROVINCE,
            name="新字段省",
            parent_code="CN",
            path=["CN"],
            version=1,
        )
    )
    # Field 99 (varint 1) is what a newer producer might add; this consumer has never seen it.
    payload = message.SerializeToString() + bytes([0x98, 0x06, 0x01])
    async with running(replica_consumer(infrastructure.broker.bootstrap, transfer_db, "t-unknown")):
        await produce(infrastructure.broker.bootstrap, payload, str(uuid.uuid4()), "15")
        await eventually(lambda: replica_has(transfer_db, "15"))


async def test_an_undecodable_event_goes_to_the_dead_letter_topic_and_the_consumer_goes_on(
    infrastructure: Infrastructure, transfer_db: Database
) -> None:
    poison_id = str(uuid.uuid4())
    good = OrgUnitCreated(
        unit=OrgUnit(
            code="21",
            kind=OrgKind.ORG_KIND_PROVINCE,
            name="辽宁",
            parent_code="CN",
            path=["CN"],
            version=1,
        )
    )
    bootstrap = infrastructure.broker.bootstrap
    async with running(replica_consumer(bootstrap, transfer_db, "t-poison")):
        # One key, one partition: the good event comes after the poison in the same order.
        await produce(bootstrap, b"\xff\xff\xff not protobuf", poison_id, "21")
        await produce(bootstrap, good.SerializeToString(), str(uuid.uuid4()), "21")
        await eventually(lambda: replica_has(transfer_db, "21"))
        found = await dead_lettered(bootstrap, poison_id)
    assert found, "the poison message never reached the dead-letter topic"
    assert found["xueji_dlq_reason"].startswith(b"payload:")
    assert found["xueji_dlq_consumer"] == b"t-poison"
