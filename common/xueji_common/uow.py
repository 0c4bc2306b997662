"""Unit of work: owns one transaction and turns the events it collected into outbox rows."""

from __future__ import annotations

from types import TracebackType

import asyncpg
from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.db import Database
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.outbox.rows import OutboxRow, OutboxRows
from xueji_common.tracing import current_trace_id


class UnitOfWork:
    """`async with uow:` opens a transaction; `await uow.commit()` writes state and events at once.

    Leaving the block without commit rolls everything back, events included.
    """

    def __init__(self, db: Database, outbox: Table) -> None:
        self._db = db
        self._outbox = outbox
        self._events: list[OutgoingEvent] = []
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside `async with`")
        return self._session

    async def __aenter__(self) -> UnitOfWork:
        self._session = self._db.sessions()
        self._events = []
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()
            self._session = None

    def publish(self, event: OutgoingEvent) -> None:
        self._events.append(event)

    async def flush(self) -> None:
        await self.session.flush()

    async def driver_connection(self) -> asyncpg.Connection:
        """The asyncpg connection under the session, inside this unit's transaction, for
        what SQLAlchemy does not offer (COPY)."""
        # SQLAlchemy begins the transaction with its first statement; run one, so that what is
        # sent on the raw connection is part of it (temporary tables included).
        await self.session.execute(text("SELECT 1"))
        connection = await self.session.connection()
        raw = await connection.get_raw_connection()
        return raw.driver_connection

    async def outbox_rows(self) -> OutboxRows:
        """Bulk appending of outbox rows in this unit's transaction, beside `publish`: the
        rows commit (or roll back) with everything else."""
        return OutboxRows(await self.driver_connection(), self._outbox.schema)

    async def commit(self) -> None:
        if self._events:
            trace_id = current_trace_id()
            await self.session.execute(
                insert(self._outbox),
                [OutboxRow.of(event, trace_id).values() for event in self._events],
            )
        await self.session.commit()
        self._events = []
