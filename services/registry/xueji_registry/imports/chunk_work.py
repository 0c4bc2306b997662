"""The work on one chunk, run in a worker process: read, check, and prepare the inserts.

Rows whose national number is known here (G + a valid ID number, nearly all
of them) leave as COPY text, their pupil.created payload included; rows that
need a temporary number from the counters leave as validated pupils for the
pupils service's own insert.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xueji_common.auth.principal import Principal
from xueji_registry.domain.reasons import Reason
from xueji_registry.imports.bulk_record import CELL_SEPARATOR, BulkRecordBuilder
from xueji_registry.imports.cells import CellValue, cell_text
from xueji_registry.imports.chunk_reading import chunk_rows
from xueji_registry.imports.mini_workbook import PackageParts
from xueji_registry.imports.row_reading import is_blank, read_row
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.imports.sheet_chunks import SheetChunk
from xueji_registry.pupils.candidates import ValidatedPupil
from xueji_registry.pupils.drafting import national_number_for


@dataclass(frozen=True)
class ImportJob:
    """What every chunk of one import shares."""

    import_id: str
    context: SchoolContext
    layout: dict[str, int]  # template field → 0-based column
    width: int  # header columns, kept for the error report
    header_row: int  # 1-based; data starts below it
    parts: PackageParts
    actor: Principal


@dataclass(frozen=True)
class FailedRow:
    row: int
    cells: tuple[str, ...]  # as uploaded, one per header column
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class PendingRow:
    """A valid row without an ID-shaped number: the pupils service issues its number."""

    row: int
    cells: tuple[str, ...]
    pupil: ValidatedPupil


@dataclass
class ChunkResult:
    rows: int = 0  # rows with any content
    failed: list[FailedRow] = field(default_factory=list)
    # (row, ID number, local number) as typed, for every row: duplicates span chunks.
    keys: list[tuple[int, str, str]] = field(default_factory=list)
    staged: bytes = b""  # COPY text, columns `BulkRecordBuilder.columns`
    staged_rows: int = 0
    pending: list[PendingRow] = field(default_factory=list)


def row_cells(values: list[CellValue], width: int) -> tuple[str, ...]:
    cells = [cell_text(value) for value in values[:width]]
    return tuple(cells + [""] * (width - len(cells)))


def work_on_chunk(job: ImportJob, chunk: SheetChunk) -> ChunkResult:
    result = ChunkResult()
    builder = BulkRecordBuilder(job.context, job.actor, job.import_id)
    lines: list[str] = []
    id_column = job.layout.get("id_number")
    local_column = job.layout.get("local_number")
    formulas: dict[int, set[int]] = {}
    for row, column in chunk.formula_cells:
        formulas.setdefault(row, set()).add(column)
    for row, values in chunk_rows(chunk, job.parts):
        if row <= job.header_row or is_blank(values):
            continue
        result.rows += 1
        result.keys.append((row, _at(values, id_column), _at(values, local_column)))
        outcome = read_row(row, values, job.layout, job.context, frozenset(formulas.get(row, ())))
        if outcome.pupil is None:
            result.failed.append(FailedRow(row, row_cells(values, job.width), outcome.reasons))
            continue
        number = national_number_for(outcome.pupil, id_conflict=False)
        if number is None:
            result.pending.append(PendingRow(row, row_cells(values, job.width), outcome.pupil))
            continue
        cells = CELL_SEPARATOR.join(row_cells(values, job.width))
        lines.append(builder.line(row, outcome.pupil, number, cells))
    result.staged = "".join(lines).encode()
    result.staged_rows = len(lines)
    return result


def _at(values: list[CellValue], column: int | None) -> str:
    if column is None or column >= len(values):
        return ""
    return cell_text(values[column])
