"""Entering pupils one by one: validation, national numbers, scope, events."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import select

from tests.integration.registry.builders import IdFactory, World, create_pupil, pupil_body
from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common.db import Database
from xueji_registry.schema import outbox

pytestmark = pytest.mark.integration


async def outbox_events(db: Database, key: str) -> list[tuple[str, object]]:
    async with db.sessions() as session:
        rows = (
            await session.execute(
                select(outbox.c.event_type, outbox.c.payload)
                .where(outbox.c.aggregate_id == key)
                .order_by(outbox.c.seq)
            )
        ).all()
    parsed = []
    for kind, payload in rows:
        message_type = {
            "pupil.created": pb.PupilCreated,
            "pupil.updated": pb.PupilUpdated,
            "pupil.problem_detected": pb.PupilProblemDetected,
            "pupil.problem_resolved": pb.PupilProblemResolved,
            "pupil.registered": pb.PupilRegistered,
            "pupil.corrected": pb.PupilCorrected,
            "pupil.transferred_out": pb.PupilTransferredOut,
            "pupil.transferred_in": pb.PupilTransferredIn,
        }[kind]
        parsed.append((kind, message_type.FromString(payload)))
    return parsed


async def test_a_valid_pupil_gets_a_g_number_and_a_created_event(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    body = pupil_body(ids, name="  张　晓明 ", id_number=None)
    body["id_number"] = ids.new(__import__("datetime").date(2019, 3, 1)).lower()
    created = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    assert created["national_number"] == "G" + created["id_number"]
    assert created["problem"] is False and created["registration_state"] == "validated"
    assert created["record_version"] == 1
    events = await outbox_events(registry_db, created["national_number"])
    assert [kind for kind, _ in events] == ["pupil.created"]
    record = events[0][1].pupil
    assert record.pupil_id == created["id"] and record.record_version == 1
    assert record.school.code == world.code("a")
