"""A Temporal worker as a background job of a service process."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from temporalio.worker import UnsandboxedWorkflowRunner, Worker

from xueji_common.runtime import BackgroundJob

log = logging.getLogger(__name__)

# How long past its graceful-shutdown timeout a stopping worker is waited for; a worker still
# not stopped then is abandoned, so it cannot hold the process's shutdown (the server hands
# its tasks to other workers once their timeouts pass).
SHUTDOWN_MARGIN = timedelta(seconds=15)


# The services' workers run workflows outside Temporal's sandbox. The sandbox guards against
# non-deterministic calls by running every activation through import hooks and proxies, and
# re-imports the workflow modules for every new case: a quarter of the transfer worker's CPU
# per transfer (0.26 → 0.20 CPU-s in `make bench`), and tens of ms per case when a whole cohort
# graduates at once. Its guard stays where workflow code changes are checked: tests/workflows
# runs every workflow on fully sandboxed workers and replays the recorded histories.
WORKFLOW_RUNNER = UnsandboxedWorkflowRunner()


def worker_job(worker: Worker) -> BackgroundJob:
    """Run until cancelled, then shut down gracefully: polling stops at once and running
    activities get the worker's `graceful_shutdown_timeout` to finish before they are
    cancelled (cancelling `Worker.run()` instead would cut that short)."""
    grace = worker.config().get("graceful_shutdown_timeout") or timedelta(0)
    limit = (grace + SHUTDOWN_MARGIN).total_seconds()

    async def run() -> None:
        running = asyncio.create_task(worker.run())
        try:
            await asyncio.shield(running)
        except asyncio.CancelledError:
            try:
                async with asyncio.timeout(limit):
                    await worker.shutdown()
                    await running
            except TimeoutError:
                log.error("worker of %s not stopped in %.0f s: abandoned", worker.task_queue, limit)
                running.cancel()
            raise

    return run
