"""One import, start to end, in one transaction: nothing of it is visible until all of it is."""

from __future__ import annotations

import asyncio
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from sqlalchemy import text

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.tracing import current_trace_id
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.imports.bulk_record import BulkRecordBuilder
from xueji_registry.imports.chunk_reading import chunk_rows
from xueji_registry.imports.chunk_work import ImportJob
from xueji_registry.imports.headers import HeaderLayout, read_headers
from xueji_registry.imports.mini_workbook import PackageParts
from xueji_registry.imports.pipeline import ChunkPipeline, chunks_per_apply
from xueji_registry.imports.report import (
    ImportedFile,
    ImportReport,
    assemble_failures,
    store_report,
)
from xueji_registry.imports.runtime import ChunkWorkers
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.imports.settings import ImportSettings
from xueji_registry.imports.settlement import settle_duplicates, settle_pending
from xueji_registry.imports.sheet_chunks import ChunkLimits, SheetChunk, SheetChunker, SheetRefused
from xueji_registry.imports.staging import ImportStaging
from xueji_registry.imports.upload_checks import (
    check_size,
    classes_for_import,
    header_error,
    sha256_of,
    sheet_error,
)
from xueji_registry.imports.workbook_parts import WorkbookParts, locate_parts, open_package
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.reading.access import school_for_change
from xueji_registry.pupils.writing.numbers import NumberAllocator


@dataclass(frozen=True)
class Upload:
    file: BinaryIO
    name: str
    size: int


@dataclass(frozen=True)
class ImportRequest:
    upload: Upload
    school_code: str | None = None
    class_code: str | None = None


@dataclass(frozen=True)
class _OpenedSheet:
    parts: WorkbookParts
    package_parts: PackageParts
    chunks: Iterator[SheetChunk]
    parallel: bool
    chunks_per_apply: int


async def import_pupils(
    uow: UnitOfWork,
    actor: Principal,
    request: ImportRequest,
    *,
    settings: ImportSettings,
    workers: ChunkWorkers,
    numbers: NumberAllocator,
) -> ImportReport:
    session = uow.session
    school = await school_for_change(session, actor, request.school_code or actor.unit_code)
    classes, only_class = await classes_for_import(session, actor, school.code, request.class_code)
    upload = request.upload
    check_size(upload.size, settings.max_file_bytes)
    locked = await session.scalar(
        text("SELECT pg_try_advisory_xact_lock(hashtext('xueji_import_' || :school))"),
        {"school": school.code},
    )
    if not locked:
        raise DomainError(error_codes.IMPORT_BUSY)
    sha256 = await asyncio.to_thread(sha256_of, upload.file)
    package = await asyncio.to_thread(open_package, upload.file)
    try:
        sheet = await asyncio.to_thread(_open_sheet, package, settings)
        header_row, layout = await _headers(sheet, settings)
        context = SchoolContext(
            school, china_today(), datetime.now(UTC), classes=classes, only_class=only_class
        )
        job = ImportJob(
            import_id=str(uuid.uuid4()),
            context=context,
            layout=layout.fields,
            width=layout.width,
            header_row=header_row,
            parts=sheet.package_parts,
            actor=actor,
            trace_id=current_trace_id(),
        )
        connection = await uow.driver_connection()
        columns = BulkRecordBuilder(context, actor, job.import_id).columns
        staging = ImportStaging(
            connection, await uow.outbox_rows(), columns, import_id=job.import_id
        )
        await staging.create()
        pipeline = ChunkPipeline(
            uow, job, staging, workers, chunks_per_apply=sheet.chunks_per_apply
        )
        try:
            ledger = await pipeline.run(sheet.chunks, parallel=sheet.parallel)
        except SheetRefused as refused:
            raise sheet_error(refused, settings.max_rows) from None
    finally:
        package.close()
    if ledger.rows_total == 0:
        raise DomainError(error_codes.IMPORT_NO_ROWS, field="file")
    await settle_duplicates(ledger, job, staging)
    await settle_pending(uow, job, ledger, numbers)
    failures = assemble_failures(ledger)
    report = ImportReport(
        import_id=uuid.UUID(job.import_id),
        rows_total=ledger.rows_total,
        rows_applied=ledger.applied,
        rows_unchanged=len(ledger.unchanged),
        failures=tuple(failures),
    )
    await store_report(
        connection,
        report,
        actor=actor,
        school_code=school.code,
        scope_path=school.scope_path,
        class_id=only_class.id if only_class else None,
        upload=ImportedFile(
            upload.name, sha256, upload.size, sheet.parts.sheet_name, layout.headers
        ),
    )
    await uow.commit()
    return report


def _open_sheet(package: zipfile.ZipFile, settings: ImportSettings) -> _OpenedSheet:
    parts = locate_parts(package)
    try:
        shared = package.read(parts.shared_strings_path) if parts.shared_strings_path else None
        styles = package.read(parts.styles_path) if parts.styles_path else None
        stream = package.open(parts.sheet_path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DomainError(error_codes.IMPORT_FILE_MALFORMED, field="file") from None
    # Every chunk carries the shared strings; chunks several times their size keep
    # re-reading them a small part of the work.
    limits = ChunkLimits(
        chunk_bytes=max(settings.chunk_bytes, 4 * len(shared or b"")),
        max_rows=settings.max_rows,
        max_xml_bytes=settings.max_sheet_xml_bytes,
    )
    sheet_size = package.getinfo(parts.sheet_path).file_size
    return _OpenedSheet(
        parts=parts,
        package_parts=PackageParts(shared, styles, parts.date1904),
        chunks=SheetChunker(stream, limits).chunks(),
        parallel=sheet_size > limits.chunk_bytes,
        chunks_per_apply=chunks_per_apply(sheet_size, limits.chunk_bytes),
    )


async def _headers(sheet: _OpenedSheet, settings: ImportSettings) -> tuple[int, HeaderLayout]:
    """The header row (the sheet's first row with cells) and where each template column is."""
    try:
        first = await asyncio.to_thread(next, sheet.chunks, None)
        rows = [] if first is None else await asyncio.to_thread(_rows, first, sheet.package_parts)
    except SheetRefused as refused:
        raise sheet_error(refused, settings.max_rows) from None
    if not rows:
        raise DomainError(error_codes.IMPORT_NO_ROWS, field="file", detail="工作表是空的")
    row, values = rows[0]
    found = read_headers(values)
    if not isinstance(found, HeaderLayout):
        raise header_error(found)
    return row, found


def _rows(chunk: SheetChunk, parts: PackageParts) -> list[tuple[int, list[object]]]:
    return list(chunk_rows(chunk, parts))
