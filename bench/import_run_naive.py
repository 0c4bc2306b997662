"""The naive baseline: openpyxl cell by cell, the same checks, then per row a SELECT for
one-person-one-record, one ORM insert and one outbox event, as a first version would."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import registry

from bench.import_database import REGISTRAR
from bench.import_run_ours import stored
from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.classes.lookup import school_classes
from xueji_registry.imports.columns import DATA_SHEET
from xueji_registry.imports.headers import HeaderLayout, read_headers
from xueji_registry.imports.row_reading import read_row
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import PupilCandidate, validate_candidate
from xueji_registry.pupils.entry.drafting import national_number_for, new_state
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.reading.access import find_school
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.tables import pupils
from xueji_registry.schema import SCHEMA, outbox


class PupilRow:
    """The pupils table as an ORM class, the way a first version of an importer would map it."""

    def __init__(self, **values: object) -> None:
        for name, value in values.items():
            setattr(self, name, value)


registry().map_imperatively(PupilRow, pupils)


async def run(url: str, path: Path) -> dict[str, object]:
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
    result |= await stored(db)
    await db.dispose()
    return result


