"""Steps the status-change tests repeat: file, wait for the workflow, decide, read events."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
from google.protobuf.message import Message
from sqlalchemy import select

from tests.integration.registry_status.world import World
from xueji_common.contracts import event_type
from xueji_common.db import Database
from xueji_registry.schema import outbox

# Bounded polling of state the workflow moves forward; no assertion is about time.
POLLS = 600
PAUSE = 0.05


async def file_change(
    http: httpx.AsyncClient, world: World, school: str, body: dict
) -> httpx.Response:
    return await http.post("/v1/status-changes", json=body, headers=world.registrar(school))


async def case_until(
    http: httpx.AsyncClient, headers: dict[str, str], case_id: str, done: Callable[[dict], bool]
) -> dict:
    case: dict = {}
    for _ in range(POLLS):
        response = await http.get(f"/v1/status-changes/{case_id}", headers=headers)
        assert response.status_code == 200, response.text
        case = response.json()
        if done(case):
            return case
        await asyncio.sleep(PAUSE)
    raise AssertionError(f"status change never reached the expected state: {case}")


def in_review(case: dict) -> bool:
    return case["current_step"] == "county_bureau" and case["deadline"] is not None


def finished(case: dict) -> bool:
    return case["state"] in ("completed", "refused", "failed")


async def decide(
    http: httpx.AsyncClient, headers: dict[str, str], case_id: str, decision: str, **extra: str
) -> httpx.Response:
    return await http.post(
        f"/v1/status-changes/{case_id}/decision",
        json={"decision": decision, **extra},
        headers=headers,
    )


async def outbox_events(db: Database, key: str) -> list[tuple[str, Message]]:
    async with db.sessions() as session:
        rows = (
            await session.execute(
                select(outbox.c.event_type, outbox.c.payload)
                .where(outbox.c.aggregate_id == key)
                .order_by(outbox.c.seq)
            )
        ).all()
    return [(kind, event_type(kind).message.FromString(payload)) for kind, payload in rows]
