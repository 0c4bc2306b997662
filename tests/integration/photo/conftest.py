"""The registry and the photo service in-process on the session infrastructure, with their real
background jobs (outbox relays, the org replica and roster consumers). Module scope: a relay
holds its service's outbox lock, which later modules need."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from tests.integration.harness import (
    bearer_tokens,
    eventually,
    key_pair_files,
    migrated_database_url,
    running_jobs,
    settings_from,
)
from tests.integration.photo.world import (
    FIVE_YEAR_PRIMARY,
    SCHOOLS,
    UNITS,
    People,
    PhotoStack,
    build_world,
)
from tests.integration.registry.builders import IdFactory
from xueji_common.db import Database
from xueji_photo.bootstrap import MIGRATIONS, build
from xueji_photo.schema import SCHEMA, org_units
from xueji_photo.settings import PhotoSettings
from xueji_registry.bootstrap import MIGRATIONS as REGISTRY_MIGRATIONS
from xueji_registry.bootstrap import build as build_registry
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure


@pytest.fixture(scope="session")
def photo_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return key_pair_files(tmp_path_factory.mktemp("photo-keys"))


@pytest.fixture(scope="session")
def people(photo_keys: tuple[Path, Path]) -> People:
    return People(bearer_tokens(photo_keys[0]))


@pytest.fixture(scope="session")
async def photo_database_url(infrastructure: Infrastructure) -> str:
    return await migrated_database_url(
        infrastructure, (REGISTRY_MIGRATIONS, "registry"), (MIGRATIONS, SCHEMA)
    )


@pytest.fixture(scope="session")
def ids() -> IdFactory:
    return IdFactory()


def photo_settings(
    infrastructure: Infrastructure, url: str, public_key: Path, **overrides: object
) -> PhotoSettings:
    values = {
        **settings_from(infrastructure),
        "database_url": url,
        "http_port": 0,
        "token_public_key_file": str(public_key),
        "photo_five_year_primary_provinces": FIVE_YEAR_PRIMARY,
        "photo_check_workers": 0,
        **overrides,
    }
    return PhotoSettings(**values)


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
    url: str,
    keys: tuple[Path, Path],
    people: People,
    **overrides: object,
) -> AsyncIterator[PhotoStack]:
    registry_kernel, registry_parts = await build_registry(
        RegistrySettings(
            **{**settings_from(infrastructure), "database_url": url},
            http_port=0,
            token_private_key_file=str(keys[0]),
            token_public_key_file=str(keys[1]),
        )
    )
    settings = photo_settings(infrastructure, url, keys[1], **overrides)
    kernel, parts = await build(settings)
    registry = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=registry_parts.app), base_url="http://registry",
        timeout=60,
    )  # fmt: skip
    photo = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=parts.app), base_url="http://photo", timeout=60
    )
    try:
        async with running_jobs(registry_parts.background + parts.background):
            await build_world(registry, people)
            await eventually(lambda: _replicated(kernel.db), within=60)
            yield PhotoStack(registry, photo, people, kernel.db, settings)
    finally:
        for client in (registry, photo):
            await client.aclose()
        await kernel.db.dispose()
        await registry_kernel.db.dispose()


@pytest.fixture(scope="module")
async def stack(
    request: pytest.FixtureRequest,
    infrastructure: Infrastructure,
    photo_database_url: str,
    photo_keys: tuple[Path, Path],
    people: People,
) -> AsyncIterator[PhotoStack]:
    """A module's stack; `PHOTO_SETTINGS` in the module overrides settings for its tests."""
    overrides = getattr(request.module, "PHOTO_SETTINGS", {})
    async with running_stack(
        infrastructure, photo_database_url, photo_keys, people, **overrides
    ) as running:
        yield running
