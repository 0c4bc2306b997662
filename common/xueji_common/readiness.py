"""Readiness probes for the dependencies a service uses."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaClient
from minio import Minio
from temporalio.client import Client

from xueji_common.db import Database
from xueji_common.kafka import KafkaSecurity

Check = Callable[[], Awaitable[None]]


def database_check(db: Database) -> Check:
    return db.ping


def broker_check(bootstrap: str, security: KafkaSecurity) -> Check:
    async def check() -> None:
        client = AIOKafkaClient(
            bootstrap_servers=bootstrap, request_timeout_ms=2_000, **security.client_options()
        )
        try:
            await client.bootstrap()
        finally:
            await client.close()

    return check


def temporal_check(client: Client) -> Check:
    async def check() -> None:
        if not await client.service_client.check_health():
            raise RuntimeError("Temporal frontend reports not serving")

    return check


def s3_check(minio: Minio, bucket: str) -> Check:
    async def check() -> None:
        if not await asyncio.to_thread(minio.bucket_exists, bucket):
            raise RuntimeError(f"bucket {bucket} does not exist")

    return check
