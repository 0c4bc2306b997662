"""Alembic, run per service against its own schema, at service start and from tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine


def alembic_config(migrations_dir: Path, url: str, schema: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.attributes["url"] = url
    config.attributes["schema"] = schema
    return config


async def upgrade_to_head(migrations_dir: Path, url: str, schema: str) -> None:
    """Bring the service schema to the newest revision (safe to run on every start)."""
    config = alembic_config(migrations_dir, url, schema)
    await asyncio.to_thread(command.upgrade, config, "head")


def run_migrations(metadata: MetaData) -> None:
    """The body of every service's alembic env.py."""
    url = context.config.attributes["url"]
    schema = context.config.attributes["schema"]

    def migrate(connection: Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=False,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        engine = create_async_engine(url)
        try:
            async with engine.begin() as conn:
                # Concurrent starts of several replicas must not race on DDL.
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": schema}
                )
                await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
                await conn.run_sync(migrate)
        finally:
            await engine.dispose()

    asyncio.run(run())
