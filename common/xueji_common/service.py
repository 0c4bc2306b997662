"""The parts every service process assembles the same way in its composition root."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka import AIOKafkaProducer
from fastapi import FastAPI
from sqlalchemy import Table

from xueji_common.auth.tokens import TokenVerifier
from xueji_common.db import Database
from xueji_common.events.consumer import (
    DEFAULT_MAX_RECORDS,
    BatchHandler,
    EventConsumer,
    Handler,
)
from xueji_common.kafka import make_producer
from xueji_common.keys import read_key
from xueji_common.logs import configure_logging
from xueji_common.migrations import upgrade_to_head
from xueji_common.outbox.relay import OutboxRelay
from xueji_common.runtime import BackgroundJob, serve
from xueji_common.settings import ServiceSettings


@dataclass
class ServiceParts:
    """What a composition root builds: the app and the loops that run beside it."""

    app: FastAPI
    background: list[tuple[str, BackgroundJob]] = field(default_factory=list)


class ServiceKernel:
    """Database, outbox relay, consumers and token verification for one service."""

    def __init__(
        self, settings: ServiceSettings, *, name: str, schema: str, outbox: Table, handled: Table
    ) -> None:
        self.settings = settings
        self.name = name
        self.schema = schema
        self.outbox = outbox
        self.handled = handled
        self.db = Database(settings.asyncpg_url, schema)
        self.token_verifier = TokenVerifier(
            read_key(settings.token_public_key_file, "TOKEN_PUBLIC_KEY_FILE")
        )

    def producer(self) -> AIOKafkaProducer:
        return make_producer(
            self.settings.kafka_bootstrap,
            client_id=f"xueji-{self.name}",
            security=self.settings.kafka_security,
        )

    def relay(self) -> tuple[str, BackgroundJob]:
        relay = OutboxRelay(
            dsn=self.settings.asyncpg_url.replace("postgresql+asyncpg://", "postgresql://"),
            schema=self.schema,
            source=f"/xueji/{self.name}",
            producer_factory=self.producer,
        )
        return ("outbox-relay", relay.run)

    def consumer(
        self,
        group: str,
        topics: list[str],
        handlers: Mapping[str, Handler],
        *,
        handle_batch: BatchHandler | None = None,
        max_records: int = DEFAULT_MAX_RECORDS,
    ) -> tuple[str, BackgroundJob]:
        """The group's consumer as a background job; `handle_batch` and `max_records` as in
        `EventConsumer` (a fetch applied in one transaction)."""
        group = group + self.settings.consumer_group_suffix
        consumer = EventConsumer(
            name=group,
            bootstrap=self.settings.kafka_bootstrap,
            security=self.settings.kafka_security,
            topics=topics,
            handlers=handlers,
            db=self.db,
            outbox=self.outbox,
            handled=self.handled,
            producer_factory=self.producer,
            max_attempts=self.settings.consumer_max_attempts,
            handle_batch=handle_batch,
            max_records=max_records,
        )
        return (f"consumer-{group}", consumer.run)


async def run_service(kernel: ServiceKernel, migrations: Path, parts: ServiceParts) -> None:
    """Migrate, then serve HTTP and the background loops until stopped."""
    configure_logging(kernel.name, kernel.settings.log_level)
    await upgrade_to_head(migrations, kernel.settings.asyncpg_url, kernel.schema)
    try:
        await serve(
            parts.app,
            host=kernel.settings.http_host,
            port=kernel.settings.http_port,
            background=parts.background,
        )
    finally:
        await kernel.db.dispose()
