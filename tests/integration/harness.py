"""Integration-test harness: a service's background loops in the test's event loop, waiting."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from xueji_common.runtime import BackgroundJob
from xueji_stack.infrastructure import Infrastructure

TEST_SHUTDOWN_GRACE = "2"  # seconds


@contextlib.asynccontextmanager
async def running_jobs(jobs: Sequence[tuple[str, BackgroundJob]]) -> AsyncIterator[None]:
    """Start the jobs; on exit cancel them and wait, so locks and group memberships are let go."""
    tasks = [asyncio.create_task(job(), name=name) for name, job in jobs]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*tasks, return_exceptions=True)


def settings_from(infrastructure: Infrastructure) -> dict[str, str]:
    """The infrastructure's XUEJI_* variables as settings keyword arguments; workers stopping
    at the end of a module give running activities only a moment."""
    env = {k.removeprefix("XUEJI_").lower(): v for k, v in infrastructure.env().items()}
    return {**env, "worker_shutdown_grace_seconds": TEST_SHUTDOWN_GRACE}


async def eventually(check: Callable[[], Awaitable[bool]], *, within: float = 30.0) -> None:
    """Wait for an asynchronous effect; fail (not time) when it never happens."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the expected effect did not happen within {within} s")
