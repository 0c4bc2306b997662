"""Unit of work: owns one transaction and turns the events it collected into outbox rows."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.contracts import event_type
from xueji_common.db import Database
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.tracing import current_trace_id


def _topic_of(event: OutgoingEvent) -> str:
    kind = event_type(event.type)
    if event.topic is None and kind.per_province:
        raise ValueError(f"{event.type} goes to a province's topic; name it on the event")
    return event.topic or kind.topic


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

    async def commit(self) -> None:
        if self._events:
            trace_id = current_trace_id()
            await self.session.execute(
                insert(self._outbox),
                [
                    {
                        "event_id": event.event_id,
                        "topic": _topic_of(event),
                        "event_type": event.type,
                        "aggregate_id": event.key,
                        "subject": event.subject,
                        "payload": event.message.SerializeToString(deterministic=True),
                        "trace_id": trace_id,
                    }
                    for event in self._events
                ],
            )
        await self.session.commit()
        self._events = []
