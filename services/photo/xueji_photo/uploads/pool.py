"""Where the checks run: worker processes, so neither the event loop nor the other requests
wait behind a decode or a face detection. The pool starts with the first upload."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor

from xueji_photo.rules import PhotoRule
from xueji_photo.uploads.inspection import Inspection, inspect


class CheckPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Executor | None = None

    def _executor(self) -> Executor:
        if self._pool is None:
            # spawn, not fork: the service process runs threads and an event loop.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    async def inspect(self, data: bytes, rule: PhotoRule) -> Inspection:
        if self.workers == 0:
            return await asyncio.to_thread(inspect, data, rule)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor(), inspect, data, rule)

    async def run(self) -> None:
        """A background job: holds the pool for the service's life and shuts it down at the end."""
        try:
            await asyncio.Event().wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
