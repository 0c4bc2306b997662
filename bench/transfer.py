"""Transfers through the HTTP API on a local stack against the bare Temporal floor.

Starts its own infrastructure and the four services (with the demo data), completes N
transfers concurrently through the API (XUEJI_BENCH_TRANSFERS, default 100), then runs the
floor — a workflow with the same seven updates and nothing else — on the same Temporal
server, and the floor again with the search attributes a transfer sets for ops. Prints
completed transfers/s, decision latency p50/p95 (also one transfer at a time), the ratio to
the floor and where the time goes, including the rate the machine's CPUs allow at the measured
CPU per transfer.
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

from bench.process_cpu import cpu_by_component, own_cpu, spent
from bench.transfer_breakdown import activity_times, route_delta, route_means, task_counts
from bench.transfer_drive import (
    UPDATES_PER_TRANSFER,
    Driver,
    Measured,
    run_transfers,
)
from bench.transfer_floor import run_floor
from xueji_stack.demo.registry import DEMO_PASSWORD
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.platform import Platform
from xueji_stack.ports import free_port
from xueji_stack.services import PROCESSES

TRANSFERS = int(os.environ.get("XUEJI_BENCH_TRANSFERS", "100"))
LIGHT = 10
SEQUENTIAL = 3  # transfers one after another, for the latency without queueing
COMPONENTS = {
    name: name for name in ("xueji_transfer", "xueji_registry", "temporal", "postgres", "tansu")
}
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
    print(f"{label:<40}{m.completed:>6}{m.seconds:>9.1f} s{rate:>9.1f}/s"
          f"  p50 {_ms(p50)}  p95 {_ms(p95)}")  # fmt: skip


async def _run_ours(platform: Platform, transfers: int) -> tuple[Measured, dict, dict]:
    urls = {spec.name: spec.url for spec in platform.services}
    temporal = await Client.connect(platform.infrastructure.temporal.address)
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with (
        httpx.AsyncClient(base_url=urls["transfer"], timeout=120, limits=limits) as api,
        httpx.AsyncClient(base_url=urls["registry"], timeout=120, limits=limits) as registry,
    ):
        driver = Driver(api, registry, temporal, DEMO_PASSWORD)
        before = {s: route_means(urls[s], s) for s in ("transfer", "registry")}
        cpu_before = cpu_by_component(COMPONENTS)
        measured = await run_transfers(driver, transfers, platform.infrastructure.broker.bootstrap)
        cpu = spent(cpu_before, cpu_by_component(COMPONENTS))
        after = {s: route_means(urls[s], s) for s in ("transfer", "registry")}
    return measured, {s: route_delta(before[s], after[s]) for s in before}, cpu


async def _one_at_a_time(platform: Platform) -> Measured:
    """Transfers one after another: a decision's latency with nothing queued before it."""
    merged = Measured()
    for _ in range(SEQUENTIAL):
        one, _, _ = await _run_ours(platform, 1)
        merged.completed += one.completed
        merged.failed += one.failed
        merged.seconds += one.seconds
        merged.decisions += one.decisions
        merged.errors += one.errors
    return merged


async def _floor(address: str, *, upserts: bool) -> tuple[Measured, float, float]:
    """The floor run, its Temporal server CPU per workflow, and that plus its driver's."""
    server_before, driver_before = cpu_by_component(COMPONENTS).get("temporal", 0.0), own_cpu()
    floor = await run_floor(address, TRANSFERS, UPDATES_PER_TRANSFER, upserts=upserts)
    done = max(floor.completed, 1)
    server = (cpu_by_component(COMPONENTS).get("temporal", 0.0) - server_before) / done
    return floor, server, server + (own_cpu() - driver_before) / done


