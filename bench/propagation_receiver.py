"""The receiving end of the propagation benchmark, in a process of its own so that the sender's
work never delays when an arrival is noticed.

`python -m bench.propagation_receiver notify DSN COUNT OUT` listens on the channel the bench's
trigger on the export read model notifies; PostgreSQL delivers a notification only once the
transaction that raised it has committed, so its arrival is when the update became visible.
`python -m bench.propagation_receiver kafka BOOTSTRAP COUNT OUT` consumes the floor's topic with
the consumer settings the services use. Both print `ready` once listening, stop after COUNT
arrivals (or IDLE_SECONDS without one) and write {key: seconds since the epoch} to OUT.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid
from pathlib import Path

import asyncpg
from aiokafka import AIOKafkaConsumer

CHANNEL = "bench_propagation"
FLOOR_TOPIC = "bench.propagation.floor"
IDLE_SECONDS = 20.0


def _ready() -> None:
    print("ready", flush=True)


async def _until_done(seen: dict[str, float], count: int) -> None:
    last, noted = time.monotonic(), 0
    while len(seen) < count and time.monotonic() - last < IDLE_SECONDS:
        await asyncio.sleep(0.2)
        if len(seen) != noted:
            last, noted = time.monotonic(), len(seen)


async def listen(dsn: str, count: int) -> dict[str, float]:
    seen: dict[str, float] = {}

    def arrived(_connection: object, _pid: int, _channel: str, payload: str) -> None:
        seen.setdefault(payload, time.time())

    connection = await asyncpg.connect(dsn)
    try:
        await connection.add_listener(CHANNEL, arrived)
        _ready()
        await _until_done(seen, count)
    finally:
        await connection.close()
    return seen


async def consume(bootstrap: str, count: int) -> dict[str, float]:
    """Arrival of each floor message (its value is "index sent-at"), keyed by index."""
    seen: dict[str, float] = {}
    # As xueji_common.events.consumer.EventConsumer configures its consumer.
    consumer = AIOKafkaConsumer(
        FLOOR_TOPIC, bootstrap_servers=bootstrap, group_id=f"bench-floor-{uuid.uuid4().hex[:8]}",
        enable_auto_commit=False, auto_offset_reset="earliest", metadata_max_age_ms=5_000,
    )  # fmt: skip
    await consumer.start()
    try:
        while not consumer.assignment():
            await consumer.getmany(timeout_ms=200)
        _ready()
        last = time.monotonic()
        while len(seen) < count and time.monotonic() - last < IDLE_SECONDS:
            batches = await consumer.getmany(timeout_ms=1_000, max_records=500)
            now = time.time()
            for records in batches.values():
                last = time.monotonic()
                for record in records:
                    seen.setdefault((record.value or b"").decode(), now)
    finally:
        await consumer.stop()
    return seen


def main(argv: list[str]) -> int:
    kind, address, count, out = argv[0], argv[1], int(argv[2]), Path(argv[3])
    receive = listen if kind == "notify" else consume
    seen = asyncio.run(receive(address, count))
    out.write_text(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
