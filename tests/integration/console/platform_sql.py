"""One SQL statement on a service's schema of the platform's database, for what a browser test
arranges or undoes there (a captcha's answer, failed sign-ins, a tampered audit record)."""

from __future__ import annotations

import asyncio
import threading

from sqlalchemy import text

from xueji_common.db import Database
from xueji_stack.platform import Platform


def platform_sql(platform: Platform, schema: str, query: str, params: dict[str, object]) -> object:
    """The statement, committed; its first value, if it returns rows. Playwright's sync API
    runs an event loop in the test's thread, so it runs in another."""
    url = platform.env()["XUEJI_DATABASE_URL"].replace("postgresql://", "postgresql+asyncpg://")
    found: list[object] = []

    async def run() -> None:
        db = Database(url, schema, pool_size=1)
        try:
            async with db.sessions() as session, session.begin():
                result = await session.execute(text(query), params)
                found.append(result.scalar() if result.returns_rows else None)
        finally:
            await db.dispose()

    worker = threading.Thread(target=lambda: asyncio.run(run()))
    worker.start()
    worker.join()
    return found[0]
