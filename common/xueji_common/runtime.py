"""Runs one service process: the HTTP server plus its background loops, stopping them together."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

import uvicorn
from fastapi import FastAPI

log = logging.getLogger(__name__)

BackgroundJob = Callable[[], Awaitable[None]]
# Longer than any client's or proxy's idle keep-alive (httpx 5 s, ingress-nginx 60 s): the
# server closing a connection a client is about to reuse cuts that request off.
KEEP_ALIVE_SECONDS = 75


async def serve(
    app: FastAPI, *, host: str, port: int, background: Sequence[tuple[str, BackgroundJob]]
) -> None:
    """Serve HTTP until SIGINT/SIGTERM; a background loop that dies takes the process down."""
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
    )
    tasks = {asyncio.create_task(job(), name=name): name for name, job in background}

    def on_done(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("background job %s died", tasks[task], exc_info=task.exception())
            server.should_exit = True

    for task in tasks:
        task.add_done_callback(on_done)
    try:
        await server.serve()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if server.should_exit and any(t.done() and not t.cancelled() and t.exception() for t in tasks):
        raise SystemExit(1)
