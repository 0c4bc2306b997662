"""Reading a stored import report back, for whoever may see the school's imports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_registry.domain.reasons import Reason
from xueji_registry.imports.chunk_work import FailedRow
from xueji_registry.imports.report import ImportReport
from xueji_registry.imports.tables import import_failures, imports
from xueji_registry.pupils.reading.access import READERS


@dataclass(frozen=True)
class StoredImport:
    report: ImportReport
    headers: tuple[str, ...]
    file_name: str


async def load_import(
    session: AsyncSession, actor: Principal, import_id: uuid.UUID
) -> StoredImport:
    row = (await session.execute(select(imports).where(imports.c.id == import_id))).first()
    visible = (
        row is not None
        and actor.role in READERS
        and actor.covers(row.scope_path)
        and (actor.role is not Role.CLASS_TEACHER or row.imported_by == actor.account_id)
    )
    if not visible:
        raise DomainError(errors.NOT_FOUND, field="import_id")
    failures = (
        await session.execute(
            select(import_failures)
            .where(import_failures.c.import_id == import_id)
            .order_by(import_failures.c.row_number)
        )
    ).all()
    report = ImportReport(
        import_id=row.id,
        rows_total=row.rows_total,
        rows_applied=row.rows_applied,
        rows_unchanged=row.rows_unchanged,
        failures=tuple(
            FailedRow(
                f.row_number,
                tuple(f.cells),
                tuple(Reason(r["code"], r["field"], r["message"], r["value"]) for r in f.reasons),
            )
            for f in failures
        ),
    )
    return StoredImport(report, tuple(row.headers), row.file_name)
