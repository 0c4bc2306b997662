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
from xueji_registry.imports.bulk_record import BulkRecordBuilder, StagedRecords
from xueji_registry.imports.cell_archive import PackedCells, pack
from xueji_registry.imports.cells import CellValue, cell_text
from xueji_registry.imports.chunk_reading import chunk_rows
from xueji_registry.imports.duplicate_keys import HashedKeys, key_hash
from xueji_registry.imports.mini_workbook import PackageParts
from xueji_registry.imports.row_reading import read_row
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.imports.sheet_chunks import SheetChunk
from xueji_registry.pupils.entry.candidates import ValidatedPupil


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
    trace_id: str | None = None  # carried by the pupil.created events


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
    # Hashes of every row's ID number and local number: duplicates span chunks.
    id_keys: HashedKeys = field(default_factory=HashedKeys)
    local_keys: HashedKeys = field(default_factory=HashedKeys)
    staged: StagedRecords | None = None
    staged_cells: PackedCells | None = None
    pending: list[PendingRow] = field(default_factory=list)


def row_cells(values: list[CellValue], width: int) -> tuple[str, ...]:
    cells = [v if type(v) is str else cell_text(v) for v in values[:width]]
    return tuple(cells + [""] * (width - len(cells)))


def is_blank(values: list[CellValue], columns: tuple[int, ...]) -> bool:
    """No content in the template's columns (what the report added does not count)."""
    # Calamine gives "" for an empty cell; any other value is content unless it is spaces.
    width = len(values)
    return all(
        i >= width or (v := values[i]) == "" or (type(v) is str and not v.strip())
        for i in columns
    )


def work_on_chunk(job: ImportJob, chunk: SheetChunk) -> ChunkResult:
    result = ChunkResult()
    builder = BulkRecordBuilder(job.context, job.actor, job.import_id, job.trace_id)
    staged_cells: list[tuple[str, ...]] = []
    id_column = job.layout.get("id_number")
    local_column = job.layout.get("local_number")
    columns = tuple(job.layout.values())
    formulas: dict[int, set[int]] = {}
    for row, column in chunk.formula_cells:
        formulas.setdefault(row, set()).add(column)
    for row, values in chunk_rows(chunk, job.parts):
        if row <= job.header_row or is_blank(values, columns):
            continue
        result.rows += 1
        id_key = key_hash(_at(values, id_column))
        result.id_keys.add(row, id_key)
        result.local_keys.add(row, key_hash(_at(values, local_column)))
        outcome = read_row(row, values, job.layout, job.context, frozenset(formulas.get(row, ())))
        cells = row_cells(values, job.width)
        if outcome.stored is not None:
            builder.add(row, outcome.stored, id_key)
            staged_cells.append(cells)
        elif outcome.pending is not None:
            result.pending.append(PendingRow(row, cells, outcome.pending))
        else:
            result.failed.append(FailedRow(row, cells, outcome.reasons))
    result.staged = builder.staged()
    result.staged_cells = pack(result.staged.rows, staged_cells)
    return result


def _at(values: list[CellValue], column: int | None) -> str:
    if column is None or column >= len(values):
        return ""
    value = values[column]
    return value if type(value) is str else cell_text(value)
