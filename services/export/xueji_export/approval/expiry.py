"""`export.expire_application`: the period of use is over. The application's objects are
deleted from storage (everything under its number), then, in one transaction, its files are
marked deleted and it is set expired, audited, with export.expired. Idempotent: deleting what
is gone does nothing, and an expired application stays so."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from minio import Minio
from minio.deleteobjects import DeleteObject
from sqlalchemy import select, update

from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_export.applications.states import ApplicationState
from xueji_export.approval import messages
from xueji_export.approval.transitions import locked, move, worker_audit
from xueji_export.files.tables import export_files
from xueji_export.schema import outbox
from xueji_workflows.export_approval.activities import ExpireApplicationResult


def object_prefix(application_number: str) -> str:
    """Every object of an application's files lies under its number (files.generation)."""
    return f"{application_number}/"


def delete_objects(storage: Minio, bucket: str, prefix: str) -> int:
    """Blocking; how many objects were removed."""
    names = [o.object_name for o in storage.list_objects(bucket, prefix=prefix, recursive=True)]
    if names:
        errors = list(storage.remove_objects(bucket, [DeleteObject(n) for n in names if n]))
        if errors:
            raise RuntimeError(f"{len(errors)} objects not deleted under {prefix}: {errors[0]}")
    return len(names)


async def expire_application(
    db: Database, storage: Minio, bucket: str, application_id: str
) -> ExpireApplicationResult:
    async with db.sessions() as session:
        row = await locked(session, application_id)
        number = row["number"]
    deleted = await asyncio.to_thread(delete_objects, storage, bucket, object_prefix(number))
    now = datetime.now(UTC)
    async with UnitOfWork(db, outbox) as uow:
        row = await locked(uow.session, application_id)
        if row["state"] == ApplicationState.EXPIRED:
            return ExpireApplicationResult(deleted)
        files = list(
            await uow.session.scalars(
                select(export_files.c.generation_id)
                .where(export_files.c.application_id == application_id)
                .order_by(export_files.c.generated_at)
            )
        )
        await uow.session.execute(
            update(export_files)
            .where(
                export_files.c.application_id == application_id, export_files.c.deleted_at.is_(None)
            )
            .values(deleted_at=now)
        )
        audit = worker_audit(
            row,
            "application.expired",
            {"deleted_objects": deleted, "files": [str(f) for f in files]},
        )
        await move(uow.session, row, ApplicationState.EXPIRED, audit, current_step=None)
        last_file = str(files[-1]) if files else ""
        uow.publish(messages.expired(row, last_file, now, file_deleted=bool(files)))
        await uow.commit()
    return ExpireApplicationResult(deleted)
