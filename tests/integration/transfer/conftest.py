"""The registry and the transfer service in-process on the session infrastructure.

Both run with their real background jobs (outbox relays, consumers, the Temporal worker on a
task queue of this session). Module scope: a relay holds its service's outbox lock, which
later modules (and the real service processes of other suites) need.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from temporalio.client import Client

from tests.integration.harness import (
    bearer_tokens,
    eventually,
    key_pair_files,
    migrated_database_url,
    running_jobs,
    settings_from,
)
from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.world import (
    SCHOOLS,
    SERVICE_ACCOUNT,
    SERVICE_PASSWORD,
    UNITS,
    People,
    build_world,
)
from xueji_common.contracts import province_inbound_topic, province_outbound_topic
from xueji_common.db import Database
from xueji_registry.bootstrap import MIGRATIONS as REGISTRY_MIGRATIONS
from xueji_registry.bootstrap import build as build_registry
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure
from xueji_transfer.bootstrap import MIGRATIONS, build
from xueji_transfer.schema import SCHEMA, org_units
from xueji_transfer.settings import TransferSettings
from xueji_transfer.worker import TaskQueues

DOCKING = "42"


@dataclass
class Stack:
    registry: httpx.AsyncClient
    transfer: httpx.AsyncClient
    people: People
    db: Database
    temporal: Client
    bootstrap: str
    settings: TransferSettings


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return key_pair_files(tmp_path_factory.mktemp("transfer-keys"))


@pytest.fixture(scope="session")
def people(keys: tuple[Path, Path]) -> People:
    return People(bearer_tokens(keys[0]))


@pytest.fixture(scope="session")
async def database_url(infrastructure: Infrastructure) -> str:
    url = await migrated_database_url(
        infrastructure, (REGISTRY_MIGRATIONS, "registry"), (MIGRATIONS, SCHEMA)
    )
    infrastructure.broker.create_topics(
        [province_inbound_topic(DOCKING), province_outbound_topic(DOCKING)]
    )
    return url


@pytest.fixture(scope="session")
def task_queue() -> str:
    """This session's own queue: workflows of other suites on the server never reach us."""
    return f"xueji-transfer-it-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def ids() -> IdFactory:
    return IdFactory()


def _settings(infrastructure: Infrastructure, url: str, public_key: Path) -> dict[str, object]:
    from_env = settings_from(infrastructure)
    return {
        **from_env,
        "database_url": url,
        "http_port": 0,
        "token_public_key_file": str(public_key),
    }


async def _replicated(db: Database) -> bool:
    wanted = {code for code, *_ in UNITS} | {code for code, *_ in SCHOOLS.values()}
    async with db.sessions() as session:
        found = set(
            await session.scalars(
                select(org_units.table.c.code).where(org_units.table.c.code.in_(wanted))
            )
        )
    return found == wanted


@contextlib.asynccontextmanager
async def running_stack(
    infrastructure: Infrastructure,
    database_url: str,
    keys: tuple[Path, Path],
    people: People,
    task_queue: str,
    *,
    temporal_address: str | None = None,
) -> AsyncIterator[Stack]:
    """The registry and the transfer service with their background jobs, until the exit."""
    base = _settings(infrastructure, database_url, keys[1])
    registry_kernel, registry_parts = await build_registry(
        RegistrySettings(**base, token_private_key_file=str(keys[0]))
    )
    registry_app = httpx.ASGITransport(app=registry_parts.app)
    settings = TransferSettings(
        **{**base, "temporal_address": temporal_address or base["temporal_address"]},
        registry_username=SERVICE_ACCOUNT,
        registry_password=SERVICE_PASSWORD,
        docking_provinces=DOCKING,
    )
    registry_http = httpx.AsyncClient(
        transport=registry_app, base_url="http://registry", timeout=60
    )
    queues = TaskQueues(transfer=task_queue)
    kernel, parts = await build(settings, registry_http=registry_http, task_queues=queues)
    registry = httpx.AsyncClient(transport=registry_app, base_url="http://registry", timeout=60)
    transfer = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=parts.app), base_url="http://transfer", timeout=60
    )
    try:
        async with running_jobs(registry_parts.background + parts.background):
            await build_world(registry, people)
            await eventually(lambda: _replicated(kernel.db), within=60)
            yield Stack(
                registry=registry,
                transfer=transfer,
                people=people,
                db=kernel.db,
                temporal=parts.app.state.temporal,
                bootstrap=infrastructure.broker.bootstrap,
                settings=settings,
            )
    finally:
        for client in (registry, transfer, registry_http):
            await client.aclose()
        await kernel.db.dispose()
        await registry_kernel.db.dispose()


@pytest.fixture(scope="module")
async def stack(
    infrastructure: Infrastructure,
    database_url: str,
    keys: tuple[Path, Path],
    people: People,
    task_queue: str,
) -> AsyncIterator[Stack]:
    async with running_stack(infrastructure, database_url, keys, people, task_queue) as running:
        yield running

