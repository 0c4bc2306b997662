"""Where the checks run: worker processes, so neither the event loop nor the other requests
wait behind a decode or a face detection. The pool starts with the first upload."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor

import cv2

from xueji_photo.rules import PhotoRule
from xueji_photo.uploads.inspection import Inspection, inspect

# How often a worker looks whether the service that started it is still there.
PARENT_CHECK_SECONDS = 2.0


def _outlive_no_service(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _start_worker() -> None:
    # Each worker is one core's worth of checks and the pool has as many as the service may
    # use: OpenCV's own threads would only contend with the other workers for the same cores
    # (the face detection costs about a fifth more CPU with them than without).
    cv2.setNumThreads(1)
    # A service killed without its shutdown would leave its workers behind, idle for ever.
    threading.Thread(target=_outlive_no_service, args=(os.getppid(),), daemon=True).start()


class CheckPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Executor | None = None

    def _executor(self) -> Executor:
        if self._pool is None:
            # spawn, not fork: the service process runs threads and an event loop.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker
            )
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
