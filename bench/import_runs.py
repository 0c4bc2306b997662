"""One measured run per process: `python -m bench.import_runs KIND URL WORKBOOK [MAX_ROWS]`.

KIND is `ours` (the registry importer end to end), `naive` (openpyxl cell reads, the same
checks, one ORM insert and one event per row) or `floor` (calamine read and COPY, nothing
else). Prints one JSON line: rows, seconds (import only: no interpreter start, no seeding).
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import openpyxl
from python_calamine import CalamineWorkbook
from sqlalchemy import select, text
from sqlalchemy.orm import registry

from bench.import_database import REGISTRAR
from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.classes.lookup import school_classes
from xueji_registry.imports.columns import DATA_SHEET
from xueji_registry.imports.headers import HeaderLayout, read_headers
from xueji_registry.imports.row_reading import read_row
from xueji_registry.imports.runtime import ChunkWorkers
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.imports.service import ImportRequest, Upload, import_pupils
from xueji_registry.imports.settings import ImportSettings
from xueji_registry.pupils import events
from xueji_registry.pupils.access import find_school
from xueji_registry.pupils.candidates import PupilCandidate, validate_candidate
from xueji_registry.pupils.drafting import national_number_for, new_state
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.numbers import NumberAllocator
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.tables import pupils
from xueji_registry.schema import SCHEMA, outbox


class PupilRow:
    """The pupils table as an ORM class, the way a first version of an importer would map it."""

    def __init__(self, **values: object) -> None:
        for name, value in values.items():
            setattr(self, name, value)


registry().map_imperatively(PupilRow, pupils)


async def _stored(db: Database) -> dict[str, int]:
    async with db.engine.connect() as connection:
        count = await connection.scalar(text("SELECT count(*) FROM pupils"))
        events_count = await connection.scalar(
            text("SELECT count(*) FROM outbox WHERE event_type = 'pupil.created'")
        )
    return {"stored_pupils": int(count), "stored_events": int(events_count)}


async def ours(url: str, path: Path, size: int, max_rows: int) -> dict[str, object]:
    settings = ImportSettings(max_rows=max_rows, max_file_bytes=size + 1)
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
        **await _stored(db),
    }
    await db.dispose()
    return result


async def naive(url: str, path: Path) -> dict[str, object]:
    db = Database(url, SCHEMA, pool_size=2)
    began = time.perf_counter()
    sheet = openpyxl.load_workbook(path)[DATA_SHEET]
    width = sheet.max_column
    layout = read_headers([sheet.cell(1, c).value for c in range(1, width + 1)])
    assert isinstance(layout, HeaderLayout)
    applied = failed = 0
    batch = str(uuid.uuid4())
    async with UnitOfWork(db, outbox) as uow:
        school = await find_school(uow.session, REGISTRAR.unit_code)
        classes = {c.code: c for c in (await school_classes(uow.session, school.code)).values()}
        context = SchoolContext(school, china_today(), datetime.now(UTC), classes=classes)
        classes_by_id = context.classes_by_id
        for row in range(2, sheet.max_row + 1):
            values = [sheet.cell(row, c).value for c in range(1, width + 1)]
            outcome = read_row(row, values, layout.fields, context)
            if outcome.stored is None:
                failed += 1
                continue
            # One record at a time, the way the pupils API enters a pupil.
            pupil = validate_candidate(
                PupilCandidate(**outcome.stored.values), school=school, today=context.today
            )
            same_id = pupils.c.id_number == pupil.values.id_number
            held = await uow.session.scalar(select(pupils.c.id).where(same_id, active_record()))
            number = national_number_for(pupil, id_conflict=False)
            if held is not None or number is None:
                failed += 1
                continue
            school_class = classes_by_id.get(pupil.values.class_id)
            state = new_state(
                uuid.uuid4(), pupil, school=school, school_class=school_class,
                national_number=number, now=context.now,
            )  # fmt: skip
            uow.session.add(PupilRow(**row_values(state), import_batch_id=batch))
            await uow.session.flush()
            uow.publish(events.created(state, REGISTRAR, import_batch_id=batch))
            applied += 1
        await uow.commit()
    seconds = time.perf_counter() - began
    result = {"rows": applied + failed, "seconds": seconds, "applied": applied, "failed": failed}
    result |= await _stored(db)
    await db.dispose()
    return result


async def floor(url: str, path: Path) -> dict[str, object]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    began = time.perf_counter()
    header, *rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    columns = [f"c{i}" for i in range(len(header))]
    await connection.execute(f"CREATE TABLE floor_rows ({', '.join(c + ' text' for c in columns)})")
    await connection.copy_records_to_table(
        "floor_rows", columns=columns, records=(tuple(str(v) for v in row) for row in rows)
    )
    seconds = time.perf_counter() - began
    stored = await connection.fetchval("SELECT count(*) FROM floor_rows")
    await connection.close()
    return {"rows": len(rows), "seconds": seconds, "stored_rows": stored}


def main(argv: list[str]) -> None:
    kind, url, path = argv[0], argv[1], Path(argv[2])
    if kind == "ours":
        result = asyncio.run(ours(url, path, path.stat().st_size, int(argv[3])))
    elif kind == "naive":
        result = asyncio.run(naive(url, path))
    else:
        result = asyncio.run(floor(url, path))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"kind": kind, **result, "main_rss": own, "largest_worker_rss": workers}))


if __name__ == "__main__":
    main(sys.argv[1:])
