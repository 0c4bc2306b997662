"""The upload benchmark's load: many schools' uploads at once through HTTP, each for its own
pupil, against the same count of uploads to the floor endpoint."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    @property
    def p95(self) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=100)[94]


async def drive(
    base_url: str,
    paths: list[str],
    data: bytes,
    headers: dict[str, str],
    concurrency: int,
    accepted: Callable[[httpx.Response], bool] = lambda r: r.status_code == 201,
) -> Run:
    """POSTs the file to every path, `concurrency` at a time; latency of each answer."""
    run = Run()
    queue = list(reversed(paths))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:

        async def worker() -> None:
            while queue:
                path = queue.pop()
                files = {"file": ("photo.jpg", data, "image/jpeg")}
                began = time.perf_counter()
                response = await client.post(path, files=files, headers=headers)
                if accepted(response):
                    run.latencies.append(time.perf_counter() - began)
                else:
                    run.failures.append(f"{response.status_code} {response.text[:200]}")

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        run.seconds = time.perf_counter() - began
    return run
