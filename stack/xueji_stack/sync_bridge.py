"""Run async client code (aiokafka, temporalio) from the stack's synchronous API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_coroutine(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run the coroutine `factory()` builds on a private loop in a private thread.

    A private thread lets the stack's sync methods be called from anywhere,
    including a thread that already runs an event loop (a pytest-asyncio session).
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="xueji-stack") as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()
