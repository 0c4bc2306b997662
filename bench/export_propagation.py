"""Event propagation: from the registry's commit to the export read model's update, under load.

Starts its own infrastructure and the registry and export services as processes (as `make up`
runs them), then commits XUEJI_BENCH_PROPAGATION_RATE pupil.updated events per second (default
500) for XUEJI_BENCH_PROPAGATION_SECONDS (default 30) into the registry's outbox, one
transaction each. The path measured is the real one: the registry's outbox relay (woken by its
NOTIFY) → Tansu → the export service's read-model consumer → its guarded upsert in PostgreSQL.

The update's moment: a trigger the bench adds to the read model notifies each changed row's
pupil and record version; PostgreSQL delivers a notification only after its transaction
commits, so a listener in a process of its own sees the update when it became visible (the
trigger adds one pg_notify to the consumer's transaction, nothing else). The commit's moment:
when the sender's INSERT returned. Both are wall-clock times of one machine.

The floor, in the same run at the same rate: bare messages through the same broker with the
producer (acks=all, linger 5 ms) and consumer settings the relay and consumers use, each
carrying its send time. Target: our p99 under 1 s.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from bench.own_stack import on_own_infrastructure
from bench.propagation_receiver import CHANNEL, FLOOR_TOPIC
from bench.propagation_send import commit_paced, outbox_rows, produce_paced
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.keys import ensure_token_keys
from xueji_stack.ports import free_port
from xueji_stack.processes import Supervisor
from xueji_stack.services import ServiceSpec, start_services

RATE = float(os.environ.get("XUEJI_BENCH_PROPAGATION_RATE", "500"))
SECONDS = float(os.environ.get("XUEJI_BENCH_PROPAGATION_SECONDS", "30"))
WARM_UP_EVENTS = 300
TARGET_P99_SECONDS = 1.0

TRIGGER = [
    f"""CREATE OR REPLACE FUNCTION export.bench_propagation_notify() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', NEW.pupil_id || ' ' || NEW.record_version);
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER bench_propagation_notify AFTER INSERT OR UPDATE ON export.pupil_read_model
       FOR EACH ROW EXECUTE FUNCTION export.bench_propagation_notify()""",
]


@dataclass(frozen=True)
class Latencies:
    label: str
    sent: int
    seconds: float
    values: list[float]

    def quantile(self, q: float) -> float:
        return statistics.quantiles(self.values, n=100, method="inclusive")[round(q * 100) - 1]

    def line(self) -> str:
        p50, p99, top = (x * 1000 for x in (*map(self.quantile, (0.5, 0.99)), max(self.values)))
        counts = f"{len(self.values)}/{self.sent}"
        return (f"{self.label:<56}{counts:>13}{self.sent / self.seconds:7.0f}/s"
                f"  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  max {top:7.1f} ms")  # fmt: skip


class Receiver:
    """A receiver process; `ready()` returns once it listens, `arrivals()` once it finished."""

    def __init__(self, kind: str, address: str, count: int, out: Path) -> None:
        self._out = out
        self._child = subprocess.Popen(
            [sys.executable, "-m", "bench.propagation_receiver", kind, address, str(count),
             str(out)], stdout=subprocess.PIPE, text=True,
        )  # fmt: skip

    def ready(self) -> None:
        assert self._child.stdout is not None
        if self._child.stdout.readline().strip() != "ready":
            raise RuntimeError("the receiver did not start")

    def arrivals(self) -> dict[str, float]:
        if self._child.wait() != 0:
            raise RuntimeError(f"the receiver failed with exit code {self._child.returncode}")
        return json.loads(self._out.read_text())


async def _published(dsn: str, rows: list[tuple[str, tuple[object, ...]]]) -> dict[str, float]:
    """When the registry's relay marked each row published (after the broker acknowledged it)."""
    by_id = {values[0]: key for key, values in rows}
    connection = await asyncpg.connect(dsn)
    try:
        found = await connection.fetch(
            "SELECT event_id, extract(epoch FROM published_at)::float8 AS at"
            " FROM registry.outbox WHERE event_id = ANY($1) AND published_at IS NOT NULL",
            list(by_id),
        )
    finally:
        await connection.close()
    return {by_id[row["event_id"]]: row["at"] for row in found}


