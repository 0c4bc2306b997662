"""The registry importer end to end: file checks, chunked reading, row checks, duplicates,
one-person-one-record, COPY into the pupils table, outbox events, the stored report."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from bench.import_database import REGISTRAR
from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.imports.runtime import ChunkWorkers
from xueji_registry.imports.service import ImportRequest, Upload, import_pupils
from xueji_registry.imports.settings import ImportSettings
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.schema import SCHEMA, outbox


async def stored(db: Database) -> dict[str, int]:
    async with db.engine.connect() as connection:
        count = await connection.scalar(text("SELECT count(*) FROM pupils"))
        events = await connection.scalar(
            text("SELECT count(*) FROM outbox WHERE event_type = 'pupil.created'")
        )
    return {"stored_pupils": int(count), "stored_events": int(events)}


async def run(url: str, path: Path, max_rows: str) -> dict[str, object]:
    size = path.stat().st_size  # noqa: ASYNC240 - before the clock starts
    settings = ImportSettings(max_rows=int(max_rows), max_file_bytes=size + 1)
    workers = ChunkWorkers(settings.workers)
    workers.warm_up()  # a running service keeps its worker processes; starting them is not import
    db = Database(url, SCHEMA, pool_size=2)
    began = time.perf_counter()
    with open(path, "rb") as file:  # noqa: ASYNC230 - the importer reads it in threads
        request = ImportRequest(Upload(file, path.name, size))
        async with UnitOfWork(db, outbox) as uow:
            report = await import_pupils(
                uow, REGISTRAR, request, settings=settings, workers=workers,
                numbers=NumberAllocator(db),
            )  # fmt: skip
    seconds = time.perf_counter() - began
    workers.close()
    result = {
        "rows": report.rows_total,
        "seconds": seconds,
        "applied": report.rows_applied,
        "failed": report.rows_failed,
        **await stored(db),
    }
    await db.dispose()
    return result
