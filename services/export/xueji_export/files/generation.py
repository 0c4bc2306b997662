"""Generating one traceable file: stream rows through the writer, stamp it, upload it.

The row source is async (the read model in PostgreSQL) and the writer is a blocking call
that pulls records from a generator; the writer runs in a worker thread and its generator
fetches each batch from the event loop, asking for the next batch before writing the
current one so the database works while the writer does. Progress (rows written) is
reported on the event loop every PROGRESS_EVERY rows and once at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import tempfile
from collections.abc import AsyncGenerator, Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minio import Minio

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.csv_sheet import write_csv
from xueji_export.files.formats import FileFormat
from xueji_export.files.package import stamp_properties
from xueji_export.files.rows import Cell, FileRows
from xueji_export.files.watermark import watermark
from xueji_export.files.workbook import write_workbook

PROGRESS_EVERY = 10_000
# Multipart upload: the file leaves in parts of this size, never read whole into memory.
PART_BYTES = 16 * 1024 * 1024
_HASH_CHUNK = 1024 * 1024

RowBatches = AsyncGenerator[Sequence[Mapping[str, Any]], None]
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class WrittenFile:
    path: Path
    rows: int
    size_bytes: int
    sha256: str
    watermark: str


@dataclass(frozen=True, slots=True)
class GeneratedFile:
    object_key: str
    file_name: str
    rows: int
    size_bytes: int
    sha256: str
    watermark: str


async def generate(
    export: ApprovedExport,
    batches: RowBatches,
    *,
    service_key: bytes,
    storage: Minio,
    bucket: str,
    progress: Progress,
    file_format: FileFormat = FileFormat.XLSX,
) -> GeneratedFile:
    """Write the export's file from `batches` in `file_format` and upload it to `bucket`."""
    with tempfile.TemporaryDirectory(prefix="xueji-export-") as work:
        written = await write_file(
            export,
            batches,
            service_key=service_key,
            directory=Path(work),
            progress=progress,
            file_format=file_format,
        )
        key = f"{export.application_number}/{export.generation_id}/{written.path.name}"
        await asyncio.to_thread(
            storage.fput_object,
            bucket,
            key,
            str(written.path),
            content_type=FileFormat(file_format).content_type,
            metadata={"generation-id": export.generation_id, "watermark": written.watermark},
            part_size=PART_BYTES,
        )
    return GeneratedFile(
        key, written.path.name, written.rows, written.size_bytes, written.sha256, written.watermark
    )


async def write_file(
    export: ApprovedExport,
    batches: RowBatches,
    *,
    service_key: bytes,
    directory: Path,
    progress: Progress,
    file_format: FileFormat = FileFormat.XLSX,
) -> WrittenFile:
    """Write the export's traceable file into `directory`, named for its application."""
    file_format = FileFormat(file_format)
    mark = watermark(service_key, export.application_number, export.generation_id)
    rows = FileRows(export)
    loop = asyncio.get_running_loop()
    target = directory / export.file_name(file_format.value)
    # The xlsx is stamped after writing (the writer has no properties API); a CSV carries its
    # trace rows from the start.
    first = directory / "unstamped.xlsx" if file_format is FileFormat.XLSX else target
    writer = write_workbook if file_format is FileFormat.XLSX else write_csv
    records = _records(rows, batches, loop, progress)
    try:
        await asyncio.to_thread(writer, first, export, mark, records)
    finally:
        await batches.aclose()
    progress(rows.written)
    if file_format is FileFormat.XLSX:
        digest, size = await asyncio.to_thread(_stamp, first, target, export, mark, rows.written)
    else:
        digest, size = await asyncio.to_thread(_digest, target)
    return WrittenFile(target, rows.written, size, digest, mark)


def _records(
    rows: FileRows, batches: RowBatches, loop: asyncio.AbstractEventLoop, progress: Progress
) -> Iterator[dict[str, Cell | None]]:
    """Runs in the writer's thread."""

    def fetch() -> Future[Sequence[Mapping[str, Any]] | None]:
        return asyncio.run_coroutine_threadsafe(_next_batch(batches), loop)

    pending = fetch()
    reported = 0
    try:
        while (batch := pending.result()) is not None:
            pending = fetch()
            for row in batch:
                yield rows.project(row)
            if rows.written - reported >= PROGRESS_EVERY:
                reported = rows.written
                loop.call_soon_threadsafe(progress, reported)
    finally:
        # Let the fetch in flight finish, so the source is idle when the generation closes it.
        with contextlib.suppress(Exception):
            pending.result()
    if rows.written == 0:
        yield rows.header_only()


async def _next_batch(batches: RowBatches) -> Sequence[Mapping[str, Any]] | None:
    return await anext(batches, None)


def _stamp(
    written: Path, stamped: Path, export: ApprovedExport, mark: str, rows: int
) -> tuple[str, int]:
    """Stamp the trace properties into `stamped`; its SHA-256 and size."""
    stamp_properties(written, stamped, export, mark, rows)
    written.unlink()
    return _digest(stamped)


def _digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
