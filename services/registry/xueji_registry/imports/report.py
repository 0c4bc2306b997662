"""The import report: counts and every failed row with its reasons, stored with the import."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg

from xueji_common.auth.principal import Principal
from xueji_registry.domain.reasons import Reason
from xueji_registry.imports.chunk_work import FailedRow
from xueji_registry.imports.columns import BY_FIELD
from xueji_registry.imports.pipeline import RowLedger
from xueji_registry.schema import SCHEMA


@dataclass(frozen=True)
class ImportedFile:
    name: str
    sha256: str
    size: int
    sheet_name: str
    headers: tuple[str, ...]


@dataclass(frozen=True)
class ImportReport:
    import_id: uuid.UUID
    rows_total: int
    rows_applied: int
    rows_unchanged: int
    failures: tuple[FailedRow, ...]  # in row order

    @property
    def rows_failed(self) -> int:
        return len(self.failures)


def column_of(reason: Reason) -> str | None:
    column = BY_FIELD.get(reason.field)
    return column.header if column is not None else None


def reason_json(reason: Reason) -> dict[str, str | None]:
    return {
        "code": str(reason.code),
        "field": reason.field,
        "column": column_of(reason),
        "message": reason.message,
        "value": reason.value,
    }


def assemble_failures(ledger: RowLedger) -> list[FailedRow]:
    failures = dict(ledger.failed)
    if ledger.late:
        found = ledger.cells(sorted(ledger.late))
        for row, reasons in ledger.late.items():
            cells = found.get(row, ())
            earlier = failures[row].reasons if row in failures else ()
            failures[row] = FailedRow(row, cells, (*earlier, *reasons))
    return [failures[row] for row in sorted(failures)]


async def store_report(
    connection: asyncpg.Connection,
    report: ImportReport,
    *,
    actor: Principal,
    school_code: str,
    scope_path: str,
    class_id: uuid.UUID | None,
    upload: ImportedFile,
) -> None:
    await connection.execute(
        f"""
        INSERT INTO {SCHEMA}.imports (
            id, school_code, scope_path, class_id, file_name, file_sha256, file_size, sheet_name,
            headers, rows_total, rows_applied, rows_unchanged, rows_failed,
            imported_by, imported_by_name, imported_by_role
        ) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        """,
        report.import_id, school_code, scope_path, class_id, upload.name, upload.sha256,
        upload.size, upload.sheet_name, list(upload.headers), report.rows_total,
        report.rows_applied, report.rows_unchanged, report.rows_failed,
        actor.account_id, actor.name, actor.role.value,
    )  # fmt: skip
    if report.failures:
        await connection.copy_records_to_table(
            "import_failures",
            schema_name=SCHEMA,
            columns=["import_id", "row_number", "cells", "reasons"],
            records=_failure_records(report.import_id, report.failures),
        )


def _failure_records(import_id: uuid.UUID, failures: Sequence[FailedRow]) -> list[tuple]:
    return [
        (
            import_id,
            failure.row,
            list(failure.cells),
            json.dumps([reason_json(r) for r in failure.reasons], ensure_ascii=False),
        )
        for failure in failures
    ]
