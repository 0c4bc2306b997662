"""Transfers through the HTTP API on a local stack against the bare Temporal floor.

Starts its own infrastructure and the four services (with the demo data), completes N
transfers concurrently through the API (XUEJI_BENCH_TRANSFERS, default 100), then runs the
floor — a workflow with the same seven updates and nothing else — on the same Temporal
server. Prints completed transfers/s, decision latency p50/p95, the ratio to the floor and
where the time goes.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import tempfile
from pathlib import Path

import httpx
from temporalio.client import Client

from bench.transfer_breakdown import activity_times, route_delta, route_means
from bench.transfer_drive import (
    UPDATES_PER_TRANSFER,
    Driver,
    Measured,
    run_transfers,
)
from bench.transfer_floor import run_floor
from xueji_registry.demo import DEMO_PASSWORD
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.platform import Platform
from xueji_stack.ports import free_port

TRANSFERS = int(os.environ.get("XUEJI_BENCH_TRANSFERS", "100"))
TARGET_RATIO = 0.5
TARGET_P95_MS = 300.0
SAMPLED_HISTORIES = 20


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q * 100) - 1] if len(values) > 1 else values[0]


def _line(label: str, m: Measured) -> None:
    rate = m.completed / m.seconds
    p50, p95 = _quantile(m.decisions, 0.5), _quantile(m.decisions, 0.95)
    print(f"{label:<34}{m.completed:>6}{m.seconds:>9.1f} s{rate:>9.1f}/s"
          f"  p50 {_ms(p50)}  p95 {_ms(p95)}")  # fmt: skip


async def _measure(platform: Platform) -> int:
    urls = {spec.name: spec.url for spec in platform.services}
    address = platform.infrastructure.temporal.address
    temporal = await Client.connect(address)
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with (
        httpx.AsyncClient(base_url=urls["transfer"], timeout=120, limits=limits) as api,
        httpx.AsyncClient(base_url=urls["registry"], timeout=120, limits=limits) as registry,
    ):
        driver = Driver(api, registry, temporal, DEMO_PASSWORD)
        before = {s: route_means(urls[s], s) for s in ("transfer", "registry")}
        ours = await run_transfers(driver, TRANSFERS, platform.infrastructure.broker.bootstrap)
        after = {s: route_means(urls[s], s) for s in ("transfer", "registry")}
    floor = await run_floor(address, TRANSFERS, UPDATES_PER_TRANSFER)

    print(f"\n{'run':<34}{'done':>6}{'wall':>11}{'rate':>11}  decision latency")
    _line("ours: HTTP API, DB, events", ours)
    _line("floor: bare workflow, same updates", floor)
    if ours.errors:
        print(f"  {ours.failed} transfers failed, {len(ours.errors)} errors, e.g. {ours.errors[0]}")
    ratio = (ours.completed / ours.seconds) / (floor.completed / floor.seconds)
    p95 = _quantile(ours.decisions, 0.95) * 1000
    rate_ok = "met" if ratio >= TARGET_RATIO else "MISSED"
    p95_ok = "met" if p95 < TARGET_P95_MS else "MISSED"
    print(f"\nours/floor rate = {ratio:.2f} (target ≥ {TARGET_RATIO}: {rate_ok}); "
          f"decision p95 {p95:.0f} ms (target < {TARGET_P95_MS:.0f} ms: {p95_ok})")  # fmt: skip
    print(
        f"filing p50 {_ms(_quantile(ours.filings, 0.5))}; the parties act on the "
        "transfer.step_opened events they read from Kafka"
    )
    await _where_time_goes(temporal, ours, before, after)
    return 0


async def _where_time_goes(temporal: Client, ours: Measured, before: dict, after: dict) -> None:
    sample = ours.workflow_ids[:SAMPLED_HISTORIES]
    times = await activity_times(temporal, sample)
    print(f"\nwhere the time goes, mean per transfer over {len(sample)} histories "
          "(activity: scheduled → completed):")  # fmt: skip
    for name, values in sorted(times.items(), key=lambda kv: -statistics.mean(kv[1])):
        print(f"  {name:<28}{_ms(statistics.mean(values))}  ({len(values)} transfers)")
    for service in ("transfer", "registry"):
        print(f"server-side HTTP time, {service} (requests, mean):")
        for route, (count, mean) in sorted(route_delta(before[service], after[service]).items()):
            print(f"  {route:<52}{count:>6}  {_ms(mean)}")


def main() -> int:
    state = Path(tempfile.mkdtemp(prefix="xueji-bench-transfer-"))
    infrastructure = Infrastructure(
        state / "stack", fixed_ports=False, test_mode=True, environ={}, docking_provinces=("37",)
    )
    print(f"starting infrastructure and services, {TRANSFERS} transfers …", flush=True)
    infrastructure.start()
    ports = {name: free_port() for name in ("registry", "transfer", "photo", "export")}
    platform = Platform(state, infrastructure=infrastructure, service_ports=ports)
    try:
        platform.start()
        return asyncio.run(_measure(platform))
    finally:
        platform.stop()
        infrastructure.stop()
        shutil.rmtree(state, ignore_errors=True)
