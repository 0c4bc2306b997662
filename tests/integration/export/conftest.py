"""The registry and the export service in-process on the session infrastructure, with their
real background jobs (outbox relays, the org replica and read-model consumers). Module scope:
a relay holds its service's outbox lock, which later modules need."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from tests.integration.export.world import SCHOOLS, UNITS, ExportStack, People, build_world
from tests.integration.harness import (
    bearer_tokens,
    calendar_queue,
    eventually,
    key_pair_files,
    migrated_database_url,
    running_jobs,
    settings_from,
)
from xueji_common.db import Database
from xueji_export.approval.launching import Queues
from xueji_export.bootstrap import MIGRATIONS, build
from xueji_export.schema import SCHEMA, org_units
from xueji_export.settings import ExportSettings
from xueji_registry.bootstrap import MIGRATIONS as REGISTRY_MIGRATIONS
from xueji_registry.bootstrap import build as build_registry
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure
from xueji_workflows.approval.activities import CALENDAR_TASK_QUEUE


@pytest.fixture(scope="session")
def export_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return key_pair_files(tmp_path_factory.mktemp("export-keys"))


@pytest.fixture(scope="session")
def people(export_keys: tuple[Path, Path]) -> People:
    return People(bearer_tokens(export_keys[0]))


@pytest.fixture(scope="session")
async def export_database_url(infrastructure: Infrastructure) -> str:
    return await migrated_database_url(
        infrastructure, (REGISTRY_MIGRATIONS, "registry"), (MIGRATIONS, SCHEMA)
    )


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
    infrastructure: Infrastructure, url: str, keys: tuple[Path, Path], people: People
) -> AsyncIterator[ExportStack]:
    registry_kernel, registry_parts = await build_registry(
        RegistrySettings(
            **{**settings_from(infrastructure), "database_url": url},
            http_port=0,
            token_private_key_file=str(keys[0]),
            token_public_key_file=str(keys[1]),
        )
    )
    registry = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=registry_parts.app), base_url="http://registry",
        timeout=60,
    )  # fmt: skip
    watermark_key = keys[0].parent / "watermark.key"
    watermark_key.write_text("export-tests-watermark-key")
    settings = ExportSettings(
        **{**settings_from(infrastructure), "database_url": url},
        http_port=0,
        token_public_key_file=str(keys[1]),
        audit_head_interval_seconds=0.5,
        watermark_key_file=str(watermark_key),
        relaunch_interval_seconds=1.0,
    )
    # A queue of this run's own: a worker left by another run never takes its tasks.
    queues = Queues(export=f"xueji-export-test-{uuid.uuid4()}", calendar=CALENDAR_TASK_QUEUE)
    kernel, parts = await build(settings, registry_http=registry, queues=queues)
    calendar_jobs, calendar_db = await calendar_queue(url, parts.app.state.temporal)
    export = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=parts.app), base_url="http://export", timeout=60
    )
    try:
        async with running_jobs(registry_parts.background + parts.background + calendar_jobs):
            staff = await build_world(registry, people)
            await eventually(lambda: _replicated(kernel.db), within=60)
            yield ExportStack(
                registry, export, people, kernel.db, settings, staff, parts.app, queues
            )
    finally:
        for client in (registry, export):
            await client.aclose()
        await kernel.db.dispose()
        await registry_kernel.db.dispose()
        await calendar_db.dispose()


@pytest.fixture(scope="module")
async def stack(
    infrastructure: Infrastructure,
    export_database_url: str,
    export_keys: tuple[Path, Path],
    people: People,
) -> AsyncIterator[ExportStack]:
    async with running_stack(infrastructure, export_database_url, export_keys, people) as running:
        yield running
