"""The row a finished generation leaves behind: which object, which watermark, which format.

Written in the same transaction that moves the application to ready, so a ready application
always has its file on record; the downloads read the newest row of an application.
"""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.formats import FileFormat
from xueji_export.files.generation import GeneratedFile
from xueji_export.files.tables import export_files


async def record_generated(
    session: AsyncSession,
    application_id: str,
    export: ApprovedExport,
    generated: GeneratedFile,
    file_format: FileFormat,
) -> None:
    await session.execute(
        insert(export_files).values(
            generation_id=export.generation_id,
            application_id=application_id,
            file_format=FileFormat(file_format).value,
            object_key=generated.object_key,
            file_name=generated.file_name,
            rows=generated.rows,
            size_bytes=generated.size_bytes,
            sha256=generated.sha256,
            watermark=generated.watermark,
            generated_at=export.generated_at,
        )
    )