async def _ours(dsn: str, work: Path, run: str) -> tuple[Latencies, Latencies]:
    count = WARM_UP_EVENTS + int(RATE * SECONDS)
    rows = outbox_rows(run, count)
    receiver = Receiver("notify", dsn, count, work / "ours.json")
    await asyncio.to_thread(receiver.ready)
    # Warm-up, not measured: the consumer joins its group and the pools fill.
    await commit_paced(dsn, rows[:WARM_UP_EVENTS], 100.0)
    committed, seconds = await commit_paced(dsn, rows[WARM_UP_EVENTS:], RATE)
    seen = await asyncio.to_thread(receiver.arrivals)
    published = await _published(dsn, rows[WARM_UP_EVENTS:])

    def after_commit(label: str, moments: dict[str, float]) -> Latencies:
        values = [moments[key] - at for key, at in committed.items() if key in moments]
        return Latencies(label, len(committed), seconds, values)

    return (
        after_commit("ours: registry commit → relay → Tansu → read model", seen),
        after_commit("  of which registry commit → relay's broker ack", published),
    )


async def _floor(bootstrap: str, work: Path) -> Latencies:
    count = int(RATE * SECONDS)
    receiver = Receiver("kafka", bootstrap, count, work / "floor.json")
    await asyncio.to_thread(receiver.ready)
    seconds = await produce_paced(bootstrap, count, RATE)
    seen = await asyncio.to_thread(receiver.arrivals)
    values = [at - float(key.split()[1]) for key, at in seen.items()]
    return Latencies("floor: bare produce → consume, same broker", count, seconds, values)


async def _measure(dsn: str, bootstrap: str, work: Path) -> list[Latencies]:
    connection = await asyncpg.connect(dsn)
    try:
        for statement in TRIGGER:
            await connection.execute(statement)
    finally:
        await connection.close()
    ours, relayed = await _ours(dsn, work, f"{random.randrange(10**6):06d}")
    floor = await _floor(bootstrap, work)
    return [ours, relayed, floor]


def _report(ours: Latencies, relayed: Latencies, floor: Latencies) -> None:
    print(f"\n{'run':<56}{'seen/sent':>13}{'rate':>9}")
    print(ours.line())
    print(relayed.line())
    print(floor.line())
    if ours.sent / ours.seconds < 0.95 * RATE:
        print(f"  the sender reached only {ours.sent / ours.seconds:.0f} of {RATE:.0f} events/s "
              "(the machine is busy): the figures are for that rate")  # fmt: skip
    missing = ours.sent - len(ours.values)
    if missing:
        print(f"  {missing} of ours never reached the read model within the receiver's wait")
    p99 = ours.quantile(0.99)
    verdict = "met" if p99 < TARGET_P99_SECONDS and not missing else "MISSED"
    print(f"ours p99 {p99 * 1000:.0f} ms vs floor p99 {floor.quantile(0.99) * 1000:.0f} ms "
          f"(target < {TARGET_P99_SECONDS * 1000:.0f} ms: {verdict})")  # fmt: skip


def _run(infrastructure: Infrastructure, state: Path) -> int:
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}", flush=True)
    infrastructure.broker.create_topics([FLOOR_TOPIC])
    private, public = ensure_token_keys(state)
    registry = ServiceSpec("registry", "xueji_registry", free_port())
    export = ServiceSpec("export", "xueji_export", free_port())
    env = {**infrastructure.env(), "XUEJI_TOKEN_PUBLIC_KEY_FILE": str(public),
           "XUEJI_TOKEN_PRIVATE_KEY_FILE": str(private), "XUEJI_REGISTRY_URL": registry.url,
           "XUEJI_LOG_LEVEL": "WARNING"}  # fmt: skip
    supervisor = Supervisor(state / "run")
    try:
        start_services(supervisor, [registry, export], env)
        print(f"{RATE:.0f} events/s for {SECONDS:.0f} s, each way", flush=True)
        dsn = infrastructure.env()["XUEJI_DATABASE_URL"].replace("postgresql+asyncpg", "postgresql")
        figures = asyncio.run(_measure(dsn, infrastructure.broker.bootstrap, state))
    finally:
        supervisor.stop_all()
    _report(*figures)
    return 0


def main() -> int:
    return on_own_infrastructure("xueji-bench-propagation-", _run)
