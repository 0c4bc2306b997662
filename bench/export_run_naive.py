"""The naive export: load ORM objects with SQLAlchemy, build the sheet in openpyxl's normal
mode (every cell an object in memory), save, upload."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from minio import Minio
from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import registry

from xueji_export.catalogue import ValueType
from xueji_export.files.approval import ApprovedExport
from xueji_export.files.properties import banner
from xueji_export.files.read_model import PUPIL_ID, UNIT_PATH, column
from xueji_stack.buckets import EXPORTS_BUCKET

_TYPES = {
    ValueType.TEXT: sa.Text,
    ValueType.CODE: sa.Text,
    ValueType.DATE: sa.Date,
    ValueType.INTEGER: sa.Integer,
    ValueType.BOOLEAN: sa.Boolean,
}


class Pupil:
    """A read-model row as an ORM object."""


def _mapped(export: ApprovedExport) -> type[Pupil]:
    table = sa.Table(
        "pupil_read_model",
        sa.MetaData(schema="export"),
        sa.Column(PUPIL_ID, sa.Text, primary_key=True),
        sa.Column(UNIT_PATH, sa.Text),
        *(sa.Column(column(f.key), _TYPES[f.value_type]()) for f in export.fields),
    )
    registry().map_imperatively(Pupil, table)
    return Pupil


def _cell(value: Any, labels: dict[str, str], value_type: ValueType) -> Any:
    if value is None:
        return None
    if value_type is ValueType.CODE:
        return labels.get(value, value)
    if value_type is ValueType.BOOLEAN:
        return "是" if value else "否"
    return value.isoformat() if value_type is ValueType.DATE else value


async def naive(dsn: str, rows: int, client: Minio, export: ApprovedExport) -> dict[str, Any]:
    model = _mapped(export)
    engine = create_async_engine(dsn.replace("postgresql://", "postgresql+asyncpg://"))
    began = time.perf_counter()
    async with AsyncSession(engine) as session:
        query = (
            sa.select(model)
            .where(getattr(model, UNIT_PATH).like(f"{export.unit_paths[0]}%"))
            .order_by(getattr(model, UNIT_PATH), getattr(model, PUPIL_ID))
            .limit(rows)
        )
        pupils = (await session.execute(query)).scalars().all()
    await engine.dispose()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([banner(export)])
    sheet.append(list(export.labels))
    for pupil in pupils:
        sheet.append(
            [_cell(getattr(pupil, column(f.key)), dict(f.code_labels), f.value_type)
             for f in export.fields]
        )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="xueji-bench-naive-") as work:
        path = Path(work, export.file_name())
        workbook.save(path)
        key = f"naive/{export.generation_id}/{path.name}"
        await asyncio.to_thread(client.fput_object, EXPORTS_BUCKET, key, str(path))
    return {"rows": len(pupils), "seconds": time.perf_counter() - began}
