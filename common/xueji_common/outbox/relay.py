"""Publishes outbox rows to Kafka in commit order and marks them published.

One relay per service holds a PostgreSQL advisory lock, so rows leave in `seq` order and one
aggregate's events keep their order. Rows are marked only after the broker acknowledged them
(acks=all); a crash in between republishes them and consumers drop the duplicates.

Beside the publishing, every relay (the standby ones too) watches the backlog on a connection
of its own: how many rows wait and how old the oldest is. It reports even while the broker is
down or the publishing is stuck, which is when operators need the figures.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from xueji_common.events.envelope import Envelope, to_headers
from xueji_common.kafka import stop_client
from xueji_common.metrics import OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE, OUTBOX_PUBLISHED
from xueji_common.outbox.tables import notify_channel

log = logging.getLogger(__name__)

SAFETY_POLL_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 5.0
BACKLOG_WATCH_SECONDS = 5.0
# A statement on a connection the network silently dropped fails after this instead of
# hanging, so the relay reconnects (and frees the outbox lock) rather than stall for good.
STATEMENT_TIMEOUT_SECONDS = 30.0


class OutboxRelay:
    def __init__(
        self,
        *,
        dsn: str,
        schema: str,
        source: str,
        producer_factory: Callable[[], AIOKafkaProducer],
        batch_size: int = 500,
    ) -> None:
        self._dsn = dsn
        self._schema = schema
        self._source = source
        self._producer_factory = producer_factory
        self._batch_size = batch_size
        self._wake = asyncio.Event()

    async def run(self) -> None:
        """Publish until cancelled, surviving database and broker outages."""
        watch = asyncio.create_task(self._watch_backlog(), name=f"outbox-watch-{self._schema}")
        try:
            await self._publish_forever()
        finally:
            watch.cancel()
            await asyncio.gather(watch, return_exceptions=True)

    async def _publish_forever(self) -> None:
        backoff = 0.2
        while True:
            try:
                await self._lead()
            except asyncio.CancelledError:
                raise
            except (OSError, asyncpg.PostgresError, KafkaError) as exc:
                log.warning("outbox relay interrupted, retrying", extra={"error": repr(exc)})
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    async def _connect(self) -> asyncpg.Connection:
        return await asyncpg.connect(self._dsn, command_timeout=STATEMENT_TIMEOUT_SECONDS)

    async def _watch_backlog(self) -> None:
        conn: asyncpg.Connection | None = None
        try:
            while True:
                try:
                    if conn is None or conn.is_closed():
                        conn = await self._connect()
                    await self._read_backlog(conn)
                except (OSError, asyncpg.PostgresError) as exc:
                    log.warning("outbox backlog not read", extra={"error": repr(exc)})
                    if conn is not None:
                        conn.terminate()
                        conn = None
                await asyncio.sleep(BACKLOG_WATCH_SECONDS)
        finally:
            if conn is not None:
                conn.terminate()

    async def _read_backlog(self, conn: asyncpg.Connection) -> None:
        # The oldest is the head of the line (lowest seq): one entry of the partial index, where
        # min(created_at) would read every waiting row after a large import.
        waiting, oldest = await conn.fetchrow(
            f"""SELECT (SELECT count(*) FROM {self._schema}.outbox WHERE published_at IS NULL),
                       (SELECT extract(epoch FROM now() - created_at) FROM {self._schema}.outbox
                        WHERE published_at IS NULL ORDER BY seq LIMIT 1)"""
        )
        OUTBOX_BACKLOG.labels(self._schema).set(waiting)
        OUTBOX_OLDEST_AGE.labels(self._schema).set(float(oldest or 0))

    async def _lead(self) -> None:
        conn = await self._connect()
        try:
            lock_key = f"xueji_outbox_{self._schema}"
            # A standby relay polls: PostgreSQL offers no notification when a lock frees.
            while not await conn.fetchval(  # noqa: ASYNC110
                "SELECT pg_try_advisory_lock(hashtext($1))", lock_key
            ):
                await asyncio.sleep(2.0)
            await conn.add_listener(notify_channel(self._schema), lambda *_: self._wake.set())
            producer = self._producer_factory()
            await producer.start()
            try:
                while True:
                    published = await self._publish_batch(conn, producer)
                    if published < self._batch_size:
                        await self._wait_for_rows()
            finally:
                await stop_client(producer, f"outbox relay of {self._schema}")
        finally:
            await conn.close()

    async def _wait_for_rows(self) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), SAFETY_POLL_SECONDS)
        except TimeoutError:
            pass
        self._wake.clear()

    async def _publish_batch(self, conn: asyncpg.Connection, producer: AIOKafkaProducer) -> int:
        rows = await conn.fetch(
            f"""SELECT seq, event_id, topic, event_type, aggregate_id, subject, payload,
                       trace_id, created_at
                FROM {self._schema}.outbox WHERE published_at IS NULL
                ORDER BY seq LIMIT $1""",
            self._batch_size,
        )
        if rows:
            deliveries = []
            for row in rows:
                envelope = Envelope(
                    id=str(row["event_id"]),
                    source=self._source,
                    type=row["event_type"],
                    time=row["created_at"].astimezone(UTC),
                    subject=row["subject"],
                    trace_id=row["trace_id"],
                )
                deliveries.append(
                    await producer.send(
                        row["topic"],
                        value=bytes(row["payload"]),
                        key=row["aggregate_id"].encode(),
                        headers=to_headers(envelope),
                    )
                )
            await asyncio.gather(*deliveries)
            await conn.execute(
                f"UPDATE {self._schema}.outbox SET published_at = now() WHERE seq = ANY($1)",
                [row["seq"] for row in rows],
            )
            OUTBOX_PUBLISHED.labels(self._schema).inc(len(rows))
        return len(rows)
