"""A Temporal worker as a background job of a service process."""

from __future__ import annotations

import asyncio

from temporalio.worker import Worker

from xueji_common.runtime import BackgroundJob


def worker_job(worker: Worker) -> BackgroundJob:
    """Run until cancelled, then shut down gracefully: polling stops at once and running
    activities get the worker's `graceful_shutdown_timeout` to finish before they are
    cancelled (cancelling `Worker.run()` instead would cut that short)."""

    async def run() -> None:
        async with worker:
            await asyncio.Event().wait()

    return run
