"""Where chunks are worked on: worker processes for big files, a thread for small ones.

The pool starts with the first big import and lives as long as the service.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import Executor, ProcessPoolExecutor

from xueji_registry.imports.chunk_work import ChunkResult, ImportJob, work_on_chunk
from xueji_registry.imports.sheet_chunks import SheetChunk


class ChunkWorkers:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Executor | None = None

    def _executor(self) -> Executor:
        if self._pool is None:
            # spawn, not fork: the service process runs threads and an event loop.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def submit(self, job: ImportJob, chunk: SheetChunk, *, parallel: bool) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        if parallel and self.workers > 0:
            return loop.run_in_executor(self._executor(), work_on_chunk, job, chunk)
        return asyncio.ensure_future(asyncio.to_thread(work_on_chunk, job, chunk))

    def warm_up(self) -> None:
        """Start every worker process now instead of at the first big import."""
        if self.workers > 0:
            pool = self._executor()
            for future in [pool.submit(_ready, 0.2) for _ in range(self.workers)]:
                future.result()

    @property
    def in_flight_limit(self) -> int:
        return max(1, self.workers) + 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _ready(pause: float) -> None:
    # Long enough that each of the warm-up calls lands in a process of its own.
    time.sleep(pause)


__all__ = ["ChunkResult", "ChunkWorkers"]
