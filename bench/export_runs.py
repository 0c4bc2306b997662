"""One measured run per process: `python -m bench.export_runs KIND DSN ROWS S3_ENDPOINT`.

KIND is `ours` (the read model through the generation to object storage), `floor` (a bare
`COPY … TO STDOUT` of the same rows, then the same writer writing them from memory to a
local file; the rows are made ready in memory between the two, untimed) or `naive` (an ORM
query and openpyxl in normal mode, then the upload, on the first ROWS pupils). Prints one
JSON line: rows, seconds and the parts' seconds.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from minio import Minio

from bench.export_pupils import CITY, FIELDS
from xueji_export.files.approval import ApprovedExport, approved_export
from xueji_export.files.generation import generate
from xueji_export.files.read_model import selection
from xueji_export.files.rows import FileRows
from xueji_export.files.source import read_model_batches
from xueji_export.files.watermark import watermark
from xueji_export.files.workbook import write_workbook
from xueji_stack.buckets import EXPORTS_BUCKET
from xueji_stack.s3 import ACCESS_KEY, SECRET_KEY, s3_client

KEY = b"bench-watermark-key"


def bench_export() -> ApprovedExport:
    return approved_export(
        application_number="DC-BENCH-0001",
        handler="基准经办人",
        generated_at=datetime.now(UTC),
        generation_id=uuid.uuid4().hex,
        unit_name="南京市教育局",
        field_keys=FIELDS,
        unit_paths=[CITY],
    )


async def ours(dsn: str, client: Minio) -> dict[str, Any]:
    export = bench_export()
    connection = await asyncpg.connect(dsn)
    try:
        began = time.perf_counter()
        generated = await generate(
            export,
            read_model_batches(connection, export),
            service_key=KEY,
            storage=client,
            bucket=EXPORTS_BUCKET,
            progress=lambda _rows: None,
        )
        seconds = time.perf_counter() - began
    finally:
        await connection.close()
    return {"rows": generated.rows, "seconds": seconds, "file_bytes": generated.size_bytes}


async def floor(dsn: str) -> dict[str, Any]:
    export = bench_export()
    sql, arguments = selection(export)
    received = 0

    async def discard(chunk: bytes) -> None:
        nonlocal received
        received += len(chunk)

    connection = await asyncpg.connect(dsn)
    try:
        began = time.perf_counter()
        await connection.copy_from_query(sql, *arguments, output=discard)
        read_seconds = time.perf_counter() - began
        rows = FileRows(export)
        ready = [rows.project(row) async for batch in read_model_batches(connection, export)
                 for row in batch]  # fmt: skip
    finally:
        await connection.close()
    mark = watermark(KEY, export.application_number, export.generation_id)
    with tempfile.TemporaryDirectory(prefix="xueji-bench-export-") as work:
        began = time.perf_counter()
        await asyncio.to_thread(write_workbook, Path(work, "floor.xlsx"), export, mark, ready)
        write_seconds = time.perf_counter() - began
    return {
        "rows": len(ready),
        "seconds": read_seconds + write_seconds,
        "read_seconds": read_seconds,
        "write_seconds": write_seconds,
        "copy_bytes": received,
    }


async def _run(kind: str, dsn: str, rows: int, endpoint: str) -> dict[str, Any]:
    client = s3_client(endpoint, ACCESS_KEY, SECRET_KEY, secure=False)
    if kind == "ours":
        return await ours(dsn, client)
    if kind == "floor":
        return await floor(dsn)
    if kind == "naive":
        from bench.export_run_naive import naive

        return await naive(dsn, rows, client, bench_export())
    raise SystemExit(f"unknown run {kind!r}; one of ours, floor, naive")


def main(argv: list[str]) -> None:
    kind, dsn, rows, endpoint = argv[0], argv[1], int(argv[2]), argv[3]
    result = asyncio.run(_run(kind, dsn, rows, endpoint))
    print(json.dumps({"kind": kind, **result}))


if __name__ == "__main__":
    main(sys.argv[1:])