async def _measure(platform: Platform) -> int:
    address = platform.infrastructure.temporal.address
    # Warm-up, not measured: the stack has just started (demo seeding, consumers joining).
    await _run_ours(platform, LIGHT)
    single = await _one_at_a_time(platform)
    light, _, _ = await _run_ours(platform, LIGHT)
    driver_before = own_cpu()
    ours, routes, cpu = await _run_ours(platform, TRANSFERS)
    cpu["bench driver"] = own_cpu() - driver_before
    floor, floor_server, floor_cpu = await _floor(address, upserts=False)
    searchable, searchable_server, _ = await _floor(address, upserts=True)

    print(f"\n{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print(f"\n{'run':<40}{'done':>6}{'wall':>11}{'rate':>11}  decision latency")
    _line(f"ours, {SEQUENTIAL} one after another", single)
    _line(f"ours, {LIGHT} at once (light load)", light)
    _line(f"ours, {TRANSFERS} at once: HTTP API, DB, events", ours)
    _line(f"floor, {TRANSFERS} at once: bare workflow", floor)
    _line("  the same + a transfer's search attributes", searchable)
    for measured in (single, light, ours):
        if measured.errors:
            print(f"  {measured.failed} failed, {len(measured.errors)} errors, "
                  f"e.g. {measured.errors[0]}")  # fmt: skip
    ratio = (ours.completed / ours.seconds) / (floor.completed / floor.seconds)
    searchable_ratio = (ours.completed / ours.seconds) / (searchable.completed / searchable.seconds)
    p95 = _quantile(ours.decisions, 0.95) * 1000
    light_p95 = _quantile(light.decisions, 0.95) * 1000
    verdict = _met(ratio >= TARGET_RATIO)
    print(f"\nours/floor rate = {ratio:.2f} (target ≥ {TARGET_RATIO}: {verdict}); "
          f"{searchable_ratio:.2f} against the floor with the search attributes")  # fmt: skip
    print(f"decision p95 {p95:.0f} ms at {TRANSFERS}, {light_p95:.0f} ms at {LIGHT} "
          f"(target < {TARGET_P95_MS:.0f} ms: {_met(p95 < TARGET_P95_MS)} / "
          f"{_met(light_p95 < TARGET_P95_MS)}); "
          f"{_quantile(single.decisions, 0.95) * 1000:.0f} ms one transfer at a time")  # fmt: skip
    print(f"filing p50 {_ms(_quantile(ours.filings, 0.5))}; the parties act on the "
          "transfer.step_opened events they read from Kafka")  # fmt: skip
    temporal = await Client.connect(address)
    await _where_time_goes(temporal, ours, floor, routes, cpu)
    _cpu_budget(ours, floor, cpu, floor_server, floor_cpu)
    print(f"  the floor with a transfer's search attributes: {searchable_server:.3f} s: upserting "
          "them is most of what a transfer adds to the server's work")  # fmt: skip
    return 0


def _cpu_budget(
    ours: Measured, floor: Measured, cpu: dict[str, float], floor_server: float, floor_cpu: float
) -> None:
    """What the machine's CPUs allow: every component here shares them, the floor has fewer."""
    cpus = os.cpu_count() or 1
    per_transfer = sum(cpu.values()) / max(ours.completed, 1)
    ours_server = cpu.get("temporal", 0.0) / max(ours.completed, 1)
    floor_rate = floor.completed / floor.seconds
    most = cpus / per_transfer
    print(f"CPU per transfer, all of the stack and the driver: ours {per_transfer:.2f} s, floor "
          f"{floor_cpu:.2f} s. With {cpus} CPUs fully used, ours could complete at most "
          f"{most:.1f} transfers/s = {most / floor_rate:.2f}× the floor's rate")  # fmt: skip
    print(f"Temporal server CPU per workflow: ours {ours_server:.3f} s, floor {floor_server:.3f} s "
          f"(floor/ours {floor_server / max(ours_server, 1e-9):.2f}: the rate ratio where the "
          "Temporal server is the limit, as when the services run on machines of their "
          f"own; here every component shares {cpus} CPUs)")  # fmt: skip


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


async def _where_time_goes(
    temporal: Client, ours: Measured, floor: Measured, routes: dict, cpu: dict[str, float]
) -> None:
    sample = ours.workflow_ids[:SAMPLED_HISTORIES]
    ours_tasks = await task_counts(temporal, sample)
    floor_tasks = await task_counts(temporal, floor.workflow_ids[:SAMPLED_HISTORIES])
    (ours_wf, ours_act), (floor_wf, floor_act) = ours_tasks, floor_tasks
    print(f"\nTemporal tasks per workflow: ours {ours_wf:.0f} workflow tasks + {ours_act:.0f} "
          f"activities; floor {floor_wf:.0f} + {floor_act:.0f}")  # fmt: skip
    done = max(ours.completed, 1)
    by_cost = sorted(cpu.items(), key=lambda kv: -kv[1])
    shares = ", ".join(f"{name} {seconds / done:.2f}" for name, seconds in by_cost)
    print(f"CPU seconds per transfer during the {TRANSFERS}-transfer run: {shares}")
    times = await activity_times(temporal, sample)
    print(f"mean per transfer over {len(sample)} histories (activity: scheduled → completed):")
    for name, values in sorted(times.items(), key=lambda kv: -statistics.mean(kv[1])):
        print(f"  {name:<40}{_ms(statistics.mean(values))}")
    for service, deltas in routes.items():
        print(f"server-side HTTP time, {service} (requests, mean):")
        for route, (count, mean) in sorted(deltas.items()):
            print(f"  {route:<52}{count:>6}  {_ms(mean)}")


def main() -> int:
    state = Path(tempfile.mkdtemp(prefix="xueji-bench-transfer-"))
    infrastructure = Infrastructure(
        state / "stack", fixed_ports=False, test_mode=True, environ={}, docking_provinces=("37",)
    )
    print(f"starting infrastructure and services, {TRANSFERS} transfers …", flush=True)
    infrastructure.start()
    ports = {name: free_port() for name in PROCESSES}
    platform = Platform(state, infrastructure=infrastructure, service_ports=ports)
    try:
        platform.start()
        return asyncio.run(_measure(platform))
    finally:
        platform.stop()
        infrastructure.stop()
        shutil.rmtree(state, ignore_errors=True)
