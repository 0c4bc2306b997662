"""Database engine and sessions for one service's schema."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


class Database:
    """One service's PostgreSQL access: an engine whose connections see only its schema first."""

    def __init__(self, url: str, schema: str, *, pool_size: int = 10) -> None:
        self.schema = schema
        self.engine: AsyncEngine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            # No ping per checkout: it costs three round trips (begin, ping, rollback) on every
            # session. A connection broken by a database restart fails its one operation, and
            # the disconnect invalidates the rest of the pool; callers retry (activities,
            # relay, consumers) or answer 5xx.
            pool_pre_ping=False,
            connect_args={"server_settings": {"search_path": f"{schema},public"}},
        )
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def reads(self) -> AsyncIterator[AsyncSession]:
        """A session for reads that need no transaction: one round trip per statement, where
        an ordinary session adds a BEGIN and a ROLLBACK. Each statement sees its own snapshot,
        as under READ COMMITTED anyway. Never for writes: each would commit on its own."""
        async with self.engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            async with AsyncSession(bind=autocommit, expire_on_commit=False) as session:
                yield session

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
