"""The registry in-process with all its background jobs (outbox relay, both Temporal workers,
the monthly-report schedule) on the session infrastructure, and a small org tree; beside it the
transfer service's holiday calendar and the worker of its calendar queue, where status changes
get their deadlines.

Provinces 36 (Jiangxi), 45 (Guangxi) and 46 (Hainan, docking) belong to these tests; other
suites use other codes, so everything here can share the session database. Module scope: the
relay holds the registry's outbox lock, which later modules need.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from minio import Minio
from temporalio.client import Client

from tests.integration.harness import (
    calendar_queue,
    key_pair_files,
    running_jobs,
    settings_from,
)
from tests.integration.registry_status.world import DOCKING, World, build_world
from xueji_common.auth.tokens import TokenIssuer
from xueji_common.contracts import province_inbound_topic, province_outbound_topic
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_common.storage import minio_client
from xueji_registry.bootstrap import MIGRATIONS, build
from xueji_registry.schema import SCHEMA
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure


@dataclass(frozen=True)
class Registry:
    http: httpx.AsyncClient
    db: Database
    temporal: Client
    s3: Minio
    kafka_bootstrap: str
    world: World


@pytest.fixture(scope="session")
def status_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return key_pair_files(tmp_path_factory.mktemp("status-keys"))


@pytest.fixture(scope="module")
async def registry(
    infrastructure: Infrastructure, status_keys: tuple[Path, Path]
) -> AsyncIterator[Registry]:
    env = settings_from(infrastructure)
    url = env["database_url"].replace("postgresql://", "postgresql+asyncpg://", 1)
    await upgrade_to_head(MIGRATIONS, url, SCHEMA)
    infrastructure.broker.create_topics(
        [province_inbound_topic(DOCKING), province_outbound_topic(DOCKING)]
    )
    settings = RegistrySettings(
        **{**env, "database_url": url},
        http_port=0,
        token_private_key_file=str(status_keys[0]),
        token_public_key_file=str(status_keys[1]),
    )
    kernel, parts = await build(settings)
    calendar_jobs, calendar_db = await calendar_queue(url, parts.app.state.temporal)
    transport = httpx.ASGITransport(app=parts.app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://registry", timeout=60
    ) as client:
        # The org tree (Hainan docking) first: the registry reads docking provinces at start.
        world = await build_world(client, TokenIssuer(status_keys[0].read_bytes()))
        async with running_jobs(parts.background + calendar_jobs):
            yield Registry(
                client,
                kernel.db,
                parts.app.state.temporal,
                minio_client(settings),
                settings.kafka_bootstrap,
                world,
            )
    await kernel.db.dispose()
    await calendar_db.dispose()


@pytest.fixture(scope="module")
def http(registry: Registry) -> httpx.AsyncClient:
    return registry.http


@pytest.fixture(scope="module")
def world(registry: Registry) -> World:
    return registry.world
