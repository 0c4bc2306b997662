"""`export.generate_file`: approved → generating → ready, the file written from the read model
to object storage with `files.generation.generate`.

Each state change commits with its audit record (and, for ready, the file's row and the
export.generated event). While the file is written, the rows written so far go onto the
application row (what the API shows as progress) and into the activity's heartbeat. A ready
application answers with its file (a retried activity writes nothing twice); one found in
generating (a worker died mid-file) is written again under a new generation id.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from minio import Minio
from sqlalchemy import func, select, update
from temporalio import activity

from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_export.applications.states import ApplicationState
from xueji_export.applications.tables import export_applications
from xueji_export.approval import messages
from xueji_export.approval.case_input import end_of_use
from xueji_export.approval.transitions import Row, locked, move, worker_audit
from xueji_export.files.approval import ApprovedExport, approved_export
from xueji_export.files.formats import FileFormat
from xueji_export.files.generation import GeneratedFile, generate
from xueji_export.files.records import record_generated
from xueji_export.files.source import read_model_batches
from xueji_export.files.tables import export_files
from xueji_export.schema import org_units, outbox
from xueji_workflows.export_approval.activities import GenerateFileResult


@dataclass(frozen=True)
class FileStore:
    """Where the files go and the key that watermarks them."""

    storage: Minio
    bucket: str
    watermark_key: bytes


def _result(file: Mapping[str, Any]) -> GenerateFileResult:
    return GenerateFileResult(
        object_key=file["object_key"],
        file_name=file["file_name"],
        rows=int(file["rows"]),
        size_bytes=int(file["size_bytes"]),
        sha256=file["sha256"],
    )


async def generate_file(db: Database, store: FileStore, application_id: str) -> GenerateFileResult:
    started = await _start(db, application_id)
    if isinstance(started, GenerateFileResult):
        return started
    row, export = started
    progress = _Progress(db, application_id)
    async with db.engine.connect() as connection:
        raw = await connection.get_raw_connection()
        generated = await generate(
            export,
            read_model_batches(raw.driver_connection, export),
            service_key=store.watermark_key,
            storage=store.storage,
            bucket=store.bucket,
            progress=progress.report,
            file_format=FileFormat(row["file_format"]),
        )
    await progress.settled()
    return await _finish(db, row, export, generated)


async def _start(
    db: Database, application_id: str
) -> GenerateFileResult | tuple[Row, ApprovedExport]:
    async with db.sessions() as session, session.begin():
        row = await locked(session, application_id)
        if row["state"] == ApplicationState.READY:
            file = (
                (
                    await session.execute(
                        select(export_files)
                        .where(export_files.c.application_id == application_id)
                        .order_by(export_files.c.generated_at.desc())
                        .limit(1)
                    )
                )
                .mappings()
                .one()
            )
            return _result(file)
        if row["state"] != ApplicationState.GENERATING:
            audit = worker_audit(row, "file.generation_started")
            row = await move(session, row, ApplicationState.GENERATING, audit, rows_written=0)
        export = await _approved(session, row)
    return row, export


async def _approved(session: Any, row: Row) -> ApprovedExport:
    """The approval as the generation takes it: the units' paths from the org replica."""
    paths = []
    for code in row["scope_units"]:
        unit = await org_units.find(session, code)
        if unit is not None:
            paths.append(unit.scope)
    applicant_unit = await org_units.find(session, row["applicant_unit"])
    return approved_export(
        application_number=row["number"],
        handler=row["handler_name"],
        generated_at=datetime.now(UTC),
        generation_id=uuid.uuid4().hex,
        unit_name=applicant_unit.name if applicant_unit else row["applicant_unit"],
        field_keys=[f["field"] for f in row["fields"]],
        unit_paths=paths,
    )


class _Progress:
    """Rows written, onto the application row as the writer reports them (every 10 000 rows):
    each report is a small update of its own, never held back by the file's transaction."""

    def __init__(self, db: Database, application_id: str) -> None:
        self._db = db
        self._id = application_id
        self._writes: set[asyncio.Task[None]] = set()

    def report(self, rows: int) -> None:
        activity.heartbeat(rows)
        task = asyncio.ensure_future(self._note(rows))
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def _note(self, rows: int) -> None:
        async with self._db.sessions() as session, session.begin():
            # Reports may land out of order: a count never goes back.
            await session.execute(
                update(export_applications)
                .where(
                    export_applications.c.id == self._id,
                    export_applications.c.rows_written < rows,
                )
                .values(rows_written=rows, updated_at=func.now())
            )

    async def settled(self) -> None:
        if self._writes:
            await asyncio.gather(*self._writes)


async def _finish(
    db: Database, row: Row, export: ApprovedExport, generated: GeneratedFile
) -> GenerateFileResult:
    async with UnitOfWork(db, outbox) as uow:
        current = await locked(uow.session, str(row["id"]))
        file_format = FileFormat(current["file_format"])
        await record_generated(uow.session, str(row["id"]), export, generated, file_format)
        audit = worker_audit(
            current,
            "file.generated",
            {
                "generation_id": export.generation_id,
                "rows": generated.rows,
                "sha256": generated.sha256,
            },
        )
        await move(uow.session, current, ApplicationState.READY, audit, rows_written=generated.rows)
        fields = list(export.keys)
        ends = end_of_use(current["use_until"])
        uow.publish(messages.generated(current, export, generated, fields, ends))
        await uow.commit()
    return GenerateFileResult(
        object_key=generated.object_key,
        file_name=generated.file_name,
        rows=generated.rows,
        size_bytes=generated.size_bytes,
        sha256=generated.sha256,
    )
