"""Registry app in-process on the real infrastructure, its relay running, for backbone tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from tests.integration.harness import key_pair_files, running_jobs, settings_from
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.auth.tokens import TokenIssuer
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_registry.bootstrap import MIGRATIONS as REGISTRY_MIGRATIONS
from xueji_registry.bootstrap import build as build_registry
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure
from xueji_transfer.bootstrap import MIGRATIONS as TRANSFER_MIGRATIONS
from xueji_transfer.schema import SCHEMA as TRANSFER_SCHEMA


def asyncpg_url(infrastructure: Infrastructure) -> str:
    return infrastructure.env()["XUEJI_DATABASE_URL"].replace(
        "postgresql://", "postgresql+asyncpg://", 1
    )


@pytest.fixture(scope="session")
def token_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return key_pair_files(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
async def migrated(infrastructure: Infrastructure) -> str:
    url = asyncpg_url(infrastructure)
    await upgrade_to_head(REGISTRY_MIGRATIONS, url, "registry")
    await upgrade_to_head(TRANSFER_MIGRATIONS, url, TRANSFER_SCHEMA)
    return url


# Module scope: its relay holds the registry's outbox lock, which the real service processes of
# later test modules need.
@pytest.fixture(scope="module")
async def registry(
    infrastructure: Infrastructure, migrated: str, token_keys: tuple[Path, Path]
) -> AsyncIterator[httpx.AsyncClient]:
    """The registry API over ASGI, with its real outbox relay publishing to the broker."""
    settings = RegistrySettings(
        **{**settings_from(infrastructure), "database_url": migrated},
        http_port=0,
        token_private_key_file=str(token_keys[0]),
        token_public_key_file=str(token_keys[1]),
    )
    kernel, parts = await build_registry(settings)
    transport = httpx.ASGITransport(app=parts.app)
    async with (
        running_jobs(parts.background),
        httpx.AsyncClient(transport=transport, base_url="http://registry") as client,
    ):
        yield client
    await kernel.db.dispose()


@pytest.fixture(scope="session")
def issue_token(token_keys: tuple[Path, Path]) -> Callable[..., dict[str, str]]:
    issuer = TokenIssuer(token_keys[0].read_bytes())

    def issue(role: Role, unit_path: tuple[str, ...], kind: UnitKind) -> dict[str, str]:
        principal = Principal(
            account_id="00000000-0000-0000-0000-000000000001",
            name="测试账号",
            role=role,
            unit_code=unit_path[-1],
            unit_kind=kind,
            unit_path=unit_path,
        )
        return {"Authorization": f"Bearer {issuer.issue(principal)}"}

    return issue


@pytest.fixture(scope="session")
def operator(issue_token: Callable[..., dict[str, str]]) -> dict[str, str]:
    return issue_token(Role.NATIONAL_OPERATOR, ("CN",), UnitKind.NATION)


@pytest.fixture
async def transfer_db(migrated: str) -> AsyncIterator[Database]:
    db = Database(migrated, TRANSFER_SCHEMA, pool_size=2)
    yield db
    await db.dispose()
