"""The database share: PostgreSQL storing exactly the rows `ours` stored, into the registry's
real tables (indexes, constraints, outbox trigger), in one transaction, one binary COPY per
table; no reading, no checks. The importer's own storing cannot take less."""

from __future__ import annotations

import time
from pathlib import Path

import asyncpg

from bench.import_stored_rows import (
    STORED,
    copy_file,
    driver_dsn,
    stored_columns,
    take_over_classes,
)
from xueji_registry.schema import SCHEMA


async def run(url: str, directory: Path) -> dict[str, object]:
    connection = await asyncpg.connect(driver_dsn(url))
    await take_over_classes(connection, directory)
    seconds_per_table: dict[str, float] = {}
    began = time.perf_counter()
    transaction = connection.transaction()
    await transaction.start()
    for table, _ in STORED:
        started = time.perf_counter()
        await connection.copy_to_table(
            table.name,
            schema_name=SCHEMA,
            source=copy_file(directory, table),
            columns=stored_columns(table),
            format="binary",
        )
        seconds_per_table[table.name] = time.perf_counter() - started
    committing = time.perf_counter()
    await transaction.commit()
    seconds_per_table["commit"] = time.perf_counter() - committing
    seconds = time.perf_counter() - began
    stored = {
        table.name: await connection.fetchval(
            f"SELECT count(*) FROM {SCHEMA}.{table.name} WHERE {rows}"
        )
        for table, rows in STORED
    }
    await connection.close()
    return {
        "rows": stored["pupils"],
        "seconds": seconds,
        "seconds_per_table": seconds_per_table,
        "stored": stored,
    }
