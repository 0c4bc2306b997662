"""The registry app in-process on the session infrastructure, and a small org tree for it.

Provinces 32 (Jiangsu) and 33 (Zhejiang) belong to these tests; other suites use other
codes, so everything here can share the session database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from tests.integration.harness import key_pair_files, running_jobs, settings_from
from tests.integration.registry.builders import IdFactory, World, build_world
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.auth.tokens import TokenIssuer
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_registry.bootstrap import MIGRATIONS, build
from xueji_registry.schema import SCHEMA
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure

Issue = Callable[..., dict[str, str]]
_KINDS = (UnitKind.NATION, UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.SCHOOL)
TEST_ACCOUNT = "00000000-0000-0000-0000-0000000000aa"


@pytest.fixture(scope="session")
def registry_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return key_pair_files(tmp_path_factory.mktemp("registry-keys"))


@pytest.fixture(scope="session")
async def registry_database_url(infrastructure: Infrastructure) -> str:
    url = infrastructure.env()["XUEJI_DATABASE_URL"].replace(
        "postgresql://", "postgresql+asyncpg://", 1
    )
    await upgrade_to_head(MIGRATIONS, url, SCHEMA)
    return url


# Module scope: its relay holds the registry's outbox lock, which the real service processes
# of other test modules need.
@pytest.fixture(scope="module")
async def registry(
    infrastructure: Infrastructure, registry_database_url: str, registry_keys: tuple[Path, Path]
) -> AsyncIterator[httpx.AsyncClient]:
    """The registry API over ASGI, its outbox relay publishing to the session broker."""
    settings = RegistrySettings(
        **{**settings_from(infrastructure), "database_url": registry_database_url},
        http_port=0,
        token_private_key_file=str(registry_keys[0]),
        token_public_key_file=str(registry_keys[1]),
    )
    kernel, parts = await build(settings)
    transport = httpx.ASGITransport(app=parts.app)
    async with (
        running_jobs(parts.background),
        httpx.AsyncClient(transport=transport, base_url="http://registry", timeout=60) as client,
    ):
        yield client
    await kernel.db.dispose()


@pytest.fixture(scope="session")
async def registry_db(registry_database_url: str) -> AsyncIterator[Database]:
    """Direct access for assertions on what the service stored (outbox, histories)."""
    db = Database(registry_database_url, SCHEMA, pool_size=4)
    yield db
    await db.dispose()


@pytest.fixture(scope="session")
def issue(registry_keys: tuple[Path, Path]) -> Issue:
    issuer = TokenIssuer(registry_keys[0].read_bytes())

    def token(role: Role, *path: str, account_id: str = TEST_ACCOUNT) -> dict[str, str]:
        principal = Principal(
            account_id=account_id,
            name=f"测试{role.value}",
            role=role,
            unit_code=path[-1],
            unit_kind=_KINDS[len(path) - 1],
            unit_path=tuple(path),
        )
        return {"Authorization": f"Bearer {issuer.issue(principal)}"}

    return token


@pytest.fixture(scope="module")
async def world(registry: httpx.AsyncClient, issue: Issue) -> World:
    return await build_world(registry, issue)


@pytest.fixture(scope="session")
def ids() -> IdFactory:
    return IdFactory()
