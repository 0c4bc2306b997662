"""The import report as the API answers it."""

from __future__ import annotations

import uuid

from pydantic import BaseModel

from xueji_registry.imports.report import ImportReport, column_of


class RowError(BaseModel):
    row: int
    column: str | None
    field: str
    value: str | None
    code: str
    message: str


class ImportReportRead(BaseModel):
    import_id: uuid.UUID
    rows_total: int
    rows_applied: int
    rows_unchanged: int
    rows_failed: int
    errors: list[RowError]
    errors_truncated: bool

    @classmethod
    def of(cls, report: ImportReport, *, limit: int) -> ImportReportRead:
        errors: list[RowError] = []
        for failure in report.failures:
            for r in failure.reasons:
                errors.append(
                    RowError(
                        row=failure.row,
                        column=column_of(r),
                        field=r.field,
                        value=r.value,
                        code=str(r.code),
                        message=r.message,
                    )
                )
        return cls(
            import_id=report.import_id,
            rows_total=report.rows_total,
            rows_applied=report.rows_applied,
            rows_unchanged=report.rows_unchanged,
            rows_failed=report.rows_failed,
            errors=errors[:limit],
            errors_truncated=len(errors) > limit,
        )
