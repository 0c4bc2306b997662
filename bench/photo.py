"""The photo service's benchmarks on a local stack of their own.

Roster: XUEJI_BENCH_ROSTER_EVENTS pupil.created events (default 5,000) applied by the roster
consumer, against the broker's own consume rate of the same messages (target ≥ 0.3).

Uploads: XUEJI_BENCH_PHOTO_UPLOADS valid photos (default 400), 50 at a time, through the
photo service's HTTP API (auth, window, checks in its worker processes, both objects to S3,
the photo row, the attempt and photo.accepted in one transaction), against the floor: a bare
endpoint that decodes the same file with Pillow and stores it in the same object store
(target ≥ 0.5 of its rate). Prints both p95s.
"""

from __future__ import annotations

import asyncio
import os
import random
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from bench.own_stack import on_own_infrastructure
from bench.photo_pupils import COUNTY_OFFICER, REGISTRAR, national_number, publish_pupils
from bench.photo_roster import broker_rate, roster_rate
from bench.photo_uploads import Run, drive
from xueji_common.auth.tokens import TokenIssuer
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_photo.bootstrap import MIGRATIONS
from xueji_photo.roster.tables import roster_pupils
from xueji_photo.schema import SCHEMA
from xueji_photo.windows.rule import china_today
from xueji_stack.demo.portraits import jpeg, portrait
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.keys import ensure_token_keys
from xueji_stack.ports import free_port
from xueji_stack.processes import Supervisor
from xueji_stack.services import ServiceSpec, start_services

ROSTER_EVENTS = int(os.environ.get("XUEJI_BENCH_ROSTER_EVENTS", "5000"))
UPLOADS = int(os.environ.get("XUEJI_BENCH_PHOTO_UPLOADS", "400"))
CONCURRENCY = 50
WARM_UP = 20
ROSTER_TARGET = 0.3
UPLOAD_TARGET = 0.5


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _asyncpg(infrastructure: Infrastructure) -> str:
    url = infrastructure.env()["XUEJI_DATABASE_URL"]
    return url.replace("postgresql://", "postgresql+asyncpg://", 1)


async def _roster(infrastructure: Infrastructure) -> None:
    url, bootstrap = _asyncpg(infrastructure), infrastructure.broker.bootstrap
    await upgrade_to_head(MIGRATIONS, url, SCHEMA)
    await publish_pupils(bootstrap, f"{random.randrange(10**6):06d}", ROSTER_EVENTS)
    ours = await roster_rate(url, bootstrap, ROSTER_EVENTS)
    floor = await broker_rate(bootstrap, ROSTER_EVENTS)
    ratio = ours / floor
    verdict = _met(ratio >= ROSTER_TARGET)
    print(f"roster consumer {ours:8.0f} events/s   broker consume {floor:8.0f} msg/s   "
          f"ratio {ratio:.2f} (target ≥ {ROSTER_TARGET}: {verdict})")  # fmt: skip


async def _on_roster(url: str, run: str, count: int) -> None:
    db = Database(url, SCHEMA)
    try:
        while True:
            async with db.sessions() as session:
                found = await session.scalar(
                    select(func.count())
                    .select_from(roster_pupils)
                    .where(roster_pupils.c.national_number.startswith(f"G{run}"))
                )
            if found == count:
                return
            await asyncio.sleep(0.2)
    finally:
        await db.dispose()


def _line(label: str, run: Run) -> None:
    print(f"{label:<44}{len(run.latencies):>5} in {run.seconds:6.1f} s  {run.rate:7.1f}/s  "
          f"p95 {run.p95 * 1000:7.1f} ms")  # fmt: skip
    if run.failures:
        print(f"  {len(run.failures)} failed, e.g. {run.failures[0]}")


async def _uploads(infrastructure: Infrastructure, photo: str, floor: str, key: bytes) -> None:
    issuer = TokenIssuer(key)
    registrar = {"Authorization": f"Bearer {issuer.issue(REGISTRAR)}"}
    county = {"Authorization": f"Bearer {issuer.issue(COUNTY_OFFICER)}"}
    today = china_today()
    window = {"opens_on": str(today - timedelta(days=1)), "closes_on": str(today + timedelta(1))}
    async with httpx.AsyncClient(base_url=photo) as client:
        url = "/v1/photo-windows/grade_one_entrant"
        answer = await client.put(url, json=window, headers=county)
        answer.raise_for_status()
    run = f"{random.randrange(10**6):06d}"
    await publish_pupils(infrastructure.broker.bootstrap, run, WARM_UP + UPLOADS)
    await _on_roster(_asyncpg(infrastructure), run, WARM_UP + UPLOADS)
    data = jpeg(portrait(272, 354))
    paths = [f"/v1/pupils/{national_number(run, i)}/photo" for i in range(WARM_UP + UPLOADS)]
    # Warm-up, not measured: the check processes start and load OpenCV on first use.
    await drive(photo, paths[:WARM_UP], data, registrar, WARM_UP)
    await drive(floor, ["/upload"] * WARM_UP, data, {}, WARM_UP)
    ours = await drive(photo, paths[WARM_UP:], data, registrar, CONCURRENCY)
    bare = await drive(floor, ["/upload"] * UPLOADS, data, {}, CONCURRENCY)
    _line(f"ours, {CONCURRENCY} at once: HTTP, checks, S3, DB, outbox", ours)
    _line(f"floor, {CONCURRENCY} at once: decode + store", bare)
    ratio = ours.rate / bare.rate
    print(f"uploads ours/floor rate = {ratio:.2f} (target ≥ {UPLOAD_TARGET}: "
          f"{_met(ratio >= UPLOAD_TARGET)}); p95 ours {ours.p95 * 1000:.0f} ms, "
          f"floor {bare.p95 * 1000:.0f} ms")  # fmt: skip


def _run(infrastructure: Infrastructure, state: Path) -> int:
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}", flush=True)
    asyncio.run(_roster(infrastructure))
    private, public = ensure_token_keys(state)
    env = {**infrastructure.env(), "XUEJI_TOKEN_PUBLIC_KEY_FILE": str(public),
           "XUEJI_LOG_LEVEL": "WARNING"}  # fmt: skip
    photo = ServiceSpec("photo", "xueji_photo", free_port())
    floor = ServiceSpec("photo-floor", "bench.photo_floor", free_port())
    supervisor = Supervisor(state / "run")
    try:
        start_services(supervisor, [photo, floor], env)
        asyncio.run(_uploads(infrastructure, photo.url, floor.url, private.read_bytes()))
    finally:
        supervisor.stop_all()
    return 0


def main() -> int:
    return on_own_infrastructure("xueji-bench-photo-", _run)
