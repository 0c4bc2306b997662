"""The import service on files of many chunks: worker processes, limits, cross-chunk duplicates."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from tests.integration.registry_imports.conftest import SCHOOL_A, Fujian
from tests.integration.registry_imports.upload_requests import counts
from tests.unit.registry_imports.sample_workbooks import pupil_row, workbook
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry.imports.runtime import ChunkWorkers
from xueji_registry.imports.service import ImportRequest, Upload, import_pupils
from xueji_registry.imports.settings import ImportSettings
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.schema import outbox

pytestmark = pytest.mark.integration

REGISTRAR = Principal(
    account_id="00000000-0000-0000-0000-0000000000f1",
    name="测试学籍管理员",
    role=Role.SCHOOL_REGISTRAR,
    unit_code=SCHOOL_A[-1],
    unit_kind=UnitKind.SCHOOL,
    unit_path=SCHOOL_A,
)
SMALL_CHUNKS = ImportSettings(chunk_bytes=32 * 1024, workers=2, max_rows=500)


@pytest.fixture(scope="module")
async def workers() -> AsyncIterator[ChunkWorkers]:
    pool = ChunkWorkers(SMALL_CHUNKS.workers)
    yield pool
    pool.close()


async def _import(db: Database, workers: ChunkWorkers, data: bytes, settings: ImportSettings):
    request = ImportRequest(Upload(io.BytesIO(data), "大文件.xlsx", len(data)))
    async with UnitOfWork(db, outbox) as uow:
        return await import_pupils(
            uow, REGISTRAR, request, settings=settings, workers=workers,
            numbers=NumberAllocator(db),
        )  # fmt: skip


async def test_chunks_are_read_in_parallel_and_duplicates_span_them(
    db: Database, fujian: Fujian, workers: ChunkWorkers
) -> None:
    rows = [pupil_row(1 + i % 9) for i in range(400)]
    rows[350] = dict(rows[3], 姓名="重复")  # same ID number, chunks apart
    rows[200] = pupil_row(1, 性别="X")
    before = await counts(db, SCHOOL_A[-1])
    report = await _import(db, workers, workbook(rows), SMALL_CHUNKS)
    assert (report.rows_total, report.rows_applied, report.rows_failed) == (400, 397, 3)
    assert [f.row for f in report.failures] == [5, 202, 352]
    assert await counts(db, SCHOOL_A[-1]) == (before[0] + 397, before[1] + 397)


async def test_more_rows_than_allowed_refuse_the_whole_file(
    db: Database, fujian: Fujian, workers: ChunkWorkers
) -> None:
    data = workbook([pupil_row(1) for _ in range(520)])
    before = await counts(db, SCHOOL_A[-1])
    with pytest.raises(DomainError) as refused:
        await _import(db, workers, data, SMALL_CHUNKS)
    assert refused.value.error.code == "IMPORT_TOO_MANY_ROWS"
    assert "500" in refused.value.message
    assert await counts(db, SCHOOL_A[-1]) == before


async def test_oversized_files_are_refused_before_reading(
    db: Database, fujian: Fujian, workers: ChunkWorkers
) -> None:
    data = workbook([pupil_row(1) for _ in range(30)])
    tight = ImportSettings(max_file_bytes=len(data) - 1, workers=0)
    with pytest.raises(DomainError) as refused:
        await _import(db, workers, data, tight)
    assert refused.value.error.code == "IMPORT_FILE_TOO_LARGE"
    assert "MB" in refused.value.message


async def test_a_second_import_into_a_busy_school_is_refused(
    db: Database, fujian: Fujian, workers: ChunkWorkers
) -> None:
    async with db.engine.begin() as connection:
        await connection.execute(
            text("SELECT pg_advisory_xact_lock(hashtext('xueji_import_' || :school))"),
            {"school": SCHOOL_A[-1]},
        )
        with pytest.raises(DomainError) as refused:
            await _import(db, workers, workbook([pupil_row(1)]), SMALL_CHUNKS)
    assert refused.value.error.code == "IMPORT_BUSY"
