"""A generation reads the read model in PostgreSQL and uploads the file to object storage."""

from __future__ import annotations

import asyncio
import tempfile
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import asyncpg
from minio import Minio

from tests.integration.export_files.read_model_table import COLUMNS, copy_pupils, create_read_model
from tests.unit.export_files.memory_source import KEY
from tests.unit.export_files.readback import ReadBack, read_back
from xueji_export.files.approval import approved_export
from xueji_export.files.generation import GeneratedFile, generate
from xueji_export.files.source import read_model_batches
from xueji_stack.buckets import EXPORTS_BUCKET
from xueji_stack.infrastructure import Infrastructure

IN_SCOPE = ("/CN/31/3101/310101/3101010001/", "/CN/31/3101/310101/3101010002/")
OUTSIDE = "/CN/31/3101/310104/3101040001/"


def _pupil(number: int, unit_path: str) -> list[object]:
    values = dict.fromkeys(COLUMNS)
    values |= {
        "pupil_id": f"p{number:03d}",
        "unit_path": unit_path,
        "name": f"学生{number}",
        "birth_date": date(2015, 1, 1 + number % 28),
        "grade": 3,
        "status": "ENROLLED",
        "id_number": f"31010120150101{number:04d}",
    }
    return [values[c] for c in COLUMNS]


def _download(client: Minio, generated: GeneratedFile) -> ReadBack:
    with tempfile.TemporaryDirectory() as work:
        local = Path(work, generated.file_name)
        client.fget_object(EXPORTS_BUCKET, generated.object_key, str(local))
        assert local.stat().st_size == generated.size_bytes
        return read_back(local)


async def test_file_in_storage_holds_the_approved_scope_and_fields(
    infrastructure: Infrastructure,
) -> None:
    postgres, s3 = infrastructure.postgres, infrastructure.s3
    assert postgres is not None and s3 is not None
    postgres.recreate_database("export_files")
    connection = await asyncpg.connect(postgres.dsn("export_files"))
    try:
        await create_read_model(connection)
        pupils = [_pupil(n, IN_SCOPE[n % 2] if n % 3 else OUTSIDE) for n in range(1, 31)]
        await copy_pupils(connection, pupils)
        export = approved_export(
            application_number="DC-2026-0007",
            handler="赵经办",
            generated_at=datetime(2026, 12, 3, 8, tzinfo=UTC),
            generation_id=uuid.uuid4().hex,
            unit_name="黄浦区教育局",
            field_keys=["status", "name", "birth_date", "grade"],
            unit_paths=["/CN/31/3101/310101/"],
        )
        seen: list[int] = []
        generated = await generate(
            export,
            read_model_batches(connection, export, batch_rows=4),
            service_key=KEY,
            storage=s3.client(),
            bucket=EXPORTS_BUCKET,
            progress=seen.append,
        )
    finally:
        await connection.close()
    expected = sorted(
        ("在校", f"学生{n}", date(2015, 1, 1 + n % 28).isoformat(), 3)
        for n in range(1, 31)
        if n % 3
    )
    assert generated.rows == len(expected) and seen[-1] == len(expected)
    assert generated.object_key.endswith("/DC-2026-0007_黄浦区教育局.xlsx")
    stored = await asyncio.to_thread(s3.client().stat_object, EXPORTS_BUCKET, generated.object_key)
    assert stored.metadata["x-amz-meta-watermark"] == generated.watermark
    file = await asyncio.to_thread(_download, s3.client(), generated)
    assert file.labels == ["年级", "学籍状态", "姓名", "出生日期"]
    assert sorted(file.rows) == sorted((g, s, n, b) for s, n, b, g in expected)
    assert file.custom["水印"] == generated.watermark
