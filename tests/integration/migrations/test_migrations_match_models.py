"""Each service's Alembic history builds exactly the tables its code declares."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import create_async_engine

from xueji_common.migrations import upgrade_to_head
from xueji_stack.infrastructure import Infrastructure

pytestmark = pytest.mark.integration

SERVICES = ["registry", "transfer", "photo", "export"]


def _metadata(service: str) -> MetaData:
    """The service's complete metadata: its migrations' model list where tables are spread out."""
    try:
        return importlib.import_module(f"xueji_{service}.migrations.models").metadata
    except ModuleNotFoundError:
        return importlib.import_module(f"xueji_{service}.schema").metadata


@pytest.mark.parametrize("service", SERVICES)
async def test_migrations_leave_no_difference_from_the_models(
    infrastructure: Infrastructure, service: str
) -> None:
    url = infrastructure.postgres.recreate_database(f"migrations_{service}")
    package = importlib.import_module(f"xueji_{service}")
    await upgrade_to_head(Path(package.__file__).parent / "migrations", url, service)
    metadata = _metadata(service)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(
                        sync,
                        opts={
                            "include_schemas": True,
                            "version_table_schema": service,
                            "include_name": lambda name, kind, _: (
                                kind != "schema" or name == service
                            ),
                        },
                    ),
                    metadata,
                )
            )
    finally:
        await engine.dispose()
    assert differences == []
