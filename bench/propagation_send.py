"""The sending end of the propagation benchmark: events at a steady rate.

`commit_paced` commits pupil.updated events into the registry's outbox, one transaction each as
a registry request commits its change, and notes when each commit returned; the registry's
own relay publishes them. `produce_paced` sends bare messages to the floor's topic with the
producer settings the relays use, each carrying when it was sent.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import asyncpg
from google.protobuf.timestamp_pb2 import Timestamp

from bench.photo_pupils import COUNTY, SCHOOL
from bench.propagation_receiver import FLOOR_TOPIC
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1.pupil_events_pb2 import PupilUpdated
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.kafka import make_producer
from xueji_common.outbox.rows import OUTBOX_COLUMNS, OutboxRow

PUPILS = 3_000
SENDERS = 4


def _updated(pupil_id: str, number: str, version: int) -> PupilUpdated:
    school = OrgRef(code=SCHOOL[-1], kind=OrgKind.ORG_KIND_SCHOOL, path=list(COUNTY))
    stamp = Timestamp()
    stamp.FromDatetime(datetime.now(UTC))
    return PupilUpdated(pupil=PupilRecord(
        pupil_id=pupil_id, national_number=number, name="测试学生", school=school, grade=3,
        class_name=f"{version % 6 + 1}班", stage=Stage.STAGE_PRIMARY,
        status=PupilStatus.PUPIL_STATUS_ENROLLED, record_version=version, updated_at=stamp,
    ))  # fmt: skip


def outbox_rows(run: str, count: int) -> list[tuple[str, tuple[object, ...]]]:
    """(the read model's notification payload, the outbox row) of each event: event i updates
    pupil i mod PUPILS to its next record version."""
    pupils = [(str(uuid.uuid4()), f"G{run}{n:012d}") for n in range(PUPILS)]
    rows = []
    for index in range(count):
        pupil_id, number = pupils[index % PUPILS]
        version = index // PUPILS + 1
        event = OutgoingEvent("pupil.updated", number, _updated(pupil_id, number, version))
        values = OutboxRow.of(event, None).values()
        rows.append((f"{pupil_id} {version}", tuple(values[c] for c in OUTBOX_COLUMNS)))
    return rows


async def paced(rate: float, count: int, send: Callable[[int], Awaitable[None]]) -> float:
    """Calls send(i) at `rate` per second (catching up, never bursting ahead); the seconds taken."""
    began = time.perf_counter()
    for index in range(count):
        delay = began + index / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        await send(index)
    return time.perf_counter() - began


async def commit_paced(
    dsn: str, rows: list[tuple[str, tuple[object, ...]]], rate: float
) -> tuple[dict[str, float], float]:
    """Commit times by notification payload, and the seconds the sending took. Commits run on
    a few connections at once, so that one slow commit does not hold back the next ones'
    schedule (registry requests do not wait for each other either)."""
    committed: dict[str, float] = {}
    columns = ", ".join(OUTBOX_COLUMNS)
    marks = ", ".join(f"${n}" for n in range(1, len(OUTBOX_COLUMNS) + 1))
    statement = f"INSERT INTO registry.outbox ({columns}) VALUES ({marks})"
    pool = await asyncpg.create_pool(dsn, min_size=SENDERS, max_size=SENDERS)
    try:
        sending: list[asyncio.Task[None]] = []

        async def commit(index: int) -> None:
            key, values = rows[index]
            async with pool.acquire() as connection:
                await connection.execute(statement, *values)  # autocommit: a transaction each
            committed[key] = time.time()

        async def send(index: int) -> None:
            sending.append(asyncio.create_task(commit(index)))

        seconds = await paced(rate, len(rows), send)
        await asyncio.gather(*sending)
    finally:
        await pool.close()
    return committed, seconds


async def produce_paced(bootstrap: str, count: int, rate: float) -> float:
    producer = make_producer(bootstrap, client_id="bench-propagation-floor")
    await producer.start()
    try:
        deliveries = []

        async def send(index: int) -> None:
            value = f"{index} {time.time()!r}".encode()
            deliveries.append(
                await producer.send(FLOOR_TOPIC, value=value, key=str(index).encode())
            )

        seconds = await paced(rate, count, send)
        await asyncio.gather(*deliveries)
    finally:
        await producer.stop()
    return seconds
